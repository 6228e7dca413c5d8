package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"inreach/schema"
)

// Markers around the matching words in Hit.Snippet. The UI shows the text
// between SnippetStart and SnippetEnd in bold; the command line uses
// RenderSnippet. Neither byte can occur in stored text (the domain packages
// accept no control characters other than line breaks and tabs).
const (
	SnippetStart = "\x01"
	SnippetEnd   = "\x02"
	// SnippetGap stands for text left out before or after the snippet.
	SnippetGap = "…"
)

// The kinds of search hit (Hit.Kind) and what Hit.Ref names for each.
const (
	KindPerson      = "person"       // Ref: the woman's id
	KindContact     = "contact"      // Ref: the contact (its place or logistics note matched)
	KindContactNote = "contact_note" // Ref: the contact; PersonID: the woman whose note matched
	KindDiary       = "diary"        // Ref: the diary entry
	KindSupervision = "supervision"  // Ref: the supervision session
	KindLetter      = "letter"       // Ref: the letter; PersonID: the woman
	KindNewsletter  = "newsletter"   // Ref: the newsletter issue
	KindAction      = "action"       // Ref: the action; PersonID: the woman, or ""
	KindEvent       = "event"        // Ref: the outcome event; PersonID: the woman
	KindAgency      = "agency"       // Ref: the agency in the directory
)

// A Hit is one record that matches a search.
type Hit struct {
	Kind     string `json:"kind"`      // one of the Kind constants
	Ref      string `json:"ref"`       // the record's id (see the Kind constants)
	PersonID string `json:"person_id"` // the woman the record is about, or ""
	Title    string `json:"title"`     // a short plain-English name for the record
	Date     string `json:"date"`      // the record's date (an action's due date), or ""
	// Snippet is a few words of the matching text with each matching word
	// between SnippetStart and SnippetEnd, and SnippetGap where text is cut.
	Snippet string `json:"snippet"`
}

// MaxSearchLimit is the most hits one call to Search returns.
const MaxSearchLimit = 500

// Search finds the records matching what the person typed (see MatchQuery
// for how the text is read), best first: bm25 ranking with a match in a
// title (a woman's name, pseudonym or prison number, a newsletter title, an
// agency name, diary tags, a supervisor) worth more than a match in a body.
// limit (1…MaxSearchLimit; 0 means 20) and offset page through the results.
// Text with nothing searchable gives no hits and no error.
func Search(ctx context.Context, db *sql.DB, query string, limit, offset int) ([]Hit, error) {
	if limit == 0 {
		limit = 20
	}
	if limit < 0 || limit > MaxSearchLimit {
		return nil, fmt.Errorf("limit: give a number of results from 1 to %d", MaxSearchLimit)
	}
	if offset < 0 {
		return nil, errors.New("offset: must not be negative")
	}
	match := MatchQuery(query)
	if match == "" {
		return nil, nil
	}
	// Rank first and make snippets only for the page shown.
	rows, err := db.QueryContext(ctx, `
		WITH page AS MATERIALIZED (
			SELECT rowid AS id, rank AS r FROM search_index
			WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3)
		SELECT s.kind, s.ref, s.person,
			snippet(search_index, -1, char(1), char(2), '…', 12)
		FROM page JOIN search_index s ON s.rowid = page.id
		WHERE search_index MATCH ?1
		ORDER BY page.r, page.id`, match, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("searching: %w", err)
	}
	var hits []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.Kind, &h.Ref, &h.PersonID, &h.Snippet); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading search results: %w", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("searching: %w", err)
	}
	rows.Close()
	for i := range hits {
		if err := describeHit(ctx, db, &hits[i]); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

// RenderSnippet replaces the snippet markers with open and close (for
// example "[" and "]", or terminal bold codes).
func RenderSnippet(snippet, open, close string) string {
	return strings.NewReplacer(SnippetStart, open, SnippetEnd, close).Replace(snippet)
}

// Reindex empties the search index and builds it again from every record,
// then merges the index into one segment. The triggers keep the index
// current, so this is needed only as a repair, or to make sure nothing of
// deleted records is left in it.
func Reindex(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("rebuilding the search index: %w", err)
	}
	if _, err := tx.ExecContext(ctx, schema.SearchRebuildSQL); err != nil {
		tx.Rollback()
		return fmt.Errorf("rebuilding the search index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("rebuilding the search index: %w", err)
	}
	return nil
}

// describeHit fills in the hit's plain-English title and date.
func describeHit(ctx context.Context, db *sql.DB, h *Hit) error {
	var q string
	switch h.Kind {
	case KindPerson:
		q = `SELECT name, pseudonym, '', '', coalesce(referral_date, '') FROM people WHERE id = ?1`
	case KindContact:
		q = `SELECT c.kind, coalesce(e.name, c.place), '', '', c.date FROM contacts c
			LEFT JOIN establishments e ON e.id = c.establishment_id WHERE c.id = ?1`
	case KindContactNote:
		q = `SELECT c.kind, coalesce(e.name, c.place), coalesce(p.name, ''), '', c.date FROM contacts c
			LEFT JOIN establishments e ON e.id = c.establishment_id
			LEFT JOIN people p ON p.id = ?2 WHERE c.id = ?1`
	case KindDiary:
		q = `SELECT template, '', '', '', date FROM diary WHERE id = ?1`
	case KindSupervision:
		q = `SELECT supervisor, '', '', '', date FROM supervision WHERE id = ?1`
	case KindLetter:
		q = `SELECT l.direction, l.channel, coalesce(p.name, ''), '', l.date FROM letters l
			LEFT JOIN people p ON p.id = l.person_id WHERE l.id = ?1`
	case KindNewsletter:
		q = `SELECT title, CAST(issue AS TEXT), '', '', date FROM newsletters WHERE id = ?1`
	case KindAction:
		q = `SELECT coalesce(p.name, ''), '', '', '', coalesce(a.due, '') FROM actions a
			LEFT JOIN people p ON p.id = a.person_id WHERE a.id = ?1`
	case KindEvent:
		q = `SELECT v.kind, coalesce(p.name, ''), '', '', v.date FROM events v
			LEFT JOIN people p ON p.id = v.person_id WHERE v.id = ?1`
	case KindAgency:
		q = `SELECT name, category, '', '', '' FROM agencies WHERE id = ?1`
	default:
		h.Title = h.Kind
		return nil
	}
	var a, b, c, d string
	err := db.QueryRowContext(ctx, q, h.Ref, h.PersonID).Scan(&a, &b, &c, &d, &h.Date)
	if errors.Is(err, sql.ErrNoRows) {
		h.Title = "(record no longer exists)"
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading search result %s %s: %w", h.Kind, h.Ref, err)
	}
	h.Title = hitTitle(h.Kind, a, b, c, h.Date)
	return nil
}

// hitTitle words the title of a hit from the fields describeHit read.
func hitTitle(kind, a, b, c, date string) string {
	join := func(parts ...string) string {
		var keep []string
		for _, p := range parts {
			if p != "" {
				keep = append(keep, p)
			}
		}
		return strings.Join(keep, ", ")
	}
	switch kind {
	case KindPerson:
		if b != "" {
			return a + " (" + b + ")"
		}
		return a
	case KindContact:
		return join(schema.ContactKind.Label(a), b, date)
	case KindContactNote:
		return join(c, schema.ContactKind.Label(a), b, date)
	case KindDiary:
		return join("Diary entry", date)
	case KindSupervision:
		if a != "" {
			return join("Supervision with "+a, date)
		}
		return join("Supervision", date)
	case KindLetter:
		ch := schema.LetterChannel.Label(b)
		if b == "phone" {
			ch = "Phone call"
		}
		if a == "in" {
			return join(ch+" from "+orSomeone(c), date)
		}
		return join(ch+" to "+orSomeone(c), date)
	case KindNewsletter:
		t := a
		if t == "" {
			t = "Newsletter"
		}
		if b != "" && b != "0" {
			t += " (issue " + b + ")"
		}
		return join(t, date)
	case KindAction:
		if a != "" {
			return join("Action for "+a, dueText(date))
		}
		return join("Action", dueText(date))
	case KindEvent:
		return join(schema.EventKind.Label(a)+": "+orSomeone(b), date)
	case KindAgency:
		return a
	}
	return kind
}

func orSomeone(name string) string {
	if name == "" {
		return "(unknown)"
	}
	return name
}

func dueText(date string) string {
	if date == "" {
		return ""
	}
	return "due " + date
}
