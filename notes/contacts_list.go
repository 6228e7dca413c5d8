package notes

import (
	"database/sql"
	"fmt"
	"strings"
)

// A ContactSummary is one line of the list of contacts.
type ContactSummary struct {
	ID              string
	Date            string
	Start           string
	End             string
	Kind            string
	EstablishmentID string
	PlaceName       string // the establishment's name, else the free-text place
	People          int    // women listed
	Booked          int    // of them, booked
	Seen            int    // of them, seen
}

// ContactFilter narrows ListContacts. Zero values mean "any".
type ContactFilter struct {
	From            string // on or after this date
	To              string // on or before this date
	Kind            string // a schema.ContactKind word
	PersonID        string // contacts she was listed at
	EstablishmentID string
	Limit           int // at most this many (0: all)
	Offset          int // skip this many first (for paging)
}

// ListContacts returns the contacts matching f, newest first (by date, then
// start time, then id), in one query.
func (s *Store) ListContacts(f ContactFilter) ([]ContactSummary, error) {
	q := `SELECT c.id, c.date, c.start_time, c.end_time, c.kind, c.establishment_id, COALESCE(e.name, ''), c.place,
		(SELECT count(*) FROM contact_people cp WHERE cp.contact_id = c.id),
		(SELECT count(*) FROM contact_people cp WHERE cp.contact_id = c.id AND cp.booked = 1),
		(SELECT count(*) FROM contact_people cp WHERE cp.contact_id = c.id AND cp.seen = 1)
	FROM contacts c LEFT JOIN establishments e ON e.id = c.establishment_id`
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		conds = append(conds, cond)
		args = append(args, arg)
	}
	if f.From != "" {
		add("c.date >= ?", f.From)
	}
	if f.To != "" {
		add("c.date <= ?", f.To)
	}
	if f.Kind != "" {
		add("c.kind = ?", f.Kind)
	}
	if f.PersonID != "" {
		add("c.id IN (SELECT contact_id FROM contact_people WHERE person_id = ?)", f.PersonID)
	}
	if f.EstablishmentID != "" {
		add("c.establishment_id = ?", f.EstablishmentID)
	}
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += " ORDER BY c.date DESC, c.start_time DESC, c.id"
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += " LIMIT ? OFFSET ?"
		args = append(args, limit, f.Offset)
	}
	rows, err := s.DB.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing contacts: %w", err)
	}
	defer rows.Close()
	var out []ContactSummary
	for rows.Next() {
		var c ContactSummary
		var est sql.NullString
		var estName, place string
		if err := rows.Scan(&c.ID, &c.Date, &c.Start, &c.End, &c.Kind, &est, &estName, &place,
			&c.People, &c.Booked, &c.Seen); err != nil {
			return nil, fmt.Errorf("listing contacts: %w", err)
		}
		c.EstablishmentID = str(est)
		c.PlaceName = placeName(estName, place)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing contacts: %w", err)
	}
	return out, nil
}

// NextPrisonVisit returns the first prison visit dated on or after today
// (earliest date, then start time) that is not yet written up, and the
// women booked for it, in the contact's order. A visit is written up once
// any woman at it is recorded as seen or has a reason for not being seen
// (today's morning visit, written up at lunchtime, gives way to the next
// one). With no visit coming it returns nil, nil, nil.
func (s *Store) NextPrisonVisit(today string) (*Contact, []PersonSummary, error) {
	var id string
	err := s.DB.QueryRow(`SELECT c.id FROM contacts c WHERE c.kind = 'prison_visit' AND c.date >= ?
			AND NOT EXISTS (SELECT 1 FROM contact_people cp WHERE cp.contact_id = c.id
				AND (cp.seen = 1 OR cp.not_seen_reason <> ''))
		ORDER BY c.date, c.start_time, c.id LIMIT 1`, today).Scan(&id)
	if err == sql.ErrNoRows {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("finding the next prison visit: %w", err)
	}
	c, err := s.GetContact(id)
	if err != nil {
		return nil, nil, err
	}
	all, err := s.summaries(`p.id IN (SELECT person_id FROM contact_people WHERE contact_id = ? AND booked = 1)`, id)
	if err != nil {
		return nil, nil, err
	}
	byID := map[string]PersonSummary{}
	for _, p := range all {
		byID[p.ID] = p
	}
	var booked []PersonSummary
	for _, cp := range c.People {
		if p, ok := byID[cp.PersonID]; ok && cp.Booked {
			booked = append(booked, p)
		}
	}
	return c, booked, nil
}
