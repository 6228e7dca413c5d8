// Package schema holds the database schema of an Inreach vault, as numbered
// migrations the vault applies, and the enumerations of the interchange
// format. It is shared by every domain package.
//
// Every domain package works on a *sql.DB that has exactly one connection
// (the vault's in-memory database). Two rules follow for all code:
//
//   - never run a second query while a *sql.Rows is still open outside a
//     transaction (with one connection the second query waits forever):
//     read all rows, Close, then query again;
//   - inside a transaction use the *sql.Tx for every statement.
package schema

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"regexp"
	"time"

	"inreach/vault"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver ("sqlite3")
)

// Migrations is the whole schema history, oldest first. Append only: a
// released migration is never edited.
var Migrations = []vault.Migration{
	{Version: 1, Name: "records", SQL: v1},
	{Version: 2, Name: "search index", SQL: v2},
	{Version: 3, Name: "indexes for listing and timelines", SQL: v3},
	{Version: 4, Name: "outcomes: readings, person and event facts", SQL: vOutcomes},
	{Version: 5, Name: "identity, team list and bundles", SQL: vTeamwork},
}

// OpenMemory opens a fresh, private in-memory database with the schema
// applied, limited to one connection as the vault's is. It is for tests and
// tools; the app's database comes from the vault.
func OpenMemory() (*sql.DB, error) {
	db, err := vault.OpenMemoryDB()
	if err != nil {
		return nil, err
	}
	if err := vault.Migrate(context.Background(), db, Migrations); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// NewID returns a new record id: a short prefix naming the kind ("p" for a
// person, "c" for a contact …) and 12 random hex digits.
func NewID(prefix string) string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return prefix + "-" + hex.EncodeToString(b[:])
}

// DateLayout is the one date format of the app and the interchange file.
const DateLayout = "2006-01-02"

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// ParseDate parses a YYYY-MM-DD date that exists on the calendar
// ("2025-02-30" is refused).
func ParseDate(s string) (time.Time, error) {
	if !dateRE.MatchString(s) {
		return time.Time{}, &DateError{Value: s, Reason: "use the form YYYY-MM-DD, for example 2025-07-04"}
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, &DateError{Value: s, Reason: "that day does not exist"}
	}
	return t, nil
}

// ValidDate reports whether s is a real YYYY-MM-DD date.
func ValidDate(s string) bool {
	_, err := ParseDate(s)
	return err == nil
}

var timeRE = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)

// ValidTime reports whether s is a 24-hour HH:MM time.
func ValidTime(s string) bool { return timeRE.MatchString(s) }

// A DateError says why a date was refused.
type DateError struct {
	Value  string
	Reason string
}

func (e *DateError) Error() string {
	return "\"" + e.Value + "\" is not a date: " + e.Reason
}

// ClockToday is today's date in local time, YYYY-MM-DD.
func ClockToday() string { return time.Now().Format(DateLayout) }

// WithTx runs fn in a transaction on db, committing if it returns nil and
// rolling back otherwise. (With the vault's one connection, fn must use tx
// for every statement.)
func WithTx(db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return fmt.Errorf("starting a change: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("saving the change: %w", err)
	}
	return nil
}
