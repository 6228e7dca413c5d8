package diary

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

func newStore(t *testing.T) (*Store, *sql.DB) {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return New(db), db
}

func exec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	_, err := db.Exec(q, args...)
	require.NoError(t, err)
}

// addVisit adds HMP Testbury, two women and a prison visit on date where
// the first was seen and the second refused.
func addVisit(t *testing.T, db *sql.DB, id, date string) {
	t.Helper()
	exec(t, db, `INSERT OR IGNORE INTO establishments (id, name, kind) VALUES ('e1', 'HMP Testbury', 'prison')`)
	exec(t, db, `INSERT OR IGNORE INTO people (id, name, pseudonym) VALUES ('p1', 'Zoë Łukasz', 'Rose'), ('p2', 'Kira Smith', '')`)
	exec(t, db, `INSERT INTO contacts (id, date, start_time, end_time, kind, establishment_id) VALUES (?, ?, '13:30', '15:30', 'prison_visit', 'e1')`, id, date)
	exec(t, db, `INSERT INTO contact_people (contact_id, person_id, position, seen, not_seen_reason) VALUES (?, 'p1', 0, 1, ''), (?, 'p2', 1, 0, 'refused')`, id, id)
}

func entry(date, status string, tags []string, sections ...string) *Entry {
	e := &Entry{Date: date, Template: "visit_reflection", Status: status, Tags: tags}
	keys := []string{"visit_detail", "staff_reflection", "positive_outcome", "negative_outcome", "learning"}
	for i, body := range sections {
		e.Sections = append(e.Sections, SectionText{Key: keys[i], Body: body})
	}
	return e
}

func statusOf(t *testing.T, s *Store, id string) string {
	t.Helper()
	e, err := s.Get(id)
	require.NoError(t, err)
	return e.Status
}
