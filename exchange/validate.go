package exchange

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"inreach/schema"
)

// templateKeys are the section keys of each diary template, in order.
var templateKeys = map[string][]string{
	"visit_reflection": {"visit_detail", "staff_reflection", "positive_outcome", "negative_outcome", "learning"},
	"gibbs":            {"description", "feelings", "evaluation", "analysis", "conclusion", "action_plan"},
}

// SectionKeys returns the section keys of a diary template in order, or nil
// for an unknown template.
func SectionKeys(template string) []string {
	return append([]string(nil), templateKeys[template]...)
}

// MaxWellbeing is the highest wellbeing score; scores run from 1 (as the app records them).
const MaxWellbeing = 10

// A reference kind: the table it points into and how to name it.
type refKind struct {
	table string
	words string
}

var (
	refEstablishment = refKind{"establishments", "an establishment"}
	refAgency        = refKind{"agencies", "an agency"}
	refPerson        = refKind{"people", "a person"}
	refContact       = refKind{"contacts", "a contact"}
	refDiary         = refKind{"diary", "a diary entry"}
)

type pendingRef struct {
	rec, id, field string
	kind           refKind
	ref            string
}

// validator checks a document's values against the format and the vault.
type validator struct {
	p     problems
	ids   map[string]map[string]string // table → id → record label
	refs  []pendingRef
	today string // YYYY-MM-DD, for dates that cannot be in the future
}

// quote shows a value from the file in a message, cut short so that a
// message never carries much of what was typed.
func quote(v string) string {
	if utf8.RuneCountInString(v) > 40 {
		r := []rune(v)
		v = string(r[:40]) + "…"
	}
	return strconv.Quote(v)
}

func (v *validator) id(table, rec, id string) {
	if strings.TrimSpace(id) == "" {
		v.p.add(rec, "", "id", "is missing: every record needs an id")
		return
	}
	m := v.ids[table]
	if first, dup := m[id]; dup {
		v.p.add(rec, id, "id", "is used twice (also by %s): ids must be unique", first)
		return
	}
	m[id] = rec
}

func (v *validator) name(rec, id, field, val, what string) {
	if schema.Blank(val) {
		v.p.add(rec, id, field, "is empty: every %s needs a name (invisible characters alone are not one)", what)
	}
}

func (v *validator) enum(rec, id, field string, e schema.Enum, val string) {
	if val == "" {
		v.p.add(rec, id, field, "is missing: use one of %s", strings.Join(e.Values, ", "))
		return
	}
	if !e.Valid(val) {
		v.p.add(rec, id, field, "%s is not %s (use one of %s)", quote(val), article(e.Name), strings.Join(e.Values, ", "))
	}
}

func (v *validator) date(rec, id, field, val string) {
	if val == "" {
		v.p.add(rec, id, field, "is missing: a date YYYY-MM-DD is needed")
		return
	}
	if _, err := schema.ParseDate(val); err != nil {
		if de, ok := err.(*schema.DateError); ok {
			v.p.add(rec, id, field, "%s is not a date: %s", quote(val), de.Reason)
		} else {
			v.p.add(rec, id, field, "is not a date")
		}
	}
}

func (v *validator) optDate(rec, id, field string, val *string) {
	if val == nil || *val == "" {
		return
	}
	v.date(rec, id, field, *val)
}

func (v *validator) clock(rec, id, field, val string) {
	if val != "" && !schema.ValidTime(val) {
		v.p.add(rec, id, field, "%s is not a time: use HH:MM on the 24-hour clock, for example 13:30", quote(val))
	}
}

func (v *validator) ref(rec, id, field string, k refKind, val string) {
	if val == "" {
		v.p.add(rec, id, field, "is missing: name %s by its id", k.words)
		return
	}
	v.refs = append(v.refs, pendingRef{rec, id, field, k, val})
}

func (v *validator) optRef(rec, id, field string, k refKind, val *string) {
	if val == nil || *val == "" {
		return
	}
	v.ref(rec, id, field, k, *val)
}

// enumList checks a list of enum values, each at most once.
func (v *validator) enumList(rec, id, field string, e schema.Enum, vals []string, unique bool) {
	seen := map[string]bool{}
	for i, x := range vals {
		f := field + "[" + strconv.Itoa(i) + "]"
		v.enum(rec, id, f, e, x)
		if unique && x != "" {
			if seen[x] {
				v.p.add(rec, id, f, "%s is listed twice", quote(x))
			}
			seen[x] = true
		}
	}
}

// validate checks every value of d. Ids are collected first so that
// references may point forwards or backwards in the file; references to
// records not in the file are looked up in the vault through q.
func validate(ctx context.Context, q queryer, d *Document) error {
	v := &validator{ids: map[string]map[string]string{}, today: todayDate()}
	for _, t := range []string{"establishments", "agencies", "people", "contacts", "actions", "events", "diary", "supervision", "letters", "newsletters", "readings"} {
		v.ids[t] = map[string]string{}
	}
	if d.Format != Format {
		if d.Format == "" {
			v.p.add("file", "", "format", "is missing: an Inreach file has \"format\": \"inreach\"")
		} else {
			v.p.add("file", "", "format", "is %s: an Inreach file has \"format\": \"inreach\"", quote(d.Format))
		}
	}
	if d.Version != Version {
		v.p.add("file", "", "version", "is %d: this Inreach reads version %d", d.Version, Version)
	}
	if d.ExportedAt != "" {
		if _, err := time.Parse(time.RFC3339, d.ExportedAt); err != nil {
			v.p.add("file", "", "exported_at", "%s is not a time like 2026-11-23T10:00:00Z", quote(d.ExportedAt))
		}
	}
	v.texts(d)
	v.establishments(d.Establishments)
	v.agencies(d.Agencies)
	v.people(d.People)
	v.contacts(d.Contacts)
	v.actions(d.Actions)
	v.events(d.Events)
	v.diary(d.Diary)
	v.supervision(d.Supervision)
	v.letters(d.Letters)
	v.newsletters(d.Newsletters)
	v.readings(d.Readings)
	if err := v.resolve(ctx, q); err != nil {
		return err
	}
	return v.p.err()
}

func rec(kind string, i int) string { return kind + "[" + strconv.Itoa(i) + "]" }

func (v *validator) establishments(list []Establishment) {
	for i, e := range list {
		r := rec("establishments", i)
		v.id("establishments", r, e.ID)
		v.name(r, e.ID, "name", e.Name, "establishment")
		v.enum(r, e.ID, "kind", schema.EstablishmentKind, e.Kind)
	}
}

func (v *validator) agencies(list []Agency) {
	for i, a := range list {
		r := rec("agencies", i)
		v.id("agencies", r, a.ID)
		v.name(r, a.ID, "name", a.Name, "agency")
		v.optDate(r, a.ID, "last_checked", a.LastChecked)
	}
}

func (v *validator) people(list []Person) {
	for i, p := range list {
		r := rec("people", i)
		v.id("people", r, p.ID)
		v.name(r, p.ID, "name", p.Name, "person")
		v.optDate(r, p.ID, "date_of_birth", p.DateOfBirth)
		v.birthDate(r, p.ID, p.DateOfBirth)
		v.enum(r, p.ID, "status", schema.PersonStatus, p.Status)
		v.optRef(r, p.ID, "establishment", refEstablishment, p.Establishment)
		v.optDate(r, p.ID, "release_date", p.ReleaseDate)
		v.enum(r, p.ID, "referral", schema.Referral, p.Referral)
		v.optDate(r, p.ID, "referral_date", p.ReferralDate)
		v.optDate(r, p.ID, "consent.recorded_on", p.Consent.RecordedOn)
		v.optDate(r, p.ID, "closed_on", p.ClosedOn)
		areas := map[string]bool{}
		for j, n := range p.Needs {
			f := "needs[" + strconv.Itoa(j) + "]"
			v.enum(r, p.ID, f+".area", schema.NeedArea, n.Area)
			if n.Area != "" && areas[n.Area] {
				v.p.add(r, p.ID, f+".area", "%s is listed twice", quote(n.Area))
			}
			areas[n.Area] = true
			v.enum(r, p.ID, f+".status", schema.NeedStatus, n.Status)
		}
		v.enumList(r, p.ID, "sensitive", schema.SensitiveFlag, p.Sensitive, true)
		if p.Ethnicity != "" {
			v.enum(r, p.ID, "ethnicity", schema.Ethnicity, p.Ethnicity)
		}
		if p.OffenceGroup != "" {
			v.enum(r, p.ID, "offence_group", schema.OffenceGroup, p.OffenceGroup)
		}
		if n := p.PreviousCustodialSentences; n != nil && (*n < 0 || *n > schema.MaxPreviousSentences) {
			v.p.add(r, p.ID, "previous_custodial_sentences", "is %d: it should be a whole number from 0 to %d, or null when not known", *n, schema.MaxPreviousSentences)
		}
		items := map[string]bool{}
		for j, it := range p.ReleasePlan {
			f := "release_plan[" + strconv.Itoa(j) + "].item"
			v.enum(r, p.ID, f, schema.ReleasePlanItem, it.Item)
			if it.Item != "" && items[it.Item] {
				v.p.add(r, p.ID, f, "%s is listed twice", quote(it.Item))
			}
			items[it.Item] = true
		}
	}
}

func (v *validator) contacts(list []Contact) {
	for i, c := range list {
		r := rec("contacts", i)
		v.id("contacts", r, c.ID)
		v.date(r, c.ID, "date", c.Date)
		v.clock(r, c.ID, "start", c.Start)
		v.clock(r, c.ID, "end", c.End)
		v.endsBeforeStart(r, c.ID, c.Start, c.End)
		v.enum(r, c.ID, "kind", schema.ContactKind, c.Kind)
		v.optRef(r, c.ID, "establishment", refEstablishment, c.Establishment)
		if c.Logistics != nil && c.Logistics.LateStartMinutes < 0 {
			v.p.add(r, c.ID, "logistics.late_start_minutes", "is %d: it cannot be below 0", c.Logistics.LateStartMinutes)
		}
		who := map[string]bool{}
		for j, cp := range c.People {
			f := "people[" + strconv.Itoa(j) + "]"
			v.ref(r, c.ID, f+".person", refPerson, cp.Person)
			if cp.Person != "" && who[cp.Person] {
				v.p.add(r, c.ID, f+".person", "%s is listed twice at this contact", quote(cp.Person))
			}
			who[cp.Person] = true
			if cp.NotSeenReason != "" {
				v.enum(r, c.ID, f+".not_seen_reason", schema.NotSeenReason, cp.NotSeenReason)
			}
			v.enumList(r, c.ID, f+".needs_discussed", schema.NeedArea, cp.NeedsDiscussed, true)
			items := map[string]bool{}
			for k, it := range cp.Items {
				g := f + ".items[" + strconv.Itoa(k) + "]"
				v.enum(r, c.ID, g+".item", schema.Item, it.Item)
				if it.Item != "" && items[it.Item] {
					v.p.add(r, c.ID, g+".item", "%s is listed twice for her: add the quantities together", quote(it.Item))
				}
				items[it.Item] = true
				if it.Quantity < 1 {
					v.p.add(r, c.ID, g+".quantity", "is %d: it should be 1 or more", it.Quantity)
				}
			}
			if cp.Wellbeing != nil && (*cp.Wellbeing < 1 || *cp.Wellbeing > MaxWellbeing) {
				v.p.add(r, c.ID, f+".wellbeing", "is %d: a wellbeing score runs from 1 to %d", *cp.Wellbeing, MaxWellbeing)
			}
		}
	}
}

func (v *validator) actions(list []Action) {
	for i, a := range list {
		r := rec("actions", i)
		v.id("actions", r, a.ID)
		v.optRef(r, a.ID, "person", refPerson, a.Person)
		v.optRef(r, a.ID, "contact", refContact, a.Contact)
		v.optRef(r, a.ID, "agency", refAgency, a.Agency)
		v.optDate(r, a.ID, "due", a.Due)
		v.optDate(r, a.ID, "done_on", a.DoneOn)
	}
}

func (v *validator) events(list []Event) {
	for i, e := range list {
		r := rec("events", i)
		v.id("events", r, e.ID)
		v.ref(r, e.ID, "person", refPerson, e.Person)
		v.date(r, e.ID, "date", e.Date)
		v.enum(r, e.ID, "kind", schema.EventKind, e.Kind)
		if e.NoticeDays != nil {
			switch {
			case e.Kind != "released":
				v.p.add(r, e.ID, "notice_days", "is %d on a %s event: only a released event may say the days of notice (use null)", *e.NoticeDays, quote(e.Kind))
			case *e.NoticeDays < 0 || *e.NoticeDays > schema.MaxNoticeDays:
				v.p.add(r, e.ID, "notice_days", "is %d: it should be a whole number from 0 to %d, or null", *e.NoticeDays, schema.MaxNoticeDays)
			}
		}
		if e.Outcome != nil && *e.Outcome != "" {
			if e.Kind != "court_outcome" {
				v.p.add(r, e.ID, "outcome", "is given on a %s event: only a court_outcome event may say what the court decided (use null)", quote(e.Kind))
			} else {
				v.enum(r, e.ID, "outcome", schema.CourtOutcome, *e.Outcome)
			}
		}
	}
}

func (v *validator) readings(list []Reading) {
	for i, x := range list {
		r := rec("readings", i)
		v.id("readings", r, x.ID)
		v.ref(r, x.ID, "person", refPerson, x.Person)
		v.date(r, x.ID, "date", x.Date)
		v.enum(r, x.ID, "area", schema.ReadingArea, x.Area)
		if x.Score < schema.MinScore || x.Score > schema.MaxScore {
			v.p.add(r, x.ID, "score", "is %d: a score runs from %d (worst) to %d (best)", x.Score, schema.MinScore, schema.MaxScore)
		}
		v.optRef(r, x.ID, "contact", refContact, x.Contact)
	}
}

func (v *validator) diary(list []DiaryEntry) {
	for i, e := range list {
		r := rec("diary", i)
		v.id("diary", r, e.ID)
		v.date(r, e.ID, "date", e.Date)
		v.optRef(r, e.ID, "contact", refContact, e.Contact)
		v.enum(r, e.ID, "template", schema.DiaryTemplate, e.Template)
		if keys, ok := templateKeys[e.Template]; ok {
			seen := map[string]bool{}
			for _, s := range e.Sections {
				f := "sections." + s.Key
				if !contains(keys, s.Key) {
					v.p.add(r, e.ID, f, "is not a heading of the %s template (use %s)", e.Template, strings.Join(keys, ", "))
				} else if seen[s.Key] {
					v.p.add(r, e.ID, f, "is given twice")
				}
				seen[s.Key] = true
			}
		}
		tags := map[string]bool{}
		for j, t := range e.Tags {
			f := "tags[" + strconv.Itoa(j) + "]"
			if strings.TrimSpace(t) == "" {
				v.p.add(r, e.ID, f, "is empty")
			} else if tags[t] {
				v.p.add(r, e.ID, f, "%s is listed twice", quote(t))
			}
			tags[t] = true
		}
		v.enum(r, e.ID, "status", schema.DiaryStatus, e.Status)
	}
}

func (v *validator) supervision(list []Supervision) {
	for i, s := range list {
		r := rec("supervision", i)
		v.id("supervision", r, s.ID)
		v.date(r, s.ID, "date", s.Date)
		entries := map[string]bool{}
		for j, d := range s.Entries {
			f := "entries[" + strconv.Itoa(j) + "]"
			v.ref(r, s.ID, f, refDiary, d)
			if d != "" && entries[d] {
				v.p.add(r, s.ID, f, "%s is listed twice", quote(d))
			}
			entries[d] = true
		}
		for _, k := range sortedStringKeys(s.Comments) {
			if !entries[k] {
				v.p.add(r, s.ID, "comments."+k, "is a comment on an entry that is not in this session's entries")
			}
		}
		for j, a := range s.Actions {
			f := "actions[" + strconv.Itoa(j) + "]"
			v.optDate(r, s.ID, f+".due", a.Due)
			v.optDate(r, s.ID, f+".done_on", a.DoneOn)
		}
		v.optDate(r, s.ID, "signed_off_on", s.SignedOffOn)
	}
}

func (v *validator) letters(list []Letter) {
	for i, l := range list {
		r := rec("letters", i)
		v.id("letters", r, l.ID)
		v.ref(r, l.ID, "person", refPerson, l.Person)
		v.date(r, l.ID, "date", l.Date)
		v.enum(r, l.ID, "direction", schema.LetterDirection, l.Direction)
		v.enum(r, l.ID, "channel", schema.LetterChannel, l.Channel)
		v.enumList(r, l.ID, "enclosures", schema.Item, l.Enclosures, false)
		v.optDate(r, l.ID, "reply_due", l.ReplyDue)
	}
}

func (v *validator) newsletters(list []Newsletter) {
	for i, n := range list {
		r := rec("newsletters", i)
		v.id("newsletters", r, n.ID)
		if n.Issue < 0 {
			v.p.add(r, n.ID, "issue", "is %d: an issue number cannot be below 0", n.Issue)
		}
		v.date(r, n.ID, "date", n.Date)
		v.enum(r, n.ID, "status", schema.NewsletterStatus, n.Status)
		to := map[string]bool{}
		for j, p := range n.SentTo {
			f := "sent_to[" + strconv.Itoa(j) + "]"
			v.ref(r, n.ID, f, refPerson, p)
			if p != "" && to[p] {
				v.p.add(r, n.ID, f, "%s is listed twice", quote(p))
			}
			to[p] = true
		}
		v.enumList(r, n.ID, "checklist", schema.NewsletterCheck, n.Checklist, true)
	}
}

// queryer is a *sql.Tx or *sql.DB.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// resolve checks the collected references: each must name a record in the
// file or one already in the vault.
func (v *validator) resolve(ctx context.Context, q queryer) error {
	inVault := map[refKind]map[string]bool{}
	for _, r := range v.refs {
		if _, ok := v.ids[r.kind.table][r.ref]; ok {
			continue
		}
		m := inVault[r.kind]
		if m == nil {
			m = map[string]bool{}
			inVault[r.kind] = m
		}
		m[r.ref] = false
	}
	for k, m := range inVault {
		stmt, err := q.PrepareContext(ctx, "SELECT count(*) FROM "+k.table+" WHERE id = ?")
		if err != nil {
			return fmt.Errorf("checking references to %s: %w", k.table, err)
		}
		for id := range m {
			var n int
			if err := stmt.QueryRowContext(ctx, id).Scan(&n); err != nil {
				stmt.Close()
				return fmt.Errorf("checking references to %s: %w", k.table, err)
			}
			m[id] = n > 0
		}
		stmt.Close()
	}
	for _, r := range v.refs {
		if _, ok := v.ids[r.kind.table][r.ref]; ok {
			continue
		}
		if !inVault[r.kind][r.ref] {
			v.p.add(r.rec, r.id, r.field, "%s is not %s in this file or in the vault", quote(r.ref), r.kind.words)
		}
	}
	return nil
}

// article puts "a" or "an" before a word.
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
