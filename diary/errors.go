package diary

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"inreach/schema"
)

// The shared error types (see package schema).
var ErrNotFound = schema.ErrNotFound

type (
	// NotFoundError says which record was not found. It matches ErrNotFound.
	NotFoundError = schema.NotFoundError
	// A FieldError is one problem with one field of a form.
	FieldError = schema.FieldError
	// ValidationError is every problem found in one Save. Nothing was written.
	ValidationError = schema.ValidationError
)

// AsValidation returns the ValidationError inside err, if there is one.
func AsValidation(err error) (ValidationError, bool) { return schema.AsValidation(err) }

func notFound(kind, id string) error { return &NotFoundError{Kind: kind, ID: id} }

// A StatusError is a status change that is not allowed (see SetStatus).
type StatusError struct {
	ID       string
	From, To string
	Reason   string
}

// Error names the entry, both statuses and why the change is refused.
func (e *StatusError) Error() string {
	return fmt.Sprintf("diary entry %s cannot go from %q to %q: %s", e.ID,
		schema.DiaryStatus.Label(e.From), schema.DiaryStatus.Label(e.To), e.Reason)
}

// MaxTextBytes is the most one text field (a section, a comment, the
// session notes) may hold: 1 MiB of UTF-8. Longer text is refused, never cut.
const MaxTextBytes = 1 << 20

// MaxTagLength is the longest tag, in characters.
const MaxTagLength = 40

// checker collects the problems of one form.
type checker struct{ errs ValidationError }

func (c *checker) add(field, format string, args ...any) {
	c.errs = append(c.errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

func (c *checker) text(field, v string) {
	if len(v) > MaxTextBytes {
		c.add(field, "This text is too long to keep in one field (the most is 1 MiB, about a million letters). Split it in two.")
		return
	}
	if !utf8.ValidString(v) {
		c.add(field, "This text contains characters that are not valid text (perhaps pasted from a damaged file). Retype or paste it again.")
	}
}

// date checks a date; "" is accepted unless required.
func (c *checker) date(field, v string, required bool) bool {
	if v == "" {
		if required {
			c.add(field, "Enter a date (YYYY-MM-DD, for example 2025-07-04).")
		}
		return false
	}
	if _, err := schema.ParseDate(v); err != nil {
		c.add(field, "%s", capitalise(err.Error())+".")
		return false
	}
	return true
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
