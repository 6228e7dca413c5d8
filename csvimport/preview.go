package csvimport

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"inreach/exchange"
	"inreach/notes"
	"inreach/schema"
)

// MaxFileBytes is the largest CSV file read (a spreadsheet of many
// thousands of rows is well under it).
const MaxFileBytes = 32 << 20

// PreviewRows is how many rows a Preview shows.
const PreviewRows = 5

// A Map says which field each column holds, by the column's header text:
// {"DOB": "date_of_birth", "Notes": ""}. A field of "" leaves the column
// out. Columns the map does not name keep their guessed field.
type Map map[string]string

// ReadMap reads a map file (a JSON object of header → field) and checks
// each field against the kind's fields.
func ReadMap(r io.Reader, kind string) (Map, error) {
	var m Map
	dec := json.NewDecoder(io.LimitReader(r, 1<<20))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("the map is not a JSON object of \"column header\": \"field\": %w", err)
	}
	if err := m.check(kind); err != nil {
		return nil, err
	}
	return m, nil
}

func (m Map) check(kind string) error {
	fields := FieldsOf(kind)
	for h, f := range m {
		if f == "" {
			continue
		}
		ok := false
		for _, x := range fields {
			ok = ok || x.Key == f
		}
		if !ok {
			var keys []string
			for _, x := range fields {
				keys = append(keys, x.Key)
			}
			return fmt.Errorf("the map gives column %q the field %q, which a %s file does not have (use one of %s, or \"\" to leave it out)",
				h, f, kind, strings.Join(keys, ", "))
		}
	}
	return nil
}

// A Column is one column of the file and the field it is read as.
type Column struct {
	Index   int    // 0-based
	Header  string // as in the file
	Field   string // a field key, or "" when the column is left out
	Guessed bool   // the field was guessed from the header (not from the map)
}

// A Problem is one thing wrong with the file, by spreadsheet row (the
// header is row 1, the first data row 2; 0 for the file as a whole) and
// column header ("" when it is about the row).
type Problem struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	switch {
	case p.Row == 0:
		return p.Message
	case p.Column == "":
		return fmt.Sprintf("row %d: %s", p.Row, p.Message)
	}
	return fmt.Sprintf("row %d, column %q: %s", p.Row, p.Column, p.Message)
}

// A Preview is what an import would do, worked out before anything is
// written.
type Preview struct {
	Kind     string
	Columns  []Column
	Rows     [][]string // the first PreviewRows data rows, as in the file
	Total    int        // data rows in the file
	Problems []Problem  // every problem, by row then column; empty means it can be imported

	doc *exchange.Document // the records to write
}

// OK reports whether the file can be imported as it is.
func (p *Preview) OK() bool { return len(p.Problems) == 0 }

// Prepare reads a CSV file of kind ("women" or "contacts"), matches its
// columns to fields (guessed from the headers, then m), reads and checks
// every row against the vault db, and returns the preview. It writes
// nothing. An error is returned only when the file cannot be read at all;
// problems with rows and values are in the preview.
func Prepare(ctx context.Context, db *sql.DB, kind string, r io.Reader, m Map) (*Preview, error) {
	fields := FieldsOf(kind)
	if fields == nil {
		return nil, fmt.Errorf("there is no import of %q: use %s", kind, strings.Join(Kinds, " or "))
	}
	if err := m.check(kind); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("the file is larger than %d MB: split it into smaller files", MaxFileBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, errors.New("the file is not UTF-8 text: in the spreadsheet, save it as \"CSV UTF-8 (comma delimited)\"")
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, errors.New("this looks like an .xlsx workbook, not a CSV file: save the sheet as \"CSV UTF-8 (comma delimited)\" first")
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	recs, err := cr.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("the file is not a well-formed CSV file at line %d: %v", pe.Line, pe.Err)
		}
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	if len(recs) == 0 {
		return nil, errors.New("the file is empty: the first row should be the column headers")
	}
	p := &Preview{Kind: kind}
	used := map[string]int{}
	for i, h := range recs[0] {
		c := Column{Index: i, Header: strings.TrimSpace(h)}
		if f, ok := m[c.Header]; ok {
			c.Field = f
		} else {
			c.Field, c.Guessed = guess(fields, c.Header), true
		}
		if c.Field != "" {
			if j, dup := used[c.Field]; dup {
				if c.Guessed {
					c.Field = "" // the first column with a guessed field keeps it
				} else {
					p.Problems = append(p.Problems, Problem{Row: 1, Column: c.Header,
						Message: fmt.Sprintf("the map gives it the field %s, which column %q already has", c.Field, p.Columns[j].Header)})
				}
			} else {
				used[c.Field] = i
			}
		}
		p.Columns = append(p.Columns, c)
	}
	for h := range m {
		found := false
		for _, c := range p.Columns {
			found = found || c.Header == h
		}
		if !found {
			p.Problems = append(p.Problems, Problem{Row: 1, Column: h, Message: "the map names this column but the file has no column with that header"})
		}
	}
	for _, f := range fields {
		if _, ok := used[f.Key]; f.Required && !ok {
			p.Problems = append(p.Problems, Problem{Row: 1, Message: fmt.Sprintf("no column holds %s (%s): name one in the map", strings.ToLower(f.Label), f.Key)})
		}
	}
	if kind == "women" {
		_, name := used["name"]
		_, first := used["first_name"]
		_, last := used["last_name"]
		if !name && !first && !last {
			p.Problems = append(p.Problems, Problem{Row: 1, Message: "no column holds her name (name, or first_name and last_name): name one in the map"})
		}
	}
	body := recs[1:]
	p.Total = len(body)
	for i := 0; i < len(body) && i < PreviewRows; i++ {
		p.Rows = append(p.Rows, body[i])
	}
	if len(p.Problems) > 0 {
		return p, nil
	}
	rd := &rowReader{p: p, used: used}
	if err := rd.load(ctx, db); err != nil {
		return nil, err
	}
	p.doc = &exchange.Document{Format: exchange.Format, Version: exchange.Version}
	for i, rec := range body {
		rd.row, rd.rec = i+2, rec
		if blank(rec) {
			continue
		}
		switch kind {
		case "women":
			rd.woman()
		case "contacts":
			rd.contact()
		}
	}
	sort.SliceStable(p.Problems, func(i, j int) bool {
		if p.Problems[i].Row != p.Problems[j].Row {
			return p.Problems[i].Row < p.Problems[j].Row
		}
		return colIndex(p.Columns, p.Problems[i].Column) < colIndex(p.Columns, p.Problems[j].Column)
	})
	return p, nil
}

func colIndex(cols []Column, header string) int {
	for _, c := range cols {
		if c.Header == header {
			return c.Index
		}
	}
	return -1
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// A Result says what Import wrote.
type Result struct {
	Women    int
	Contacts int
}

// Import writes the previewed rows into db in one transaction: every row,
// or — on any problem — nothing. It refuses a preview that has problems.
func (p *Preview) Import(ctx context.Context, db *sql.DB) (Result, error) {
	if !p.OK() {
		return Result{}, fmt.Errorf("the file has %d %s: nothing was imported", len(p.Problems), plural(len(p.Problems), "problem"))
	}
	if p.doc == nil {
		return Result{}, errors.New("nothing to import")
	}
	res, err := exchange.Import(ctx, db, p.doc)
	if err != nil {
		return Result{}, fmt.Errorf("nothing was imported: %w", err)
	}
	return Result{Women: res.People.Added, Contacts: res.Contacts.Added}, nil
}

func plural(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// rowReader reads the rows of one file.
type rowReader struct {
	p    *Preview
	used map[string]int // field → column index
	row  int
	rec  []string

	establishments map[string][]string // normalised name → ids
	people         []personKey
	store          *notes.Store
}

type personKey struct{ id, name, pseudonym, prisonNumber string }

func (r *rowReader) load(ctx context.Context, db *sql.DB) error {
	r.store = notes.New(db)
	r.establishments = map[string][]string{}
	rows, err := db.QueryContext(ctx, `SELECT id, name FROM establishments`)
	if err != nil {
		return fmt.Errorf("reading establishments: %w", err)
	}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		r.establishments[norm(name)] = append(r.establishments[norm(name)], id)
	}
	rows.Close()
	if r.p.Kind != "contacts" {
		return nil
	}
	rows, err = db.QueryContext(ctx, `SELECT id, name, pseudonym, prison_number FROM people`)
	if err != nil {
		return fmt.Errorf("reading women: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k personKey
		if err := rows.Scan(&k.id, &k.name, &k.pseudonym, &k.prisonNumber); err != nil {
			return err
		}
		r.people = append(r.people, k)
	}
	return rows.Err()
}

// cell is the trimmed text of a field's column in this row ("" when the
// file has no such column or the row is short).
func (r *rowReader) cell(field string) string {
	i, ok := r.used[field]
	if !ok || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

func (r *rowReader) problem(field, format string, args ...any) {
	col := ""
	if i, ok := r.used[field]; ok {
		col = r.p.Columns[i].Header
	}
	r.p.Problems = append(r.p.Problems, Problem{Row: r.row, Column: col, Message: fmt.Sprintf(format, args...)})
}

func (r *rowReader) date(field string) string {
	c := r.cell(field)
	if c == "" {
		return ""
	}
	d, err := ParseDate(c)
	if err != nil {
		r.problem(field, "%v", err)
		return ""
	}
	return d
}

func (r *rowReader) enum(field string, e schema.Enum) string {
	c := r.cell(field)
	if c == "" {
		return ""
	}
	v, ok := enumValue(e, c)
	if !ok {
		r.problem(field, "%q is not %s: use one of %s", c, article(e.Name), strings.Join(e.LabelList(), ", "))
	}
	return v
}

func article(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

func (r *rowReader) whole(field string, lo, hi int) *int {
	c := r.cell(field)
	if c == "" {
		return nil
	}
	n, err := strconv.Atoi(c)
	if err != nil || n < lo || n > hi {
		r.problem(field, "%q should be a whole number from %d to %d", c, lo, hi)
		return nil
	}
	return &n
}

func (r *rowReader) establishment(field string) string {
	c := r.cell(field)
	if c == "" {
		return ""
	}
	ids := r.establishments[norm(c)]
	switch len(ids) {
	case 0:
		r.problem(field, "%q is not an establishment in the vault: add it first, or correct the name", c)
		return ""
	case 1:
		return ids[0]
	}
	r.problem(field, "%q names %d establishments in the vault: make their names different first", c, len(ids))
	return ""
}

// fieldOf maps the Go field names of notes' validation errors to the
// file's fields.
var fieldOf = map[string]string{
	"Name": "name", "Pseudonym": "pseudonym", "DateOfBirth": "date_of_birth", "PrisonNumber": "prison_number",
	"Status": "status", "EstablishmentID": "establishment", "Sentence": "sentence", "ReleaseDate": "release_date",
	"Referral": "referral", "ReferralDate": "referral_date", "SafetyNote": "safety_note",
	"Ethnicity": "ethnicity", "OffenceGroup": "offence_group", "PreviousCustodialSentences": "previous_custodial_sentences",
	"Date": "date", "Start": "start", "End": "end", "Kind": "kind", "Place": "place",
	"People[0].PersonID": "woman", "People[0].Seen": "seen", "People[0].NotSeenReason": "not_seen_reason",
	"People[0].Note": "note", "People[0].Wellbeing": "wellbeing",
}

func (r *rowReader) formProblems(err error) {
	v, ok := notes.AsValidation(err)
	if !ok {
		r.problem("", "%v", err)
		return
	}
	for _, fe := range v {
		r.problem(fieldOf[fe.Field], "%s", fe.Message)
	}
}

func (r *rowReader) woman() {
	before := len(r.p.Problems)
	name := r.cell("name")
	if name == "" {
		name = strings.TrimSpace(r.cell("first_name") + " " + r.cell("last_name"))
	}
	p := notes.Person{
		Name: name, Pseudonym: r.cell("pseudonym"), DateOfBirth: r.date("date_of_birth"),
		PrisonNumber: r.cell("prison_number"), Status: r.enum("status", schema.PersonStatus),
		EstablishmentID: r.establishment("establishment"), Sentence: r.cell("sentence"),
		ReleaseDate: r.date("release_date"), Referral: r.enum("referral", schema.Referral),
		ReferralDate: r.date("referral_date"), SafetyNote: r.cell("safety_note"),
		Ethnicity: r.enum("ethnicity", schema.Ethnicity), OffenceGroup: r.enum("offence_group", schema.OffenceGroup),
		PreviousCustodialSentences: r.whole("previous_custodial_sentences", 0, schema.MaxPreviousSentences),
	}
	if len(r.p.Problems) > before {
		return // the values themselves are wrong; the form's rules would only repeat it
	}
	if err := r.store.CheckPerson(p); err != nil {
		if v, ok := notes.AsValidation(err); ok && v.Has("Name") && name == "" {
			r.problem("", "her name is empty")
			return
		}
		r.formProblems(err)
		return
	}
	// CheckPerson normalised nothing in p (it works on a copy): do it here.
	if p.Status == "" {
		p.Status = "referred"
	}
	if p.Referral == "" {
		p.Referral = "new"
	}
	x := exchange.Person{ID: schema.NewID("p"), Name: strings.TrimSpace(p.Name), Pseudonym: p.Pseudonym,
		DateOfBirth: opt(p.DateOfBirth), PrisonNumber: p.PrisonNumber, Status: p.Status,
		Establishment: opt(p.EstablishmentID), Sentence: p.Sentence, ReleaseDate: opt(p.ReleaseDate),
		Referral: p.Referral, ReferralDate: opt(p.ReferralDate), SafetyNote: p.SafetyNote,
		Ethnicity: p.Ethnicity, OffenceGroup: p.OffenceGroup, PreviousCustodialSentences: p.PreviousCustodialSentences,
		Needs: []exchange.Need{}, Sensitive: []string{}, ReleasePlan: []exchange.PlanItem{}}
	r.p.doc.People = append(r.p.doc.People, x)
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// findWoman finds the one woman a cell names: by id, prison number, full
// name or pseudonym (letters and digits compared, any case).
func (r *rowReader) findWoman(cell string) string {
	c := norm(cell)
	var hits []string
	for _, by := range []func(personKey) string{
		func(k personKey) string { return k.id },
		func(k personKey) string { return k.prisonNumber },
		func(k personKey) string { return k.name },
		func(k personKey) string { return k.pseudonym },
	} {
		for _, k := range r.people {
			if v := by(k); v != "" && (v == cell || norm(v) == c) {
				hits = append(hits, k.id)
			}
		}
		if len(hits) > 0 {
			break
		}
	}
	switch len(hits) {
	case 0:
		r.problem("woman", "%q is not a woman in the vault (give her id, prison number, full name or pseudonym)", cell)
		return ""
	case 1:
		return hits[0]
	}
	r.problem("woman", "%q matches %d women in the vault: give her id or prison number instead", cell, len(hits))
	return ""
}

func (r *rowReader) contact() {
	before := len(r.p.Problems)
	c := notes.Contact{Date: r.date("date"), Kind: r.enum("kind", schema.ContactKind),
		EstablishmentID: r.establishment("establishment"), Place: r.cell("place")}
	if s := r.cell("start"); s != "" {
		if v, ok := clock(s); ok {
			c.Start = v
		} else {
			r.problem("start", "%q is not a time: write it as 13:30", s)
		}
	}
	if s := r.cell("end"); s != "" {
		if v, ok := clock(s); ok {
			c.End = v
		} else {
			r.problem("end", "%q is not a time: write it as 15:30", s)
		}
	}
	cp := notes.ContactPerson{Booked: true, Seen: true, Note: r.cell("note"),
		NotSeenReason: r.enum("not_seen_reason", schema.NotSeenReason)}
	if s := r.cell("seen"); s != "" {
		v, ok := yesNo(s)
		if !ok {
			r.problem("seen", "%q is not yes or no", s)
		}
		cp.Seen = v
	}
	cp.Wellbeing = r.whole("wellbeing", schema.MinScore, schema.MaxScore)
	if w := r.cell("woman"); w == "" {
		r.problem("woman", "say which woman the contact was with")
	} else {
		cp.PersonID = r.findWoman(w)
	}
	if r.cell("date") == "" {
		r.problem("date", "the date is missing")
	}
	if r.cell("kind") == "" {
		r.problem("kind", "the kind of contact is missing: use one of %s", strings.Join(schema.ContactKind.LabelList(), ", "))
	}
	if len(r.p.Problems) > before {
		return
	}
	c.People = []notes.ContactPerson{cp}
	if err := r.store.CheckContact(c); err != nil {
		r.formProblems(err)
		return
	}
	x := exchange.Contact{ID: schema.NewID("c"), Date: c.Date, Start: c.Start, End: c.End, Kind: c.Kind,
		Establishment: opt(c.EstablishmentID), Place: c.Place,
		People: []exchange.ContactPerson{{Person: cp.PersonID, Booked: true, Seen: cp.Seen,
			NotSeenReason: cp.NotSeenReason, Note: cp.Note, NeedsDiscussed: []string{}, Items: []exchange.ItemCount{},
			Wellbeing: cp.Wellbeing}}}
	r.p.doc.Contacts = append(r.p.doc.Contacts, x)
}
