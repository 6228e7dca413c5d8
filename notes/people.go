package notes

import (
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// A Person is one woman the service supports: every field of the
// interchange "people" record, plus the retention note.
type Person struct {
	ID                   string
	Name                 string
	Pseudonym            string // used in the newsletter and redacted exports
	DateOfBirth          string // date or ""
	PrisonNumber         string
	Status               string // schema.PersonStatus; "" is saved as "referred"
	EstablishmentID      string // where she is, or ""
	Sentence             string
	ReleaseDate          string // date or ""
	ReleaseDateConfirmed bool
	Referral             string // schema.Referral; "" is saved as "new"
	ReferralDate         string // date or ""
	ConsentRecordedOn    string // date or ""
	ConsentShareWith     string
	Needs                []Need   // in display order; each area at most once
	Sensitive            []string // schema.SensitiveFlag words, each at most once
	SafetyNote           string
	ClosedOn             string // date or ""; set exactly when Status is "closed"
	RetentionNote        string // why a closed record is kept past retention

	// Facts for the evaluation's tables (all optional).
	Ethnicity    string // schema.Ethnicity; "" is saved as "not_recorded"
	OffenceGroup string // schema.OffenceGroup; "" is saved as "not_recorded"
	// PreviousCustodialSentences is how many custodial sentences she had
	// served before, or nil when not known.
	PreviousCustodialSentences *int
}

// A Need is one area of need and how it stands.
type Need struct {
	Area   string // schema.NeedArea
	Status string // schema.NeedStatus; "" is saved as "open"
	Note   string
}

// validate normalises p and checks every field that needs no database.
// validate checks p. releaseStood says her release date and status are as
// already stored, so a release date that has gone by is not refused again.
func (p *Person) validate(today string, releaseStood bool) ValidationError {
	var c schema.Checker
	p.Name = strings.TrimSpace(p.Name)
	if p.Status == "" {
		p.Status = "referred"
	}
	if p.Referral == "" {
		p.Referral = "new"
	}
	if p.Ethnicity == "" {
		p.Ethnicity = "not_recorded"
	}
	if p.OffenceGroup == "" {
		p.OffenceGroup = "not_recorded"
	}
	c.Enum("Ethnicity", schema.Ethnicity, p.Ethnicity)
	c.Enum("OffenceGroup", schema.OffenceGroup, p.OffenceGroup)
	if n := p.PreviousCustodialSentences; n != nil && (*n < 0 || *n > MaxPreviousSentences) {
		c.Add("PreviousCustodialSentences", "Enter how many custodial sentences she had before, from 0 to %d, or leave it empty if not known.", MaxPreviousSentences)
	}
	c.Name("Name", p.Name, "her name")
	c.Line("Pseudonym", p.Pseudonym)
	c.Line("PrisonNumber", p.PrisonNumber)
	for _, f := range []struct{ field, v string }{
		{"Sentence", p.Sentence}, {"ConsentShareWith", p.ConsentShareWith},
		{"SafetyNote", p.SafetyNote}, {"RetentionNote", p.RetentionNote},
	} {
		c.Text(f.field, f.v)
	}
	c.Enum("Status", schema.PersonStatus, p.Status)
	c.Enum("Referral", schema.Referral, p.Referral)
	if c.Date("DateOfBirth", p.DateOfBirth, false) && p.DateOfBirth > today {
		c.Add("DateOfBirth", "The date of birth %s is in the future.", p.DateOfBirth)
	} else if p.DateOfBirth != "" && p.DateOfBirth < schema.EarliestBirthDate {
		c.Add("DateOfBirth", "The date of birth %s is before %s; check the year.", p.DateOfBirth, schema.EarliestBirthDate)
	}
	if c.Date("ReleaseDate", p.ReleaseDate, false) && schema.InCustody(p.Status) && p.ReleaseDate < today && !releaseStood {
		c.Add("ReleaseDate", "The release date %s has passed but she is recorded as %s. If she has been released, change her status; otherwise correct the release date.",
			p.ReleaseDate, strings.ToLower(schema.PersonStatus.Label(p.Status)))
	}
	if p.ReleaseDateConfirmed && p.ReleaseDate == "" {
		c.Add("ReleaseDateConfirmed", "There is no release date to confirm. Enter the release date, or untick confirmed.")
	}
	c.Date("ReferralDate", p.ReferralDate, false)
	c.Date("ConsentRecordedOn", p.ConsentRecordedOn, false)
	closedOK := c.Date("ClosedOn", p.ClosedOn, false)
	switch {
	case p.Status == "closed" && p.ClosedOn == "":
		c.Add("ClosedOn", "Enter the date her record was closed.")
	case p.Status != "closed" && closedOK:
		c.Add("ClosedOn", "Her status is not Closed, so leave the closed date empty (or set her status to Closed).")
	}
	seenArea := map[string]bool{}
	for i := range p.Needs {
		n := &p.Needs[i]
		if n.Status == "" {
			n.Status = "open"
		}
		f := fmt.Sprintf("Needs[%d]", i)
		c.Enum(f+".Area", schema.NeedArea, n.Area)
		if seenArea[n.Area] && n.Area != "" {
			c.Add(f+".Area", "%s is listed twice. Keep one and put everything in its note.", schema.NeedArea.Label(n.Area))
		}
		seenArea[n.Area] = true
		c.Enum(f+".Status", schema.NeedStatus, n.Status)
		c.Text(f+".Note", n.Note)
	}
	seenFlag := map[string]bool{}
	for i, fl := range p.Sensitive {
		f := fmt.Sprintf("Sensitive[%d]", i)
		c.Enum(f, schema.SensitiveFlag, fl)
		if seenFlag[fl] && fl != "" {
			c.Add(f, "%s is listed twice.", schema.SensitiveFlag.Label(fl))
		}
		seenFlag[fl] = true
	}
	return c.Errs
}

// SavePerson validates p and inserts or updates her record with her needs
// and sensitive flags (which replace the stored ones). Her release plan,
// contacts, actions and events are not touched. An empty ID gets a new id
// ("p-…"), written back into p. A release date before today (Store.TodayFunc) is refused
// while her status is in custody — when it is entered or changed, or her
// status is changed: a record that already stood so (her release date went
// by before anyone updated it) can still be edited, so that her needs and
// notes are never held hostage by a date.
//
// On any error, p is left exactly as it was given; on success it holds
// what was stored (its id, and the fields as normalised on saving).
func (s *Store) SavePerson(p *Person) error {
	n := *p
	n.Needs = append([]Need(nil), p.Needs...)
	n.Sensitive = append([]string(nil), p.Sensitive...)
	if err := s.savePerson(&n); err != nil {
		return err
	}
	*p = n
	return nil
}

// savePerson does the work of SavePerson on a copy of the caller\'s record, so it may
// normalise its argument freely.
func (s *Store) savePerson(p *Person) error {
	stood := false
	if p.ID != "" {
		var rel, status sql.NullString
		err := s.DB.QueryRow(`SELECT release_date, status FROM people WHERE id = ?`, p.ID).Scan(&rel, &status)
		stood = err == nil && rel.String == p.ReleaseDate && status.String == p.Status
	}
	errs := p.validate(s.today(), stood)
	id := p.ID
	if id == "" {
		id = schema.NewID("p")
	}
	err := s.withTx(func(tx *sql.Tx) error {
		if p.EstablishmentID != "" {
			ok, err := exists(tx, "establishments", p.EstablishmentID)
			if err != nil {
				return err
			}
			if !ok {
				errs = append(errs, FieldError{Field: "EstablishmentID", Message: "That establishment is not in the list (it may have been deleted). Choose another."})
			}
		}
		if len(errs) > 0 {
			return errs
		}
		_, err := tx.Exec(`INSERT INTO people(id, name, pseudonym, date_of_birth, prison_number, status,
				establishment_id, sentence, release_date, release_date_confirmed, referral, referral_date,
				consent_recorded_on, consent_share_with, safety_note, closed_on, retention_note,
				ethnicity, offence_group, previous_custodial_sentences)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET name=excluded.name, pseudonym=excluded.pseudonym,
				date_of_birth=excluded.date_of_birth, prison_number=excluded.prison_number,
				status=excluded.status, establishment_id=excluded.establishment_id,
				sentence=excluded.sentence, release_date=excluded.release_date,
				release_date_confirmed=excluded.release_date_confirmed, referral=excluded.referral,
				referral_date=excluded.referral_date, consent_recorded_on=excluded.consent_recorded_on,
				consent_share_with=excluded.consent_share_with, safety_note=excluded.safety_note,
				closed_on=excluded.closed_on, retention_note=excluded.retention_note,
				ethnicity=excluded.ethnicity, offence_group=excluded.offence_group,
				previous_custodial_sentences=excluded.previous_custodial_sentences`,
			id, p.Name, p.Pseudonym, nullStr(p.DateOfBirth), p.PrisonNumber, p.Status,
			nullStr(p.EstablishmentID), p.Sentence, nullStr(p.ReleaseDate), b2i(p.ReleaseDateConfirmed),
			p.Referral, nullStr(p.ReferralDate), nullStr(p.ConsentRecordedOn), p.ConsentShareWith,
			p.SafetyNote, nullStr(p.ClosedOn), p.RetentionNote,
			p.Ethnicity, p.OffenceGroup, nullInt(p.PreviousCustodialSentences))
		if err != nil {
			return fmt.Errorf("saving person %q: %w", id, err)
		}
		if _, err := tx.Exec(`DELETE FROM person_needs WHERE person_id = ?`, id); err != nil {
			return fmt.Errorf("saving needs of person %q: %w", id, err)
		}
		for i, n := range p.Needs {
			if _, err := tx.Exec(`INSERT INTO person_needs(person_id, area, status, note, position) VALUES(?,?,?,?,?)`,
				id, n.Area, n.Status, n.Note, i); err != nil {
				return fmt.Errorf("saving needs of person %q: %w", id, err)
			}
		}
		if _, err := tx.Exec(`DELETE FROM person_sensitive WHERE person_id = ?`, id); err != nil {
			return fmt.Errorf("saving flags of person %q: %w", id, err)
		}
		for i, f := range p.Sensitive {
			if _, err := tx.Exec(`INSERT INTO person_sensitive(person_id, flag, position) VALUES(?,?,?)`, id, f, i); err != nil {
				return fmt.Errorf("saving flags of person %q: %w", id, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	p.ID = id
	return nil
}

// GetPerson returns one woman's record with her needs and flags.
func (s *Store) GetPerson(id string) (*Person, error) {
	var p Person
	var dob, est, rel, refd, cons, closed sql.NullString
	var confirmed int
	var prev sql.NullInt64
	err := s.DB.QueryRow(`SELECT id, name, pseudonym, date_of_birth, prison_number, status,
			establishment_id, sentence, release_date, release_date_confirmed, referral, referral_date,
			consent_recorded_on, consent_share_with, safety_note, closed_on, retention_note,
			ethnicity, offence_group, previous_custodial_sentences
		FROM people WHERE id = ?`, id).Scan(&p.ID, &p.Name, &p.Pseudonym, &dob, &p.PrisonNumber,
		&p.Status, &est, &p.Sentence, &rel, &confirmed, &p.Referral, &refd, &cons,
		&p.ConsentShareWith, &p.SafetyNote, &closed, &p.RetentionNote,
		&p.Ethnicity, &p.OffenceGroup, &prev)
	if err == sql.ErrNoRows {
		return nil, notFound("person", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading person %q: %w", id, err)
	}
	p.DateOfBirth, p.EstablishmentID, p.ReleaseDate = str(dob), str(est), str(rel)
	p.ReferralDate, p.ConsentRecordedOn, p.ClosedOn = str(refd), str(cons), str(closed)
	p.ReleaseDateConfirmed = confirmed != 0
	p.PreviousCustodialSentences = intPtr(prev)

	rows, err := s.DB.Query(`SELECT area, status, note FROM person_needs WHERE person_id = ? ORDER BY position, area`, id)
	if err != nil {
		return nil, fmt.Errorf("reading needs of person %q: %w", id, err)
	}
	for rows.Next() {
		var n Need
		if err := rows.Scan(&n.Area, &n.Status, &n.Note); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading needs of person %q: %w", id, err)
		}
		p.Needs = append(p.Needs, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading needs of person %q: %w", id, err)
	}

	p.Sensitive, err = s.strings(`SELECT flag FROM person_sensitive WHERE person_id = ? ORDER BY position, flag`, id)
	if err != nil {
		return nil, fmt.Errorf("reading flags of person %q: %w", id, err)
	}
	return &p, nil
}

// DeletePerson removes a woman and everything that belongs to her: needs,
// flags, release plan, her rows at contacts (with their needs and items),
// actions, events, letters and newsletter mailing rows. Contacts themselves
// stay (other women may have been seen at them).
func (s *Store) DeletePerson(id string) error {
	return s.deleteByID("people", "person", id)
}

// strings runs a one-column query and returns the values, rows closed.
func (s *Store) strings(q string, args ...any) ([]string, error) {
	return queryStrings(s.DB, q, args...)
}

func queryStrings(qr querier, q string, args ...any) ([]string, error) {
	rows, err := qr.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
