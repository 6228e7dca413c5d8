package notes

import (
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"inreach/schema"
)

// MaxTextBytes is the most one text field may hold: 1 MiB of UTF-8. A
// longer text is refused with a message, never cut.
const MaxTextBytes = 1 << 20

// checker collects the problems of one form.
type checker struct{ errs ValidationError }

func (c *checker) add(field, format string, args ...any) {
	c.errs = append(c.errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// err returns the collected problems, or nil.
func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// text checks a free-text field: valid UTF-8 and at most MaxTextBytes.
func (c *checker) text(field, v string) {
	if len(v) > MaxTextBytes {
		c.add(field, "This text is too long to keep in one field (%s; the most is 1 MiB, about a million letters). Split it into two notes.", sizeWords(len(v)))
		return
	}
	if !utf8.ValidString(v) {
		c.add(field, "This text contains characters that are not valid text (perhaps pasted from a damaged file). Retype or paste it again.")
	}
}

// name checks a required name (already trimmed).
func (c *checker) name(field, v, what string) {
	if v == "" {
		c.add(field, "Enter %s.", what)
		return
	}
	c.text(field, v)
}

// date checks an optional date ("" is fine unless required).
// It reports whether v is a usable, non-empty date.
func (c *checker) date(field, v string, required bool) bool {
	if v == "" {
		if required {
			c.add(field, "Enter a date (YYYY-MM-DD, for example 2025-07-04).")
		}
		return false
	}
	if _, err := schema.ParseDate(v); err != nil {
		if de, ok := err.(*schema.DateError); ok && strings.Contains(de.Reason, "does not exist") {
			c.add(field, "%s is not a real date: that day does not exist.", v)
		} else {
			c.add(field, "Write the date as YYYY-MM-DD, for example 2025-07-04.")
		}
		return false
	}
	return true
}

// clock checks an optional HH:MM time; it reports whether v is a usable time.
func (c *checker) clock(field, v string) bool {
	if v == "" {
		return false
	}
	if !schema.ValidTime(v) {
		c.add(field, "Write the time as HH:MM on the 24-hour clock, for example 13:30.")
		return false
	}
	return true
}

// enum checks that v is one of e's values.
func (c *checker) enum(field string, e schema.Enum, v string) {
	if !e.Valid(v) {
		if v == "" {
			c.add(field, "Choose one of: %s.", strings.Join(e.LabelList(), ", "))
			return
		}
		c.add(field, "%q is not a %s. Choose one of: %s.", v, e.Name, strings.Join(e.LabelList(), ", "))
	}
}

// sizeWords says a byte count in words ("1.2 MiB").
func sizeWords(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

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
