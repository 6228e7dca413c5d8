package notes

import (
	"database/sql"
	"fmt"
	"strings"

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
	// NoticeDays is, on a released event only, how many days' notice of
	// the release the service had (0 = told on the day); nil when not known.
	NoticeDays *int
	// Outcome is, on a court_outcome event only, what the court decided
	// (schema.CourtOutcome), or "".
	Outcome string
}

func (e *Event) validate() ValidationError {
	var c schema.Checker
	if e.PersonID == "" {
		c.Add("PersonID", "Choose the woman.")
	}
	c.Date("Date", e.Date, true)
	c.Enum("Kind", schema.EventKind, e.Kind)
	c.Text("Note", e.Note)
	if e.NoticeDays != nil {
		switch {
		case e.Kind != "released":
			c.Add("NoticeDays", "Days of notice belong only on a release. Leave it empty for a %s event.", strings.ToLower(schema.EventKind.Label(e.Kind)))
		case *e.NoticeDays < 0 || *e.NoticeDays > MaxNoticeDays:
			c.Add("NoticeDays", "Enter the days of notice of the release as a whole number from 0 (told on the day) to %d, or leave it empty.", MaxNoticeDays)
		}
	}
	if e.Outcome != "" {
		if e.Kind != "court_outcome" {
			c.Add("Outcome", "What the court decided belongs only on a court outcome. Leave it empty for a %s event.", strings.ToLower(schema.EventKind.Label(e.Kind)))
		} else {
			c.Enum("Outcome", schema.CourtOutcome, e.Outcome)
		}
	}
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
		_, err := tx.Exec(`INSERT INTO events(id, person_id, date, kind, note, notice_days, outcome) VALUES(?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET person_id=excluded.person_id, date=excluded.date,
				kind=excluded.kind, note=excluded.note, notice_days=excluded.notice_days,
				outcome=excluded.outcome`,
			id, e.PersonID, e.Date, e.Kind, e.Note, nullInt(e.NoticeDays), nullStr(e.Outcome))
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
	var notice sql.NullInt64
	var outcome sql.NullString
	err := s.DB.QueryRow(`SELECT id, person_id, date, kind, note, notice_days, outcome FROM events WHERE id = ?`, id).
		Scan(&e.ID, &e.PersonID, &e.Date, &e.Kind, &e.Note, &notice, &outcome)
	e.NoticeDays, e.Outcome = intPtr(notice), outcome.String
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
	rows, err := s.DB.Query(`SELECT id, person_id, date, kind, note, notice_days, outcome FROM events
		WHERE person_id = ? ORDER BY date DESC, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("listing events of person %q: %w", personID, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var notice sql.NullInt64
		var outcome sql.NullString
		if err := rows.Scan(&e.ID, &e.PersonID, &e.Date, &e.Kind, &e.Note, &notice, &outcome); err != nil {
			return nil, fmt.Errorf("listing events of person %q: %w", personID, err)
		}
		e.NoticeDays, e.Outcome = intPtr(notice), outcome.String
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
