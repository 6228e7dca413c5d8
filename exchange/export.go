package exchange

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"inreach/schema"
)

// ExportOptions choose what Export writes.
type ExportOptions struct {
	// PersonID, when set, exports only the records about one woman (for a
	// subject access request): her person record; the establishments she
	// is held at or had contacts at; the contacts she was at, each with only
	// her own row; her actions, events and letters, and the agencies her
	// actions name; the diary entries linked to her contacts or mentioning
	// her full name (any case, as a whole word); the supervision sessions
	// that discussed those entries, with only those entries and their
	// comments; the newsletters she was sent, with only her on the
	// distribution list. A contact that one of her actions or diary entries
	// points at is included too (with her row, if any) so that the file
	// imports on its own.
	//
	// Such a file is for giving to her. Do not import it back into the
	// vault it came from: importing replaces each contact's and session's
	// children, so the other women's rows at those contacts would be lost.
	PersonID string
}

// Export reads the whole vault (or, with opts.PersonID, one woman's records)
// into a Document in the stable order of Sort, with exported_at set to the
// current time in UTC. It reads inside one transaction and changes nothing;
// cancelling ctx stops it (the transaction is not bound to ctx, see Import).
func Export(ctx context.Context, db *sql.DB, opts ExportOptions) (*Document, error) {
	// Not tied to ctx: see Import. The queries still use ctx.
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		return nil, fmt.Errorf("starting the export: %w", err)
	}
	defer tx.Rollback()
	d := &Document{Format: Format, Version: Version, ExportedAt: time.Now().UTC().Format(time.RFC3339)}
	r := reader{ctx: ctx, tx: tx}
	for _, step := range []func(*Document) error{
		r.establishments, r.agencies, r.people, r.contacts, r.actions, r.events,
		r.diary, r.supervision, r.letters, r.newsletters, r.readings,
	} {
		if err := step(d); err != nil {
			return nil, fmt.Errorf("exporting: %w", err)
		}
	}
	if opts.PersonID != "" {
		if err := restrictTo(d, opts.PersonID); err != nil {
			return nil, err
		}
	}
	normalize(d)
	Sort(d)
	return d, nil
}

// reader runs the export's queries. Each query's rows are read to the end
// and closed before the next runs.
type reader struct {
	ctx context.Context
	tx  *sql.Tx
}

func (r reader) each(q string, fn func(*sql.Rows) error) error {
	rows, err := r.tx.QueryContext(r.ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

func ptr(n sql.NullString) *string {
	if !n.Valid {
		return nil
	}
	s := n.String
	return &s
}

func (r reader) establishments(d *Document) error {
	return r.each(`SELECT id, name, kind, address, booking_contact, notes FROM establishments`, func(rs *sql.Rows) error {
		var e Establishment
		if err := rs.Scan(&e.ID, &e.Name, &e.Kind, &e.Address, &e.BookingContact, &e.Notes); err != nil {
			return err
		}
		d.Establishments = append(d.Establishments, e)
		return nil
	})
}

func (r reader) agencies(d *Document) error {
	return r.each(`SELECT id, name, category, area, services, key_contact, phone, email, website, last_checked, notes FROM agencies`, func(rs *sql.Rows) error {
		var a Agency
		var lc sql.NullString
		if err := rs.Scan(&a.ID, &a.Name, &a.Category, &a.Area, &a.Services, &a.KeyContact, &a.Phone, &a.Email, &a.Website, &lc, &a.Notes); err != nil {
			return err
		}
		a.LastChecked = ptr(lc)
		d.Agencies = append(d.Agencies, a)
		return nil
	})
}

func (r reader) people(d *Document) error {
	idx := map[string]int{}
	err := r.each(`SELECT id, name, pseudonym, date_of_birth, prison_number, status, establishment_id, sentence,
		release_date, release_date_confirmed, referral, referral_date, consent_recorded_on, consent_share_with,
		safety_note, closed_on, retention_note, ethnicity, offence_group, previous_custodial_sentences
		FROM people`, func(rs *sql.Rows) error {
		var p Person
		var dob, est, rel, refd, cons, closed sql.NullString
		var prev sql.NullInt64
		if err := rs.Scan(&p.ID, &p.Name, &p.Pseudonym, &dob, &p.PrisonNumber, &p.Status, &est, &p.Sentence,
			&rel, &p.ReleaseDateConfirmed, &p.Referral, &refd, &cons, &p.Consent.ShareWith,
			&p.SafetyNote, &closed, &p.RetentionNote, &p.Ethnicity, &p.OffenceGroup, &prev); err != nil {
			return err
		}
		p.PreviousCustodialSentences = intPtr(prev)
		p.DateOfBirth, p.Establishment, p.ReleaseDate, p.ReferralDate = ptr(dob), ptr(est), ptr(rel), ptr(refd)
		p.Consent.RecordedOn, p.ClosedOn = ptr(cons), ptr(closed)
		p.Needs, p.Sensitive, p.ReleasePlan = []Need{}, []string{}, []PlanItem{}
		idx[p.ID] = len(d.People)
		d.People = append(d.People, p)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT person_id, area, status, note FROM person_needs ORDER BY person_id, position, area`, func(rs *sql.Rows) error {
		var id string
		var n Need
		if err := rs.Scan(&id, &n.Area, &n.Status, &n.Note); err != nil {
			return err
		}
		p := &d.People[idx[id]]
		p.Needs = append(p.Needs, n)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT person_id, flag FROM person_sensitive ORDER BY person_id, position, flag`, func(rs *sql.Rows) error {
		var id, f string
		if err := rs.Scan(&id, &f); err != nil {
			return err
		}
		p := &d.People[idx[id]]
		p.Sensitive = append(p.Sensitive, f)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT person_id, item, done, note FROM release_plan ORDER BY person_id, item`, func(rs *sql.Rows) error {
		var id string
		var it PlanItem
		if err := rs.Scan(&id, &it.Item, &it.Done, &it.Note); err != nil {
			return err
		}
		p := &d.People[idx[id]]
		p.ReleasePlan = append(p.ReleasePlan, it)
		return nil
	})
	if err != nil {
		return err
	}
	for i := range d.People {
		plan := d.People[i].ReleasePlan
		sort.SliceStable(plan, func(a, b int) bool {
			return enumIndex(schema.ReleasePlanItem, plan[a].Item) < enumIndex(schema.ReleasePlanItem, plan[b].Item)
		})
	}
	return nil
}

func (r reader) contacts(d *Document) error {
	idx := map[string]int{}
	err := r.each(`SELECT id, date, start_time, end_time, kind, establishment_id, place, has_logistics, room_booked,
		late_start_minutes, logistics_note FROM contacts`, func(rs *sql.Rows) error {
		var c Contact
		var est sql.NullString
		var has bool
		var l Logistics
		if err := rs.Scan(&c.ID, &c.Date, &c.Start, &c.End, &c.Kind, &est, &c.Place, &has, &l.RoomBooked,
			&l.LateStartMinutes, &l.Note); err != nil {
			return err
		}
		c.Establishment = ptr(est)
		if has {
			c.Logistics = &l
		}
		c.People = []ContactPerson{}
		idx[c.ID] = len(d.Contacts)
		d.Contacts = append(d.Contacts, c)
		return nil
	})
	if err != nil {
		return err
	}
	type key struct{ c, p string }
	row := map[key]*ContactPerson{}
	err = r.each(`SELECT contact_id, person_id, booked, seen, not_seen_reason, note, wellbeing FROM contact_people
		ORDER BY contact_id, position, person_id`, func(rs *sql.Rows) error {
		var cid string
		var cp ContactPerson
		var wb sql.NullInt64
		if err := rs.Scan(&cid, &cp.Person, &cp.Booked, &cp.Seen, &cp.NotSeenReason, &cp.Note, &wb); err != nil {
			return err
		}
		if wb.Valid {
			v := int(wb.Int64)
			cp.Wellbeing = &v
		}
		cp.NeedsDiscussed, cp.Items = []string{}, []ItemCount{}
		c := &d.Contacts[idx[cid]]
		c.People = append(c.People, cp)
		return nil
	})
	if err != nil {
		return err
	}
	// The rows are in place now; take pointers only after all appends.
	for i := range d.Contacts {
		c := &d.Contacts[i]
		for j := range c.People {
			row[key{c.ID, c.People[j].Person}] = &c.People[j]
		}
	}
	err = r.each(`SELECT contact_id, person_id, area FROM contact_needs ORDER BY contact_id, person_id, position, area`, func(rs *sql.Rows) error {
		var k key
		var a string
		if err := rs.Scan(&k.c, &k.p, &a); err != nil {
			return err
		}
		if cp := row[k]; cp != nil {
			cp.NeedsDiscussed = append(cp.NeedsDiscussed, a)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return r.each(`SELECT contact_id, person_id, item, quantity FROM contact_items ORDER BY contact_id, person_id, position, item`, func(rs *sql.Rows) error {
		var k key
		var it ItemCount
		if err := rs.Scan(&k.c, &k.p, &it.Item, &it.Quantity); err != nil {
			return err
		}
		if cp := row[k]; cp != nil {
			cp.Items = append(cp.Items, it)
		}
		return nil
	})
}

func (r reader) actions(d *Document) error {
	return r.each(`SELECT id, person_id, contact_id, agency_id, text, due, done_on FROM actions`, func(rs *sql.Rows) error {
		var a Action
		var p, c, ag, due, done sql.NullString
		if err := rs.Scan(&a.ID, &p, &c, &ag, &a.Text, &due, &done); err != nil {
			return err
		}
		a.Person, a.Contact, a.Agency, a.Due, a.DoneOn = ptr(p), ptr(c), ptr(ag), ptr(due), ptr(done)
		d.Actions = append(d.Actions, a)
		return nil
	})
}

func (r reader) events(d *Document) error {
	return r.each(`SELECT id, person_id, date, kind, note, notice_days, outcome FROM events`, func(rs *sql.Rows) error {
		var e Event
		var notice sql.NullInt64
		var outcome sql.NullString
		if err := rs.Scan(&e.ID, &e.Person, &e.Date, &e.Kind, &e.Note, &notice, &outcome); err != nil {
			return err
		}
		e.NoticeDays, e.Outcome = intPtr(notice), ptr(outcome)
		d.Events = append(d.Events, e)
		return nil
	})
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func (r reader) readings(d *Document) error {
	return r.each(`SELECT id, person_id, date, area, score, contact_id FROM readings`, func(rs *sql.Rows) error {
		var x Reading
		var c sql.NullString
		if err := rs.Scan(&x.ID, &x.Person, &x.Date, &x.Area, &x.Score, &c); err != nil {
			return err
		}
		x.Contact = ptr(c)
		d.Readings = append(d.Readings, x)
		return nil
	})
}

func (r reader) diary(d *Document) error {
	idx := map[string]int{}
	err := r.each(`SELECT id, date, contact_id, template, status FROM diary`, func(rs *sql.Rows) error {
		var e DiaryEntry
		var c sql.NullString
		if err := rs.Scan(&e.ID, &e.Date, &c, &e.Template, &e.Status); err != nil {
			return err
		}
		e.Contact = ptr(c)
		e.Sections, e.Tags = Sections{}, []string{}
		idx[e.ID] = len(d.Diary)
		d.Diary = append(d.Diary, e)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT diary_id, key, body FROM diary_sections ORDER BY diary_id, position, key`, func(rs *sql.Rows) error {
		var id string
		var s Section
		if err := rs.Scan(&id, &s.Key, &s.Body); err != nil {
			return err
		}
		e := &d.Diary[idx[id]]
		e.Sections = append(e.Sections, s)
		return nil
	})
	if err != nil {
		return err
	}
	for i := range d.Diary {
		keys := templateKeys[d.Diary[i].Template]
		secs := d.Diary[i].Sections
		place := func(k string) int {
			for j, x := range keys {
				if x == k {
					return j
				}
			}
			return len(keys)
		}
		sort.SliceStable(secs, func(a, b int) bool { return place(secs[a].Key) < place(secs[b].Key) })
	}
	return r.each(`SELECT diary_id, tag FROM diary_tags ORDER BY diary_id, position, tag`, func(rs *sql.Rows) error {
		var id, t string
		if err := rs.Scan(&id, &t); err != nil {
			return err
		}
		e := &d.Diary[idx[id]]
		e.Tags = append(e.Tags, t)
		return nil
	})
}

func (r reader) supervision(d *Document) error {
	idx := map[string]int{}
	err := r.each(`SELECT id, date, supervisor, notes, signed_off_on FROM supervision`, func(rs *sql.Rows) error {
		var s Supervision
		var so sql.NullString
		if err := rs.Scan(&s.ID, &s.Date, &s.Supervisor, &s.Notes, &so); err != nil {
			return err
		}
		s.SignedOffOn = ptr(so)
		s.Entries, s.Comments, s.Actions = []string{}, map[string]string{}, []SupervisionAction{}
		idx[s.ID] = len(d.Supervision)
		d.Supervision = append(d.Supervision, s)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT supervision_id, diary_id, comment FROM supervision_entries ORDER BY supervision_id, position, diary_id`, func(rs *sql.Rows) error {
		var id, did, comment string
		if err := rs.Scan(&id, &did, &comment); err != nil {
			return err
		}
		s := &d.Supervision[idx[id]]
		s.Entries = append(s.Entries, did)
		if comment != "" {
			s.Comments[did] = comment
		}
		return nil
	})
	if err != nil {
		return err
	}
	return r.each(`SELECT supervision_id, text, owner, due, done_on FROM supervision_actions ORDER BY supervision_id, position`, func(rs *sql.Rows) error {
		var id string
		var a SupervisionAction
		var due, done sql.NullString
		if err := rs.Scan(&id, &a.Text, &a.Owner, &due, &done); err != nil {
			return err
		}
		a.Due, a.DoneOn = ptr(due), ptr(done)
		s := &d.Supervision[idx[id]]
		s.Actions = append(s.Actions, a)
		return nil
	})
}

func (r reader) letters(d *Document) error {
	idx := map[string]int{}
	err := r.each(`SELECT id, person_id, date, direction, channel, summary, reply_due FROM letters`, func(rs *sql.Rows) error {
		var l Letter
		var rd sql.NullString
		if err := rs.Scan(&l.ID, &l.Person, &l.Date, &l.Direction, &l.Channel, &l.Summary, &rd); err != nil {
			return err
		}
		l.ReplyDue = ptr(rd)
		l.Enclosures = []string{}
		idx[l.ID] = len(d.Letters)
		d.Letters = append(d.Letters, l)
		return nil
	})
	if err != nil {
		return err
	}
	return r.each(`SELECT letter_id, item FROM letter_enclosures ORDER BY letter_id, position`, func(rs *sql.Rows) error {
		var id, it string
		if err := rs.Scan(&id, &it); err != nil {
			return err
		}
		l := &d.Letters[idx[id]]
		l.Enclosures = append(l.Enclosures, it)
		return nil
	})
}

func (r reader) newsletters(d *Document) error {
	idx := map[string]int{}
	err := r.each(`SELECT id, title, issue, date, status FROM newsletters`, func(rs *sql.Rows) error {
		var n Newsletter
		if err := rs.Scan(&n.ID, &n.Title, &n.Issue, &n.Date, &n.Status); err != nil {
			return err
		}
		n.Sections, n.SentTo, n.Checklist = []NewsletterSection{}, []string{}, []string{}
		idx[n.ID] = len(d.Newsletters)
		d.Newsletters = append(d.Newsletters, n)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT newsletter_id, heading, body, contributor, consent FROM newsletter_sections ORDER BY newsletter_id, position`, func(rs *sql.Rows) error {
		var id string
		var s NewsletterSection
		if err := rs.Scan(&id, &s.Heading, &s.Body, &s.Contributor, &s.Consent); err != nil {
			return err
		}
		n := &d.Newsletters[idx[id]]
		n.Sections = append(n.Sections, s)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT newsletter_id, person_id FROM newsletter_sent_to ORDER BY newsletter_id, position, person_id`, func(rs *sql.Rows) error {
		var id, p string
		if err := rs.Scan(&id, &p); err != nil {
			return err
		}
		n := &d.Newsletters[idx[id]]
		n.SentTo = append(n.SentTo, p)
		return nil
	})
	if err != nil {
		return err
	}
	err = r.each(`SELECT newsletter_id, item FROM newsletter_checklist ORDER BY newsletter_id, item`, func(rs *sql.Rows) error {
		var id, it string
		if err := rs.Scan(&id, &it); err != nil {
			return err
		}
		n := &d.Newsletters[idx[id]]
		n.Checklist = append(n.Checklist, it)
		return nil
	})
	if err != nil {
		return err
	}
	for i := range d.Newsletters {
		cl := d.Newsletters[i].Checklist
		sort.SliceStable(cl, func(a, b int) bool {
			return enumIndex(schema.NewsletterCheck, cl[a]) < enumIndex(schema.NewsletterCheck, cl[b])
		})
	}
	return nil
}
