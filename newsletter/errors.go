package newsletter

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound matches (with errors.Is) every error saying a record does not
// exist.
var ErrNotFound = errors.New("not found")

// NotFoundError says which record was not found. It matches ErrNotFound.
type NotFoundError struct {
	Kind string // "letter", "newsletter issue", "woman"
	ID   string
}

// Error says which record is missing.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("there is no %s with id %q (it may have been deleted)", e.Kind, e.ID)
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

func notFound(kind, id string) error { return &NotFoundError{Kind: kind, ID: id} }

// A FieldError is one problem with one field of a form. Field is the Go
// field name of the struct being saved ("ReplyDue"); fields inside lists
// carry their index, as in "Sections[2].Body". Message is a plain-English
// sentence for the person at the keyboard; it never repeats the text of a
// letter or a section.
type FieldError struct {
	Field   string
	Message string
}

// Error is "Field: message".
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

// AsValidation returns the ValidationError inside err, if there is one.
func AsValidation(err error) (ValidationError, bool) {
	var v ValidationError
	if errors.As(err, &v) {
		return v, true
	}
	return nil, false
}

// StatusError says why an issue cannot move to the status asked for (for
// example it is still a draft, or it has already been sent). When the
// safety check is the reason, Report holds its findings.
type StatusError struct {
	IssueID string
	Message string
	Report  *CheckReport // nil unless the check refused
}

// Error is the plain-English message.
func (e *StatusError) Error() string { return e.Message }
