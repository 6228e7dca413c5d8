package notes

import (
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

// testToday is the fixed "today" of every test store.
const testToday = "2025-07-10"

// newStore returns a Store on a fresh in-memory vault database whose today
// is testToday.
func newStore(t *testing.T) *Store {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	s := New(db)
	s.TodayFunc = func() string { return testToday }
	return s
}

// mustPerson saves a person with just a name and status and returns her id.
func mustPerson(t *testing.T, s *Store, name, status string) string {
	t.Helper()
	p := &Person{Name: name, Status: status}
	require.NoError(t, s.SavePerson(p))
	return p.ID
}

// mustPrison saves a prison and returns its id.
func mustPrison(t *testing.T, s *Store, name string) string {
	t.Helper()
	e := &Establishment{Name: name, Kind: "prison"}
	require.NoError(t, s.SaveEstablishment(e))
	return e.ID
}

// requireField asserts err is a ValidationError with a problem at field.
func requireField(t *testing.T, err error, field string) {
	t.Helper()
	require.Error(t, err)
	v, ok := AsValidation(err)
	require.True(t, ok, "want a ValidationError, got %v", err)
	require.True(t, v.Has(field), "want a problem at %s, got %v", field, v)
}

func intp(v int) *int { return &v }

// count returns SELECT count(*) FROM table WHERE where.
func count(t *testing.T, s *Store, table, where string, args ...any) int {
	t.Helper()
	var n int
	q := "SELECT count(*) FROM " + table
	if where != "" {
		q += " WHERE " + where
	}
	require.NoError(t, s.DB.QueryRow(q, args...).Scan(&n))
	return n
}
