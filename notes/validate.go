package notes

import (
	"database/sql"
	"fmt"

	"inreach/schema"
)

// MaxTextBytes is the most one text field may hold (see schema.MaxTextBytes).
const MaxTextBytes = schema.MaxTextBytes

// exists reports whether table has a row with this id. table is one of the
// package's own constant table names, never user input.
func exists(q querier, table, id string) (bool, error) {
	var one int
	err := q.QueryRow("SELECT 1 FROM "+table+" WHERE id = ?", id).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("looking up %s %q: %w", table, id, err)
	}
	return true, nil
}

// querier is what *sql.DB and *sql.Tx share for single-row reads and writes.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
}

// nullStr turns "" into NULL for nullable columns.
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// str reads a nullable text column as "" for NULL.
func str(ns sql.NullString) string { return ns.String }

// b2i stores a bool as 0/1.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nullInt is nil for an absent number, else the number.
func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// intPtr is nil for NULL, else a pointer to the number.
func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// MaxPreviousSentences and MaxNoticeDays: see schema.
const (
	MaxPreviousSentences = schema.MaxPreviousSentences
	MaxNoticeDays        = schema.MaxNoticeDays
)
