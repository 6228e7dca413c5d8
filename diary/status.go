package diary

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"inreach/schema"
)

// checkTransition says whether an entry may go from status from to status
// to by the practitioner's own hand (SetStatus, or Save of an existing
// entry):
//
//	draft           → for_supervision   ready to talk about
//	for_supervision → draft             not ready after all
//	discussed       → for_supervision   reopened, to talk about again
//
// Nothing else: an entry becomes discussed only when a supervision session
// that includes it is signed off, and a discussed entry goes back to draft
// only through for_supervision. Staying the same is always allowed.
func checkTransition(id, from, to string) error {
	if from == to {
		return nil
	}
	if !schema.DiaryStatus.Valid(to) {
		return ValidationError{{Field: "Status", Message: fmt.Sprintf("Choose a status: %s.", strings.Join(schema.DiaryStatus.LabelList(), ", "))}}
	}
	switch {
	case from == "draft" && to == "for_supervision",
		from == "for_supervision" && to == "draft",
		from == "discussed" && to == "for_supervision":
		return nil
	case to == "discussed":
		return &StatusError{ID: id, From: from, To: to,
			Reason: "an entry is marked discussed when a supervision session that includes it is signed off"}
	case from == "discussed" && to == "draft":
		return &StatusError{ID: id, From: from, To: to,
			Reason: "it has been discussed at supervision; reopen it for supervision instead"}
	}
	return &StatusError{ID: id, From: from, To: to, Reason: "that change is not allowed"}
}

// SetStatus changes the status of entry id, following the allowed changes:
// draft → for_supervision, for_supervision → draft, discussed →
// for_supervision (reopen). "discussed" cannot be set here: it is set when a
// supervision session including the entry is signed off. A refused change
// returns a *StatusError saying why.
func (s *Store) SetStatus(id, status string) error {
	status = strings.TrimSpace(status)
	return s.withTx(func(tx *sql.Tx) error {
		var old string
		err := tx.QueryRow(`SELECT status FROM diary WHERE id = ?`, id).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("diary entry", id)
		}
		if err != nil {
			return fmt.Errorf("reading diary entry %s: %w", id, err)
		}
		if err := checkTransition(id, old, status); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE diary SET status = ? WHERE id = ?`, status, id); err != nil {
			return fmt.Errorf("changing the status of diary entry %s: %w", id, err)
		}
		return nil
	})
}

// AllowedStatuses lists the statuses the practitioner may move an entry in
// status from to by hand (for the buttons a screen shows).
func AllowedStatuses(from string) []string {
	var out []string
	for _, to := range schema.DiaryStatus.Values {
		if to != from && checkTransition("", from, to) == nil {
			out = append(out, to)
		}
	}
	return out
}
