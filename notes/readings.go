package notes

import (
	"database/sql"
	"fmt"

	"inreach/schema"
)

// A Reading is a woman's own rating of one area of her life on a date, from
// 1 (the worst it could be) to 10 (the best), usually taken with her at a
// contact. Readings over time show her "distance travelled".
type Reading struct {
	ID        string
	PersonID  string // required
	Date      string // required
	Area      string // schema.ReadingArea: "wellbeing" or a need area
	Score     int    // schema.MinScore … schema.MaxScore
	ContactID string // the contact it was taken at, or ""
}

func (r *Reading) validate() ValidationError {
	var c schema.Checker
	if r.PersonID == "" {
		c.Add("PersonID", "Choose the woman.")
	}
	c.Date("Date", r.Date, true)
	c.Enum("Area", schema.ReadingArea, r.Area)
	if r.Score < schema.MinScore || r.Score > schema.MaxScore {
		c.Add("Score", "Enter her score from %d (the worst) to %d (the best).", schema.MinScore, schema.MaxScore)
	}
	return c.Errs
}

// CheckReading validates r as SaveReading would, without looking anything
// up. It returns nil or a ValidationError.
func (s *Store) CheckReading(r Reading) error {
	if errs := r.validate(); len(errs) > 0 {
		return errs
	}
	return nil
}

// SaveReading validates r and inserts or updates it. The woman must be in
// the vault, and so must the contact when one is named. An empty ID gets a
// new id ("r-…"), written back into r.
func (s *Store) SaveReading(r *Reading) error {
	errs := r.validate()
	id := r.ID
	if id == "" {
		id = schema.NewID("r")
	}
	err := s.withTx(func(tx *sql.Tx) error {
		if r.PersonID != "" {
			ok, err := exists(tx, "people", r.PersonID)
			if err != nil {
				return err
			}
			if !ok {
				errs = append(errs, FieldError{Field: "PersonID", Message: "That woman's record is not in the vault (it may have been deleted)."})
			}
		}
		if r.ContactID != "" {
			ok, err := exists(tx, "contacts", r.ContactID)
			if err != nil {
				return err
			}
			if !ok {
				errs = append(errs, FieldError{Field: "ContactID", Message: "That contact is not in the vault (it may have been deleted). Choose another or none."})
			}
		}
		if len(errs) > 0 {
			return errs
		}
		_, err := tx.Exec(`INSERT INTO readings(id, person_id, date, area, score, contact_id) VALUES(?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET person_id=excluded.person_id, date=excluded.date,
				area=excluded.area, score=excluded.score, contact_id=excluded.contact_id`,
			id, r.PersonID, r.Date, r.Area, r.Score, nullStr(r.ContactID))
		if err != nil {
			return fmt.Errorf("saving reading %q: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.ID = id
	return nil
}

// GetReading returns one reading.
func (s *Store) GetReading(id string) (*Reading, error) {
	var r Reading
	var c sql.NullString
	err := s.DB.QueryRow(`SELECT id, person_id, date, area, score, contact_id FROM readings WHERE id = ?`, id).
		Scan(&r.ID, &r.PersonID, &r.Date, &r.Area, &r.Score, &c)
	if err == sql.ErrNoRows {
		return nil, notFound("reading", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading reading %q: %w", id, err)
	}
	r.ContactID = c.String
	return &r, nil
}

// ListReadings returns a woman's readings, oldest first: by date, then id
// (the order that decides which of two readings on one day is the first
// and which the latest, see ReadingSeries).
func (s *Store) ListReadings(personID string) ([]Reading, error) {
	return s.readings(`WHERE person_id = ? ORDER BY date, id`, personID)
}

// ListContactReadings returns the readings taken at one contact, by woman,
// area and id.
func (s *Store) ListContactReadings(contactID string) ([]Reading, error) {
	return s.readings(`WHERE contact_id = ? ORDER BY person_id, area, id`, contactID)
}

func (s *Store) readings(where string, arg string) ([]Reading, error) {
	rows, err := s.DB.Query(`SELECT id, person_id, date, area, score, contact_id FROM readings `+where, arg)
	if err != nil {
		return nil, fmt.Errorf("listing readings: %w", err)
	}
	defer rows.Close()
	var out []Reading
	for rows.Next() {
		var r Reading
		var c sql.NullString
		if err := rows.Scan(&r.ID, &r.PersonID, &r.Date, &r.Area, &r.Score, &c); err != nil {
			return nil, fmt.Errorf("listing readings: %w", err)
		}
		r.ContactID = c.String
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing readings: %w", err)
	}
	return out, nil
}

// DeleteReading removes a reading.
func (s *Store) DeleteReading(id string) error {
	return s.deleteByID("readings", "reading", id)
}

// An AreaSeries is a woman's readings of one area over time, oldest first,
// for a chart on her page.
type AreaSeries struct {
	Area   string // schema.ReadingArea
	Label  string // the area in words
	Points []Reading
	// First and Latest are her first and latest scores (by date, then id:
	// of two readings on one day the one with the smaller id comes first);
	// Change is Latest minus First (0 with one reading).
	First, Latest, Change int
}

// ReadingSeries returns her readings grouped by area, in the order of
// schema.ReadingArea (wellbeing first), only areas she has readings of.
// from and to ("" for no limit) keep only readings dated in [from, to].
func (s *Store) ReadingSeries(personID, from, to string) ([]AreaSeries, error) {
	all, err := s.ListReadings(personID)
	if err != nil {
		return nil, err
	}
	by := map[string]*AreaSeries{}
	for _, r := range all {
		if (from != "" && r.Date < from) || (to != "" && r.Date > to) {
			continue
		}
		a := by[r.Area]
		if a == nil {
			a = &AreaSeries{Area: r.Area, Label: schema.ReadingArea.Label(r.Area), First: r.Score}
			by[r.Area] = a
		}
		a.Points = append(a.Points, r)
		a.Latest = r.Score
		a.Change = a.Latest - a.First
	}
	var out []AreaSeries
	for _, area := range schema.ReadingArea.Values {
		if a := by[area]; a != nil {
			out = append(out, *a)
		}
	}
	return out, nil
}
