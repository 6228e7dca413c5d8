package ui

import (
	"database/sql"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"inreach/diary"
	"inreach/newsletter"
	"inreach/notes"
	"inreach/vault"
)

// saveDelay is how long after the last change the vault is saved. Typing
// never waits for a save: saves run on their own goroutine.
var saveDelay = 1500 * time.Millisecond

// maxSaveDelay bounds how long changes wait on disk while the user keeps
// typing (each change would otherwise push the save back again).
var maxSaveDelay = 20 * time.Second

// Session is an unlocked vault and the stores over its database.
type Session struct {
	Vault *vault.Vault
	DB    *sql.DB

	Notes   *notes.Store      // women, contacts, actions, events, directory, drafts, settings
	Diary   *diary.Store      // reflective entries and supervision
	Letters *newsletter.Store // correspondence and newsletter issues

	onError func(error)

	mu      sync.Mutex
	timer   *time.Timer
	pending time.Time // when the oldest unsaved change was made
	saving  sync.Mutex
	closed  bool
}

func newSession(v *vault.Vault, onError func(error)) *Session {
	db := v.DB()
	return &Session{Vault: v, DB: db, onError: onError,
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
	now := time.Now()
	if s.timer != nil {
		if now.Sub(s.pending) >= maxSaveDelay {
			return // overdue: let the pending save run
		}
		s.timer.Stop()
	} else {
		s.pending = now
	}
	s.timer = time.AfterFunc(min(saveDelay, maxSaveDelay-now.Sub(s.pending)), func() {
		s.mu.Lock()
		s.timer = nil
		s.mu.Unlock()
		if err := s.Save(); err != nil && s.onError != nil {
			fyne.Do(func() { s.onError(err) })
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

// Close saves pending changes and closes the vault, wiping its keys.
func (s *Session) Close() error {
	s.mu.Lock()
	if s.timer != nil {
		s.timer.Stop()
	}
	s.mu.Unlock()
	err := s.Save()
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.saving.Lock()
	defer s.saving.Unlock()
	if cerr := s.Vault.Close(); err == nil {
		err = cerr
	}
	return err
}
