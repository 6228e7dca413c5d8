package pdf

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"inreach/diary"
	"inreach/schema"
)

// SupervisionOptions say what goes into a supervision pack.
type SupervisionOptions struct {
	// From and To (YYYY-MM-DD, inclusive) are the period: every diary
	// entry dated in it is printed.
	From, To string
	// Redact replaces every woman's name with her pseudonym (or "[name
	// withheld]") in all the text of the pack, free text included.
	Redact bool
	// Practitioner, Supervisor and Organisation are printed on the cover
	// (staff names: never redacted). An empty Supervisor is the supervisor
	// of the latest supervision session on or before To that names one
	// (see PackSupervisor); the cover says "—" only when none does.
	Practitioner, Supervisor, Organisation string
	// GeneratedOn (YYYY-MM-DD) is printed on the cover, marks actions due
	// before it as overdue, and is the PDF's creation date. "" prints no
	// date and uses To as the creation date.
	GeneratedOn string
	// CaseworkActions adds the casework actions (table actions) not done
	// and due in the period.
	CaseworkActions bool
}

// SupervisionPack makes the PDF a practitioner takes to supervision: a
// cover, a contents page, an overview of the period, every diary entry in
// the period by date (status, tags, the contact it reflects on, each
// section, the supervisors' earlier comments), then the supervision actions
// still open (and, if asked, the casework actions due in the period).
// Sensitive flags and safety notes are never printed in it.
func SupervisionPack(ctx context.Context, db *sql.DB, opts SupervisionOptions) ([]byte, error) {
	err := opts.validate()
	if err != nil {
		return nil, err
	}
	if opts.Supervisor == "" {
		if opts.Supervisor, err = PackSupervisor(ctx, db, opts.To); err != nil {
			return nil, err
		}
	}
	data, err := loadSupervision(ctx, db, opts)
	if err != nil {
		return nil, err
	}
	created := opts.GeneratedOn
	if created == "" {
		created = opts.To
	}
	period := longDate(opts.From) + " to " + longDate(opts.To)
	footer := "Supervision pack, " + shortDate(opts.From) + " to " + shortDate(opts.To)
	if opts.Redact {
		footer += " (names redacted)"
	}
	header := "Supervision pack"
	if opts.Practitioner != "" {
		header += " · " + opts.Practitioner
	}
	header += " · " + shortDate(opts.From) + " to " + shortDate(opts.To)
	docOpts := Options{
		Title:     "Supervision pack " + opts.From + " to " + opts.To,
		Subject:   "Reflective diary entries for supervision",
		Author:    opts.Practitioner,
		Footer:    footer,
		Header:    header,
		CreatedOn: created,
	}
	return Render(docOpts, func(d *Doc) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		data.draw(d, opts, period)
		return nil
	})
}

// PackSupervisor is the supervisor a pack ending on to names when none is
// given: the one named at the latest supervision session dated on or before
// to (by date, then id), or "" when no session names one.
func PackSupervisor(ctx context.Context, db *sql.DB, to string) (string, error) {
	var name string
	err := db.QueryRowContext(ctx, `SELECT supervisor FROM supervision WHERE trim(supervisor) <> '' AND date <= ?
		ORDER BY date DESC, id DESC LIMIT 1`, to).Scan(&name)
	if err == sql.ErrNoRows {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("supervision pack: finding the supervisor: %w", err)
	}
	return strings.TrimSpace(name), nil
}

// SupervisionPackFileName is the file name to offer for a pack: the period,
// and "-redacted" for a redacted pack, so the two never take each other's
// place ("supervision-pack-2025-04-01-to-2025-06-30.pdf",
// "supervision-pack-2025-04-01-to-2025-06-30-redacted.pdf").
func SupervisionPackFileName(opts SupervisionOptions) string {
	name := "supervision-pack-" + strings.TrimSpace(opts.From) + "-to-" + strings.TrimSpace(opts.To)
	if opts.Redact {
		name += "-redacted"
	}
	return name + ".pdf"
}

func (o *SupervisionOptions) validate() error {
	o.From, o.To = strings.TrimSpace(o.From), strings.TrimSpace(o.To)
	o.GeneratedOn = strings.TrimSpace(o.GeneratedOn)
	for _, f := range []struct{ name, v string }{{"from", o.From}, {"to", o.To}} {
		if _, err := schema.ParseDate(f.v); err != nil {
			return fmt.Errorf("supervision pack: the %s date: %w", f.name, err)
		}
	}
	if o.From > o.To {
		return fmt.Errorf("supervision pack: the period starts (%s) after it ends (%s)", o.From, o.To)
	}
	if o.GeneratedOn != "" {
		if _, err := schema.ParseDate(o.GeneratedOn); err != nil {
			return fmt.Errorf("supervision pack: the generated-on date: %w", err)
		}
	}
	return nil
}

// supervisionData is everything the pack prints, read once before drawing
// (the document may be drawn more than once for its contents page).
type supervisionData struct {
	entries   []packEntry
	sessions  []diary.SessionSummary
	tags      []diary.TagCount
	actions   []diary.OpenAction
	casework  []caseworkAction
	redactor  *Redactor
	statusCnt map[string]int
}

type packEntry struct {
	entry   *diary.Entry
	contact *diary.ContactSummary
}

type caseworkAction struct {
	Due, Text, PersonID, Name string
}

func loadSupervision(ctx context.Context, db *sql.DB, opts SupervisionOptions) (*supervisionData, error) {
	store := diary.New(db)
	data := &supervisionData{statusCnt: map[string]int{}}
	list, err := store.List(diary.Filter{From: opts.From, To: opts.To})
	if err != nil {
		return nil, fmt.Errorf("supervision pack: %w", err)
	}
	// List is newest first; the pack reads oldest first.
	for i := len(list) - 1; i >= 0; i-- {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e, err := store.Get(list[i].ID)
		if err != nil {
			return nil, fmt.Errorf("supervision pack: %w", err)
		}
		pe := packEntry{entry: e}
		if e.ContactID != "" {
			if pe.contact, err = store.Contact(e.ContactID); err != nil {
				return nil, fmt.Errorf("supervision pack: %w", err)
			}
		}
		data.entries = append(data.entries, pe)
		data.statusCnt[e.Status]++
	}
	if data.sessions, err = store.ListSessions(opts.From, opts.To); err != nil {
		return nil, fmt.Errorf("supervision pack: %w", err)
	}
	if data.tags, err = store.TagCounts(opts.From, opts.To); err != nil {
		return nil, fmt.Errorf("supervision pack: %w", err)
	}
	if data.actions, err = store.OpenActions(); err != nil {
		return nil, fmt.Errorf("supervision pack: %w", err)
	}
	if opts.CaseworkActions {
		if data.casework, err = loadCasework(ctx, db, opts.From, opts.To); err != nil {
			return nil, err
		}
	}
	if opts.Redact {
		if data.redactor, err = NewRedactor(ctx, db); err != nil {
			return nil, fmt.Errorf("supervision pack: %w", err)
		}
	}
	return data, nil
}

func loadCasework(ctx context.Context, db *sql.DB, from, to string) ([]caseworkAction, error) {
	rows, err := db.QueryContext(ctx, `SELECT a.due, a.text, COALESCE(p.id, ''), COALESCE(p.name, '')
		FROM actions a LEFT JOIN people p ON p.id = a.person_id
		WHERE (a.done_on IS NULL OR a.done_on = '') AND a.due >= ? AND a.due <= ?
		ORDER BY a.due, p.name, a.id`, from, to)
	if err != nil {
		return nil, fmt.Errorf("supervision pack: reading casework actions: %w", err)
	}
	defer rows.Close()
	var out []caseworkAction
	for rows.Next() {
		var a caseworkAction
		if err := rows.Scan(&a.Due, &a.Text, &a.PersonID, &a.Name); err != nil {
			return nil, fmt.Errorf("supervision pack: reading casework actions: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// text passes free text through the redactor when redacting.
func (s *supervisionData) text(t string) string {
	if s.redactor == nil {
		return t
	}
	return s.redactor.Redact(t)
}

// woman is how the pack names a woman.
func (s *supervisionData) woman(id, name string) string {
	if s.redactor == nil {
		return name
	}
	if id == "" {
		return s.redactor.Redact(name)
	}
	return s.redactor.Pseudonym(id)
}

func (s *supervisionData) draw(d *Doc, opts SupervisionOptions, period string) {
	names := "Shown in full"
	if opts.Redact {
		names = "Replaced with pseudonyms"
	}
	details := []KV{
		{Label: "Practitioner", Value: opts.Practitioner},
		{Label: "Supervisor", Value: opts.Supervisor},
		{Label: "Organisation", Value: opts.Organisation},
		{Label: "Period", Value: period},
		{Label: "Diary entries", Value: strconv.Itoa(len(s.entries))},
		{Label: "Women's names", Value: names},
	}
	if opts.GeneratedOn != "" {
		details = append(details, KV{Label: "Prepared on", Value: longDate(opts.GeneratedOn)})
	}
	notice := "This pack holds reflective notes about women the service supports. " +
		"Share it only with your supervisor, keep it locked away when not in use, and shred it when supervision is done."
	if opts.Redact {
		notice += " Women's names have been replaced with pseudonyms; other details may still identify them."
	} else {
		notice += " It contains women's names: print a redacted pack for anyone outside supervision."
	}
	d.Cover(Cover{
		Kicker:      opts.Organisation,
		Title:       "Supervision pack",
		Subtitle:    period,
		Details:     details,
		NoticeTitle: "Confidential",
		Notice:      notice,
	})
	d.PageBreak()
	d.Contents("Contents")
	d.PageBreak()

	s.drawOverview(d)
	s.drawEntries(d)
	s.drawActions(d, opts)
}

func (s *supervisionData) drawOverview(d *Doc) {
	d.Heading(1, "Overview")
	var counts []string
	for _, st := range schema.DiaryStatus.Values {
		if n := s.statusCnt[st]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, strings.ToLower(schema.DiaryStatus.Label(st))))
		}
	}
	entries := strconv.Itoa(len(s.entries))
	if len(counts) > 0 {
		entries += " (" + strings.Join(counts, ", ") + ")"
	}
	var tags []string
	for i, t := range s.tags {
		if i == 12 {
			tags = append(tags, fmt.Sprintf("and %d more", len(s.tags)-12))
			break
		}
		tags = append(tags, fmt.Sprintf("%s (%d)", s.text(t.Tag), t.Count))
	}
	d.KeyValue([]KV{
		{Label: "Diary entries", Value: entries},
		{Label: "Tags used", Value: strings.Join(tags, ", ")},
		{Label: "Sessions held", Value: strconv.Itoa(len(s.sessions))},
		{Label: "Open actions", Value: strconv.Itoa(len(s.actions))},
	})
	if len(s.sessions) > 0 {
		d.Heading(3, "Supervision sessions in this period")
		var rows [][]string
		// sessions come newest first; show them in date order
		for i := len(s.sessions) - 1; i >= 0; i-- {
			ss := s.sessions[i]
			signed := "Not yet"
			if ss.SignedOffOn != "" {
				signed = shortDate(ss.SignedOffOn)
			}
			rows = append(rows, []string{shortDate(ss.Date), ss.Supervisor, strconv.Itoa(ss.Entries), signed})
		}
		d.Table([]Column{{Header: "Date", Width: 32}, {Header: "Supervisor"}, {Header: "Entries discussed", Width: 36, Align: "R"}, {Header: "Signed off", Width: 32}}, rows)
	}
}

func (s *supervisionData) drawEntries(d *Doc) {
	d.Heading(1, "Diary entries")
	if len(s.entries) == 0 {
		d.Italic("There are no diary entries in this period.")
		return
	}
	for _, pe := range s.entries {
		e := pe.entry
		tpl, _ := diary.TemplateByKey(e.Template)
		name := tpl.Name
		if name == "" {
			name = e.Template
		}
		rows := []KV{{Label: "Status", Value: schema.DiaryStatus.Label(e.Status)}}
		if len(e.Tags) > 0 {
			rows = append(rows, KV{Label: "Tags", Value: s.text(strings.Join(e.Tags, ", "))})
		}
		if pe.contact != nil {
			c := *pe.contact
			c.Place = s.text(c.Place)
			desc := c.Describe(func(p diary.ContactPerson) string { return s.woman(p.PersonID, p.Name) })
			if c.Date != e.Date {
				desc = longDate(c.Date) + ": " + desc
			}
			rows = append(rows, KV{Label: "Contact", Value: desc})
		}
		// Keep the entry's heading, its details and the start of its first
		// section together on one page.
		d.EnsureSpace(6 + 6.4 + 1.8 + d.KeyValueHeight(rows) + 3.5 + 5.4 + 2*5.4)
		d.Heading(2, longDate(e.Date)+" — "+name)
		d.KeyValue(rows)
		for _, sec := range e.AllSections() {
			d.Heading(3, tpl.Heading(sec.Key))
			if strings.TrimSpace(sec.Body) == "" {
				d.Italic("Nothing written.")
				continue
			}
			d.Paragraph(s.text(sec.Body))
		}
		if len(e.Comments) > 0 {
			for _, c := range e.Comments {
				who := "Supervisor"
				if c.Supervisor != "" {
					who = c.Supervisor
				}
				d.Notice("Supervisor's comment — "+who+", "+longDate(c.Date), s.text(c.Text))
			}
		}
	}
}

func (s *supervisionData) drawActions(d *Doc, opts SupervisionOptions) {
	d.Heading(1, "Open actions")
	d.Heading(2, "From supervision")
	if len(s.actions) == 0 {
		d.Italic("No supervision actions are open.")
	} else {
		var rows [][]string
		for _, a := range s.actions {
			rows = append(rows, []string{s.text(a.Text), s.text(a.Owner), s.due(a.Due, opts.GeneratedOn), shortDate(a.SessionDate)})
		}
		d.Table([]Column{{Header: "Action"}, {Header: "Owner", Width: 30}, {Header: "Due", Width: 44}, {Header: "Agreed", Width: 26}}, rows)
	}
	if !opts.CaseworkActions {
		return
	}
	d.Heading(2, "Casework actions due in this period")
	if len(s.casework) == 0 {
		d.Italic("No casework actions due in this period are open.")
		return
	}
	var rows [][]string
	for _, a := range s.casework {
		rows = append(rows, []string{s.due(a.Due, opts.GeneratedOn), s.woman(a.PersonID, a.Name), s.text(a.Text)})
	}
	d.Table([]Column{{Header: "Due", Width: 44}, {Header: "Woman", Width: 38}, {Header: "Action"}}, rows)
}

// due formats a due date, marking it overdue when it is before today.
func (s *supervisionData) due(due, today string) string {
	if due == "" {
		return "No date"
	}
	out := shortDate(due)
	if today != "" && due < today {
		out += " (overdue)"
	}
	return out
}

// longDate is "Thursday 3 July 2025"; a bad date is returned as it is.
func longDate(s string) string {
	t, err := time.Parse(schema.DateLayout, s)
	if err != nil {
		return s
	}
	return t.Format("Monday 2 January 2006")
}

// shortDate is "3 Jul 2025"; a bad date is returned as it is.
func shortDate(s string) string {
	t, err := time.Parse(schema.DateLayout, s)
	if err != nil {
		return s
	}
	return t.Format("2 Jan 2006")
}
