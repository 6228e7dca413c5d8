package newsletter

import (
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// A Letter is one entry in the correspondence log: a letter, email or
// phone call to or from one woman.
type Letter struct {
	ID         string
	PersonID   string
	Date       string   // required
	Direction  string   // schema.LetterDirection: "in" (from her) or "out" (to her)
	Channel    string   // schema.LetterChannel; "" is saved as "letter"
	Summary    string   // what it was about, in a line or two
	Enclosures []string // what went with it ("stamps", "newsletter"); blanks are dropped
	ReplyDue   string   // date by which she should have a reply, or ""; not before Date
}

// validate normalises l and checks every field that needs no database.
func (l *Letter) validate() ValidationError {
	var c schema.Checker
	l.PersonID = strings.TrimSpace(l.PersonID)
	if l.Channel == "" {
		l.Channel = "letter"
	}
	if l.PersonID == "" {
		c.Add("PersonID", "Choose the woman this letter is to or from.")
	}
	dateOK := c.Date("Date", l.Date, true)
	c.Enum("Direction", schema.LetterDirection, l.Direction)
	c.Enum("Channel", schema.LetterChannel, l.Channel)
	c.Text("Summary", l.Summary)
	var encl []string
	for i, e := range l.Enclosures {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		c.Text(fmt.Sprintf("Enclosures[%d]", i), e)
		encl = append(encl, e)
	}
	l.Enclosures = encl
	if c.Date("ReplyDue", l.ReplyDue, false) && dateOK && l.ReplyDue < l.Date {
		c.Add("ReplyDue", "The reply cannot be due (%s) before the letter's date (%s).", l.ReplyDue, l.Date)
	}
	return c.Errs
}

// SaveLetter validates l and writes it (a new id when l.ID is ""), with its
// enclosures, in one transaction.
//
// On any error, l is left exactly as it was given; on success it holds
// what was stored (its id, and the fields as normalised on saving).
func (s *Store) SaveLetter(l *Letter) error {
	n := *l
	n.Enclosures = append([]string(nil), l.Enclosures...)
	if err := s.saveLetter(&n); err != nil {
		return err
	}
	*l = n
	return nil
}

// saveLetter does the work of SaveLetter on a copy of the caller\'s record, so it may
// normalise its argument freely.
func (s *Store) saveLetter(l *Letter) error {
	if errs := l.validate(); len(errs) > 0 {
		return errs
	}
	return s.withTx(func(tx *sql.Tx) error {
		ok, err := personExists(tx, l.PersonID)
		if err != nil {
			return err
		}
		if !ok {
			return ValidationError{{Field: "PersonID", Message: fmt.Sprintf("There is no woman with id %q (she may have been erased). Choose her again.", l.PersonID)}}
		}
		if l.ID == "" {
			l.ID = schema.NewID("l")
		}
		return writeLetter(tx, l)
	})
}

// writeLetter inserts or replaces l and its enclosures; l is valid.
func writeLetter(tx *sql.Tx, l *Letter) error {
	if _, err := tx.Exec(`INSERT INTO letters(id, person_id, date, direction, channel, summary, reply_due)
		VALUES(?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET person_id=excluded.person_id, date=excluded.date,
			direction=excluded.direction, channel=excluded.channel,
			summary=excluded.summary, reply_due=excluded.reply_due`,
		l.ID, l.PersonID, l.Date, l.Direction, l.Channel, l.Summary, nullStr(l.ReplyDue)); err != nil {
		return fmt.Errorf("saving letter %q: %w", l.ID, err)
	}
	if _, err := tx.Exec(`DELETE FROM letter_enclosures WHERE letter_id = ?`, l.ID); err != nil {
		return fmt.Errorf("saving the enclosures of letter %q: %w", l.ID, err)
	}
	for i, e := range l.Enclosures {
		if _, err := tx.Exec(`INSERT INTO letter_enclosures(letter_id, item, position) VALUES(?,?,?)`, l.ID, e, i); err != nil {
			return fmt.Errorf("saving the enclosures of letter %q: %w", l.ID, err)
		}
	}
	return nil
}

// GetLetter reads one letter with its enclosures.
func (s *Store) GetLetter(id string) (Letter, error) {
	var l Letter
	var due sql.NullString
	err := s.DB.QueryRow(`SELECT id, person_id, date, direction, channel, summary, reply_due
		FROM letters WHERE id = ?`, id).Scan(&l.ID, &l.PersonID, &l.Date, &l.Direction, &l.Channel, &l.Summary, &due)
	if err == sql.ErrNoRows {
		return Letter{}, notFound("letter", id)
	}
	if err != nil {
		return Letter{}, fmt.Errorf("reading letter %q: %w", id, err)
	}
	l.ReplyDue = due.String
	encl, err := enclosures(s.DB, []string{id})
	if err != nil {
		return Letter{}, err
	}
	l.Enclosures = encl[id]
	return l, nil
}

// DeleteLetter removes a letter and its enclosures.
func (s *Store) DeleteLetter(id string) error {
	res, err := s.DB.Exec(`DELETE FROM letters WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("deleting letter %q: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("letter", id)
	}
	return nil
}

// enclosures reads the enclosures of the given letters, by letter id, in
// their order. It reads in batches so that the statement stays small.
func enclosures(q querier, ids []string) (map[string][]string, error) {
	out := map[string][]string{}
	const batch = 400
	for start := 0; start < len(ids); start += batch {
		end := min(start+batch, len(ids))
		part := ids[start:end]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := q.Query(`SELECT letter_id, item FROM letter_enclosures
			WHERE letter_id IN (?`+strings.Repeat(",?", len(part)-1)+`)
			ORDER BY letter_id, position`, args...)
		if err != nil {
			return nil, fmt.Errorf("reading enclosures: %w", err)
		}
		for rows.Next() {
			var id, item string
			if err := rows.Scan(&id, &item); err != nil {
				rows.Close()
				return nil, fmt.Errorf("reading enclosures: %w", err)
			}
			out[id] = append(out[id], item)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("reading enclosures: %w", err)
		}
	}
	return out, nil
}

// personExists reports whether there is a woman with this id.
func personExists(q querier, id string) (bool, error) {
	var one int
	err := q.QueryRow(`SELECT 1 FROM people WHERE id = ?`, id).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("looking up woman %q: %w", id, err)
	}
	return true, nil
}
