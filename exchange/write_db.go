package exchange

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// writer writes a validated document inside one transaction, with each
// statement prepared once.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (w *writer) close() {
	for q, s := range w.stmts {
		s.Close()
		delete(w.stmts, q)
	}
}

func (w *writer) exec(q string, args ...any) (sql.Result, error) {
	if err := w.ctx.Err(); err != nil {
		return nil, err
	}
	s, ok := w.stmts[q]
	if !ok {
		var err error
		s, err = w.tx.PrepareContext(w.ctx, q)
		if err != nil {
			return nil, err
		}
		w.stmts[q] = s
	}
	return s.ExecContext(w.ctx, args...)
}

// upsert inserts a row of table (cols[0] is "id", args[0] its value) or, if
// a row with that id exists, updates it in place. It reports whether the
// row was replaced.
func (w *writer) upsert(table string, cols []string, args ...any) (bool, error) {
	ph := strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",")
	ins := "INSERT INTO " + table + "(" + strings.Join(cols, ",") + ") VALUES(" + ph + ") ON CONFLICT(id) DO NOTHING"
	r, err := w.exec(ins, args...)
	if err != nil {
		return false, fmt.Errorf("writing %s %q: %w", table, args[0], err)
	}
	if n, _ := r.RowsAffected(); n == 1 {
		return false, nil
	}
	upd := "UPDATE " + table + " SET " + strings.Join(cols[1:], "=?,") + "=? WHERE id=?"
	uargs := append(append([]any{}, args[1:]...), args[0])
	if _, err := w.exec(upd, uargs...); err != nil {
		return true, fmt.Errorf("replacing %s %q: %w", table, args[0], err)
	}
	return true, nil
}

// clear deletes the child rows of a replaced record.
func (w *writer) clear(id string, tables ...string) error {
	for _, t := range tables {
		table, col, _ := strings.Cut(t, ".")
		if _, err := w.exec("DELETE FROM "+table+" WHERE "+col+"=?", id); err != nil {
			return fmt.Errorf("replacing the %s of %q: %w", table, id, err)
		}
	}
	return nil
}

func (w *writer) row(q string, args ...any) error {
	if _, err := w.exec(q, args...); err != nil {
		return fmt.Errorf("writing a row (%s): %w", strings.Fields(q)[2], err)
	}
	return nil
}

func count(c *Counts, replaced bool) {
	if replaced {
		c.Replaced++
	} else {
		c.Added++
	}
}

// null is nil for an absent date or reference, else the string.
func null(s *string) any {
	if s == nil || *s == "" {
		return nil
	}
	return *s
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// orNotRecorded reads an absent ethnicity or offence group as "not_recorded".
func orNotRecorded(s string) string {
	if s == "" {
		return "not_recorded"
	}
	return s
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// document writes every record, parents before the records that point at
// them.
func (w *writer) document(d *Document) (ImportResult, error) {
	var res ImportResult
	for _, e := range d.Establishments {
		rep, err := w.upsert("establishments", []string{"id", "name", "kind", "address", "booking_contact", "notes"},
			e.ID, e.Name, e.Kind, e.Address, e.BookingContact, e.Notes)
		if err != nil {
			return res, err
		}
		count(&res.Establishments, rep)
	}
	for _, a := range d.Agencies {
		rep, err := w.upsert("agencies", []string{"id", "name", "category", "area", "services", "key_contact", "phone", "email", "website", "last_checked", "notes"},
			a.ID, a.Name, a.Category, a.Area, a.Services, a.KeyContact, a.Phone, a.Email, a.Website, null(a.LastChecked), a.Notes)
		if err != nil {
			return res, err
		}
		count(&res.Agencies, rep)
	}
	for i := range d.People {
		if err := w.person(&d.People[i], &res.People); err != nil {
			return res, err
		}
	}
	for i := range d.Contacts {
		if err := w.contact(&d.Contacts[i], &res.Contacts, &res.NeedsOpened); err != nil {
			return res, err
		}
	}
	for _, a := range d.Actions {
		rep, err := w.upsert("actions", []string{"id", "person_id", "contact_id", "agency_id", "text", "due", "done_on"},
			a.ID, null(a.Person), null(a.Contact), null(a.Agency), a.Text, null(a.Due), null(a.DoneOn))
		if err != nil {
			return res, err
		}
		count(&res.Actions, rep)
	}
	for _, e := range d.Events {
		rep, err := w.upsert("events", []string{"id", "person_id", "date", "kind", "note", "notice_days", "outcome"},
			e.ID, e.Person, e.Date, e.Kind, e.Note, intOrNil(e.NoticeDays), null(e.Outcome))
		if err != nil {
			return res, err
		}
		count(&res.Events, rep)
	}
	for i := range d.Diary {
		if err := w.diaryEntry(&d.Diary[i], &res.Diary); err != nil {
			return res, err
		}
	}
	for i := range d.Supervision {
		if err := w.supervision(&d.Supervision[i], &res.Supervision); err != nil {
			return res, err
		}
	}
	for i := range d.Letters {
		if err := w.letter(&d.Letters[i], &res.Letters); err != nil {
			return res, err
		}
	}
	for i := range d.Newsletters {
		if err := w.newsletter(&d.Newsletters[i], &res.Newsletters); err != nil {
			return res, err
		}
	}
	for _, x := range d.Readings {
		rep, err := w.upsert("readings", []string{"id", "person_id", "date", "area", "score", "contact_id"},
			x.ID, x.Person, x.Date, x.Area, x.Score, null(x.Contact))
		if err != nil {
			return res, err
		}
		count(&res.Readings, rep)
	}
	return res, nil
}

func (w *writer) person(p *Person, c *Counts) error {
	rep, err := w.upsert("people", []string{"id", "name", "pseudonym", "date_of_birth", "prison_number", "status",
		"establishment_id", "sentence", "release_date", "release_date_confirmed", "referral", "referral_date",
		"consent_recorded_on", "consent_share_with", "safety_note", "closed_on", "retention_note",
		"ethnicity", "offence_group", "previous_custodial_sentences"},
		p.ID, p.Name, p.Pseudonym, null(p.DateOfBirth), p.PrisonNumber, p.Status,
		null(p.Establishment), p.Sentence, null(p.ReleaseDate), b2i(p.ReleaseDateConfirmed), p.Referral, null(p.ReferralDate),
		null(p.Consent.RecordedOn), p.Consent.ShareWith, p.SafetyNote, null(p.ClosedOn), p.RetentionNote,
		orNotRecorded(p.Ethnicity), orNotRecorded(p.OffenceGroup), intOrNil(p.PreviousCustodialSentences))
	if err != nil {
		return err
	}
	count(c, rep)
	if rep {
		if err := w.clear(p.ID, "person_needs.person_id", "person_sensitive.person_id", "release_plan.person_id"); err != nil {
			return err
		}
	}
	for i, n := range p.Needs {
		if err := w.row(`INSERT INTO person_needs(person_id, area, status, note, position) VALUES(?,?,?,?,?)`,
			p.ID, n.Area, n.Status, n.Note, i); err != nil {
			return err
		}
	}
	for i, f := range p.Sensitive {
		if err := w.row(`INSERT INTO person_sensitive(person_id, flag, position) VALUES(?,?,?)`, p.ID, f, i); err != nil {
			return err
		}
	}
	for _, it := range p.ReleasePlan {
		if err := w.row(`INSERT INTO release_plan(person_id, item, done, note) VALUES(?,?,?,?)`,
			p.ID, it.Item, b2i(it.Done), it.Note); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) contact(ct *Contact, c *Counts, opened *int) error {
	var l Logistics
	if ct.Logistics != nil {
		l = *ct.Logistics
	}
	rep, err := w.upsert("contacts", []string{"id", "date", "start_time", "end_time", "kind", "establishment_id", "place",
		"has_logistics", "room_booked", "late_start_minutes", "logistics_note"},
		ct.ID, ct.Date, ct.Start, ct.End, ct.Kind, null(ct.Establishment), ct.Place,
		b2i(ct.Logistics != nil), b2i(l.RoomBooked), l.LateStartMinutes, l.Note)
	if err != nil {
		return err
	}
	count(c, rep)
	if rep {
		// Deleting the per-woman rows cascades to their needs and items.
		if err := w.clear(ct.ID, "contact_people.contact_id"); err != nil {
			return err
		}
	}
	for i, cp := range ct.People {
		if err := w.row(`INSERT INTO contact_people(contact_id, person_id, position, booked, seen, not_seen_reason, note, wellbeing) VALUES(?,?,?,?,?,?,?,?)`,
			ct.ID, cp.Person, i, b2i(cp.Booked), b2i(cp.Seen), cp.NotSeenReason, cp.Note, intOrNil(cp.Wellbeing)); err != nil {
			return err
		}
		for j, a := range cp.NeedsDiscussed {
			if err := w.row(`INSERT INTO contact_needs(contact_id, person_id, area, position) VALUES(?,?,?,?)`,
				ct.ID, cp.Person, a, j); err != nil {
				return err
			}
			// A need discussed with her that is not among her needs at all
			// becomes an open one (see "Needs discussed at contacts" in doc.go).
			r, err := w.exec(`INSERT OR IGNORE INTO person_needs(person_id, area, status, note, position)
				SELECT ?, ?, 'open', '', COALESCE(MAX(position), -1) + 1 FROM person_needs WHERE person_id = ?`,
				cp.Person, a, cp.Person)
			if err != nil {
				return fmt.Errorf("opening %s for %q from contact %q: %w", a, cp.Person, ct.ID, err)
			}
			if n, _ := r.RowsAffected(); n == 1 {
				*opened++
			}
		}
		for j, it := range cp.Items {
			if err := w.row(`INSERT INTO contact_items(contact_id, person_id, item, quantity, position) VALUES(?,?,?,?,?)`,
				ct.ID, cp.Person, it.Item, it.Quantity, j); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *writer) diaryEntry(e *DiaryEntry, c *Counts) error {
	rep, err := w.upsert("diary", []string{"id", "date", "contact_id", "template", "status"},
		e.ID, e.Date, null(e.Contact), e.Template, e.Status)
	if err != nil {
		return err
	}
	count(c, rep)
	if rep {
		if err := w.clear(e.ID, "diary_sections.diary_id", "diary_tags.diary_id"); err != nil {
			return err
		}
	}
	keys := templateKeys[e.Template]
	for i, s := range e.Sections {
		pos := i
		for k, key := range keys {
			if key == s.Key {
				pos = k
			}
		}
		if err := w.row(`INSERT INTO diary_sections(diary_id, key, body, position) VALUES(?,?,?,?)`,
			e.ID, s.Key, s.Body, pos); err != nil {
			return err
		}
	}
	for i, t := range e.Tags {
		if err := w.row(`INSERT INTO diary_tags(diary_id, tag, position) VALUES(?,?,?)`, e.ID, t, i); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) supervision(s *Supervision, c *Counts) error {
	rep, err := w.upsert("supervision", []string{"id", "date", "supervisor", "notes", "signed_off_on"},
		s.ID, s.Date, s.Supervisor, s.Notes, null(s.SignedOffOn))
	if err != nil {
		return err
	}
	count(c, rep)
	if rep {
		if err := w.clear(s.ID, "supervision_entries.supervision_id", "supervision_actions.supervision_id"); err != nil {
			return err
		}
	}
	for i, d := range s.Entries {
		if err := w.row(`INSERT INTO supervision_entries(supervision_id, diary_id, position, comment) VALUES(?,?,?,?)`,
			s.ID, d, i, s.Comments[d]); err != nil {
			return err
		}
	}
	for i, a := range s.Actions {
		if err := w.row(`INSERT INTO supervision_actions(supervision_id, position, text, owner, due, done_on) VALUES(?,?,?,?,?,?)`,
			s.ID, i, a.Text, a.Owner, null(a.Due), null(a.DoneOn)); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) letter(l *Letter, c *Counts) error {
	rep, err := w.upsert("letters", []string{"id", "person_id", "date", "direction", "channel", "summary", "reply_due"},
		l.ID, l.Person, l.Date, l.Direction, l.Channel, l.Summary, null(l.ReplyDue))
	if err != nil {
		return err
	}
	count(c, rep)
	if rep {
		if err := w.clear(l.ID, "letter_enclosures.letter_id"); err != nil {
			return err
		}
	}
	for i, it := range l.Enclosures {
		if err := w.row(`INSERT INTO letter_enclosures(letter_id, item, position) VALUES(?,?,?)`, l.ID, it, i); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) newsletter(n *Newsletter, c *Counts) error {
	rep, err := w.upsert("newsletters", []string{"id", "title", "issue", "date", "status"},
		n.ID, n.Title, n.Issue, n.Date, n.Status)
	if err != nil {
		return err
	}
	count(c, rep)
	if rep {
		if err := w.clear(n.ID, "newsletter_sections.newsletter_id", "newsletter_sent_to.newsletter_id", "newsletter_checklist.newsletter_id"); err != nil {
			return err
		}
	}
	for i, s := range n.Sections {
		if err := w.row(`INSERT INTO newsletter_sections(newsletter_id, position, heading, body, contributor, consent) VALUES(?,?,?,?,?,?)`,
			n.ID, i, s.Heading, s.Body, s.Contributor, b2i(s.Consent)); err != nil {
			return err
		}
	}
	for i, p := range n.SentTo {
		if err := w.row(`INSERT INTO newsletter_sent_to(newsletter_id, person_id, position) VALUES(?,?,?)`, n.ID, p, i); err != nil {
			return err
		}
	}
	for _, it := range n.Checklist {
		if err := w.row(`INSERT INTO newsletter_checklist(newsletter_id, item) VALUES(?,?)`, n.ID, it); err != nil {
			return err
		}
	}
	return nil
}

// OpenDiscussedNeeds applies the import's rule for needs discussed at
// contacts (doc.go, "Needs discussed at contacts") to the people in d
// itself: every area discussed with a woman of d.People at a contact of d
// that is not among her needs is appended to them as an open need. It
// returns how many it added. A document it has been applied to imports
// without the import adding any need for the women it holds.
func OpenDiscussedNeeds(d *Document) int {
	byID := map[string]*Person{}
	for i := range d.People {
		byID[d.People[i].ID] = &d.People[i]
	}
	n := 0
	for _, c := range d.Contacts {
		for _, cp := range c.People {
			p := byID[cp.Person]
			if p == nil {
				continue
			}
			for _, a := range cp.NeedsDiscussed {
				if !hasNeed(p, a) {
					p.Needs = append(p.Needs, Need{Area: a, Status: "open", Note: ""})
					n++
				}
			}
		}
	}
	return n
}

func hasNeed(p *Person, area string) bool {
	for _, n := range p.Needs {
		if n.Area == area {
			return true
		}
	}
	return false
}
