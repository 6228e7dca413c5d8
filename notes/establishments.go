package notes

import (
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// An Establishment is a place women are seen: a prison, a court, a
// probation office, a community hub.
type Establishment struct {
	ID             string
	Name           string
	Kind           string // schema.EstablishmentKind; "" is saved as "prison"
	Address        string
	BookingContact string // who to ring or email to book the visits room
	Notes          string
}

// validate normalises e (trims the name, defaults the kind) and checks it.
func (e *Establishment) validate() error {
	var c schema.Checker
	e.Name = strings.TrimSpace(e.Name)
	if e.Kind == "" {
		e.Kind = "prison"
	}
	c.Name("Name", e.Name, "the name of the place")
	c.Enum("Kind", schema.EstablishmentKind, e.Kind)
	c.Text("Address", e.Address)
	c.Text("BookingContact", e.BookingContact)
	c.Text("Notes", e.Notes)
	return c.Err()
}

// SaveEstablishment inserts or updates e. An empty ID gets a new id
// ("e-…"), written back into e.
//
// On any error, e is left exactly as it was given; on success it holds
// what was stored (its id, and the fields as normalised on saving).
func (s *Store) SaveEstablishment(e *Establishment) error {
	n := *e
	if err := s.saveEstablishment(&n); err != nil {
		return err
	}
	*e = n
	return nil
}

// saveEstablishment does the work of SaveEstablishment on a copy of the caller\'s record, so it may
// normalise its argument freely.
func (s *Store) saveEstablishment(e *Establishment) error {
	if err := e.validate(); err != nil {
		return err
	}
	id := e.ID
	if id == "" {
		id = schema.NewID("e")
	}
	_, err := s.DB.Exec(`INSERT INTO establishments(id, name, kind, address, booking_contact, notes)
		VALUES(?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET name=excluded.name, kind=excluded.kind,
			address=excluded.address, booking_contact=excluded.booking_contact, notes=excluded.notes`,
		id, e.Name, e.Kind, e.Address, e.BookingContact, e.Notes)
	if err != nil {
		return fmt.Errorf("saving establishment %q: %w", id, err)
	}
	e.ID = id
	return nil
}

const establishmentCols = `id, name, kind, address, booking_contact, notes`

func scanEstablishment(sc interface{ Scan(...any) error }) (Establishment, error) {
	var e Establishment
	err := sc.Scan(&e.ID, &e.Name, &e.Kind, &e.Address, &e.BookingContact, &e.Notes)
	return e, err
}

// GetEstablishment returns one establishment.
func (s *Store) GetEstablishment(id string) (*Establishment, error) {
	e, err := scanEstablishment(s.DB.QueryRow(`SELECT `+establishmentCols+` FROM establishments WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, notFound("establishment", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading establishment %q: %w", id, err)
	}
	return &e, nil
}

// ListEstablishments returns every establishment, sorted by name.
func (s *Store) ListEstablishments() ([]Establishment, error) {
	rows, err := s.DB.Query(`SELECT ` + establishmentCols + ` FROM establishments`)
	if err != nil {
		return nil, fmt.Errorf("listing establishments: %w", err)
	}
	defer rows.Close()
	var out []Establishment
	for rows.Next() {
		e, err := scanEstablishment(rows)
		if err != nil {
			return nil, fmt.Errorf("listing establishments: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing establishments: %w", err)
	}
	sortByName(out, func(e Establishment) (string, string) { return e.Name, e.ID })
	return out, nil
}

// DeleteEstablishment removes an establishment. Women and contacts that
// named it keep their records with no establishment.
func (s *Store) DeleteEstablishment(id string) error {
	return s.deleteByID("establishments", "establishment", id)
}

// deleteByID deletes one row of table by id, or says it was not found.
func (s *Store) deleteByID(table, kind, id string) error {
	res, err := s.DB.Exec("DELETE FROM "+table+" WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("deleting %s %q: %w", kind, id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound(kind, id)
	}
	return nil
}
