package ui

import (
	"context"
	"database/sql"
	"time"

	"fyne.io/fyne/v2"

	"inreach/diary"
	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui/kit"
	"inreach/ui/start"
	"inreach/vault"
)

// screenEnv is the Env the screens of one session see.
type screenEnv struct {
	u *UI
	s *Session
}

var _ kit.Env = (*screenEnv)(nil)

func (e *screenEnv) Window() fyne.Window                        { return e.u.Win }
func (e *screenEnv) Notes() *notes.Store                        { return e.s.Notes }
func (e *screenEnv) Diary() *diary.Store                        { return e.s.Diary }
func (e *screenEnv) Letters() *newsletter.Store                 { return e.s.Letters }
func (e *screenEnv) DB() *sql.DB                                { return e.s.DB }
func (e *screenEnv) Vault() *vault.Vault                        { return e.s.Vault }
func (e *screenEnv) Changed()                                   { e.s.Changed() }
func (e *screenEnv) Save() error                                { return e.s.Save() }
func (e *screenEnv) SaveFailed(err error)                       { e.u.showSaveError(err) }
func (e *screenEnv) Locked() bool                               { return e.u.Sess != e.s }
func (e *screenEnv) Now() time.Time                             { return e.u.Clock.Now() }
func (e *screenEnv) Context() context.Context                   { return context.Background() }
func (e *screenEnv) IdleSettingsChanged()                       { e.u.StartIdleWatch() }
func (e *screenEnv) After(d time.Duration, f func()) *kit.Timer { return e.s.timers.After(d, f) }

// Open shows a route, unless this session has been locked meanwhile.
func (e *screenEnv) Open(r kit.Route) {
	if e.Locked() || e.u.Shell == nil {
		return
	}
	e.u.Shell.Open(r)
}

// Go runs work in the background; then runs only if the session is still
// the open one.
func (e *screenEnv) Go(work, then func()) {
	e.u.jobs.Go(work, func() {
		if then != nil && !e.Locked() {
			then()
		}
	})
}

// startScreenEnv is what the create and unlock screens see. It is made on the
// UI goroutine and read by their background work, so it copies what that
// work needs.
type startScreenEnv struct {
	u    *UI
	path string
	opts vault.Options
	held *vault.Vault // the vault still open behind the lock screen, if a save failed
}

func newStartScreenEnv(u *UI) startScreenEnv {
	e := startScreenEnv{u: u, path: u.Path, opts: u.vaultOptions()}
	if u.hidden && u.Sess != nil {
		e.held = u.Sess.Vault
	}
	return e
}

func (e startScreenEnv) Window() fyne.Window    { return e.u.Win }
func (e startScreenEnv) Path() string           { return e.path }
func (e startScreenEnv) Options() vault.Options { return e.opts }

// Go runs the start screens' work (creating, unlocking) once any vault
// still closing after a lock has finished.
func (e startScreenEnv) Go(work, then func()) {
	e.u.jobs.Go(func() {
		e.u.closing.Wait()
		if work != nil {
			work()
		}
	}, then)
}
func (e startScreenEnv) Now() time.Time        { return e.u.Clock.Now() }
func (e startScreenEnv) Opened(v *vault.Vault) { e.u.Opened(v) }

// Held is true when the vault is still open behind the lock screen (a
// save failed): the passphrase shows it again, and the recovery key is
// not needed.
func (e startScreenEnv) Held() bool { return e.held != nil }

// Open opens the vault with the passphrase (called off the UI goroutine);
// while held, it only checks the passphrase against the open vault.
func (e startScreenEnv) Open(pass []byte) (*vault.Vault, error) {
	if e.held != nil {
		if e.held.PassphraseOpens(pass) {
			return e.held, nil
		}
		return nil, vault.ErrWrongPassphrase
	}
	v, err := vault.Open(e.path, pass, e.opts)
	if err != nil {
		return nil, err
	}
	if err := start.EnsureIdentity(v); err != nil {
		v.Close()
		return nil, err
	}
	return v, nil
}
