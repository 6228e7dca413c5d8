package notes

import (
	"database/sql"
	"fmt"

	"inreach/schema"
)

// An Event is an outcome in a woman's story: remanded, sentenced, released,
// recalled, housed… (the monitoring figures count them).
type Event struct {
	ID       string
	PersonID string // required
	Date     string // required
	Kind     string // schema.EventKind
	Note     string
}

func (e *Event) validate() ValidationError {
	var c schema.Checker
	if e.PersonID == "" {
		c.Add("PersonID", "Choose the woman.")
	}
	c.Date("Date", e.Date, true)
	c.Enum("Kind", schema.EventKind, e.Kind)
	c.Text("Note", e.Note)
	return c.Errs
}

// SaveEvent validates e and inserts or updates it. An empty ID gets a new
// id ("v-…"), written back into e.
func (s *Store) SaveEvent(e *Event) error {
	errs := e.validate()
	id := e.ID
	if id == "" {
		id = schema.NewID("v")
	}
	err := s.withTx(func(tx *sql.Tx) error {
		if e.PersonID != "" {
			ok, err := exists(tx, "people", e.PersonID)
			if err != nil {
				return err
			}
			if !ok {
				errs = append(errs, FieldError{Field: "PersonID", Message: "That woman's record is not in the vault (it may have been deleted)."})
			}
		}
		if len(errs) > 0 {
			return errs
		}
		_, err := tx.Exec(`INSERT INTO events(id, person_id, date, kind, note) VALUES(?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET person_id=excluded.person_id, date=excluded.date,
				kind=excluded.kind, note=excluded.note`,
			id, e.PersonID, e.Date, e.Kind, e.Note)
		if err != nil {
			return fmt.Errorf("saving event %q: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	e.ID = id
	return nil
}

// GetEvent returns one event.
func (s *Store) GetEvent(id string) (*Event, error) {
	var e Event
	err := s.DB.QueryRow(`SELECT id, person_id, date, kind, note FROM events WHERE id = ?`, id).
		Scan(&e.ID, &e.PersonID, &e.Date, &e.Kind, &e.Note)
	if err == sql.ErrNoRows {
		return nil, notFound("event", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading event %q: %w", id, err)
	}
	return &e, nil
}

// ListEvents returns a woman's events, newest first (ties by id).
func (s *Store) ListEvents(personID string) ([]Event, error) {
	rows, err := s.DB.Query(`SELECT id, person_id, date, kind, note FROM events
		WHERE person_id = ? ORDER BY date DESC, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("listing events of person %q: %w", personID, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.PersonID, &e.Date, &e.Kind, &e.Note); err != nil {
			return nil, fmt.Errorf("listing events of person %q: %w", personID, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing events of person %q: %w", personID, err)
	}
	return out, nil
}

// DeleteEvent removes an event.
func (s *Store) DeleteEvent(id string) error {
	return s.deleteByID("events", "event", id)
}
