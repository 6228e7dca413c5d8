package teamwork

import (
	"errors"
	"fmt"

	"inreach/bundle"
)

// Reasons a bundle is refused. A *Refusal matches one of these with
// errors.Is, and the bundle package's ErrDamaged, ErrNotForThisVault,
// ErrNewerVersion and ErrTooLarge pass through as they are.
var (
	// ErrNotForThisVault: sealed for, or signed for, someone else.
	ErrNotForThisVault = bundle.ErrNotForThisVault
	// ErrUnknownSender: the signer is not on the team list.
	ErrUnknownSender = errors.New("sender not on the team list")
	// ErrAlreadyReceived: this bundle was received before; nothing changed.
	ErrAlreadyReceived = errors.New("bundle already received")
	// ErrInvalid: the records inside fail validation.
	ErrInvalid = errors.New("records refused")
)

// A Refusal is a bundle refused whole, with a message in plain words.
type Refusal struct {
	Reason  error
	Message string
	// Fingerprint is the sender's, when it is known (shown so that she
	// can be checked and added to the team list).
	Fingerprint string
	// SenderID is the sender's Inreach ID line for someone not on the
	// team list, so that the app can offer to add her once the
	// fingerprints have been compared ("" otherwise).
	SenderID string
}

func (r *Refusal) Error() string { return r.Message }
func (r *Refusal) Unwrap() error { return r.Reason }

func refuse(reason error, format string, a ...any) *Refusal {
	return &Refusal{Reason: reason, Message: fmt.Sprintf(format, a...)}
}

// invalid wraps a validation error of the records inside.
func invalid(err error) error {
	return &Refusal{Reason: ErrInvalid, Message: "the records in this bundle were refused; nothing was changed:\n" + err.Error()}
}
