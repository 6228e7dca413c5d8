package notes

import (
	"database/sql"
	"fmt"

	"inreach/schema"
)

// A ReadingKey names one woman's reading of one area at a contact.
type ReadingKey struct {
	PersonID string
	Area     string
}

// SetContactReadings records, in one transaction, the readings taken with
// women at one contact (the contact form's "How is she doing?"): each
// reading in set becomes her reading of that area at contactID — the one
// already there is updated (keeping its id), or a new one is added — and
// each reading named in drop (and not in set) is removed. Readings of the
// contact that are in neither are left as they are, and so is every other
// reading. Every reading is checked as SaveReading checks it; on any
// problem nothing is written and the problems come back as a
// ValidationError, named "Readings[i].<Field>" by position in set. The
// contact must be saved first.
func (s *Store) SetContactReadings(contactID string, set []Reading, drop []ReadingKey) error {
	var errs ValidationError
	for i := range set {
		set[i].ContactID = contactID
		for _, e := range set[i].validate() {
			errs = append(errs, FieldError{Field: fmt.Sprintf("Readings[%d].%s", i, e.Field), Message: e.Message})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return s.withTx(func(tx *sql.Tx) error {
		ok, err := exists(tx, "contacts", contactID)
		if err != nil {
			return err
		}
		if !ok {
			return ValidationError{{Field: "ContactID", Message: "That contact is not in the vault (it may have been deleted)."}}
		}
		kept := map[ReadingKey]bool{}
		for i := range set {
			r := &set[i]
			key := ReadingKey{r.PersonID, r.Area}
			kept[key] = true
			var id string
			err := tx.QueryRow(`SELECT id FROM readings WHERE contact_id = ? AND person_id = ? AND area = ? ORDER BY id LIMIT 1`,
				contactID, r.PersonID, r.Area).Scan(&id)
			switch {
			case err == sql.ErrNoRows:
				id = schema.NewID("r")
			case err != nil:
				return fmt.Errorf("reading the readings of contact %q: %w", contactID, err)
			}
			if _, err := tx.Exec(`INSERT INTO readings(id, person_id, date, area, score, contact_id) VALUES(?,?,?,?,?,?)
				ON CONFLICT(id) DO UPDATE SET date=excluded.date, score=excluded.score`,
				id, r.PersonID, r.Date, r.Area, r.Score, contactID); err != nil {
				return fmt.Errorf("saving a reading at contact %q: %w", contactID, err)
			}
			r.ID = id
		}
		for _, k := range drop {
			if kept[k] {
				continue
			}
			if _, err := tx.Exec(`DELETE FROM readings WHERE contact_id = ? AND person_id = ? AND area = ?`,
				contactID, k.PersonID, k.Area); err != nil {
				return fmt.Errorf("removing a reading at contact %q: %w", contactID, err)
			}
		}
		return nil
	})
}
