package report

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"inreach/schema"
)

// A BreakdownRow is one record behind a monitoring figure, so that a
// manager can check the figure. Women are shown by pseudonym (or initials
// when she has none) with their id, never by name.
type BreakdownRow struct {
	Kind     string `json:"kind"`      // "person", "contact", "event", "letter" or "diary"
	ID       string `json:"id"`        // the record's id (the woman's id for "person")
	PersonID string `json:"person_id"` // the woman, or ""
	Label    string `json:"label"`     // her pseudonym or initials, or the record's name
	Date     string `json:"date"`      // the date that put it in the period, or ""
	Detail   string `json:"detail"`    // plain words on why it counts
	Count    int    `json:"count"`     // what it adds to the figure; the counts add up to it
}

// breakdown describes the query behind one figure. The query gives: id,
// person_id, date, a text and a number for the detail, and the count; ?1 and
// ?2 are from and to, ?3 is the area, item or month of a keyed figure.
type breakdown struct {
	kind   string
	sql    string
	detail func(text string, n int) string
}

func seenAt(what string) func(string, int) string {
	return func(_ string, n int) string { return fmt.Sprintf("seen at %d %s", n, plural(n, what)) }
}

func plural(n int, what string) string {
	if n == 1 {
		return what
	}
	return what + "s"
}

var breakdowns = map[string]breakdown{
	"women_supported": {"person", `SELECT cp.person_id, cp.person_id, max(c.date), '', count(*), 1 FROM ` + periodRows + `
		GROUP BY cp.person_id`, func(_ string, n int) string { return fmt.Sprintf("at %d %s", n, plural(n, "contact")) }},
	"women_engaged": {"person", `SELECT cp.person_id, cp.person_id, max(c.date), '', count(*), 1 FROM ` + periodRows + `
		AND cp.seen = 1 AND NOT ` + referredOnInPeriod + ` GROUP BY cp.person_id`, seenAt("contact")},
	"women_referred_on": {"person", `SELECT person_id, person_id, min(date), '', count(*), 1 FROM events
		WHERE kind = 'referred_on' AND date BETWEEN ?1 AND ?2 GROUP BY person_id`,
		func(string, int) string { return "referred on to another service" }},
	"new_referrals": {"person", `SELECT id, id, referral_date, referral, 0, 1 FROM people
		WHERE referral_date BETWEEN ?1 AND ?2`,
		func(t string, _ int) string { return "referral: " + schema.Referral.Label(t) }},
	"prison_visits": {"contact", `SELECT c.id, '', c.date, coalesce(e.name, c.place),
		(SELECT count(*) FROM contact_people x WHERE x.contact_id = c.id AND x.seen = 1), 1
		FROM contacts c LEFT JOIN establishments e ON e.id = c.establishment_id
		WHERE c.kind = 'prison_visit' AND c.date BETWEEN ?1 AND ?2`,
		func(place string, n int) string {
			return strings.TrimPrefix(place+fmt.Sprintf(", %d %s seen", n, plural(n, "woman")), ", ")
		}},
	"women_visited_in_prison": {"person", `SELECT cp.person_id, cp.person_id, max(c.date), '', count(*), 1 FROM ` + periodRows + `
		AND c.kind = 'prison_visit' AND cp.seen = 1 GROUP BY cp.person_id`, seenAt("prison visit")},
	"one_to_ones": {"person", `SELECT cp.person_id, cp.person_id, max(c.date), '', count(*), count(*) FROM ` + periodRows + `
		AND c.kind = 'prison_visit' AND cp.seen = 1 GROUP BY cp.person_id`, seenAt("prison visit")},
	"releases": {"event", `SELECT id, person_id, date, '', 0, 1 FROM events
		WHERE kind = 'released' AND date BETWEEN ?1 AND ?2`,
		func(string, int) string { return "released" }},
	"women_released": {"person", `SELECT person_id, person_id, min(date), '', count(*), 1 FROM events
		WHERE kind = 'released' AND date BETWEEN ?1 AND ?2 GROUP BY person_id`,
		func(_ string, n int) string { return fmt.Sprintf("released %d %s in the period", n, plural(n, "time")) }},
	"release_day_support": {"person", `SELECT cp.person_id, cp.person_id, min(c.date), '', count(*), 1 FROM ` + periodRows + `
		AND c.kind = 'release_day' GROUP BY cp.person_id`,
		func(_ string, n int) string { return fmt.Sprintf("%d release-day %s", n, plural(n, "contact")) }},
	"court_accompaniments": {"contact", `SELECT c.id, '', c.date, coalesce(e.name, c.place),
		(SELECT count(*) FROM contact_people x WHERE x.contact_id = c.id), 1
		FROM contacts c LEFT JOIN establishments e ON e.id = c.establishment_id
		WHERE c.kind = 'court' AND c.date BETWEEN ?1 AND ?2`,
		func(place string, n int) string {
			return strings.TrimPrefix(place+fmt.Sprintf(", %d %s", n, plural(n, "woman")), ", ")
		}},
	"not_reoffended": {"person", `SELECT fr.person_id, fr.person_id, fr.released, ?2, 0, 1 FROM (` + firstReleases + `) fr
		WHERE NOT ` + reoffendedAfter,
		func(to string, _ int) string {
			return "released; no reoffending, recall or new sentence recorded up to " + to
		}},
	"letters_in": {"letter", `SELECT id, person_id, date, channel, 0, 1 FROM letters
		WHERE direction = 'in' AND date BETWEEN ?1 AND ?2`,
		func(ch string, _ int) string { return schema.LetterChannel.Label(ch) + " received" }},
	"letters_out": {"letter", `SELECT id, person_id, date, channel, 0, 1 FROM letters
		WHERE direction = 'out' AND date BETWEEN ?1 AND ?2`,
		func(ch string, _ int) string { return schema.LetterChannel.Label(ch) + " sent" }},
	"diary_entries": {"diary", `SELECT id, '', date, template, 0, 1 FROM diary WHERE date BETWEEN ?1 AND ?2`,
		func(t string, _ int) string { return schema.DiaryTemplate.Label(t) }},
	"needs_by_area": {"person", `SELECT n.person_id, n.person_id, '', n.status, 0, 1 FROM person_needs n
		WHERE n.area = ?3 AND n.status IN ('open', 'in_progress') AND n.person_id IN (` + supportedPeople + `)`,
		func(st string, _ int) string { return "need " + strings.ToLower(schema.NeedStatus.Label(st)) }},
	"items_provided": {"contact", `SELECT c.id, i.person_id, c.date, c.kind, i.quantity, i.quantity FROM contact_items i
		JOIN contacts c ON c.id = i.contact_id WHERE i.item = ?3 AND c.date BETWEEN ?1 AND ?2`,
		func(kind string, n int) string {
			return fmt.Sprintf("%d given at a %s", n, strings.ToLower(schema.ContactKind.Label(kind)))
		}},
	"contacts_per_month": {"contact", `SELECT c.id, '', c.date, c.kind,
		(SELECT count(*) FROM contact_people x WHERE x.contact_id = c.id), 1 FROM contacts c
		WHERE c.date BETWEEN ?1 AND ?2 AND substr(c.date, 1, 7) = ?3`,
		func(kind string, n int) string {
			return fmt.Sprintf("%s, %d %s", schema.ContactKind.Label(kind), n, plural(n, "woman"))
		}},
}

// Breakdown lists the records behind one monitoring figure for the period
// [from, to]: key is a FigureList key, or "needs_by_area.<area>",
// "items_provided.<item>" or "contacts_per_month.<YYYY-MM>", or the key of
// an outcome line (OutcomeLines: "release_journey.released",
// "ethnicity.white", "distance_travelled.wellbeing.improved" …; an average
// change is broken down into the women it is the average of). The Count of
// the rows adds up to the figure. Rows about women come in pseudonym order,
// others in date order.
func Breakdown(ctx context.Context, db *sql.DB, from, to, key string) ([]BreakdownRow, error) {
	if err := checkPeriod(from, to); err != nil {
		return nil, err
	}
	if isOutcomeKey(key) {
		return outcomeBreakdown(ctx, db, from, to, key)
	}
	base, sub, _ := strings.Cut(key, ".")
	b, ok := breakdowns[base]
	switch {
	case !ok:
		return nil, fmt.Errorf("figure: %q is not a monitoring figure", key)
	case base == "needs_by_area" && !schema.NeedArea.Valid(sub):
		return nil, fmt.Errorf("figure: %q names no need area (use needs_by_area.housing and so on)", key)
	case base == "items_provided" && !schema.Item.Valid(sub):
		return nil, fmt.Errorf("figure: %q names no item (use items_provided.stamps and so on)", key)
	case base == "contacts_per_month" && (len(sub) != 7 || !schema.ValidDate(sub+"-01")):
		return nil, fmt.Errorf("figure: %q names no month (use contacts_per_month.2025-07)", key)
	case sub != "" && base != "needs_by_area" && base != "items_provided" && base != "contacts_per_month":
		return nil, fmt.Errorf("figure: %q is not a monitoring figure", key)
	case sub == "" && (base == "needs_by_area" || base == "items_provided" || base == "contacts_per_month"):
		return nil, fmt.Errorf("figure: say which part of %s, for example %s", base, map[string]string{
			"needs_by_area": "needs_by_area.housing", "items_provided": "items_provided.stamps",
			"contacts_per_month": "contacts_per_month." + from[:7]}[base])
	}
	args := []any{from, to}
	if strings.Contains(b.sql, "?3") {
		args = append(args, sub)
	}
	rows, err := db.QueryContext(ctx, `WITH q(id, person_id, date, text, n, cnt) AS (`+b.sql+`)
		SELECT q.*, coalesce(p.name, ''), coalesce(p.pseudonym, '') FROM q LEFT JOIN people p ON p.id = q.person_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("listing the records behind %s: %w", key, err)
	}
	var out []BreakdownRow
	for rows.Next() {
		var r BreakdownRow
		var text, name, pseudonym string
		var date sql.NullString
		var n int
		if err := rows.Scan(&r.ID, &r.PersonID, &date, &text, &n, &r.Count, &name, &pseudonym); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing the records behind %s: %w", key, err)
		}
		r.Kind = b.kind
		r.Date = date.String
		r.Detail = b.detail(text, n)
		switch {
		case r.PersonID != "":
			r.Label = WomanLabel(name, pseudonym)
		case b.kind == "contact":
			r.Label = "Contact"
		case b.kind == "diary":
			r.Label = "Diary entry"
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("listing the records behind %s: %w", key, err)
	}
	rows.Close()
	sortBreakdown(out)
	return out, nil
}

// sortBreakdown orders women by label then id, other records by date then id.
func sortBreakdown(rows []BreakdownRow) {
	less := func(a, b BreakdownRow) bool {
		if a.Kind == "person" {
			la, lb := strings.ToLower(a.Label), strings.ToLower(b.Label)
			if la != lb {
				return la < lb
			}
			return a.ID < b.ID
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.PersonID < b.PersonID
	}
	sort.Slice(rows, func(i, j int) bool { return less(rows[i], rows[j]) })
}

// WomanLabel is how a woman is shown where her name must not be: her
// pseudonym, or else her initials ("Ann Marie Smith" → "A. M. S.").
func WomanLabel(name, pseudonym string) string {
	if p := strings.TrimSpace(pseudonym); p != "" {
		return p
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		for _, r := range w {
			if unicode.IsLetter(r) {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteRune(unicode.ToUpper(r))
				b.WriteByte('.')
				break
			}
		}
	}
	if b.Len() == 0 {
		return "(no name)"
	}
	return b.String()
}
