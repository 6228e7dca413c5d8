package notes

import (
	"database/sql"
	"fmt"
	"strings"
)

// A PersonSummary is one line of the list of women.
type PersonSummary struct {
	ID                   string
	Name                 string
	Pseudonym            string
	PrisonNumber         string
	Status               string
	EstablishmentID      string
	EstablishmentName    string // "" when none
	ReleaseDate          string // her recorded release date, or ""
	ReleaseDateConfirmed bool
	ClosedOn             string
	OpenNeeds            int    // needs that are open or in progress
	LastContact          string // date of the latest contact on or before today (Store.TodayFunc) at which she was seen, or ""
}

// PeopleFilter narrows ListPeople. The zero value lists every woman whose
// record is not closed.
type PeopleFilter struct {
	// Text matches part of her name, pseudonym or prison number, ignoring
	// case and accents, in any script.
	Text string
	// Statuses keeps only these statuses (schema.PersonStatus words); empty
	// means any. Naming "closed" here includes closed records.
	Statuses []string
	// InCustodyOnly keeps only women in custody (remand or sentenced).
	InCustodyOnly bool
	// EstablishmentID keeps only women at this establishment.
	EstablishmentID string
	// IncludeClosed includes closed records.
	IncludeClosed bool
}

// summarySelect reads PersonSummary rows; the first parameter is today.
const summarySelect = `SELECT p.id, p.name, p.pseudonym, p.prison_number, p.status,
	p.establishment_id, COALESCE(e.name, ''), p.release_date, p.release_date_confirmed, p.closed_on,
	(SELECT count(*) FROM person_needs n WHERE n.person_id = p.id AND n.status IN ('open', 'in_progress')),
	(SELECT max(c.date) FROM contact_people cp JOIN contacts c ON c.id = cp.contact_id
		WHERE cp.person_id = p.id AND cp.seen = 1 AND c.date <= ?)
FROM people p LEFT JOIN establishments e ON e.id = p.establishment_id`

// summaries runs summarySelect with an optional WHERE clause, in one query.
func (s *Store) summaries(where string, args ...any) ([]PersonSummary, error) {
	q := summarySelect
	if where != "" {
		q += " WHERE " + where
	}
	rows, err := s.DB.Query(q, append([]any{s.today()}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("listing women: %w", err)
	}
	defer rows.Close()
	var out []PersonSummary
	for rows.Next() {
		var p PersonSummary
		var est, rel, closed, last sql.NullString
		var confirmed int
		if err := rows.Scan(&p.ID, &p.Name, &p.Pseudonym, &p.PrisonNumber, &p.Status, &est,
			&p.EstablishmentName, &rel, &confirmed, &closed, &p.OpenNeeds, &last); err != nil {
			return nil, fmt.Errorf("listing women: %w", err)
		}
		p.EstablishmentID, p.ReleaseDate, p.ClosedOn, p.LastContact = str(est), str(rel), str(closed), str(last)
		p.ReleaseDateConfirmed = confirmed != 0
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing women: %w", err)
	}
	return out, nil
}

// ListPeople returns the women matching f, sorted by name (ignoring case
// and accents), in
// one query however many there are.
func (s *Store) ListPeople(f PeopleFilter) ([]PersonSummary, error) {
	var conds []string
	var args []any
	closedNamed := false
	if len(f.Statuses) > 0 {
		marks := make([]string, len(f.Statuses))
		for i, st := range f.Statuses {
			marks[i] = "?"
			args = append(args, st)
			closedNamed = closedNamed || st == "closed"
		}
		conds = append(conds, "p.status IN ("+strings.Join(marks, ",")+")")
	}
	if f.InCustodyOnly {
		conds = append(conds, "p.status IN ('custody_remand', 'custody_sentenced')")
	}
	if f.EstablishmentID != "" {
		conds = append(conds, "p.establishment_id = ?")
		args = append(args, f.EstablishmentID)
	}
	if !f.IncludeClosed && !closedNamed {
		conds = append(conds, "p.status <> 'closed'")
	}
	all, err := s.summaries(strings.Join(conds, " AND "), args...)
	if err != nil {
		return nil, err
	}
	match := matcher(f.Text)
	out := all[:0]
	for _, p := range all {
		if match(p.Name) || match(p.Pseudonym) || match(p.PrisonNumber) {
			out = append(out, p)
		}
	}
	sortByName(out, func(p PersonSummary) (string, string) { return p.Name, p.ID })
	return out, nil
}
