package newsletter

import (
	"database/sql"
	"fmt"

	"inreach/schema"
)

// Store reads and writes letters and newsletter issues in one vault
// database.
type Store struct {
	// DB is the vault's database (one connection).
	DB *sql.DB
	// Today returns today's date as "YYYY-MM-DD"; it decides which replies
	// are overdue. New sets it to the local date from the clock; tests set
	// a fixed day. A nil Today means the clock.
	Today func() string
}

// New returns a Store on db whose Today is the local date from the clock.
func New(db *sql.DB) *Store {
	return &Store{DB: db, Today: ClockToday}
}

// ClockToday is today's date in local time as "YYYY-MM-DD".
func ClockToday() string { return schema.ClockToday() }

// withTx runs fn in a transaction (schema.WithTx).
func (s *Store) withTx(fn func(tx *sql.Tx) error) error { return schema.WithTx(s.DB, fn) }

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
}

// Setting keys this package reads: the service's own contact details,
// which may appear in a newsletter (the safety check does not flag them).
const (
	SettingOrgPhone   = "org_phone"
	SettingOrgAddress = "org_address"
	SettingOrgEmail   = "org_email"
	// SettingOrganisation is the service's name (shared with package notes).
	SettingOrganisation = "organisation"
)

// Setting returns the value stored under key in the settings table, or ""
// when there is none.
func (s *Store) Setting(key string) (string, error) {
	return setting(s.DB, key)
}

func setting(q querier, key string) (string, error) {
	var v string
	err := q.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading setting %q: %w", key, err)
	}
	return v, nil
}

// nullStr turns "" into NULL for nullable columns.
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// b2i stores a bool as 0/1.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
