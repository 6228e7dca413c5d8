package newsletter

import (
	"fmt"

	"inreach/schema"
)

// SetStatus moves an issue between draft and ready.
//
//   - "ready" runs the safety check first and refuses, with a
//     *StatusError carrying the report, while any finding remains; its
//     message says how many problems there are and of what kinds.
//   - "draft" takes a ready issue back to draft (to edit it).
//   - "sent" is refused: use MarkSent, which records who it went to.
//
// A sent issue cannot change status.
func (s *Store) SetStatus(issueID, status string) error {
	if !schema.NewsletterStatus.Valid(status) {
		var c schema.Checker
		c.Enum("Status", schema.NewsletterStatus, status)
		return c.Errs
	}
	is, err := s.GetIssue(issueID)
	if err != nil {
		return err
	}
	if is.Status == "sent" {
		return &StatusError{IssueID: issueID, Message: fmt.Sprintf("Issue %d has already been sent; its status cannot change.", is.Number)}
	}
	switch status {
	case "sent":
		return &StatusError{IssueID: issueID, Message: fmt.Sprintf("Use Mark sent for issue %d: it records who the issue was posted to.", is.Number)}
	case "ready":
		rep, err := s.CheckIssue(is)
		if err != nil {
			return err
		}
		if !rep.Clean() {
			return notReady(is.Number, issueID, rep)
		}
	}
	if _, err := s.DB.Exec(`UPDATE newsletters SET status = ? WHERE id = ?`, status, issueID); err != nil {
		return fmt.Errorf("changing the status of newsletter issue %q: %w", issueID, err)
	}
	return nil
}

// notReady is the refusal when the check found problems.
func notReady(number int, issueID string, rep CheckReport) error {
	verb := "remain"
	if len(rep.Findings) == 1 {
		verb = "remains"
	}
	return &StatusError{IssueID: issueID, Report: &rep,
		Message: fmt.Sprintf("Issue %d cannot be marked ready yet: %s %s (%s). Open the safety check to see and fix them.", number, rep.problems(), verb, rep.kinds())}
}
