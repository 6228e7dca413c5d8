package newsletter

import (
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// A Recipient is a woman on the distribution list, with what goes on the
// envelope.
type Recipient struct {
	PersonID        string
	Name            string
	PrisonNumber    string
	EstablishmentID string // "" when none is recorded
	Establishment   string // its name
	Address         string // its postal address as recorded
}

// Addressable reports whether the envelope can be addressed: she has a
// prison number and an establishment with an address.
func (r Recipient) Addressable() bool {
	return strings.TrimSpace(r.PrisonNumber) != "" && strings.TrimSpace(r.Establishment) != "" &&
		strings.TrimSpace(r.Address) != ""
}

// EnvelopeLines are the lines of her address label, as prison mail asks:
// her name and prison number on the first line(s), then the establishment
// and its address, one part per line (an address written on one line is
// split at its commas). Empty parts are left out.
func (r Recipient) EnvelopeLines() []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	add(r.Name)
	add(r.PrisonNumber)
	add(r.Establishment)
	addr := strings.ReplaceAll(r.Address, "\r\n", "\n")
	if !strings.Contains(addr, "\n") {
		addr = strings.ReplaceAll(addr, ",", "\n")
	}
	for _, line := range strings.Split(addr, "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), ","))
		if line != "" && !strings.EqualFold(line, strings.TrimSpace(r.Establishment)) {
			add(line)
		}
	}
	return out
}

// DistributionList is every woman in custody now (remanded or sentenced,
// her record not closed), with her prison number and establishment,
// sorted by establishment name then her name. Women with no establishment
// recorded come last; Addressable says which envelopes cannot be
// addressed.
func (s *Store) DistributionList() ([]Recipient, error) {
	return distributionList(s.DB)
}

func distributionList(q querier) ([]Recipient, error) {
	statuses := schema.CustodyStatuses
	args := make([]any, len(statuses))
	for i, st := range statuses {
		args[i] = st
	}
	rows, err := q.Query(`SELECT p.id, p.name, p.prison_number, COALESCE(e.id, ''), COALESCE(e.name, ''), COALESCE(e.address, '')
		FROM people p LEFT JOIN establishments e ON e.id = p.establishment_id
		WHERE p.status IN (?`+strings.Repeat(",?", len(statuses)-1)+`) AND p.closed_on IS NULL
		ORDER BY e.name IS NULL, e.name COLLATE NOCASE, e.id, p.name COLLATE NOCASE, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading the distribution list: %w", err)
	}
	var out []Recipient
	for rows.Next() {
		var r Recipient
		if err := rows.Scan(&r.PersonID, &r.Name, &r.PrisonNumber, &r.EstablishmentID, &r.Establishment, &r.Address); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading the distribution list: %w", err)
		}
		out = append(out, r)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("reading the distribution list: %w", err)
	}
	return out, nil
}

// MailingSummary is the summary of the letter MarkSent logs for each
// woman: "Newsletter issue 12: Spring news".
func MailingSummary(number int, title string) string {
	return fmt.Sprintf("Newsletter issue %d: %s", number, title)
}

// MailingEnclosure is the enclosure of the letter MarkSent logs.
const MailingEnclosure = "newsletter"

// MarkSent records that a ready issue was posted on date: its status
// becomes sent, its sent-to list becomes the current distribution list,
// and one outgoing letter (channel letter, summary MailingSummary,
// enclosure "newsletter") is logged for each woman on it — all in one
// transaction, so either all of it is recorded or none.
//
// It refuses (with a *StatusError) an issue that is not ready, an issue
// the safety check now finds problems in (the records may have changed
// since it was marked ready), and an empty distribution list.
func (s *Store) MarkSent(issueID, date string) error {
	var c schema.Checker
	c.Date("date", date, true)
	if err := c.Err(); err != nil {
		return err
	}
	is, err := s.GetIssue(issueID)
	if err != nil {
		return err
	}
	switch is.Status {
	case "sent":
		return &StatusError{IssueID: issueID, Message: fmt.Sprintf("Issue %d has already been marked sent.", is.Number)}
	case "draft":
		return &StatusError{IssueID: issueID, Message: fmt.Sprintf("Issue %d is still a draft. Run the safety check and mark it ready before sending it.", is.Number)}
	}
	rep, err := s.CheckIssue(is)
	if err != nil {
		return err
	}
	if !rep.Clean() {
		return notReady(is.Number, issueID, rep)
	}
	return s.withTx(func(tx *sql.Tx) error {
		list, err := distributionList(tx)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return &StatusError{IssueID: issueID, Message: "Nobody is on the distribution list: no woman is recorded as in custody."}
		}
		if _, err := tx.Exec(`UPDATE newsletters SET status = 'sent' WHERE id = ?`, issueID); err != nil {
			return fmt.Errorf("marking newsletter issue %q sent: %w", issueID, err)
		}
		if _, err := tx.Exec(`DELETE FROM newsletter_sent_to WHERE newsletter_id = ?`, issueID); err != nil {
			return fmt.Errorf("marking newsletter issue %q sent: %w", issueID, err)
		}
		summary := MailingSummary(is.Number, is.Title)
		for i, r := range list {
			if _, err := tx.Exec(`INSERT INTO newsletter_sent_to(newsletter_id, person_id, position) VALUES(?,?,?)`, issueID, r.PersonID, i); err != nil {
				return fmt.Errorf("recording who newsletter issue %q went to: %w", issueID, err)
			}
			l := Letter{ID: schema.NewID("l"), PersonID: r.PersonID, Date: date, Direction: "out",
				Channel: "letter", Summary: summary, Enclosures: []string{MailingEnclosure}}
			if err := writeLetter(tx, &l); err != nil {
				return err
			}
		}
		return nil
	})
}
