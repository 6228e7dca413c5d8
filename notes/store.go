// Package notes keeps the casework records of an Inreach vault: the women
// (people), establishments, the agency directory, contacts and visits with a
// row per woman, release-day plans, actions, outcome events, each woman's
// timeline, the Today screen, autosaved form drafts and settings.
//
// Conventions of the whole package:
//
//   - Dates are strings "YYYY-MM-DD"; an absent date is "" (NULL in the
//     database). Times are "HH:MM" (24-hour) or "".
//   - Ids are strings. Saving a record with an empty ID gives it a new id
//     (schema.NewID) and writes it back into the struct; saving with an ID
//     inserts or updates that record (so an importer can keep its ids).
//   - Every Save validates first. Bad input returns a ValidationError that
//     lists each problem by the Go field name of the struct ("ReleaseDate",
//     "People[1].Wellbeing"); nothing is written when it does.
//   - A record that does not exist gives an error matching ErrNotFound.
//   - Text is stored exactly as given (any Unicode, quotes, SQL-looking
//     text), except that names are trimmed of surrounding spaces. One text
//     field may hold at most MaxTextBytes.
//   - Every function works on one connection: each query's rows are read and
//     closed before the next query runs, and a transaction uses its *sql.Tx
//     for every statement.
package notes

import (
	"database/sql"

	"inreach/schema"
)

// Store reads and writes casework records in one vault database.
type Store struct {
	// DB is the vault's database (one connection).
	DB *sql.DB
	// TodayFunc returns today's date as "YYYY-MM-DD". It decides what is
	// in the past or overdue. New sets it to ClockToday (the local date);
	// tests set a fixed day. Nil means ClockToday. (It is not called Today
	// because the method Today builds the Today screen.)
	TodayFunc func() string
}

// New returns a Store on db whose TodayFunc is the local date from the clock.
func New(db *sql.DB) *Store {
	return &Store{DB: db, TodayFunc: ClockToday}
}

// ClockToday is today's date in local time as "YYYY-MM-DD".
func ClockToday() string { return schema.ClockToday() }

// today is the store's idea of today.
func (s *Store) today() string {
	if s.TodayFunc == nil {
		return ClockToday()
	}
	return s.TodayFunc()
}

// withTx runs fn in a transaction (schema.WithTx).
func (s *Store) withTx(fn func(tx *sql.Tx) error) error { return schema.WithTx(s.DB, fn) }

// addDays returns date plus n days (date must be valid).
func addDays(date string, n int) string {
	t, err := schema.ParseDate(date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, n).Format(schema.DateLayout)
}
