package newsletter

import (
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// LetterFilter chooses letters for ListLetters. Zero values mean "any".
type LetterFilter struct {
	PersonID  string
	From, To  string // inclusive dates, or ""
	Direction string // "in", "out" or ""
	// AwaitingReply keeps only letters that are awaiting a reply, by the
	// rule of AwaitingReply.
	AwaitingReply bool
}

// A LetterRow is a letter with the name of the woman it is to or from.
type LetterRow struct {
	Letter
	PersonName string
}

// notMailing is an SQL condition true when outgoing letter o is a real
// reply rather than a newsletter mailing recorded by MarkSent (summary
// "Newsletter issue …" with "newsletter" as its only enclosure). A
// newsletter posted to everyone does not answer her letter.
const notMailing = `NOT (o.summary LIKE 'Newsletter issue %'
	AND (SELECT COUNT(*) FROM letter_enclosures e WHERE e.letter_id = o.id) = 1
	AND EXISTS (SELECT 1 FROM letter_enclosures e WHERE e.letter_id = o.id AND e.item = 'newsletter'))`

// awaitingCond is an SQL condition on letter l: it came in, a reply is
// due, and no reply has gone to her since (an outgoing letter, email or
// call dated on or after the day her letter is dated, other than a
// newsletter mailing).
const awaitingCond = `l.direction = 'in' AND l.reply_due IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM letters o WHERE o.person_id = l.person_id
		AND o.direction = 'out' AND o.date >= l.date AND ` + notMailing + `)`

// ListLetters returns the letters matching f, newest first (by date, then
// id), each with her name.
func (s *Store) ListLetters(f LetterFilter) ([]LetterRow, error) {
	var c schema.Checker
	c.Date("From", f.From, false)
	c.Date("To", f.To, false)
	if f.Direction != "" {
		c.Enum("Direction", schema.LetterDirection, f.Direction)
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	if f.PersonID != "" {
		where = append(where, "l.person_id = ?")
		args = append(args, f.PersonID)
	}
	if f.From != "" {
		where = append(where, "l.date >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		where = append(where, "l.date <= ?")
		args = append(args, f.To)
	}
	if f.Direction != "" {
		where = append(where, "l.direction = ?")
		args = append(args, f.Direction)
	}
	if f.AwaitingReply {
		where = append(where, awaitingCond)
	}
	q := `SELECT l.id, l.person_id, l.date, l.direction, l.channel, l.summary, l.reply_due, p.name
		FROM letters l JOIN people p ON p.id = l.person_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY l.date DESC, l.id DESC"
	return s.letterRows(q, args...)
}

// letterRows runs q (which selects the columns of ListLetters), then reads
// the enclosures of every letter found.
func (s *Store) letterRows(q string, args ...any) ([]LetterRow, error) {
	rows, err := s.DB.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing letters: %w", err)
	}
	var out []LetterRow
	var ids []string
	for rows.Next() {
		var r LetterRow
		var due sql.NullString
		if err := rows.Scan(&r.ID, &r.PersonID, &r.Date, &r.Direction, &r.Channel, &r.Summary, &due, &r.PersonName); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing letters: %w", err)
		}
		r.ReplyDue = due.String
		out = append(out, r)
		ids = append(ids, r.ID)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("listing letters: %w", err)
	}
	encl, err := enclosures(s.DB, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Enclosures = encl[out[i].ID]
	}
	return out, nil
}

// An Awaiting is a letter from a woman that still needs a reply.
type Awaiting struct {
	LetterRow
	// Overdue is true when the reply was due before today.
	Overdue bool
	// DaysLeft is the number of days from today to the due date: 0 when it
	// is due today, negative when overdue.
	DaysLeft int
}

// AwaitingReply lists the letters still awaiting a reply on the day today
// ("YYYY-MM-DD"), soonest due first (so the most overdue come first).
//
// The rule: an incoming letter (letter, email or call) with a reply-due
// date is awaiting a reply until an outgoing letter, email or call to the
// same woman is logged dated on or after the day her letter is dated.
// Newsletter mailings recorded by MarkSent do not count as replies.
func (s *Store) AwaitingReply(today string) ([]Awaiting, error) {
	t, err := schema.ParseDate(today)
	if err != nil {
		return nil, ValidationError{{Field: "today", Message: "Write the date as YYYY-MM-DD, for example 2025-07-04."}}
	}
	rows, err := s.letterRows(`SELECT l.id, l.person_id, l.date, l.direction, l.channel, l.summary, l.reply_due, p.name
		FROM letters l JOIN people p ON p.id = l.person_id
		WHERE ` + awaitingCond + `
		ORDER BY l.reply_due, l.date, l.id`)
	if err != nil {
		return nil, err
	}
	out := make([]Awaiting, len(rows))
	for i, r := range rows {
		due, err := schema.ParseDate(r.ReplyDue)
		days := 0
		if err == nil {
			days = int(due.Sub(t).Hours() / 24)
		}
		out[i] = Awaiting{LetterRow: r, Overdue: r.ReplyDue < today, DaysLeft: days}
	}
	return out, nil
}
