// Package diary keeps the practitioner's reflective diary and the
// supervision sessions that review it.
//
// Conventions of the whole package:
//
//   - Dates are strings "YYYY-MM-DD"; an absent date is "" (NULL in the
//     database). Periods (from, to) are inclusive; "" leaves that end open.
//   - Ids are strings. Saving a record with an empty ID gives it a new id
//     (schema.NewID) and writes it back into the struct; saving with an ID
//     inserts or updates that record (an importer keeps its ids).
//   - Every Save validates first. Bad input returns a ValidationError naming
//     each field ("Date", "Sections[1].Key", "Actions[0].Due"); nothing is
//     written when it does.
//   - A record that does not exist gives an error matching ErrNotFound.
//   - Every function works on one connection: each query's rows are read and
//     closed before the next query runs, and a transaction uses its *sql.Tx
//     for every statement.
//
// The life of an entry: draft → for_supervision (ready to discuss) →
// discussed. Discussed is set only when a supervision session that includes
// the entry is signed off (see SaveSession); the practitioner can take an
// entry back from for_supervision to draft, and reopen a discussed entry for
// supervision again.
package diary

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"inreach/schema"
)

// Store reads and writes the diary and supervision records of one vault
// database.
type Store struct {
	// DB is the vault's database (one connection).
	DB *sql.DB
}

// New returns a Store on db.
func New(db *sql.DB) *Store { return &Store{DB: db} }

// withTx runs fn in a transaction (schema.WithTx).
func (s *Store) withTx(fn func(tx *sql.Tx) error) error { return schema.WithTx(s.DB, fn) }

// An Entry is one reflective diary entry.
type Entry struct {
	ID   string
	Date string
	// ContactID links the entry to the contact (visit, call …) it reflects
	// on; "" for none.
	ContactID string
	// Template is a template key: "visit_reflection" or "gibbs".
	Template string
	// Sections hold the text under each heading. Save stores them in the
	// template's order whatever order they come in; an entry need not have
	// every section (see AllSections).
	Sections []SectionText
	// Tags are short words for finding entries again ("housing",
	// "release day"). Save trims, lower-cases and de-duplicates them.
	Tags []string
	// Status is "draft", "for_supervision" or "discussed". "" keeps the
	// stored status of an existing entry, and makes a new one a draft.
	Status string
	// Comments are the supervisors' comments on this entry, oldest first.
	// Get fills them in; Save ignores them (they belong to the sessions).
	Comments []Comment
}

// SectionText is the text under one heading of an entry.
type SectionText struct {
	Key  string
	Body string
}

// Section returns the text of section key ("" if the entry has none).
func (e *Entry) Section(key string) string {
	for _, s := range e.Sections {
		if s.Key == key {
			return s.Body
		}
	}
	return ""
}

// AllSections returns one SectionText per section of the entry's template,
// in order, with the entry's text where it has some and "" where not: what
// a form shows. Sections the template does not know are left out.
func (e *Entry) AllSections() []SectionText {
	t, ok := TemplateByKey(e.Template)
	if !ok {
		return append([]SectionText(nil), e.Sections...)
	}
	out := make([]SectionText, len(t.Sections))
	for i, sec := range t.Sections {
		out[i] = SectionText{Key: sec.Key, Body: e.Section(sec.Key)}
	}
	return out
}

// A Comment is what a supervisor wrote about one entry at one session.
type Comment struct {
	SessionID  string
	Date       string
	Supervisor string
	Text       string
}

// NormaliseTags trims, lower-cases, collapses inner spaces and
// de-duplicates tags, keeping their first order and dropping empty ones.
func NormaliseTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.Join(strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsControl(r)
		}), " ")
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// normalise tidies the entry in place before validation.
func (e *Entry) normalise() {
	e.ID = strings.TrimSpace(e.ID)
	e.Date = strings.TrimSpace(e.Date)
	e.ContactID = strings.TrimSpace(e.ContactID)
	e.Template = strings.TrimSpace(e.Template)
	if e.Template == "" {
		e.Template = "visit_reflection"
	}
	e.Status = strings.TrimSpace(e.Status)
	e.Tags = NormaliseTags(e.Tags)
	for i := range e.Sections {
		e.Sections[i].Key = strings.TrimSpace(e.Sections[i].Key)
	}
}

// validate checks the entry (already normalised) and, when the template is
// known, puts the sections in template order.
func (e *Entry) validate() error {
	var c schema.Checker
	c.Date("Date", e.Date, true)
	t, ok := TemplateByKey(e.Template)
	if !ok {
		c.Add("Template", "Choose a template: %s.", strings.Join(schema.DiaryTemplate.LabelList(), " or "))
	}
	if e.Status != "" && !schema.DiaryStatus.Valid(e.Status) {
		c.Add("Status", "Choose a status: %s.", strings.Join(schema.DiaryStatus.LabelList(), ", "))
	}
	seen := map[string]bool{}
	for i, s := range e.Sections {
		field := fmt.Sprintf("Sections[%d].Key", i)
		switch {
		case s.Key == "":
			c.Add(field, "A section has no name.")
		case ok && t.sectionIndex(s.Key) < 0:
			c.Add(field, "%q is not a section of the %s template.", s.Key, t.Name)
		case seen[s.Key]:
			c.Add(field, "The section %q appears twice.", s.Key)
		}
		seen[s.Key] = true
		c.Text(fmt.Sprintf("Sections[%d].Body", i), s.Body)
	}
	for i, tag := range e.Tags {
		if len([]rune(tag)) > MaxTagLength {
			c.Add(fmt.Sprintf("Tags[%d]", i), "A tag can be at most %d letters; use a shorter word.", MaxTagLength)
		}
		if !strings.ContainsFunc(tag, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			c.Add(fmt.Sprintf("Tags[%d]", i), "A tag needs at least one letter or digit.")
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	if ok {
		sortSections(e.Sections, t)
	}
	return nil
}

func sortSections(secs []SectionText, t Template) {
	// insertion sort by template position: a handful of items
	for i := 1; i < len(secs); i++ {
		for j := i; j > 0 && t.sectionIndex(secs[j].Key) < t.sectionIndex(secs[j-1].Key); j-- {
			secs[j], secs[j-1] = secs[j-1], secs[j]
		}
	}
}

// Save validates and writes the entry with its sections and tags, giving it
// a new id if it has none (written back into e.ID). A new entry may have
// any status (an imported entry may already be discussed); changing the
// status of an existing entry follows the rules of SetStatus.
//
// On any error, e is left exactly as it was given; on success it holds
// what was stored (its id, and the fields as normalised on saving).
func (s *Store) Save(e *Entry) error {
	if e == nil {
		return errors.New("diary: no entry to save")
	}
	n := *e
	n.Sections = append([]SectionText(nil), e.Sections...)
	n.Tags = append([]string(nil), e.Tags...)
	n.Comments = append([]Comment(nil), e.Comments...)
	if err := s.save(&n); err != nil {
		return err
	}
	*e = n
	return nil
}

// save does the work of Save on a copy of the caller\'s record, so it may
// normalise its argument freely.
func (s *Store) save(e *Entry) error {
	if e == nil {
		return errors.New("diary: no entry to save")
	}
	e.normalise()
	if err := e.validate(); err != nil {
		return err
	}
	wasNew := e.ID == ""
	err := s.withTx(func(tx *sql.Tx) error {
		if e.ContactID != "" {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM contacts WHERE id = ?`, e.ContactID).Scan(&n); err != nil {
				return fmt.Errorf("checking the contact of diary entry: %w", err)
			}
			if n == 0 {
				return ValidationError{{Field: "ContactID", Message: "The contact this entry was linked to no longer exists. Choose another or none."}}
			}
		}
		if e.ID == "" {
			e.ID = schema.NewID("d")
		} else {
			var old string
			err := tx.QueryRow(`SELECT status FROM diary WHERE id = ?`, e.ID).Scan(&old)
			switch {
			case errors.Is(err, sql.ErrNoRows):
			case err != nil:
				return fmt.Errorf("reading diary entry %s: %w", e.ID, err)
			case e.Status == "":
				e.Status = old
			default:
				if err := checkTransition(e.ID, old, e.Status); err != nil {
					return err
				}
			}
		}
		if e.Status == "" {
			e.Status = "draft"
		}
		var contact any
		if e.ContactID != "" {
			contact = e.ContactID
		}
		if _, err := tx.Exec(`INSERT INTO diary (id, date, contact_id, template, status) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET date = excluded.date, contact_id = excluded.contact_id,
				template = excluded.template, status = excluded.status`,
			e.ID, e.Date, contact, e.Template, e.Status); err != nil {
			return fmt.Errorf("saving diary entry %s: %w", e.ID, err)
		}
		if _, err := tx.Exec(`DELETE FROM diary_sections WHERE diary_id = ?`, e.ID); err != nil {
			return fmt.Errorf("saving the sections of diary entry %s: %w", e.ID, err)
		}
		t, _ := TemplateByKey(e.Template)
		for _, sec := range e.Sections {
			if _, err := tx.Exec(`INSERT INTO diary_sections (diary_id, key, body, position) VALUES (?, ?, ?, ?)`,
				e.ID, sec.Key, sec.Body, t.sectionIndex(sec.Key)); err != nil {
				return fmt.Errorf("saving the sections of diary entry %s: %w", e.ID, err)
			}
		}
		if _, err := tx.Exec(`DELETE FROM diary_tags WHERE diary_id = ?`, e.ID); err != nil {
			return fmt.Errorf("saving the tags of diary entry %s: %w", e.ID, err)
		}
		for i, tag := range e.Tags {
			if _, err := tx.Exec(`INSERT INTO diary_tags (diary_id, tag, position) VALUES (?, ?, ?)`, e.ID, tag, i); err != nil {
				return fmt.Errorf("saving the tags of diary entry %s: %w", e.ID, err)
			}
		}
		return nil
	})
	if err != nil && wasNew {
		e.ID = "" // nothing was written: the entry is still new
	}
	return err
}

// Get returns the entry with its sections (in template order), tags and
// the supervisors' comments on it.
func (s *Store) Get(id string) (*Entry, error) {
	e := &Entry{ID: id}
	var contact sql.NullString
	err := s.DB.QueryRow(`SELECT date, contact_id, template, status FROM diary WHERE id = ?`, id).
		Scan(&e.Date, &contact, &e.Template, &e.Status)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("diary entry", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading diary entry %s: %w", id, err)
	}
	e.ContactID = contact.String
	rows, err := s.DB.Query(`SELECT key, body FROM diary_sections WHERE diary_id = ? ORDER BY position, key`, id)
	if err != nil {
		return nil, fmt.Errorf("reading diary entry %s: %w", id, err)
	}
	for rows.Next() {
		var sec SectionText
		if err := rows.Scan(&sec.Key, &sec.Body); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading diary entry %s: %w", id, err)
		}
		e.Sections = append(e.Sections, sec)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading diary entry %s: %w", id, err)
	}
	if e.Tags, err = s.tags(id); err != nil {
		return nil, err
	}
	if e.Comments, err = s.EntryComments(id); err != nil {
		return nil, err
	}
	return e, nil
}

func (s *Store) tags(id string) ([]string, error) {
	rows, err := s.DB.Query(`SELECT tag FROM diary_tags WHERE diary_id = ? ORDER BY position, tag`, id)
	if err != nil {
		return nil, fmt.Errorf("reading the tags of diary entry %s: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("reading the tags of diary entry %s: %w", id, err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Delete removes the entry, its sections and tags, and takes it out of any
// supervision session (its comments there go with it).
func (s *Store) Delete(id string) error {
	res, err := s.DB.Exec(`DELETE FROM diary WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("deleting diary entry %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("diary entry", id)
	}
	return nil
}
