package ui

import (
	"database/sql"
	"sync"
	"time"

	"inreach/diary"
	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui/kit"
	"inreach/vault"
)

// saveDelay is how long after the last change the vault is saved. Typing
// never waits for a save: saves run on their own goroutine.
const saveDelay = 1500 * time.Millisecond

// maxSaveDelay bounds how long changes wait on disk while the user keeps
// typing (each change would otherwise push the save back again).
const maxSaveDelay = 20 * time.Second

// Session is an unlocked vault, the stores over its database, and the
// timers and background saves that live as long as it is open.
type Session struct {
	Vault *vault.Vault
	DB    *sql.DB

	Notes   *notes.Store      // women, contacts, actions, events, directory, drafts, settings
	Diary   *diary.Store      // reflective entries and supervision
	Letters *newsletter.Store // correspondence and newsletter issues

	timers  *kit.Timers
	jobs    *kit.Jobs
	onError func(error)

	mu        sync.Mutex
	saveTimer *kit.Timer
	retry     *kit.Timer // retries a failing save (UI goroutine only)
	pending   time.Time  // when the oldest unsaved change was made
	saving    sync.Mutex
	closed    bool
}

func newSession(v *vault.Vault, clock kit.Clock, jobs *kit.Jobs, onError func(error)) *Session {
	db := v.DB()
	return &Session{Vault: v, DB: db, onError: onError, timers: kit.NewTimers(clock), jobs: jobs,
		Notes: notes.New(db), Diary: diary.New(db), Letters: newsletter.New(db)}
}

// Changed schedules a save shortly after the last change, and at most
// maxSaveDelay after the first unsaved one.
func (s *Session) Changed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	now := s.timers.Clock().Now()
	if s.saveTimer != nil {
		if now.Sub(s.pending) >= maxSaveDelay {
			return // overdue: let the pending save run
		}
		s.saveTimer.Stop()
	} else {
		s.pending = now
	}
	s.saveTimer = s.timers.After(min(saveDelay, maxSaveDelay-now.Sub(s.pending)), s.saveSoon)
}

// saveSoon saves off the UI goroutine, reporting a failure on it.
func (s *Session) saveSoon() {
	s.mu.Lock()
	s.saveTimer = nil
	s.mu.Unlock()
	var err error
	s.jobs.Go(func() { err = s.Save() }, func() {
		if err != nil && s.onError != nil {
			s.onError(err)
		}
	})
}

// Save writes the vault now if anything changed.
func (s *Session) Save() error {
	s.saving.Lock()
	defer s.saving.Unlock()
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return nil
	}
	return s.Vault.Save()
}

// Close saves pending changes and then closes the vault, wiping its keys
// and stopping the session's timers. If the save fails, Close returns its
// error and leaves the vault open: closing would throw the changes away.
func (s *Session) Close() error {
	if err := s.finish(); err != nil {
		return err
	}
	s.saving.Lock()
	defer s.saving.Unlock()
	return s.Vault.Close()
}

// CloseInBackground is Close for the lock: it saves now (an append to the
// vault's change journal, quick) and, once that worked, ends the session at
// once; closing the vault — compacting its journal into a new base image
// and wiping its keys, which can take seconds on a large vault — runs as
// background work, and done (if not nil) is called when it has finished.
// A compaction that fails loses nothing: the journal it would have merged
// is still in the file.
func (s *Session) CloseInBackground(done func()) error {
	if err := s.finish(); err != nil {
		return err
	}
	v := s.Vault
	s.jobs.Go(func() {
		s.saving.Lock()
		defer s.saving.Unlock()
		v.Close()
		if done != nil {
			done()
		}
	}, nil)
	return nil
}

// finish stops the save timer, saves, and marks the session closed.
func (s *Session) finish() error {
	s.mu.Lock()
	s.saveTimer.Stop()
	s.saveTimer = nil
	s.mu.Unlock()
	if err := s.Save(); err != nil {
		return err
	}
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.timers.StopAll()
	return nil
}
