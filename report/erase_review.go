package report

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrReviewChanged is returned when the records changed between the review
// of an erasure and the erasure itself: the mention numbers chosen no
// longer mean what the person saw. Review again.
var ErrReviewChanged = errors.New("the records changed since the review; review the mentions again")

// A Mention is one place in a record that stays (a shared contact, another
// woman's row, a diary entry, a letter, a newsletter …) where one of the
// erased woman's names is written.
//
// A UI shows Before + Match + After as one passage with Match highlighted,
// and for each mention under review offers "erase this mention" / "leave
// it". Start and End locate Match in the field's whole text (byte offsets),
// for a UI that shows the whole field instead.
type Mention struct {
	N      int    // its number in the review list, from 1 (0 for a certain mention)
	Kind   string // the kind of record, in words: "diary entry", "contact note" …
	Record string // the record's key: its id, or the ids that make its key ("c1/p2")
	Field  string // the field (column) the mention is in
	Table  string // the table, as stored

	Start, End           int    // Match's byte offsets in the field's whole text
	Before, Match, After string // the passage: up to about 40 characters either side
	Reason               string // why it needs a decision ("" for a certain mention)

	rowid  int64
	column string
}

// An ErasurePlan is what erasing a woman would do to the records that
// stay, worked out without changing anything: the mentions that will be
// replaced by ErasedMark for certain, and those that need a person's
// decision.
type ErasurePlan struct {
	PersonID string
	// Certain mentions: her full name anywhere, and her first name,
	// surname or pseudonym (written with a capital letter) in a record
	// linked to her that no other woman linked to it shares the name with.
	Certain []Mention
	// Review lists every other possible mention, numbered from 1: a name of
	// hers in a record not linked to her, or linked to another woman with
	// the same name, or written in lower case (it may be an ordinary word:
	// hope, young, rose, may).
	Review []Mention
	// Removes counts her own records that would be removed (the mention
	// counts in it are not filled in).
	Removes *ErasureReport
	// Code identifies this plan: pass it back with the chosen numbers, so
	// that a change to the records in between is noticed.
	Code string
}

// PlanErasure works out what ErasePerson would do to the records that stay,
// and changes nothing.
func PlanErasure(ctx context.Context, db *sql.DB, personID string) (*ErasurePlan, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("reviewing the erasure of person %s: %w", personID, err)
	}
	defer tx.Rollback()
	// Her own records are removed inside this transaction (so that only
	// the records that stay are scanned) and the removal rolled back.
	r, plan, err := removeAndPlan(ctx, tx, personID)
	if err != nil {
		return nil, err
	}
	plan.Removes = r
	return plan, nil
}

// linkMap says which women each record is linked to, read before her own
// records go.
type linkMap struct {
	her       string
	contact   map[string][]string // contact → women at it
	diary     map[string]string   // diary entry → its contact
	superDiag map[string][]string // supervision → diary entries it covers
	news      map[string][]string // newsletter → women it was sent to
	letter    map[string]string   // letter → woman
	names     map[string]womanNames
}

type womanNames struct {
	full  string          // lower case, single spaces
	words map[string]bool // every word of her name and pseudonym, lower case
}

func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func readLinks(ctx context.Context, tx *sql.Tx, her string) (*linkMap, error) {
	l := &linkMap{her: her, contact: map[string][]string{}, diary: map[string]string{},
		superDiag: map[string][]string{}, news: map[string][]string{}, letter: map[string]string{},
		names: map[string]womanNames{}}
	pairs := func(q string, fn func(a, b string)) error {
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a, b sql.NullString
			if err := rows.Scan(&a, &b); err != nil {
				return err
			}
			fn(a.String, b.String)
		}
		return rows.Err()
	}
	for _, p := range []struct {
		q  string
		fn func(a, b string)
	}{
		{`SELECT contact_id, person_id FROM contact_people`, func(a, b string) { l.contact[a] = append(l.contact[a], b) }},
		{`SELECT id, contact_id FROM diary WHERE contact_id IS NOT NULL`, func(a, b string) { l.diary[a] = b }},
		{`SELECT supervision_id, diary_id FROM supervision_entries`, func(a, b string) { l.superDiag[a] = append(l.superDiag[a], b) }},
		{`SELECT newsletter_id, person_id FROM newsletter_sent_to`, func(a, b string) { l.news[a] = append(l.news[a], b) }},
		{`SELECT id, person_id FROM letters`, func(a, b string) { l.letter[a] = b }},
	} {
		if err := pairs(p.q, p.fn); err != nil {
			return nil, err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, pseudonym FROM people`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, name, pseudo string
		if err := rows.Scan(&id, &name, &pseudo); err != nil {
			return nil, err
		}
		w := womanNames{full: normName(name), words: map[string]bool{}}
		for _, f := range strings.Fields(name + " " + pseudo) {
			w.words[strings.ToLower(f)] = true
		}
		l.names[id] = w
	}
	return l, rows.Err()
}

// women returns the women a row is linked to, from the values of its link
// columns.
func (l *linkMap) women(table string, vals map[string]string) map[string]bool {
	out := map[string]bool{}
	addContact := func(c string) {
		for _, p := range l.contact[c] {
			out[p] = true
		}
	}
	addDiary := func(d string) {
		if c, ok := l.diary[d]; ok {
			addContact(c)
		}
	}
	addSupervision := func(s string) {
		for _, d := range l.superDiag[s] {
			addDiary(d)
		}
	}
	addNews := func(n string) {
		for _, p := range l.news[n] {
			out[p] = true
		}
	}
	// A row that belongs to a woman (her part of a visit, her action,
	// event or letter) is hers alone: a single name written in another
	// woman's row is never taken as the erased woman's without review.
	if p := vals["person_id"]; p != "" {
		out[p] = true
		return out
	}
	for col, v := range vals {
		if v == "" {
			continue
		}
		switch col {
		case "person_id":
			out[v] = true
		case "contact_id":
			addContact(v)
		case "diary_id":
			addDiary(v)
		case "supervision_id":
			addSupervision(v)
		case "newsletter_id":
			addNews(v)
		case "letter_id":
			if p, ok := l.letter[v]; ok {
				out[p] = true
			}
		case "id":
			switch table {
			case "people":
				out[v] = true
			case "contacts":
				addContact(v)
			case "diary":
				addDiary(v)
			case "supervision":
				addSupervision(v)
			case "newsletters":
				addNews(v)
			case "letters":
				if p, ok := l.letter[v]; ok {
					out[p] = true
				}
			}
		}
	}
	return out
}

// linkColumns are the columns that link a row to women, directly or
// through another record.
var linkColumns = []string{"id", "person_id", "contact_id", "diary_id", "supervision_id", "newsletter_id", "letter_id"}

// kindNames words a table as a kind of record.
var kindNames = map[string]string{
	"people": "woman's record", "person_needs": "area of need", "release_plan": "release plan",
	"contacts": "contact", "contact_people": "contact note", "actions": "action", "events": "event",
	"diary": "diary entry", "diary_sections": "diary entry", "diary_tags": "diary tag",
	"supervision": "supervision", "supervision_entries": "supervision comment", "supervision_actions": "supervision action",
	"letters": "letter", "letter_enclosures": "letter enclosure", "newsletters": "newsletter",
	"newsletter_sections": "newsletter section", "newsletter_checklist": "newsletter checklist",
	"agencies": "agency", "establishments": "establishment", "settings": "setting", "drafts": "unsaved draft",
}

// herNames is what is looked for: her names, and the other women's names
// that contain one of hers (left whole, never a mention).
type herNames struct {
	full     []*regexp.Regexp // full name, and a pseudonym of several words
	single   []*regexp.Regexp // first name, surname, one-word pseudonym
	singleW  []string         // the single names, lower case, same order
	protect  *nameMatcher
	fullKey  string // her full name, lower case
	namesake bool   // another woman has the very same full name
}

func wholeRe(name string) *regexp.Regexp {
	parts := strings.Fields(name)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`(?i)` + strings.Join(parts, `\s+`))
}

func newHerNames(ctx context.Context, tx *sql.Tx, id, name, pseudonym string, l *linkMap) (*herNames, error) {
	h := &herNames{fullKey: normName(name)}
	first, last := nameParts(name)
	seen := map[string]bool{}
	add := func(n string) {
		n = strings.Join(strings.Fields(n), " ")
		k := strings.ToLower(n)
		if utf8.RuneCountInString(n) < 2 || seen[k] {
			return
		}
		seen[k] = true
		if strings.Contains(n, " ") {
			h.full = append(h.full, wholeRe(n))
		} else {
			h.single = append(h.single, wholeRe(n))
			h.singleW = append(h.singleW, k)
		}
	}
	add(name)
	add(pseudonym)
	add(first)
	add(last)
	for pid, w := range l.names {
		if pid != id && w.full == h.fullKey && h.fullKey != "" {
			h.namesake = true
		}
	}
	m := newNameMatcher(name, first, last, pseudonym)
	var err error
	h.protect, err = namesSharingAWord(ctx, tx, name, pseudonym, m)
	return h, err
}

type span struct {
	a, e   int
	single string // the single name matched, lower case; "" for a full name
	keep   bool   // another woman's name: not a mention
}

// findWhole returns the whole-word matches of re in s.
func findWhole(re *regexp.Regexp, s string) [][2]int {
	var out [][2]int
	pos := 0
	for pos < len(s) {
		loc := re.FindStringIndex(s[pos:])
		if loc == nil || loc[0] == loc[1] {
			break
		}
		a, e := pos+loc[0], pos+loc[1]
		if wordEdge(s, a, e) {
			out = append(out, [2]int{a, e})
			pos = e
			continue
		}
		_, size := utf8.DecodeRuneInString(s[a:])
		pos = a + size
	}
	return out
}

// spans finds her names in s: other women's names first (kept whole), then
// her full names, then her single names, each only where nothing longer
// was found already.
func (h *herNames) spans(s string) []span {
	var got []span
	free := func(a, e int) bool {
		for _, g := range got {
			if a < g.e && g.a < e {
				return false
			}
		}
		return true
	}
	for i, re := range h.protect.res {
		for _, ae := range findWhole(re, s) {
			if h.protect.capOnly[i] {
				continue
			}
			if free(ae[0], ae[1]) {
				got = append(got, span{a: ae[0], e: ae[1], keep: true})
			}
		}
	}
	for _, re := range h.full {
		for _, ae := range findWhole(re, s) {
			if free(ae[0], ae[1]) {
				got = append(got, span{a: ae[0], e: ae[1]})
			}
		}
	}
	for i, re := range h.single {
		for _, ae := range findWhole(re, s) {
			if free(ae[0], ae[1]) {
				got = append(got, span{a: ae[0], e: ae[1], single: h.singleW[i]})
			}
		}
	}
	out := got[:0]
	for _, g := range got {
		if !g.keep {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].a < out[j].a })
	return out
}

// decide says whether a mention is certain, or why it needs review.
func (h *herNames) decide(s string, sp span, linked map[string]bool, owned bool, l *linkMap) string {
	linkedToHer := linked[l.her]
	shared := func(match func(w womanNames) bool) bool {
		for p := range linked {
			if p != l.her && match(l.names[p]) {
				return true
			}
		}
		return false
	}
	if sp.single == "" {
		if !h.namesake {
			return ""
		}
		switch {
		case !linkedToHer:
			return "another woman has the same full name, and this record is not linked to her"
		case shared(func(w womanNames) bool { return w.full == h.fullKey }):
			return "another woman with the same full name is linked to this record too"
		}
		return ""
	}
	first, _ := utf8.DecodeRuneInString(s[sp.a:])
	switch {
	case !unicode.IsUpper(first):
		return "written in lower case: it may be an ordinary word"
	case !linkedToHer && len(linked) == 1 && owned:
		return "written in another woman's record"
	case !linkedToHer:
		return "this record is not linked to her"
	case shared(func(w womanNames) bool { return w.words[sp.single] }):
		return "another woman linked to this record has the same name"
	}
	return ""
}

// passage cuts about 40 characters of context either side of s[a:e].
func passage(s string, a, e int) (before, match, after string) {
	const around = 40
	b := a
	for n := 0; n < around && b > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:b])
		b -= size
	}
	f := e
	for n := 0; n < around && f < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[f:])
		f += size
	}
	before, match, after = s[b:a], s[a:e], s[e:f]
	if b > 0 {
		before = "…" + before
	}
	if f < len(s) {
		after += "…"
	}
	return before, match, after
}

// tableCols is one table's text columns, key columns and link columns.
type tableCols struct {
	name  string
	text  []string
	keys  []string
	links []string
}

func tablesWithText(ctx context.Context, tx *sql.Tx) ([]tableCols, error) {
	cols, err := textColumns(ctx, tx)
	if err != nil {
		return nil, err
	}
	var out []tableCols
	idx := map[string]int{}
	for _, c := range cols {
		if ownNames[c.table+"."+c.column] {
			continue
		}
		i, ok := idx[c.table]
		if !ok {
			t := tableCols{name: c.table}
			rows, err := tx.QueryContext(ctx, `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, c.table)
			if err != nil {
				return nil, err
			}
			var pks []struct {
				n  string
				pk int
			}
			for rows.Next() {
				var n string
				var pk int
				if err := rows.Scan(&n, &pk); err != nil {
					rows.Close()
					return nil, err
				}
				for _, lc := range linkColumns {
					if n == lc {
						t.links = append(t.links, n)
					}
				}
				if pk > 0 {
					pks = append(pks, struct {
						n  string
						pk int
					}{n, pk})
				}
			}
			rows.Close()
			sort.Slice(pks, func(i, j int) bool { return pks[i].pk < pks[j].pk })
			for _, p := range pks {
				t.keys = append(t.keys, p.n)
			}
			out = append(out, t)
			i = len(out) - 1
			idx[c.table] = i
		}
		out[i].text = append(out[i].text, c.column)
	}
	return out, nil
}

// findMentions scans every text column of the records that stay.
func findMentions(ctx context.Context, tx *sql.Tx, h *herNames, l *linkMap) (certain, review []Mention, err error) {
	tables, err := tablesWithText(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	for _, t := range tables {
		sel := []string{"rowid"}
		for _, c := range t.keys {
			sel = append(sel, "CAST("+quoteIdent(c)+" AS TEXT)")
		}
		for _, c := range t.links {
			sel = append(sel, "CAST("+quoteIdent(c)+" AS TEXT)")
		}
		for _, c := range t.text {
			sel = append(sel, quoteIdent(c))
		}
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT %s FROM %s ORDER BY rowid`, strings.Join(sel, ", "), quoteIdent(t.name)))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", t.name, err)
		}
		n := len(t.keys) + len(t.links) + len(t.text)
		for rows.Next() {
			var rowid int64
			vals := make([]sql.NullString, n)
			dest := []any{&rowid}
			for i := range vals {
				dest = append(dest, &vals[i])
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return nil, nil, err
			}
			var key []string
			for i := range t.keys {
				key = append(key, vals[i].String)
			}
			var linked map[string]bool
			owned := false // the row belongs to one woman (person_id)
			for ci, col := range t.text {
				s := vals[len(t.keys)+len(t.links)+ci].String
				if s == "" {
					continue
				}
				sps := h.spans(s)
				if len(sps) == 0 {
					continue
				}
				if linked == nil {
					lv := map[string]string{}
					for i, c := range t.links {
						lv[c] = vals[len(t.keys)+i].String
					}
					linked = l.women(t.name, lv)
					owned = lv["person_id"] != "" || t.name == "people"
				}
				kind := kindNames[t.name]
				if kind == "" {
					kind = t.name
				}
				for _, sp := range sps {
					m := Mention{Kind: kind, Record: strings.Join(key, "/"), Field: col, Table: t.name,
						Start: sp.a, End: sp.e, rowid: rowid, column: col}
					m.Before, m.Match, m.After = passage(s, sp.a, sp.e)
					m.Reason = h.decide(s, sp, linked, owned, l)
					if m.Reason == "" {
						certain = append(certain, m)
					} else {
						m.N = len(review) + 1
						review = append(review, m)
					}
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	}
	return certain, review, nil
}

// planCode is a short digest of everything the plan would change.
func planCode(id string, certain, review []Mention) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", id)
	for _, list := range [][]Mention{certain, review} {
		for _, m := range list {
			fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00%d\x00%s\x00", m.Table, m.column, m.rowid, m.Start, m.End, m.Match)
		}
		h.Write([]byte{1})
	}
	return hex.EncodeToString(h.Sum(nil))[:10]
}

// applyMentions replaces the chosen mentions with ErasedMark and counts
// the records changed by kind.
func applyMentions(ctx context.Context, tx *sql.Tx, ms []Mention, r *ErasureReport) error {
	type cell struct {
		table, column string
		rowid         int64
	}
	by := map[cell][]Mention{}
	var order []cell
	for _, m := range ms {
		c := cell{m.Table, m.column, m.rowid}
		if by[c] == nil {
			order = append(order, c)
		}
		by[c] = append(by[c], m)
	}
	edited := map[string]map[string]bool{}
	for _, c := range order {
		var s string
		if err := tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT %s FROM %s WHERE rowid = ?`, quoteIdent(c.column), quoteIdent(c.table)), c.rowid).Scan(&s); err != nil {
			return fmt.Errorf("%s.%s: %w", c.table, c.column, err)
		}
		list := by[c]
		sort.Slice(list, func(i, j int) bool { return list[i].Start > list[j].Start })
		for _, m := range list {
			if m.End > len(s) || s[m.Start:m.End] != m.Match {
				return fmt.Errorf("%s.%s: %w", c.table, c.column, ErrReviewChanged)
			}
			s = s[:m.Start] + ErasedMark + s[m.End:]
			r.NamesReplaced++
		}
		verb := "UPDATE"
		if c.table == "diary_tags" {
			verb = "UPDATE OR REPLACE" // two tags may become the same
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`%s %s SET %s = ? WHERE rowid = ?`, verb, quoteIdent(c.table), quoteIdent(c.column)), s, c.rowid); err != nil {
			return fmt.Errorf("%s.%s: %w", c.table, c.column, err)
		}
		kind := "other"
		switch {
		case strings.HasPrefix(c.table, "diary"):
			kind = "diary"
		case strings.HasPrefix(c.table, "supervision"):
			kind = "supervision"
		case strings.HasPrefix(c.table, "newsletter"):
			kind = "newsletter"
		}
		rec := list[0].Record
		if kind != "other" {
			rec = strings.SplitN(rec, "/", 2)[0] // the diary entry, supervision or newsletter
		} else {
			rec = c.table + "/" + rec
		}
		if edited[kind] == nil {
			edited[kind] = map[string]bool{}
		}
		edited[kind][rec] = true
	}
	r.DiaryEntriesEdited = len(edited["diary"])
	r.SupervisionEdited = len(edited["supervision"])
	r.NewslettersEdited = len(edited["newsletter"])
	r.OtherRecordsEdited = len(edited["other"])
	return nil
}
