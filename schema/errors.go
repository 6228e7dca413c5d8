package schema

import (
	"errors"
	"fmt"
	"strings"
)

// The error types every domain package shares: a record that is not there,
// and the problems found in a form before anything is written. The domain
// packages re-export them under their own names (notes.ValidationError is
// schema.ValidationError), so a screen handles them the same way whichever
// store it called.

// ErrNotFound matches (with errors.Is) every error saying a record does not
// exist.
var ErrNotFound = errors.New("not found")

// NotFoundError says which record was not found. It matches ErrNotFound.
type NotFoundError struct {
	Kind string // "person", "contact", …
	ID   string
}

// Error says which record is missing.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("there is no %s with id %q (it may have been deleted)", e.Kind, e.ID)
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// A FieldError is one problem with one field of a form. Field is the Go
// field name of the struct being saved ("ReleaseDate"); fields inside lists
// carry their index, as in "Needs[2].Area" or "People[0].Wellbeing".
// Message is a plain-English sentence for the person at the keyboard; it
// never repeats the text of a note.
type FieldError struct {
	Field   string
	Message string
}

// Error is "Field: Message".
func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// ValidationError is every problem found in one Save. Nothing was written.
type ValidationError []FieldError

// Error joins the problems into one line.
func (v ValidationError) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Message returns the message(s) for exactly field, joined with a space,
// or "" when the field is fine. A form shows it under the field.
func (v ValidationError) Message(field string) string {
	var ms []string
	for _, e := range v {
		if e.Field == field {
			ms = append(ms, e.Message)
		}
	}
	return strings.Join(ms, " ")
}

// Has reports whether field has a problem.
func (v ValidationError) Has(field string) bool { return v.Message(field) != "" }

// Fields lists the fields with problems, in the order found, once each.
func (v ValidationError) Fields() []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range v {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e.Field)
		}
	}
	return out
}

// AsValidation returns the ValidationError inside err, if there is one.
func AsValidation(err error) (ValidationError, bool) {
	var v ValidationError
	if errors.As(err, &v) {
		return v, true
	}
	return nil, false
}
