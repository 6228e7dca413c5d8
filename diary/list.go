package diary

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"inreach/schema"
)

// A Filter narrows List. Every field is optional ("" means any).
type Filter struct {
	// From and To bound the entry date, inclusive.
	From, To string
	// Status is one diary status.
	Status string
	// Tag is one tag (matched after the same tidying Save does).
	Tag string
	// Text is looked for, ignoring case (for ASCII letters), in every
	// section of the entry and in its tags.
	Text string
	// ContactID keeps entries linked to that contact.
	ContactID string
	// Limit caps the number of entries returned (0 = no limit).
	Limit int
}

// A Summary is one line of the diary list.
type Summary struct {
	ID        string
	Date      string
	ContactID string
	Template  string
	Status    string
	Tags      []string
	// Summary is the start of the first section that has text, on one
	// line, at most about 140 characters.
	Summary string
}

// SummaryLength is the most characters a Summary.Summary holds.
const SummaryLength = 140

// List returns the entries matching f, newest first (by date, then id).
func (s *Store) List(f Filter) ([]Summary, error) {
	var c schema.Checker
	c.Date("From", strings.TrimSpace(f.From), false)
	c.Date("To", strings.TrimSpace(f.To), false)
	if v := strings.TrimSpace(f.Status); v != "" && !schema.DiaryStatus.Valid(v) {
		c.Add("Status", "Choose a status: %s.", strings.Join(schema.DiaryStatus.LabelList(), ", "))
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	where := []string{"1=1"}
	var args []any
	if v := strings.TrimSpace(f.From); v != "" {
		where = append(where, "d.date >= ?")
		args = append(args, v)
	}
	if v := strings.TrimSpace(f.To); v != "" {
		where = append(where, "d.date <= ?")
		args = append(args, v)
	}
	if v := strings.TrimSpace(f.Status); v != "" {
		where = append(where, "d.status = ?")
		args = append(args, v)
	}
	if tags := NormaliseTags([]string{f.Tag}); len(tags) == 1 {
		where = append(where, "EXISTS (SELECT 1 FROM diary_tags t WHERE t.diary_id = d.id AND t.tag = ?)")
		args = append(args, tags[0])
	}
	if v := strings.TrimSpace(f.Text); v != "" {
		pat := "%" + likeEscape(v) + "%"
		where = append(where, `(EXISTS (SELECT 1 FROM diary_sections s WHERE s.diary_id = d.id AND s.body LIKE ? ESCAPE '\')
			OR EXISTS (SELECT 1 FROM diary_tags t WHERE t.diary_id = d.id AND t.tag LIKE ? ESCAPE '\'))`)
		args = append(args, pat, pat)
	}
	if v := strings.TrimSpace(f.ContactID); v != "" {
		where = append(where, "d.contact_id = ?")
		args = append(args, v)
	}
	q := `SELECT d.id, d.date, COALESCE(d.contact_id, ''), d.template, d.status,
		COALESCE((SELECT group_concat(t.tag, char(31) ORDER BY t.position, t.tag) FROM diary_tags t WHERE t.diary_id = d.id), ''),
		COALESCE((SELECT substr(s.body, 1, 600) FROM diary_sections s WHERE s.diary_id = d.id AND trim(s.body) <> ''
			ORDER BY s.position LIMIT 1), '')
		FROM diary d WHERE ` + strings.Join(where, " AND ") + ` ORDER BY d.date DESC, d.id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.DB.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing diary entries: %w", err)
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var sm Summary
		var tags, first string
		if err := rows.Scan(&sm.ID, &sm.Date, &sm.ContactID, &sm.Template, &sm.Status, &tags, &first); err != nil {
			return nil, fmt.Errorf("listing diary entries: %w", err)
		}
		if tags != "" {
			sm.Tags = strings.Split(tags, "\x1f")
		}
		sm.Summary = Shorten(first, SummaryLength)
		out = append(out, sm)
	}
	return out, rows.Err()
}

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// Shorten puts text on one line and cuts it to at most n characters at a
// word boundary, adding "…" when something was cut.
func Shorten(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)[:n]
	cut := string(r)
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.-") + "…"
}
