package diary

import (
	"fmt"
	"inreach/schema"
	"sort"
	"strings"
)

// A LearningItem is what the practitioner took forward from one entry: the
// Learning section of a visit reflection or the Action plan of a Gibbs
// entry.
type LearningItem struct {
	DiaryID  string
	Date     string
	Template string
	// Section is the section key ("learning" or "action_plan") and
	// Heading its heading.
	Section, Heading string
	Text             string
	Tags             []string
}

// Learning gathers the learning and action-plan sections written in
// [from, to] ("" leaves an end open), newest first, leaving out empty ones.
// A non-empty tag keeps only entries with that tag.
func (s *Store) Learning(from, to, tag string) ([]LearningItem, error) {
	var c schema.Checker
	c.Date("From", strings.TrimSpace(from), false)
	c.Date("To", strings.TrimSpace(to), false)
	if err := c.Err(); err != nil {
		return nil, err
	}
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	args := []any{from, from, to, to}
	q := `SELECT d.id, d.date, d.template, s.key, s.body,
		COALESCE((SELECT group_concat(t.tag, char(31) ORDER BY t.position, t.tag) FROM diary_tags t WHERE t.diary_id = d.id), '')
		FROM diary d JOIN diary_sections s ON s.diary_id = d.id
		WHERE ((d.template = 'visit_reflection' AND s.key = 'learning') OR (d.template = 'gibbs' AND s.key = 'action_plan'))
		  AND trim(s.body) <> ''
		  AND (? = '' OR d.date >= ?) AND (? = '' OR d.date <= ?)`
	if tags := NormaliseTags([]string{tag}); len(tags) == 1 {
		q += ` AND EXISTS (SELECT 1 FROM diary_tags t WHERE t.diary_id = d.id AND t.tag = ?)`
		args = append(args, tags[0])
	}
	q += ` ORDER BY d.date DESC, d.id DESC`
	rows, err := s.DB.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("gathering learning: %w", err)
	}
	defer rows.Close()
	var out []LearningItem
	for rows.Next() {
		var it LearningItem
		var tags string
		if err := rows.Scan(&it.DiaryID, &it.Date, &it.Template, &it.Section, &it.Text, &tags); err != nil {
			return nil, fmt.Errorf("gathering learning: %w", err)
		}
		if t, ok := TemplateByKey(it.Template); ok {
			it.Heading = t.Heading(it.Section)
		}
		if tags != "" {
			it.Tags = strings.Split(tags, "\x1f")
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// A TagCount is how many entries carry one tag.
type TagCount struct {
	Tag   string
	Count int
}

// TagCounts counts the tags of the entries dated in [from, to] ("" leaves
// an end open), most used first, then alphabetically.
func (s *Store) TagCounts(from, to string) ([]TagCount, error) {
	var c schema.Checker
	c.Date("From", strings.TrimSpace(from), false)
	c.Date("To", strings.TrimSpace(to), false)
	if err := c.Err(); err != nil {
		return nil, err
	}
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	rows, err := s.DB.Query(`SELECT t.tag, count(*) FROM diary_tags t JOIN diary d ON d.id = t.diary_id
		WHERE (? = '' OR d.date >= ?) AND (? = '' OR d.date <= ?) GROUP BY t.tag`, from, from, to, to)
	if err != nil {
		return nil, fmt.Errorf("counting tags: %w", err)
	}
	defer rows.Close()
	var out []TagCount
	for rows.Next() {
		var tc TagCount
		if err := rows.Scan(&tc.Tag, &tc.Count); err != nil {
			return nil, fmt.Errorf("counting tags: %w", err)
		}
		out = append(out, tc)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Tag < out[j].Tag
	})
	return out, nil
}
