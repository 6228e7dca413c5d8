package diary

import (
	"fmt"

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

// MaxTextBytes is the most one text field may hold (see schema.MaxTextBytes).
const MaxTextBytes = schema.MaxTextBytes

// MaxTagLength is the longest tag, in characters.
const MaxTagLength = 40
