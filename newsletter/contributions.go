package newsletter

import (
	"database/sql"
	"errors"
	"fmt"

	"inreach/schema"
)

// A Contribution is a newsletter section a colleague sent to this vault's
// editor in a sealed bundle (shared/DESIGN.md, "Working together"). It
// waits in the contributions inbox until the editor accepts it into an
// issue (where the safety check runs on it as on any section) or declines
// it.
type Contribution struct {
	ID         string
	BundleID   string
	Sender     string // the sender's fingerprint
	SenderName string // her name on the team list when it arrived
	ReceivedAt string
	Section    Section
	// Status is ContributionWaiting, ContributionAccepted or
	// ContributionDeclined.
	Status string
	// NewsletterID is the issue it was accepted into ("" otherwise).
	NewsletterID string
}

// Contribution statuses.
const (
	ContributionWaiting  = "waiting"
	ContributionAccepted = "accepted"
	ContributionDeclined = "declined"
)

// AddContributionTx puts a received section in the contributions inbox,
// inside the caller's transaction (the bundle's receipt is logged in the
// same one). The section's texts are checked as any section's are.
func AddContributionTx(tx *sql.Tx, c *Contribution) error {
	var ch schema.Checker
	ch.Text("Heading", c.Section.Heading)
	ch.Text("Body", c.Section.Body)
	ch.Text("Contributor", c.Section.Contributor)
	if err := ch.Err(); err != nil {
		return err
	}
	if c.ID == "" {
		c.ID = schema.NewID("k")
	}
	c.Status = ContributionWaiting
	_, err := tx.Exec(`INSERT INTO contributions(id, bundle_id, sender, sender_name, received_at, heading, body, contributor, consent, status)
		VALUES (?,?,?,?,?,?,?,?,?,?)`, c.ID, c.BundleID, c.Sender, c.SenderName, c.ReceivedAt,
		c.Section.Heading, c.Section.Body, c.Section.Contributor, c.Section.Consent, c.Status)
	if err != nil {
		return fmt.Errorf("keeping the contribution: %w", err)
	}
	return nil
}

// Contributions lists the inbox, newest first; with waitingOnly only those
// not yet accepted or declined.
func (s *Store) Contributions(waitingOnly bool) ([]Contribution, error) {
	rows, err := s.DB.Query(`SELECT id, bundle_id, sender, sender_name, received_at, heading, body, contributor, consent, status, coalesce(newsletter_id,'')
		FROM contributions WHERE ? = 0 OR status = 'waiting' ORDER BY received_at DESC, id`, waitingOnly)
	if err != nil {
		return nil, fmt.Errorf("reading the contributions: %w", err)
	}
	defer rows.Close()
	var out []Contribution
	for rows.Next() {
		var c Contribution
		if err := rows.Scan(&c.ID, &c.BundleID, &c.Sender, &c.SenderName, &c.ReceivedAt, &c.Section.Heading,
			&c.Section.Body, &c.Section.Contributor, &c.Section.Consent, &c.Status, &c.NewsletterID); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// GetContribution reads one contribution.
func (s *Store) GetContribution(id string) (Contribution, error) {
	all, err := s.Contributions(false)
	if err != nil {
		return Contribution{}, err
	}
	for _, c := range all {
		if c.ID == id {
			return c, nil
		}
	}
	return Contribution{}, fmt.Errorf("%w: no contribution %q", ErrNotFound, id)
}

// CheckContribution runs the newsletter's safety and confidentiality check
// on the contributed section alone (real names, prison numbers, contact
// details, missing consent), before the editor accepts it.
func (s *Store) CheckContribution(id string) (CheckReport, error) {
	c, err := s.GetContribution(id)
	if err != nil {
		return CheckReport{}, err
	}
	rep, err := s.CheckIssue(Issue{Title: "", Sections: []Section{c.Section}, Checklist: schema.NewsletterCheck.Values})
	if err != nil {
		return CheckReport{}, err
	}
	var keep []Finding
	for _, f := range rep.Findings {
		if f.Section == 0 {
			keep = append(keep, f)
		}
	}
	rep.Findings = keep
	return rep, nil
}

// ErrNotWaiting is returned when a contribution was already accepted or
// declined.
var ErrNotWaiting = errors.New("this contribution was already accepted or declined")

// AcceptContribution appends the contributed section to the end of issue
// newsletterID (saved as any edit of the issue is, so its safety check
// then covers it) and marks the contribution accepted, in one step.
func (s *Store) AcceptContribution(id, newsletterID string) error {
	c, err := s.GetContribution(id)
	if err != nil {
		return err
	}
	if c.Status != ContributionWaiting {
		return ErrNotWaiting
	}
	is, err := s.GetIssue(newsletterID)
	if err != nil {
		return err
	}
	if is.Status == "sent" {
		return ValidationError{{Field: "Status", Message: fmt.Sprintf("Issue %d has been sent, so it can no longer be changed. Accept the contribution into a draft issue.", is.Number)}}
	}
	if is.Status == "ready" {
		is.Status = "draft" // changed content is checked again before it is ready
	}
	is.Sections = append(is.Sections, c.Section)
	if v := is.validate(); len(v) > 0 {
		return v
	}
	return s.withTx(func(tx *sql.Tx) error {
		if err := writeIssue(tx, &is); err != nil {
			return err
		}
		_, err := tx.Exec(`UPDATE contributions SET status = 'accepted', newsletter_id = ? WHERE id = ?`, newsletterID, id)
		return err
	})
}

// DeclineContribution marks a waiting contribution declined (it stays in
// the inbox's history until deleted).
func (s *Store) DeclineContribution(id string) error {
	res, err := s.DB.Exec(`UPDATE contributions SET status = 'declined' WHERE id = ? AND status = 'waiting'`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotWaiting
	}
	return nil
}

// DeleteContribution removes a contribution from the inbox.
func (s *Store) DeleteContribution(id string) error {
	_, err := s.DB.Exec(`DELETE FROM contributions WHERE id = ?`, id)
	return err
}
