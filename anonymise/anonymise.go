// Package anonymise writes the vault's casework for evaluators without
// saying who the women are: each woman is called by a number (W0001 …),
// prison numbers and dates of birth are left out (her age band on a given
// day is written instead), and free text is left out — unless asked for,
// and then with every woman's name replaced by her number as the redacted
// supervision pack does (pdf.Redactor: full names and each part of three
// letters or more, any case, whole words; a part two women share becomes
// "[name withheld]").
//
// What is written: women (age band, status, referral, dates of referral,
// release and closing, establishment, ethnicity, offence group, previous
// custodial sentences, needs without their notes), establishments (public
// places), contacts (date, kind, establishment, and per woman seen or not,
// why not, needs discussed, items, wellbeing), events (with notice_days and
// outcome), readings, letters (date, direction, channel, enclosures) and
// actions (woman, due, done). Never written: names, pseudonyms, prison
// numbers, dates of birth, sensitive flags, safety notes, consent,
// release plans, agencies, diary entries, supervision and newsletters.
// With text: contact notes, event notes, letter summaries, action texts,
// her sentence and the needs' notes, each redacted.
//
// Dates of contacts and events are kept exactly (the evaluation's figures
// need them). Redaction finds names, not addresses or telephone numbers
// typed into a note: read a file made with text before it is shared.
package anonymise

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"inreach/exchange"
	"inreach/pdf"
	"inreach/schema"
)

// Format is the value of an anonymised file's "format" field.
const Format = "inreach-anonymised"

// Options choose what an anonymised export holds.
type Options struct {
	// AgeOn (YYYY-MM-DD) is the day each woman's age band is counted on.
	AgeOn string
	// WithText includes free text, redacted.
	WithText bool
}

// A Document is one anonymised export.
type Document struct {
	Format         string          `json:"format"`
	Version        int             `json:"version"`
	ExportedAt     string          `json:"exported_at"`
	AgeOn          string          `json:"age_on"`
	WithText       bool            `json:"with_text"`
	Women          []Woman         `json:"women"`
	Establishments []Establishment `json:"establishments"`
	Contacts       []Contact       `json:"contacts"`
	Events         []Event         `json:"events"`
	Readings       []Reading       `json:"readings"`
	Letters        []Letter        `json:"letters"`
	Actions        []Action        `json:"actions"`
}

// A Woman is one woman, by number.
type Woman struct {
	ID                         string  `json:"id"`
	AgeBand                    string  `json:"age_band"`
	Status                     string  `json:"status"`
	Establishment              *string `json:"establishment"`
	Referral                   string  `json:"referral"`
	ReferralDate               *string `json:"referral_date"`
	ReleaseDate                *string `json:"release_date"`
	ClosedOn                   *string `json:"closed_on"`
	Ethnicity                  string  `json:"ethnicity"`
	OffenceGroup               string  `json:"offence_group"`
	PreviousCustodialSentences *int    `json:"previous_custodial_sentences"`
	Needs                      []Need  `json:"needs"`
	Sentence                   string  `json:"sentence,omitempty"`
}

// A Need is one area of need and where it stands.
type Need struct {
	Area   string `json:"area"`
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
}

// An Establishment is a prison, court or other public place.
type Establishment struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// A Contact is a contact with its women by number.
type Contact struct {
	ID            string       `json:"id"`
	Date          string       `json:"date"`
	Kind          string       `json:"kind"`
	Establishment *string      `json:"establishment"`
	People        []ContactRow `json:"people"`
}

// A ContactRow is one woman's part in a contact.
type ContactRow struct {
	Woman          string               `json:"woman"`
	Seen           bool                 `json:"seen"`
	NotSeenReason  string               `json:"not_seen_reason"`
	NeedsDiscussed []string             `json:"needs_discussed"`
	Items          []exchange.ItemCount `json:"items"`
	Wellbeing      *int                 `json:"wellbeing"`
	Note           string               `json:"note,omitempty"`
}

// An Event is an outcome in her story.
type Event struct {
	Woman      string  `json:"woman"`
	Date       string  `json:"date"`
	Kind       string  `json:"kind"`
	NoticeDays *int    `json:"notice_days"`
	Outcome    *string `json:"outcome"`
	Note       string  `json:"note,omitempty"`
}

// A Reading is her own rating of an area.
type Reading struct {
	Woman   string  `json:"woman"`
	Date    string  `json:"date"`
	Area    string  `json:"area"`
	Score   int     `json:"score"`
	Contact *string `json:"contact"`
}

// A Letter is a letter, email or call, without its summary unless with text.
type Letter struct {
	Woman      string   `json:"woman"`
	Date       string   `json:"date"`
	Direction  string   `json:"direction"`
	Channel    string   `json:"channel"`
	Enclosures []string `json:"enclosures"`
	Summary    string   `json:"summary,omitempty"`
}

// An Action is a task for a woman.
type Action struct {
	Woman  string  `json:"woman"`
	Due    *string `json:"due"`
	DoneOn *string `json:"done_on"`
	Text   string  `json:"text,omitempty"`
}

// Export reads the vault and returns the anonymised document.
func Export(ctx context.Context, db *sql.DB, opts Options) (*Document, error) {
	if _, err := schema.ParseDate(opts.AgeOn); err != nil {
		return nil, fmt.Errorf("the day ages are counted on: %w", err)
	}
	d, err := exchange.Export(ctx, db, exchange.ExportOptions{})
	if err != nil {
		return nil, err
	}
	// Women are numbered in the order of their record ids, which are
	// random and say nothing about them.
	ids := make([]string, 0, len(d.People))
	for _, p := range d.People {
		ids = append(ids, p.ID)
	}
	sort.Strings(ids)
	number := map[string]string{}
	for i, id := range ids {
		number[id] = fmt.Sprintf("W%04d", i+1)
	}
	var red *pdf.Redactor
	if opts.WithText {
		red, err = pdf.NewRedactorWith(ctx, db, func(id, _ string) string { return number[id] })
		if err != nil {
			return nil, err
		}
	}
	text := func(s string) string {
		if !opts.WithText {
			return ""
		}
		return red.Redact(s)
	}
	out := &Document{Format: Format, Version: 1, ExportedAt: time.Now().UTC().Format(time.RFC3339),
		AgeOn: opts.AgeOn, WithText: opts.WithText,
		Women: []Woman{}, Establishments: []Establishment{}, Contacts: []Contact{}, Events: []Event{},
		Readings: []Reading{}, Letters: []Letter{}, Actions: []Action{}}
	for _, p := range d.People {
		w := Woman{ID: number[p.ID], AgeBand: schema.AgeBandOf(deref(p.DateOfBirth), opts.AgeOn), Status: p.Status,
			Establishment: p.Establishment, Referral: p.Referral, ReferralDate: p.ReferralDate,
			ReleaseDate: p.ReleaseDate, ClosedOn: p.ClosedOn, Ethnicity: p.Ethnicity, OffenceGroup: p.OffenceGroup,
			PreviousCustodialSentences: p.PreviousCustodialSentences, Needs: []Need{}, Sentence: text(p.Sentence)}
		for _, n := range p.Needs {
			w.Needs = append(w.Needs, Need{Area: n.Area, Status: n.Status, Note: text(n.Note)})
		}
		out.Women = append(out.Women, w)
	}
	sort.Slice(out.Women, func(i, j int) bool { return out.Women[i].ID < out.Women[j].ID })
	for _, e := range d.Establishments {
		out.Establishments = append(out.Establishments, Establishment{ID: e.ID, Name: e.Name, Kind: e.Kind})
	}
	for _, c := range d.Contacts {
		x := Contact{ID: c.ID, Date: c.Date, Kind: c.Kind, Establishment: c.Establishment, People: []ContactRow{}}
		for _, cp := range c.People {
			x.People = append(x.People, ContactRow{Woman: number[cp.Person], Seen: cp.Seen, NotSeenReason: cp.NotSeenReason,
				NeedsDiscussed: cp.NeedsDiscussed, Items: cp.Items, Wellbeing: cp.Wellbeing, Note: text(cp.Note)})
		}
		out.Contacts = append(out.Contacts, x)
	}
	for _, e := range d.Events {
		out.Events = append(out.Events, Event{Woman: number[e.Person], Date: e.Date, Kind: e.Kind,
			NoticeDays: e.NoticeDays, Outcome: e.Outcome, Note: text(e.Note)})
	}
	for _, r := range d.Readings {
		out.Readings = append(out.Readings, Reading{Woman: number[r.Person], Date: r.Date, Area: r.Area, Score: r.Score, Contact: r.Contact})
	}
	for _, l := range d.Letters {
		out.Letters = append(out.Letters, Letter{Woman: number[l.Person], Date: l.Date, Direction: l.Direction,
			Channel: l.Channel, Enclosures: l.Enclosures, Summary: text(l.Summary)})
	}
	for _, a := range d.Actions {
		if a.Person == nil {
			continue // the practitioner's own tasks are not about a woman
		}
		out.Actions = append(out.Actions, Action{Woman: number[*a.Person], Due: a.Due, DoneOn: a.DoneOn, Text: text(a.Text)})
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// WriteJSON writes d as indented JSON.
func WriteJSON(w io.Writer, d *Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// A Table is one CSV file of an anonymised export.
type Table struct {
	Name string // "women", "contacts" …
	Rows [][]string
}

// Tables flattens d into CSV tables, each with a header row: women (needs
// as "area:status" joined by "; "), contacts (a row per woman at each
// contact; a contact with no woman has one row with an empty woman),
// events, readings, letters and actions. Text columns are there only when
// d holds text.
func Tables(d *Document) []Table {
	opt := func(s *string) string { return deref(s) }
	num := func(n *int) string {
		if n == nil {
			return ""
		}
		return strconv.Itoa(*n)
	}
	withText := func(cols []string, t ...string) []string {
		if d.WithText {
			return append(cols, t...)
		}
		return cols
	}
	women := Table{Name: "women", Rows: [][]string{withText([]string{"id", "age_band", "status", "establishment", "referral",
		"referral_date", "release_date", "closed_on", "ethnicity", "offence_group", "previous_custodial_sentences", "needs"}, "sentence")}}
	for _, w := range d.Women {
		var needs []string
		for _, n := range w.Needs {
			needs = append(needs, n.Area+":"+n.Status)
		}
		women.Rows = append(women.Rows, withText([]string{w.ID, w.AgeBand, w.Status, opt(w.Establishment), w.Referral,
			opt(w.ReferralDate), opt(w.ReleaseDate), opt(w.ClosedOn), w.Ethnicity, w.OffenceGroup,
			num(w.PreviousCustodialSentences), strings.Join(needs, "; ")}, w.Sentence))
	}
	contacts := Table{Name: "contacts", Rows: [][]string{withText([]string{"contact", "date", "kind", "establishment", "woman",
		"seen", "not_seen_reason", "needs_discussed", "items", "wellbeing"}, "note")}}
	for _, c := range d.Contacts {
		if len(c.People) == 0 {
			contacts.Rows = append(contacts.Rows, withText([]string{c.ID, c.Date, c.Kind, opt(c.Establishment), "", "", "", "", "", ""}, ""))
		}
		for _, r := range c.People {
			var items []string
			for _, it := range r.Items {
				items = append(items, it.Item+":"+strconv.Itoa(it.Quantity))
			}
			contacts.Rows = append(contacts.Rows, withText([]string{c.ID, c.Date, c.Kind, opt(c.Establishment), r.Woman,
				strconv.FormatBool(r.Seen), r.NotSeenReason, strings.Join(r.NeedsDiscussed, "; "), strings.Join(items, "; "),
				num(r.Wellbeing)}, r.Note))
		}
	}
	events := Table{Name: "events", Rows: [][]string{withText([]string{"woman", "date", "kind", "notice_days", "outcome"}, "note")}}
	for _, e := range d.Events {
		events.Rows = append(events.Rows, withText([]string{e.Woman, e.Date, e.Kind, num(e.NoticeDays), opt(e.Outcome)}, e.Note))
	}
	readings := Table{Name: "readings", Rows: [][]string{{"woman", "date", "area", "score", "contact"}}}
	for _, r := range d.Readings {
		readings.Rows = append(readings.Rows, []string{r.Woman, r.Date, r.Area, strconv.Itoa(r.Score), opt(r.Contact)})
	}
	letters := Table{Name: "letters", Rows: [][]string{withText([]string{"woman", "date", "direction", "channel", "enclosures"}, "summary")}}
	for _, l := range d.Letters {
		letters.Rows = append(letters.Rows, withText([]string{l.Woman, l.Date, l.Direction, l.Channel, strings.Join(l.Enclosures, "; ")}, l.Summary))
	}
	actions := Table{Name: "actions", Rows: [][]string{withText([]string{"woman", "due", "done_on"}, "text")}}
	for _, a := range d.Actions {
		actions.Rows = append(actions.Rows, withText([]string{a.Woman, opt(a.Due), opt(a.DoneOn)}, a.Text))
	}
	return []Table{women, contacts, events, readings, letters, actions}
}

// WriteCSV writes one table as CSV.
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return cw.Error()
}
