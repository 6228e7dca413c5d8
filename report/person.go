package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"inreach/schema"
)

// ErrPersonNotFound is returned (wrapped) when no woman has the given id.
var ErrPersonNotFound = errors.New("no woman with that id is recorded")

// PersonData is everything the vault holds about one woman, worded for
// her to read (a subject access request). Enumerated values are given as
// their plain-English labels; dates are "YYYY-MM-DD" or "" for none.
//
// Other women's names in any text are replaced by OtherPersonMark: full
// names and pseudonyms wherever they appear, first names and surnames
// where written with a capital letter (unless she has the same one). She
// is shown only her own row of a shared visit.
type PersonData struct {
	ID                   string
	Name                 string
	Pseudonym            string
	DateOfBirth          string
	PrisonNumber         string
	Status               string
	Establishment        string
	Sentence             string
	ReleaseDate          string
	ReleaseDateConfirmed bool
	Referral             string
	ReferralDate         string
	ConsentRecordedOn    string
	ConsentShareWith     string
	SafetyNote           string
	ClosedOn             string
	RetentionNote        string
	// The outcome facts, in words ("Not recorded", "" when the number of
	// previous custodial sentences is not known).
	Ethnicity                  string
	OffenceGroup               string
	PreviousCustodialSentences string

	Needs       []NeedData
	Sensitive   []string // the sensitive flags recorded, as labels
	ReleasePlan []PlanData
	Contacts    []ContactData
	Actions     []ActionData
	Events      []EventData
	Letters     []LetterData
	Diary       []DiaryData
	Supervision []SupervisionData
	Newsletters []NewsletterData
	Readings    []ReadingData
}

// A ReadingData is one of her own ratings of an area, 1 (worst) to 10
// (best).
type ReadingData struct {
	ID, Date, Area string
	Score          int
}

// A NeedData is one area of need.
type NeedData struct{ Area, Status, Note string }

// A PlanData is one item of her release-day plan.
type PlanData struct {
	Item string
	Done bool
	Note string
}

// A ContactData is one contact she was at, with her own row of it only.
type ContactData struct {
	ID             string
	Date           string
	Start, End     string
	Kind           string
	Place          string
	Booked         bool
	Seen           bool
	NotSeenReason  string
	Note           string
	NeedsDiscussed []string
	Items          []string // "Stamps × 6"
	Wellbeing      string   // the score as written, or ""
}

// An ActionData is one action agreed for her.
type ActionData struct {
	ID          string
	Text        string
	Due         string
	DoneOn      string
	Agency      string
	ContactDate string // the date of the contact it came from, or ""
}

// An EventData is one outcome event in her story. Detail is the notice of
// a release or what a court decided, in words, or "".
type EventData struct{ ID, Date, Kind, Note, Detail string }

// A LetterData is one letter, email or call to or from her.
type LetterData struct {
	ID         string
	Date       string
	Direction  string // "From her" or "To her"
	Channel    string
	Summary    string
	Enclosures []string
	ReplyDue   string
}

// A DiarySection is one heading of a diary entry.
type DiarySection struct{ Heading, Body string }

// A DiaryData is a reflective diary entry about her: written after a
// contact she was at, or naming her.
type DiaryData struct {
	ID       string
	Date     string
	Template string
	Sections []DiarySection
	Tags     []string
	Comments []string // supervisors' comments on the entry
	Reason   string   // why it is included, in plain words
}

// A SupervisionData is a supervision session whose notes or agreed actions
// name her; Texts are those notes and actions.
type SupervisionData struct {
	ID    string
	Date  string
	Texts []string
}

// A NewsletterData is a newsletter issue sent to her or with a piece she
// contributed.
type NewsletterData struct {
	ID          string
	Title       string
	Issue       int
	Date        string
	SentToHer   bool
	Contributed bool
}

// A Field is one labelled value of her record, for printing.
type Field struct{ Label, Value string }

// Details lists her record's fields in plain words, in a sensible order.
func (p *PersonData) Details() []Field {
	yes := func(b bool) string {
		if b {
			return "Yes"
		}
		return "No"
	}
	f := []Field{
		{"Name", p.Name},
		{"Pseudonym (used in the newsletter)", p.Pseudonym},
		{"Date of birth", p.DateOfBirth},
		{"Prison number", p.PrisonNumber},
		{"Status", p.Status},
		{"Establishment", p.Establishment},
		{"Sentence", p.Sentence},
		{"Release date", p.ReleaseDate},
	}
	if p.ReleaseDate != "" {
		f = append(f, Field{"Release date confirmed", yes(p.ReleaseDateConfirmed)})
	}
	f = append(f,
		Field{"Referral", p.Referral},
		Field{"Referral date", p.ReferralDate},
		Field{"Consent recorded on", p.ConsentRecordedOn},
		Field{"Information may be shared with", p.ConsentShareWith},
		Field{"Safety note", p.SafetyNote},
		Field{"Record closed on", p.ClosedOn},
		Field{"Why the closed record is kept", p.RetentionNote},
		Field{"Ethnicity", p.Ethnicity},
		Field{"Offence group", p.OffenceGroup},
		Field{"Previous custodial sentences", p.PreviousCustodialSentences},
	)
	return f
}

// PersonReport gathers everything held about the woman with the given id
// (see PersonData). Diary entries are included when they were written
// after a contact she was at, or name her: her full name or pseudonym, or
// her first name or surname when no other woman in the vault shares it.
func PersonReport(ctx context.Context, db *sql.DB, personID string) (*PersonData, error) {
	p := &PersonData{ID: personID}
	var dob, rel, refDate, consent, closed sql.NullString
	var relConf int
	var status, referral, ethnicity, offence string
	var previous sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT p.name, p.pseudonym, p.date_of_birth, p.prison_number, p.status,
		coalesce(e.name, ''), p.sentence, p.release_date, p.release_date_confirmed, p.referral, p.referral_date,
		p.consent_recorded_on, p.consent_share_with, p.safety_note, p.closed_on, p.retention_note,
		p.ethnicity, p.offence_group, p.previous_custodial_sentences
		FROM people p LEFT JOIN establishments e ON e.id = p.establishment_id WHERE p.id = ?`, personID).Scan(
		&p.Name, &p.Pseudonym, &dob, &p.PrisonNumber, &status, &p.Establishment, &p.Sentence, &rel, &relConf,
		&referral, &refDate, &consent, &p.ConsentShareWith, &p.SafetyNote, &closed, &p.RetentionNote,
		&ethnicity, &offence, &previous)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("person %s: %w", personID, ErrPersonNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading person %s: %w", personID, err)
	}
	p.DateOfBirth, p.ReleaseDate, p.ReferralDate = dob.String, rel.String, refDate.String
	p.ConsentRecordedOn, p.ClosedOn = consent.String, closed.String
	p.ReleaseDateConfirmed = relConf != 0
	p.Status = schema.PersonStatus.Label(status)
	p.Referral = schema.Referral.Label(referral)
	p.Ethnicity, p.OffenceGroup = schema.Ethnicity.Label(ethnicity), schema.OffenceGroup.Label(offence)
	if previous.Valid {
		p.PreviousCustodialSentences = fmt.Sprint(previous.Int64)
	}

	g := &gatherer{ctx: ctx, db: db, id: personID}
	if err := g.people(p.Name, p.Pseudonym); err != nil {
		return nil, err
	}
	p.Sentence, p.SafetyNote = g.others(p.Sentence), g.others(p.SafetyNote)
	p.ConsentShareWith, p.RetentionNote = g.others(p.ConsentShareWith), g.others(p.RetentionNote)
	for _, step := range []func(*PersonData) error{g.needs, g.plan, g.contacts, g.actions, g.events, g.letters, g.diary, g.supervision, g.newsletters, g.readings} {
		if err := step(p); err != nil {
			return nil, fmt.Errorf("reading the records of person %s: %w", personID, err)
		}
	}
	return p, nil
}

// gatherer reads one woman's records.
type gatherer struct {
	ctx context.Context
	db  *sql.DB
	id  string
	her *nameMatcher // her names as they identify her
	oth *nameMatcher // other women's full names and pseudonyms
}

// people builds the matchers for her names and for everyone else's.
func (g *gatherer) people(name, pseudonym string) error {
	type person struct{ name, pseudonym string }
	var others []person
	err := g.each(`SELECT name, pseudonym FROM people WHERE id <> ?`, []any{g.id}, func(sc scanner) error {
		var o person
		if err := sc.Scan(&o.name, &o.pseudonym); err != nil {
			return err
		}
		others = append(others, o)
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading names: %w", err)
	}
	mine := map[string]bool{}
	for _, n := range append([]string{name, pseudonym}, strings.Fields(name)...) {
		mine[strings.ToLower(strings.Join(strings.Fields(n), " "))] = true
	}
	first, last := nameParts(name)
	shared := map[string]bool{}
	var otherNames, otherWords []string
	for _, o := range others {
		for _, w := range strings.Fields(o.name) {
			shared[strings.ToLower(w)] = true
		}
		for _, n := range []string{o.name, o.pseudonym} {
			if !mine[strings.ToLower(strings.Join(strings.Fields(n), " "))] {
				otherNames = append(otherNames, n)
			}
		}
		of, ol := nameParts(o.name)
		for _, w := range []string{of, ol} {
			if w != "" && !mine[strings.ToLower(w)] {
				otherWords = append(otherWords, w)
			}
		}
	}
	herNames := []string{name, pseudonym}
	for _, w := range []string{first, last} {
		if w != "" && !shared[strings.ToLower(w)] {
			herNames = append(herNames, w)
		}
	}
	g.her = newNameMatcher(herNames...)
	g.oth = newNameMatcherCap(otherNames, otherWords)
	return nil
}

// others replaces other women's names in s.
func (g *gatherer) others(s string) string {
	out, _ := g.oth.ReplaceQuick(s, OtherPersonMark)
	return out
}

type scanner interface{ Scan(...any) error }

// each runs q and calls fn for every row, closing the rows before it
// returns.
func (g *gatherer) each(q string, args []any, fn func(scanner) error) error {
	rows, err := g.db.QueryContext(g.ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (g *gatherer) needs(p *PersonData) error {
	err := g.each(`SELECT area, status, note FROM person_needs WHERE person_id = ? ORDER BY position, area`, []any{g.id}, func(sc scanner) error {
		var n NeedData
		if err := sc.Scan(&n.Area, &n.Status, &n.Note); err != nil {
			return err
		}
		n.Area, n.Status, n.Note = schema.NeedArea.Label(n.Area), schema.NeedStatus.Label(n.Status), g.others(n.Note)
		p.Needs = append(p.Needs, n)
		return nil
	})
	if err != nil {
		return err
	}
	return g.each(`SELECT flag FROM person_sensitive WHERE person_id = ? ORDER BY position, flag`, []any{g.id}, func(sc scanner) error {
		var f string
		if err := sc.Scan(&f); err != nil {
			return err
		}
		p.Sensitive = append(p.Sensitive, schema.SensitiveFlag.Label(f))
		return nil
	})
}

func (g *gatherer) plan(p *PersonData) error {
	var items []PlanData
	var keys []string
	err := g.each(`SELECT item, done, note FROM release_plan WHERE person_id = ?`, []any{g.id}, func(sc scanner) error {
		var it PlanData
		if err := sc.Scan(&it.Item, &it.Done, &it.Note); err != nil {
			return err
		}
		keys = append(keys, it.Item)
		it.Note = g.others(it.Note)
		items = append(items, it)
		return nil
	})
	if err != nil {
		return err
	}
	order := func(item string) int {
		for i, v := range schema.ReleasePlanItem.Values {
			if v == item {
				return i
			}
		}
		return len(schema.ReleasePlanItem.Values)
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return order(keys[idx[a]]) < order(keys[idx[b]]) })
	for _, i := range idx {
		it := items[i]
		it.Item = schema.ReleasePlanItem.Label(it.Item)
		p.ReleasePlan = append(p.ReleasePlan, it)
	}
	return nil
}

func (g *gatherer) contacts(p *PersonData) error {
	err := g.each(`SELECT c.id, c.date, c.start_time, c.end_time, c.kind, coalesce(e.name, c.place),
		cp.booked, cp.seen, cp.not_seen_reason, cp.note, coalesce(CAST(cp.wellbeing AS TEXT), '')
		FROM contact_people cp JOIN contacts c ON c.id = cp.contact_id
		LEFT JOIN establishments e ON e.id = c.establishment_id
		WHERE cp.person_id = ? ORDER BY c.date, c.start_time, c.id`, []any{g.id}, func(sc scanner) error {
		var c ContactData
		if err := sc.Scan(&c.ID, &c.Date, &c.Start, &c.End, &c.Kind, &c.Place, &c.Booked, &c.Seen,
			&c.NotSeenReason, &c.Note, &c.Wellbeing); err != nil {
			return err
		}
		c.Kind = schema.ContactKind.Label(c.Kind)
		if c.NotSeenReason != "" {
			c.NotSeenReason = schema.NotSeenReason.Label(c.NotSeenReason)
		}
		c.Note = g.others(c.Note)
		p.Contacts = append(p.Contacts, c)
		return nil
	})
	if err != nil {
		return err
	}
	at := map[string]*ContactData{}
	for i := range p.Contacts {
		at[p.Contacts[i].ID] = &p.Contacts[i]
	}
	err = g.each(`SELECT contact_id, area FROM contact_needs WHERE person_id = ? ORDER BY contact_id, position`, []any{g.id}, func(sc scanner) error {
		var cid, area string
		if err := sc.Scan(&cid, &area); err != nil {
			return err
		}
		if c := at[cid]; c != nil {
			c.NeedsDiscussed = append(c.NeedsDiscussed, schema.NeedArea.Label(area))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return g.each(`SELECT contact_id, item, quantity FROM contact_items WHERE person_id = ? ORDER BY contact_id, position`, []any{g.id}, func(sc scanner) error {
		var cid, item string
		var q int
		if err := sc.Scan(&cid, &item, &q); err != nil {
			return err
		}
		if c := at[cid]; c != nil {
			c.Items = append(c.Items, fmt.Sprintf("%s × %d", schema.Item.Label(item), q))
		}
		return nil
	})
}

func (g *gatherer) actions(p *PersonData) error {
	return g.each(`SELECT a.id, a.text, coalesce(a.due, ''), coalesce(a.done_on, ''), coalesce(ag.name, ''), coalesce(c.date, '')
		FROM actions a LEFT JOIN agencies ag ON ag.id = a.agency_id LEFT JOIN contacts c ON c.id = a.contact_id
		WHERE a.person_id = ? ORDER BY coalesce(a.due, c.date, ''), a.id`, []any{g.id}, func(sc scanner) error {
		var a ActionData
		if err := sc.Scan(&a.ID, &a.Text, &a.Due, &a.DoneOn, &a.Agency, &a.ContactDate); err != nil {
			return err
		}
		a.Text = g.others(a.Text)
		p.Actions = append(p.Actions, a)
		return nil
	})
}

func (g *gatherer) events(p *PersonData) error {
	return g.each(`SELECT id, date, kind, note, notice_days, outcome FROM events WHERE person_id = ? ORDER BY date, id`, []any{g.id}, func(sc scanner) error {
		var e EventData
		var notice sql.NullInt64
		var outcome sql.NullString
		if err := sc.Scan(&e.ID, &e.Date, &e.Kind, &e.Note, &notice, &outcome); err != nil {
			return err
		}
		switch {
		case notice.Valid:
			e.Detail = noticeWords(int(notice.Int64))
		case outcome.Valid && outcome.String != "":
			e.Detail = "Outcome: " + schema.CourtOutcome.Label(outcome.String)
		}
		e.Kind, e.Note = schema.EventKind.Label(e.Kind), g.others(e.Note)
		p.Events = append(p.Events, e)
		return nil
	})
}

func (g *gatherer) letters(p *PersonData) error {
	err := g.each(`SELECT id, date, direction, channel, summary, coalesce(reply_due, '') FROM letters
		WHERE person_id = ? ORDER BY date, id`, []any{g.id}, func(sc scanner) error {
		var l LetterData
		if err := sc.Scan(&l.ID, &l.Date, &l.Direction, &l.Channel, &l.Summary, &l.ReplyDue); err != nil {
			return err
		}
		if l.Direction == "in" {
			l.Direction = "From her"
		} else {
			l.Direction = "To her"
		}
		l.Channel, l.Summary = schema.LetterChannel.Label(l.Channel), g.others(l.Summary)
		p.Letters = append(p.Letters, l)
		return nil
	})
	if err != nil {
		return err
	}
	at := map[string]*LetterData{}
	for i := range p.Letters {
		at[p.Letters[i].ID] = &p.Letters[i]
	}
	return g.each(`SELECT x.letter_id, x.item FROM letter_enclosures x JOIN letters l ON l.id = x.letter_id
		WHERE l.person_id = ? ORDER BY x.letter_id, x.position`, []any{g.id}, func(sc scanner) error {
		var lid, item string
		if err := sc.Scan(&lid, &item); err != nil {
			return err
		}
		if l := at[lid]; l != nil {
			l.Enclosures = append(l.Enclosures, schema.Item.Label(item))
		}
		return nil
	})
}

// diaryKeyLabels are the headings of the diary templates' sections.
var diaryKeyLabels = map[string]string{
	"visit_detail": "Visit detail", "staff_reflection": "Staff reflection",
	"positive_outcome": "Positive outcome", "negative_outcome": "Negative outcome", "learning": "Learning",
	"description": "Description", "feelings": "Feelings", "evaluation": "Evaluation",
	"analysis": "Analysis", "conclusion": "Conclusion", "action_plan": "Action plan",
}

// DiaryHeading is the heading of a diary section key ("visit_detail" →
// "Visit detail").
func DiaryHeading(key string) string {
	if l, ok := diaryKeyLabels[key]; ok {
		return l
	}
	return strings.ReplaceAll(key, "_", " ")
}

func (g *gatherer) diary(p *PersonData) error {
	type entry struct {
		DiaryData
		linked bool
	}
	entries := map[string]*entry{}
	var order []string
	err := g.each(`SELECT d.id, d.date, d.template,
		EXISTS (SELECT 1 FROM contact_people cp WHERE cp.contact_id = d.contact_id AND cp.person_id = ?1)
		FROM diary d ORDER BY d.date, d.id`, []any{g.id}, func(sc scanner) error {
		e := &entry{}
		if err := sc.Scan(&e.ID, &e.Date, &e.Template, &e.linked); err != nil {
			return err
		}
		e.Template = schema.DiaryTemplate.Label(e.Template)
		entries[e.ID] = e
		order = append(order, e.ID)
		return nil
	})
	if err != nil {
		return err
	}
	err = g.each(`SELECT diary_id, key, body FROM diary_sections ORDER BY diary_id, position`, nil, func(sc scanner) error {
		var id, key, body string
		if err := sc.Scan(&id, &key, &body); err != nil {
			return err
		}
		if e := entries[id]; e != nil && body != "" {
			e.Sections = append(e.Sections, DiarySection{DiaryHeading(key), body})
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = g.each(`SELECT diary_id, tag FROM diary_tags ORDER BY diary_id, position`, nil, func(sc scanner) error {
		var id, tag string
		if err := sc.Scan(&id, &tag); err != nil {
			return err
		}
		if e := entries[id]; e != nil {
			e.Tags = append(e.Tags, tag)
		}
		return nil
	})
	if err != nil {
		return err
	}
	included := map[string]*DiaryData{}
	for _, id := range order {
		e := entries[id]
		named := false
		for _, s := range e.Sections {
			named = named || g.her.Matches(s.Body)
		}
		for _, t := range e.Tags {
			named = named || g.her.Matches(t)
		}
		switch {
		case e.linked && named:
			e.Reason = "Written after a contact you were at, and mentions you"
		case e.linked:
			e.Reason = "Written after a contact you were at"
		case named:
			e.Reason = "Mentions you"
		default:
			continue
		}
		for i := range e.Sections {
			e.Sections[i].Body = g.others(e.Sections[i].Body)
		}
		for i := range e.Tags {
			e.Tags[i] = g.others(e.Tags[i])
		}
		p.Diary = append(p.Diary, e.DiaryData)
	}
	for i := range p.Diary {
		included[p.Diary[i].ID] = &p.Diary[i]
	}
	return g.each(`SELECT e.diary_id, e.comment FROM supervision_entries e JOIN supervision s ON s.id = e.supervision_id
		WHERE e.comment <> '' ORDER BY s.date, e.position`, nil, func(sc scanner) error {
		var id, c string
		if err := sc.Scan(&id, &c); err != nil {
			return err
		}
		if d := included[id]; d != nil {
			d.Comments = append(d.Comments, g.others(c))
		}
		return nil
	})
}

func (g *gatherer) supervision(p *PersonData) error {
	byID := map[string]*SupervisionData{}
	var order []string
	add := func(id, date, text string) {
		if !g.her.Matches(text) {
			return
		}
		s := byID[id]
		if s == nil {
			s = &SupervisionData{ID: id, Date: date}
			byID[id] = s
			order = append(order, id)
		}
		s.Texts = append(s.Texts, g.others(text))
	}
	err := g.each(`SELECT id, date, notes FROM supervision ORDER BY date, id`, nil, func(sc scanner) error {
		var id, date, notes string
		if err := sc.Scan(&id, &date, &notes); err != nil {
			return err
		}
		add(id, date, notes)
		return nil
	})
	if err != nil {
		return err
	}
	err = g.each(`SELECT s.id, s.date, a.text FROM supervision_actions a JOIN supervision s ON s.id = a.supervision_id
		ORDER BY s.date, s.id, a.position`, nil, func(sc scanner) error {
		var id, date, text string
		if err := sc.Scan(&id, &date, &text); err != nil {
			return err
		}
		add(id, date, "Agreed action: "+text)
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range order {
		p.Supervision = append(p.Supervision, *byID[id])
	}
	sort.SliceStable(p.Supervision, func(i, j int) bool { return p.Supervision[i].Date < p.Supervision[j].Date })
	return nil
}

func (g *gatherer) newsletters(p *PersonData) error {
	contributor := []any{g.id, strings.TrimSpace(p.Pseudonym), strings.TrimSpace(p.Name)}
	return g.each(`SELECT n.id, n.title, n.issue, n.date,
		EXISTS (SELECT 1 FROM newsletter_sent_to s WHERE s.newsletter_id = n.id AND s.person_id = ?1),
		EXISTS (SELECT 1 FROM newsletter_sections x WHERE x.newsletter_id = n.id AND x.contributor <> ''
			AND (lower(trim(x.contributor)) = lower(?2) OR lower(trim(x.contributor)) = lower(?3)))
		FROM newsletters n ORDER BY n.date, n.issue, n.id`, contributor, func(sc scanner) error {
		var n NewsletterData
		if err := sc.Scan(&n.ID, &n.Title, &n.Issue, &n.Date, &n.SentToHer, &n.Contributed); err != nil {
			return err
		}
		if n.SentToHer || n.Contributed {
			p.Newsletters = append(p.Newsletters, n)
		}
		return nil
	})
}

func (g *gatherer) readings(p *PersonData) error {
	return g.each(`SELECT id, date, area, score FROM readings WHERE person_id = ? ORDER BY date, id`, []any{g.id}, func(sc scanner) error {
		var r ReadingData
		if err := sc.Scan(&r.ID, &r.Date, &r.Area, &r.Score); err != nil {
			return err
		}
		r.Area = schema.ReadingArea.Label(r.Area)
		p.Readings = append(p.Readings, r)
		return nil
	})
}
