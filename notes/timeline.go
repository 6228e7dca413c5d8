package notes

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"inreach/schema"
)

// A TimelineItem is one line of a woman's timeline.
type TimelineItem struct {
	Date   string // "YYYY-MM-DD"; "" for an action with no date at all
	Time   string // "HH:MM" for contacts with a start time, else ""
	Kind   string // "contact", "action", "event", "letter" or "diary"
	Title  string // plain words, e.g. "Prison visit at HMP Drake Hall — seen"
	Detail string // the start of her note, the action, the summary… (at most DetailRunes letters)
	RefID  string // the id of the contact, action, event, letter or diary entry
}

// DetailRunes is the most letters TimelineItem.Detail holds; a longer text
// is cut at a word and ends with "…".
const DetailRunes = 160

// MinNameMatchRunes is the shortest name (or pseudonym) that Timeline looks
// for in diary text; shorter ones would match unrelated words.
const MinNameMatchRunes = 3

// timeline kinds in the order they sort within one date and time.
var kindRank = map[string]int{"contact": 0, "diary": 1, "letter": 2, "event": 3, "action": 4}

// Timeline returns everything about one woman, newest first: every contact
// she was listed at (with her own row's outcome and note), her actions
// (dated by when done, else due, else the contact they came from), events
// and letters, and diary entries that are linked to a contact she was at or
// whose text names her: her name or pseudonym as whole words, in any case
// and with or without accents, found through the full-text index (names
// shorter than MinNameMatchRunes are not searched for).
// Items are ordered by date, then time, both newest first, then kind
// (contact, diary, letter, event, action), then id, so ties are stable.
// It runs one query per kind, never one per item.
func (s *Store) Timeline(personID string) ([]TimelineItem, error) {
	var name, pseudonym string
	err := s.DB.QueryRow(`SELECT name, pseudonym FROM people WHERE id = ?`, personID).Scan(&name, &pseudonym)
	if err == sql.ErrNoRows {
		return nil, notFound("person", personID)
	}
	if err != nil {
		return nil, fmt.Errorf("reading person %q: %w", personID, err)
	}
	today := s.today()
	var out []TimelineItem
	fail := func(what string, err error) error {
		return fmt.Errorf("reading the timeline of person %q (%s): %w", personID, what, err)
	}

	// Contacts, with her row at each.
	err = s.each(`SELECT c.id, c.date, c.start_time, c.kind, COALESCE(e.name, ''), c.place,
			cp.booked, cp.seen, cp.not_seen_reason, substr(cp.note, 1, ?)
		FROM contact_people cp JOIN contacts c ON c.id = cp.contact_id
		LEFT JOIN establishments e ON e.id = c.establishment_id
		WHERE cp.person_id = ?`, []any{detailFetch + 1, personID}, func(r *sql.Rows) error {
		var id, date, start, kind, est, place, reason, note string
		var booked, seen int
		if err := r.Scan(&id, &date, &start, &kind, &est, &place, &booked, &seen, &reason, &note); err != nil {
			return err
		}
		out = append(out, TimelineItem{Date: date, Time: start, Kind: "contact", RefID: id,
			Title:  contactTitle(kind, placeName(est, place), date > today, booked != 0, seen != 0, reason),
			Detail: shorten(note)})
		return nil
	})
	if err != nil {
		return nil, fail("contacts", err)
	}

	// Actions.
	err = s.each(`SELECT a.id, COALESCE(a.done_on, a.due, c.date, ''), COALESCE(a.due, ''), COALESCE(a.done_on, ''),
			substr(a.text, 1, ?)
		FROM actions a LEFT JOIN contacts c ON c.id = a.contact_id WHERE a.person_id = ?`,
		[]any{detailFetch + 1, personID}, func(r *sql.Rows) error {
			var id, date, due, done, text string
			if err := r.Scan(&id, &date, &due, &done, &text); err != nil {
				return err
			}
			title := "Action due"
			switch {
			case done != "":
				title = "Action done"
			case due == "":
				title = "Action (no due date)"
			case due < today:
				title = "Action overdue"
			}
			out = append(out, TimelineItem{Date: date, Kind: "action", RefID: id, Title: title, Detail: shorten(text)})
			return nil
		})
	if err != nil {
		return nil, fail("actions", err)
	}

	// Events.
	err = s.each(`SELECT id, date, kind, substr(note, 1, ?) FROM events WHERE person_id = ?`,
		[]any{detailFetch + 1, personID}, func(r *sql.Rows) error {
			var id, date, kind, note string
			if err := r.Scan(&id, &date, &kind, &note); err != nil {
				return err
			}
			out = append(out, TimelineItem{Date: date, Kind: "event", RefID: id,
				Title: schema.EventKind.Label(kind), Detail: shorten(note)})
			return nil
		})
	if err != nil {
		return nil, fail("events", err)
	}

	// Letters.
	err = s.each(`SELECT id, date, direction, channel, COALESCE(reply_due, ''), substr(summary, 1, ?)
		FROM letters WHERE person_id = ?`, []any{detailFetch + 1, personID}, func(r *sql.Rows) error {
		var id, date, dir, channel, replyDue, summary string
		if err := r.Scan(&id, &date, &dir, &channel, &replyDue, &summary); err != nil {
			return err
		}
		out = append(out, TimelineItem{Date: date, Kind: "letter", RefID: id,
			Title: letterTitle(dir, channel, replyDue), Detail: shorten(summary)})
		return nil
	})
	if err != nil {
		return nil, fail("letters", err)
	}

	// Diary entries: linked to a contact she was at, or naming her.
	q := `SELECT d.id, d.date, d.template, d.status,
			COALESCE((SELECT substr(ds.body, 1, ?) FROM diary_sections ds
				WHERE ds.diary_id = d.id AND ds.body <> '' ORDER BY ds.position LIMIT 1), '')
		FROM diary d
		WHERE d.contact_id IN (SELECT contact_id FROM contact_people WHERE person_id = ?)`
	args := []any{detailFetch + 1, personID}
	for _, n := range []string{strings.TrimSpace(name), strings.TrimSpace(pseudonym)} {
		if utf8.RuneCountInString(n) >= MinNameMatchRunes {
			// The full-text index (schema v2) finds her name as whole
			// words, ignoring case and accents, without scanning every
			// section's text.
			q += ` OR d.id IN (SELECT ref FROM search_index WHERE search_index MATCH ? AND kind = 'diary')`
			args = append(args, `body : "`+strings.ReplaceAll(n, `"`, `""`)+`"`)
		}
	}
	err = s.each(q, args, func(r *sql.Rows) error {
		var id, date, tmpl, status, body string
		if err := r.Scan(&id, &date, &tmpl, &status, &body); err != nil {
			return err
		}
		out = append(out, TimelineItem{Date: date, Kind: "diary", RefID: id,
			Title:  fmt.Sprintf("Diary entry (%s, %s)", schema.DiaryTemplate.Label(tmpl), strings.ToLower(schema.DiaryStatus.Label(status))),
			Detail: shorten(body)})
		return nil
	})
	if err != nil {
		return nil, fail("diary", err)
	}

	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		if a.Time != b.Time {
			return a.Time > b.Time
		}
		if a.Kind != b.Kind {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		return a.RefID < b.RefID
	})
	return out, nil
}

// each runs q and calls fn for every row, then closes the rows.
func (s *Store) each(q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.DB.Query(q, args...)
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

// remoteKinds are contacts that are not a meeting in person.
var remoteKinds = map[string]bool{"phone": true, "email": true, "letter": true}

// contactTitle says in words what a contact was for her.
func contactTitle(kind, place string, future, booked, seen bool, reason string) string {
	t := schema.ContactKind.Label(kind)
	if place != "" {
		t += " at " + place
	}
	reasonWords := ""
	if reason != "" {
		reasonWords = " (" + strings.ToLower(schema.NotSeenReason.Label(reason)) + ")"
	}
	switch {
	case seen && remoteKinds[kind]:
		return t
	case seen:
		return t + " — seen"
	case future && booked:
		return t + " — booked"
	case future:
		return t + " — planned"
	case remoteKinds[kind]:
		return t + " — no contact" + reasonWords
	}
	return t + " — not seen" + reasonWords
}

// letterTitle says in words what a letter was.
func letterTitle(direction, channel, replyDue string) string {
	what := schema.LetterChannel.Label(channel)
	if channel == "phone" {
		what = "Phone call"
	}
	if direction == "in" {
		t := what + " from her"
		if replyDue != "" {
			t += " — reply due " + replyDue
		}
		return t
	}
	return what + " to her"
}

// detailFetch is how many letters of a text the timeline queries read: more
// than DetailRunes, as runs of spaces and line breaks are collapsed.
const detailFetch = 4 * DetailRunes

// shorten makes a one-line extract of at most DetailRunes letters from raw,
// the first detailFetch+1 letters of a text.
func shorten(raw string) string {
	cutShort := utf8.RuneCountInString(raw) > detailFetch
	s := strings.Join(strings.Fields(raw), " ")
	if !cutShort && utf8.RuneCountInString(s) <= DetailRunes {
		return s
	}
	if utf8.RuneCountInString(s) <= DetailRunes-1 {
		return s + "…"
	}
	r := []rune(s)[:DetailRunes-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}
