package notes

import "inreach/schema"

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
