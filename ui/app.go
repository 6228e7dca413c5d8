// Package ui is Inreach's desktop shell, in Fyne: the window, the
// navigation between sections, the session over an unlocked vault, locking
// and auto-locking. The screens live in one package per section
// (ui/today, ui/women, …), the create and unlock screens in ui/start, and
// what they share in ui/kit. Screens see an Env, never the shell.
package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"inreach/schema"
	"inreach/ui/kit"
	"inreach/ui/start"
	"inreach/vault"
)

// AppID is the application id (FyneApp.toml, preferences, desktop entry).
const AppID = "org.example.inreach"

// UI is the whole desktop app: one window that shows the create or unlock
// screen while the vault is locked, and the main shell while it is open.
type UI struct {
	App  fyne.App
	Win  fyne.Window
	Path string
	nav  kit.Nav

	Sess  *Session // nil while locked
	Shell *shell

	// hidden is true while the lock screen covers an open session: a
	// lock whose save failed keeps the vault open rather than lose work.
	hidden bool

	// lastSection is where the user was when the vault locked, so that
	// unlocking returns there.
	lastSection kit.Section

	// kdf is the key-derivation cost for a new vault (tests make it cheap).
	Kdf vault.KDFParams

	// clock runs the sessions' timers (tests use a FakeClock).
	Clock kit.Clock

	// idle locks the vault after a period without input; lockAfter, when
	// set, overrides the Settings period (tests).
	idle      *idleWatch
	LockAfter time.Duration

	// jobs runs work off the UI goroutine (unlocking, saving, exports),
	// so that tests can wait for all of it.
	jobs *kit.Jobs

	// closing counts vaults still closing in the background after a lock
	// (compacting their change journal); opening a vault waits for it, so
	// the lock file is free and the file whole.
	closing sync.WaitGroup
}

// New builds the app's window for the vault at path, with the sections of
// nav. Call ShowAndRun.
func New(a fyne.App, path string, nav kit.Nav) *UI {
	return NewUI(a, path, nav, kit.SystemClock{}, &kit.Jobs{})
}

func NewUI(a fyne.App, path string, nav kit.Nav, clock kit.Clock, jobs *kit.Jobs) *UI {
	u := &UI{App: a, Path: path, nav: nav, Kdf: vault.DefaultKDF, Clock: clock, jobs: jobs}
	a.Settings().SetTheme(kit.NewTheme(a))
	a.SetIcon(kit.AppIcon)
	u.Win = a.NewWindow("Inreach")
	u.Win.SetIcon(kit.AppIcon)
	u.Win.Resize(fyne.NewSize(1180, 760))
	u.Win.CenterOnScreen()
	u.Win.SetMaster()
	u.Win.SetCloseIntercept(u.quit)
	u.showStart()
	return u
}

// Window is the app's main window.
func (u *UI) Window() fyne.Window { return u.Win }

// ShowAndRun shows the window and runs the app until it quits.
func (u *UI) ShowAndRun() { u.Win.ShowAndRun() }

// Idle waits for every piece of background work (for tests).
func (u *UI) Idle() { u.jobs.Idle() }

// showStart shows the create screen when there is no vault yet, otherwise
// the unlock screen.
func (u *UI) showStart() {
	u.Win.SetMainMenu(nil)
	var content fyne.CanvasObject
	var focus fyne.Focusable
	if vault.Exists(u.Path) {
		content, focus = start.NewUnlockScreen(newStartScreenEnv(u))
	} else {
		content, focus = start.NewCreateScreen(newStartScreenEnv(u))
	}
	u.Win.SetContent(content)
	u.Win.Canvas().Focus(focus)
}

// opened is called on the UI goroutine once the vault is unlocked or created.
func (u *UI) Opened(v *vault.Vault) {
	if u.Sess != nil && u.Sess.Vault == v {
		u.unhide()
		return
	}
	u.Sess = newSession(v, u.Clock, u.jobs, u.showSaveError)
	u.Shell = newShell(u, &screenEnv{u: u, s: u.Sess})
	u.Win.SetContent(u.Shell.content)
	u.Shell.installShortcuts()
	section := u.lastSection
	if section == "" {
		section = kit.Today
	}
	u.Shell.Show(section)
	u.StartIdleWatch()
}

// Lock saves what is in progress, drops the decrypted data and the keys, and
// returns to the unlock screen. When the save fails, nothing is dropped: the
// vault stays open behind a banner that says so, and saving is tried again.
func (u *UI) Lock() { u.lock(false) }

// lock locks; auto is the idle watch's lock, which, when the save fails,
// still hides the window's contents behind the lock screen.
func (u *UI) lock(auto bool) {
	if u.Sess == nil {
		return
	}
	if u.hidden {
		return
	}
	if u.Shell != nil {
		u.Shell.beforeLock()
	}
	u.closing.Add(1)
	if err := u.Sess.CloseInBackground(u.closing.Done); err != nil {
		u.closing.Done()
		// The vault is still open and holds every change: the file on
		// disk is the last good save.
		u.saveFailing(err)
		if auto {
			u.hide()
		}
		return
	}
	u.dropSession()
}

// dropSession forgets the closed session and shows the unlock screen.
func (u *UI) dropSession() {
	u.stopIdleWatch()
	if u.Shell != nil {
		u.lastSection = u.Shell.Current
		u.Shell.removeShortcuts()
	}
	u.Shell = nil
	u.hidden = false
	u.showStart()
	u.Sess = nil // last: a watcher that sees no session sees the unlock screen
}

// quit saves and closes the vault, then quits. When the save fails, the
// app stays open: quitting would lose the changes.
func (u *UI) quit() {
	u.Lock()
	if u.Sess != nil {
		return
	}
	u.closing.Wait() // the vault's own close (journal compaction) finishes first
	u.App.Quit()
}

// backupEvery paces the vault's backups: the app saves a few seconds after
// each change, and ten backups a minute apart would soon be ten copies of
// the same morning.
const backupEvery = 5 * time.Minute

// vaultOptions are the options the app opens and creates vaults with.
func (u *UI) vaultOptions() vault.Options {
	return vault.Options{KDF: u.Kdf, Migrations: schema.Migrations, BackupEvery: backupEvery}
}
