package notes

import (
	"database/sql"
	"fmt"
	"inreach/schema"
	"strings"
	"sync"
	"time"
)

// draftLayout is RFC 3339 with a fixed number of digits, so stamps sort
// as text.
const draftLayout = "2006-01-02T15:04:05.000000000Z07:00"

var (
	draftMu   sync.Mutex
	lastDraft time.Time
)

// draftStamp is the time now in UTC, always later than the previous stamp,
// so the draft saved last is listed first even when the clock is coarse.
func draftStamp() string {
	draftMu.Lock()
	defer draftMu.Unlock()
	now := time.Now().UTC()
	if !now.After(lastDraft) {
		now = lastDraft.Add(time.Nanosecond)
	}
	lastDraft = now
	return now.Format(draftLayout)
}

// A DraftInfo describes one autosaved form without its body.
type DraftInfo struct {
	Key       string // chosen by the screen, e.g. "contact:c-1a2b…" or "contact:new"
	Kind      string // what form it is, e.g. "contact", "diary"
	Title     string // words to show in a "carry on where you left off" list
	UpdatedAt string // RFC 3339 in UTC with nanoseconds, e.g. 2025-07-10T09:30:00.000000000Z
}

// SaveDraft stores (or replaces) the autosaved body of a form under key.
// body is the screen's own encoding (JSON) and is kept exactly.
func (s *Store) SaveDraft(key, kind, title string, body []byte) error {
	var c schema.Checker
	if strings.TrimSpace(key) == "" {
		c.Add("Key", "A draft needs a key.")
	}
	if strings.TrimSpace(kind) == "" {
		c.Add("Kind", "A draft needs a kind.")
	}
	c.Text("Title", title)
	if len(body) > 16*MaxTextBytes {
		c.Add("Body", "This draft is too large to keep (%s; the most is 16 MiB).", schema.SizeWords(len(body)))
	}
	if err := c.Err(); err != nil {
		return err
	}
	_, err := s.DB.Exec(`INSERT INTO drafts(key, kind, title, body, updated_at) VALUES(?,?,?,?,?)
		ON CONFLICT(key) DO UPDATE SET kind=excluded.kind, title=excluded.title,
			body=excluded.body, updated_at=excluded.updated_at`,
		key, kind, title, string(body), draftStamp())
	if err != nil {
		return fmt.Errorf("saving a draft: %w", err)
	}
	return nil
}

// LoadDraft returns the body saved under key; ok is false if there is none.
func (s *Store) LoadDraft(key string) (body []byte, ok bool, err error) {
	var b string
	err = s.DB.QueryRow(`SELECT body FROM drafts WHERE key = ?`, key).Scan(&b)
	if err == sql.ErrNoRows {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("reading a draft: %w", err)
	}
	return []byte(b), true, nil
}

// DeleteDraft removes the draft under key (no error if there is none).
func (s *Store) DeleteDraft(key string) error {
	if _, err := s.DB.Exec(`DELETE FROM drafts WHERE key = ?`, key); err != nil {
		return fmt.Errorf("deleting a draft: %w", err)
	}
	return nil
}

// ListDrafts describes every saved draft, most recently saved first.
func (s *Store) ListDrafts() ([]DraftInfo, error) {
	var out []DraftInfo
	err := s.each(`SELECT key, kind, title, updated_at FROM drafts ORDER BY updated_at DESC, key`, nil,
		func(r *sql.Rows) error {
			var d DraftInfo
			if err := r.Scan(&d.Key, &d.Kind, &d.Title, &d.UpdatedAt); err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("listing drafts: %w", err)
	}
	return out, nil
}
