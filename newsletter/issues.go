package newsletter

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"inreach/schema"
)

// An Issue is one newsletter issue.
type Issue struct {
	ID     string
	Title  string
	Number int    // issue number, unique; 0 when saving a new issue means NextIssueNumber
	Date   string // the date printed on it (required)
	Status string // schema.NewsletterStatus; "" is saved as "draft"
	// Sections in print order.
	Sections []Section
	// SentTo is the ids of the women it was posted to, recorded by
	// MarkSent; read-only for SaveIssue.
	SentTo []string
	// Checklist is the prison-mail checks (schema.NewsletterCheck values)
	// the author has ticked, in the checklist's order.
	Checklist []string
}

// A Section is one piece of an issue: a heading, the text, and who wrote it.
type Section struct {
	Heading string
	Body    string
	// Contributor is who wrote it, as the author knows them (a staff
	// member, or a woman's real name). It is never printed as it is: the
	// PDF shows DisplayContributor of it. "" means the service itself.
	Contributor string
	// Consent is true when the contributor agreed to this piece being
	// printed (needed whenever Contributor is not "").
	Consent bool
}

// MoveSection moves section i one place up (towards the start) or down.
// It reports whether anything moved (false at either end or for a bad i).
func (is *Issue) MoveSection(i int, up bool) bool {
	j := i + 1
	if up {
		j = i - 1
	}
	if i < 0 || i >= len(is.Sections) || j < 0 || j >= len(is.Sections) {
		return false
	}
	is.Sections[i], is.Sections[j] = is.Sections[j], is.Sections[i]
	return true
}

// RemoveSection deletes section i; it reports whether i was a section.
func (is *Issue) RemoveSection(i int) bool {
	if i < 0 || i >= len(is.Sections) {
		return false
	}
	is.Sections = slices.Delete(is.Sections, i, i+1)
	return true
}

// Ticked reports whether checklist item (a schema.NewsletterCheck value)
// is ticked.
func (is *Issue) Ticked(item string) bool { return slices.Contains(is.Checklist, item) }

// Tick ticks (on) or unticks a checklist item, keeping the checklist in
// the order of schema.NewsletterCheck.
func (is *Issue) Tick(item string, on bool) {
	set := map[string]bool{}
	for _, c := range is.Checklist {
		set[c] = true
	}
	set[item] = on
	is.Checklist = orderChecklist(set)
}

// orderChecklist lists the ticked known items in checklist order, then any
// unknown ones (which validation refuses) in the order they came.
func orderChecklist(set map[string]bool) []string {
	var out []string
	for _, v := range schema.NewsletterCheck.Values {
		if set[v] {
			out = append(out, v)
		}
	}
	var unknown []string
	for k, on := range set {
		if on && !schema.NewsletterCheck.Valid(k) {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	return append(out, unknown...)
}

// validate normalises is and checks every field that needs no database.
func (is *Issue) validate() ValidationError {
	var c schema.Checker
	is.Title = strings.TrimSpace(is.Title)
	if is.Status == "" {
		is.Status = "draft"
	}
	if is.Title == "" {
		c.Add("Title", "Enter a title for the issue.")
	}
	c.Text("Title", is.Title)
	if is.Number < 0 {
		c.Add("Number", "The issue number must be 1 or more.")
	}
	c.Date("Date", is.Date, true)
	c.Enum("Status", schema.NewsletterStatus, is.Status)
	for i, sec := range is.Sections {
		f := fmt.Sprintf("Sections[%d]", i)
		c.Text(f+".Heading", sec.Heading)
		c.Text(f+".Body", sec.Body)
		c.Text(f+".Contributor", sec.Contributor)
		if strings.TrimSpace(sec.Heading) == "" && strings.TrimSpace(sec.Body) == "" {
			c.Add(f+".Body", "Section %d is empty. Write something in it or remove it.", i+1)
		}
	}
	set := map[string]bool{}
	for i, item := range is.Checklist {
		if !schema.NewsletterCheck.Valid(item) {
			c.Enum(fmt.Sprintf("Checklist[%d]", i), schema.NewsletterCheck, item)
		}
		set[item] = true
	}
	is.Checklist = orderChecklist(set)
	if len(is.SentTo) > 0 {
		c.Add("SentTo", "Who an issue went to is recorded when it is marked sent; it cannot be set by hand.")
	}
	return c.Errs
}

// SaveIssue validates is and writes it (a new id when is.ID is ""), with
// its sections and checklist, in one transaction.
//
// Status rules: a new issue is saved as a draft (Status "" or "draft";
// "ready" and "sent" are reached through SetStatus and MarkSent only).
// Saving an existing issue keeps its stored status (Status "" means
// "as stored"; "draft" takes a ready issue back to draft), except that any change
// to a ready issue puts it back to draft so that it is checked again; a
// sent issue cannot be changed. is.Status is updated to what was saved.
// Number 0 gives a new issue the next number; numbers are unique.
//
// On any error, is is left exactly as it was given; on success it holds
// what was stored (its id, and the fields as normalised on saving).
func (s *Store) SaveIssue(is *Issue) error {
	n := *is
	n.Sections = append([]Section(nil), is.Sections...)
	n.SentTo = append([]string(nil), is.SentTo...)
	n.Checklist = append([]string(nil), is.Checklist...)
	if err := s.saveIssue(&n); err != nil {
		return err
	}
	*is = n
	return nil
}

// saveIssue does the work of SaveIssue on a copy of the caller\'s record, so it may
// normalise its argument freely.
func (s *Store) saveIssue(is *Issue) error {
	var saved Issue
	if is.ID != "" {
		old, err := s.GetIssue(is.ID)
		switch {
		case err == nil:
			saved = old
		case !errorsIsNotFound(err):
			return err
		}
	}
	if saved.ID != "" && is.Status == "" {
		is.Status = saved.Status
	}
	errs := is.validate()
	if saved.ID == "" {
		if is.Status != "draft" && schema.NewsletterStatus.Valid(is.Status) {
			errs = append(errs, FieldError{Field: "Status", Message: "A new issue starts as a draft. Mark it ready once the safety check is clear."})
		}
	} else {
		switch {
		case saved.Status == "sent":
			errs = append(errs, FieldError{Field: "Status", Message: fmt.Sprintf("Issue %d has been sent, so it can no longer be changed. Start a new issue instead.", saved.Number)})
		case is.Status != saved.Status && is.Status != "draft":
			errs = append(errs, FieldError{Field: "Status", Message: "Use Mark ready or Mark sent to change the status of an issue."})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if saved.ID != "" && saved.Status == "ready" && !sameContent(saved, *is) {
		is.Status = "draft"
	}
	return s.withTx(func(tx *sql.Tx) error {
		if is.Number == 0 {
			n, err := nextIssueNumber(tx)
			if err != nil {
				return err
			}
			is.Number = n
		}
		var otherID string
		err := tx.QueryRow(`SELECT id FROM newsletters WHERE issue = ? AND id != ?`, is.Number, is.ID).Scan(&otherID)
		if err == nil {
			return ValidationError{{Field: "Number", Message: fmt.Sprintf("There is already an issue %d. Choose another number.", is.Number)}}
		}
		if err != sql.ErrNoRows {
			return fmt.Errorf("checking issue numbers: %w", err)
		}
		if is.ID == "" {
			is.ID = schema.NewID("n")
		}
		return writeIssue(tx, is)
	})
}

func errorsIsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// sameContent reports whether a and b differ only in status.
func sameContent(a, b Issue) bool {
	return a.Title == b.Title && a.Number == b.Number && a.Date == b.Date &&
		slices.Equal(a.Sections, b.Sections) && slices.Equal(a.Checklist, b.Checklist)
}

// writeIssue inserts or replaces is with its sections and checklist (not
// its sent_to list); is is valid.
func writeIssue(tx *sql.Tx, is *Issue) error {
	if _, err := tx.Exec(`INSERT INTO newsletters(id, title, issue, date, status) VALUES(?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET title=excluded.title, issue=excluded.issue,
			date=excluded.date, status=excluded.status`,
		is.ID, is.Title, is.Number, is.Date, is.Status); err != nil {
		return fmt.Errorf("saving newsletter issue %q: %w", is.ID, err)
	}
	for _, q := range []string{`DELETE FROM newsletter_sections WHERE newsletter_id = ?`,
		`DELETE FROM newsletter_checklist WHERE newsletter_id = ?`} {
		if _, err := tx.Exec(q, is.ID); err != nil {
			return fmt.Errorf("saving newsletter issue %q: %w", is.ID, err)
		}
	}
	for i, sec := range is.Sections {
		if _, err := tx.Exec(`INSERT INTO newsletter_sections(newsletter_id, position, heading, body, contributor, consent)
			VALUES(?,?,?,?,?,?)`, is.ID, i, sec.Heading, sec.Body, sec.Contributor, b2i(sec.Consent)); err != nil {
			return fmt.Errorf("saving section %d of newsletter issue %q: %w", i+1, is.ID, err)
		}
	}
	for _, item := range is.Checklist {
		if _, err := tx.Exec(`INSERT INTO newsletter_checklist(newsletter_id, item) VALUES(?,?)`, is.ID, item); err != nil {
			return fmt.Errorf("saving the checklist of newsletter issue %q: %w", is.ID, err)
		}
	}
	return nil
}

// GetIssue reads one issue with its sections, sent-to list and checklist.
func (s *Store) GetIssue(id string) (Issue, error) {
	return getIssue(s.DB, id)
}

func getIssue(q querier, id string) (Issue, error) {
	var is Issue
	err := q.QueryRow(`SELECT id, title, issue, date, status FROM newsletters WHERE id = ?`, id).
		Scan(&is.ID, &is.Title, &is.Number, &is.Date, &is.Status)
	if err == sql.ErrNoRows {
		return Issue{}, notFound("newsletter issue", id)
	}
	if err != nil {
		return Issue{}, fmt.Errorf("reading newsletter issue %q: %w", id, err)
	}
	rows, err := q.Query(`SELECT heading, body, contributor, consent FROM newsletter_sections
		WHERE newsletter_id = ? ORDER BY position`, id)
	if err != nil {
		return Issue{}, fmt.Errorf("reading newsletter issue %q: %w", id, err)
	}
	for rows.Next() {
		var sec Section
		var consent int
		if err := rows.Scan(&sec.Heading, &sec.Body, &sec.Contributor, &consent); err != nil {
			rows.Close()
			return Issue{}, fmt.Errorf("reading newsletter issue %q: %w", id, err)
		}
		sec.Consent = consent != 0
		is.Sections = append(is.Sections, sec)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return Issue{}, fmt.Errorf("reading newsletter issue %q: %w", id, err)
	}
	if is.SentTo, err = strings1(q, `SELECT person_id FROM newsletter_sent_to WHERE newsletter_id = ? ORDER BY position, person_id`, id); err != nil {
		return Issue{}, fmt.Errorf("reading who newsletter issue %q went to: %w", id, err)
	}
	ticked, err := strings1(q, `SELECT item FROM newsletter_checklist WHERE newsletter_id = ?`, id)
	if err != nil {
		return Issue{}, fmt.Errorf("reading the checklist of newsletter issue %q: %w", id, err)
	}
	set := map[string]bool{}
	for _, t := range ticked {
		set[t] = true
	}
	is.Checklist = orderChecklist(set)
	return is, nil
}

// strings1 runs a query with one text column and returns its values.
func strings1(q querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, v)
	}
	err = rows.Err()
	rows.Close()
	return out, err
}

// DeleteIssue removes an issue with its sections, checklist and sent-to
// list. Letters logged when it was sent stay in the correspondence log.
func (s *Store) DeleteIssue(id string) error {
	res, err := s.DB.Exec(`DELETE FROM newsletters WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("deleting newsletter issue %q: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("newsletter issue", id)
	}
	return nil
}

// NextIssueNumber is one more than the highest issue number so far (1 for
// the first issue).
func (s *Store) NextIssueNumber() (int, error) { return nextIssueNumber(s.DB) }

func nextIssueNumber(q querier) (int, error) {
	var n int
	if err := q.QueryRow(`SELECT COALESCE(MAX(issue), 0) + 1 FROM newsletters`).Scan(&n); err != nil {
		return 0, fmt.Errorf("finding the next issue number: %w", err)
	}
	return n, nil
}

// An IssueSummary is one line of the list of issues.
type IssueSummary struct {
	ID       string
	Title    string
	Number   int
	Date     string
	Status   string
	Sections int // how many sections
	Words    int // WordCount of the issue
	Pages    int // PageEstimate of the issue
	SentTo   int // how many women it was posted to
}

// ListIssues lists every issue, newest first (highest number first).
func (s *Store) ListIssues() ([]IssueSummary, error) {
	rows, err := s.DB.Query(`SELECT n.id, n.title, n.issue, n.date, n.status,
			(SELECT COUNT(*) FROM newsletter_sent_to t WHERE t.newsletter_id = n.id)
		FROM newsletters n ORDER BY n.issue DESC, n.date DESC, n.id`)
	if err != nil {
		return nil, fmt.Errorf("listing newsletter issues: %w", err)
	}
	var out []IssueSummary
	for rows.Next() {
		var r IssueSummary
		if err := rows.Scan(&r.ID, &r.Title, &r.Number, &r.Date, &r.Status, &r.SentTo); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing newsletter issues: %w", err)
		}
		out = append(out, r)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("listing newsletter issues: %w", err)
	}
	// Sections of every issue, to count words and pages.
	secs := map[string]*Issue{}
	rows, err = s.DB.Query(`SELECT newsletter_id, heading, body, contributor FROM newsletter_sections ORDER BY newsletter_id, position`)
	if err != nil {
		return nil, fmt.Errorf("listing newsletter issues: %w", err)
	}
	for rows.Next() {
		var id string
		var sec Section
		if err := rows.Scan(&id, &sec.Heading, &sec.Body, &sec.Contributor); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing newsletter issues: %w", err)
		}
		if secs[id] == nil {
			secs[id] = &Issue{}
		}
		secs[id].Sections = append(secs[id].Sections, sec)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("listing newsletter issues: %w", err)
	}
	for i := range out {
		is := Issue{Title: out[i].Title}
		if s := secs[out[i].ID]; s != nil {
			is.Sections = s.Sections
		}
		out[i].Sections = len(is.Sections)
		out[i].Words = WordCount(is)
		out[i].Pages = PageEstimate(is)
	}
	return out, nil
}
