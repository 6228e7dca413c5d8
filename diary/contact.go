package diary

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"inreach/schema"
)

// A ContactSummary is what the diary needs to know about a contact: when,
// what kind, where, and who was seen or not.
type ContactSummary struct {
	ID    string
	Date  string
	Start string // "HH:MM" or ""
	End   string
	Kind  string // a schema.ContactKind value
	// Place is the establishment's name, or the free-text place.
	Place  string
	People []ContactPerson
}

// A ContactPerson is one woman at a contact.
type ContactPerson struct {
	PersonID      string
	Name          string
	Pseudonym     string
	Seen          bool
	NotSeenReason string // a schema.NotSeenReason value, or ""
}

// Contact reads the summary of contact id.
func (s *Store) Contact(id string) (*ContactSummary, error) {
	c := &ContactSummary{ID: id}
	err := s.DB.QueryRow(`SELECT c.date, c.start_time, c.end_time, c.kind,
		COALESCE(NULLIF(e.name, ''), c.place, '')
		FROM contacts c LEFT JOIN establishments e ON e.id = c.establishment_id WHERE c.id = ?`, id).
		Scan(&c.Date, &c.Start, &c.End, &c.Kind, &c.Place)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("contact", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading contact %s: %w", id, err)
	}
	rows, err := s.DB.Query(`SELECT p.id, p.name, p.pseudonym, cp.seen, cp.not_seen_reason
		FROM contact_people cp JOIN people p ON p.id = cp.person_id
		WHERE cp.contact_id = ? ORDER BY cp.position, p.name`, id)
	if err != nil {
		return nil, fmt.Errorf("reading the women at contact %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var p ContactPerson
		if err := rows.Scan(&p.PersonID, &p.Name, &p.Pseudonym, &p.Seen, &p.NotSeenReason); err != nil {
			return nil, fmt.Errorf("reading the women at contact %s: %w", id, err)
		}
		c.People = append(c.People, p)
	}
	return c, rows.Err()
}

// Describe writes the contact as a few plain lines: what and where, then
// who was seen and who was not and why. name chooses how each woman is
// named (her name, or her pseudonym in a redacted document).
func (c *ContactSummary) Describe(name func(ContactPerson) string) string {
	var b strings.Builder
	b.WriteString(schema.ContactKind.Label(c.Kind))
	if c.Place != "" {
		b.WriteString(" at " + c.Place)
	}
	switch {
	case c.Start != "" && c.End != "":
		b.WriteString(", " + c.Start + " to " + c.End)
	case c.Start != "":
		b.WriteString(", from " + c.Start)
	}
	b.WriteString(".")
	var seen, notSeen []string
	for _, p := range c.People {
		if p.Seen {
			seen = append(seen, name(p))
			continue
		}
		n := name(p)
		if p.NotSeenReason != "" {
			n += " (" + strings.ToLower(schema.NotSeenReason.Label(p.NotSeenReason)) + ")"
		}
		notSeen = append(notSeen, n)
	}
	if len(seen) > 0 {
		b.WriteString("\nSeen: " + strings.Join(seen, ", ") + ".")
	}
	if len(notSeen) > 0 {
		b.WriteString("\nNot seen: " + strings.Join(notSeen, "; ") + ".")
	}
	return b.String()
}

// NewEntryForContact returns a new, unsaved draft reflection on contact
// contactID (the "Write reflection" button): dated the day of the contact,
// linked to it, on the visit_reflection template with every section, and
// Visit detail already holding a summary of the contact (place, women seen
// and not seen) to build on. Save it to keep it.
func (s *Store) NewEntryForContact(contactID string) (*Entry, error) {
	c, err := s.Contact(contactID)
	if err != nil {
		return nil, err
	}
	e := &Entry{Date: c.Date, ContactID: c.ID, Template: "visit_reflection", Status: "draft"}
	e.Sections = e.AllSections()
	e.Sections[0].Body = c.Describe(func(p ContactPerson) string { return p.Name }) + "\n\n"
	return e, nil
}
