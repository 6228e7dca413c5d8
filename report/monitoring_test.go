package report

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

// The period of the hand-built monitoring dataset: April to June 2025.
const mFrom, mTo = "2025-04-01", "2025-06-30"

// monitoringData builds a small dataset whose figures for mFrom…mTo are
// worked out by hand in TestMonitoringFiguresOnAHandBuiltDataset.
//
// Women:
//
//	p1 Ann Smith (Rose)   referred 2025-04-01 (first day: new referral)
//	                      needs: housing open, substance_use met, mental_health in_progress
//	p2 Bea Jones (Lily)   referred 2025-03-31 (day before: not new)
//	                      needs: housing in_progress
//	p3 Cara Brown (Ivy)   referred 2025-06-30 (last day: new referral)
//	                      needs: benefits_debt open
//	p4 Dee White (Fern)   referred 2025-07-01 (day after: not new); only seen
//	                      outside the period; needs: housing open (not counted)
//	p5 Eve Green (Moss)   referred on in the period; needs: children_family declined
//	p6 Fay Black (none)   never seen (refused, then missed on release day)
//
// Contacts:
//
//	c1 2025-04-10 prison_visit  p1 seen (stamps 6), p2 seen, p6 not seen (refused)
//	c2 2025-05-15 prison_visit  p1 seen (stamps 4, writing_materials 2), p5 seen
//	c3 2025-06-30 prison_visit  p3 not seen (not escorted)   [last day]
//	c4 2025-03-31 prison_visit  p4 seen (stamps 100)          [day before]
//	c5 2025-05-20 release_day   p2 seen (travel 1, clothes 3)
//	c6 2025-06-01 court         p3 seen
//	c7 2025-07-01 court         p4 seen                       [day after]
//	c8 2025-04-01 phone         p2 seen                       [first day]
//	c9 2025-06-15 release_day   p6 not seen
//	c10 2025-05-01 agency_liaison with no women
//
// Events:
//
//	p2 released 2025-04-01 [first day], released again 2025-06-10,
//	   referred_on 2025-07-02 [after the period]
//	p1 sentenced 2025-06-30 and released 2025-06-30 [last day, same day],
//	   recalled 2025-07-05 [after the period]
//	p3 recalled 2025-05-01 [before her release], released 2025-05-10
//	p6 released 2025-04-20, reoffended 2025-05-02
//	p5 referred_on 2025-05-20
//	p4 released 2025-03-31 [day before]
//
// Letters: p1 in 2025-04-01, p1 out 2025-06-30, p2 out (email) 2025-05-05,
// p2 in 2025-07-01 [after].
// Diary: 2025-04-10, 2025-06-30, 2025-03-31 [before].
func monitoringData(t *testing.T, db *sql.DB) {
	t.Helper()
	exec(t, db,
		`INSERT INTO establishments(id, name) VALUES ('e1', 'HMP Eastwood Park')`,
		`INSERT INTO people(id, name, pseudonym, referral_date) VALUES
			('p1', 'Ann Smith', 'Rose', '2025-04-01'),
			('p2', 'Bea Jones', 'Lily', '2025-03-31'),
			('p3', 'Cara Brown', 'Ivy', '2025-06-30'),
			('p4', 'Dee White', 'Fern', '2025-07-01'),
			('p5', 'Eve Green', 'Moss', '2025-02-01'),
			('p6', 'Fay Black', '', NULL)`,
		`INSERT INTO person_needs(person_id, area, status) VALUES
			('p1', 'housing', 'open'), ('p1', 'substance_use', 'met'), ('p1', 'mental_health', 'in_progress'),
			('p2', 'housing', 'in_progress'),
			('p3', 'benefits_debt', 'open'),
			('p4', 'housing', 'open'),
			('p5', 'children_family', 'declined')`,
		`INSERT INTO contacts(id, date, kind, establishment_id) VALUES
			('c1', '2025-04-10', 'prison_visit', 'e1'),
			('c2', '2025-05-15', 'prison_visit', 'e1'),
			('c3', '2025-06-30', 'prison_visit', 'e1'),
			('c4', '2025-03-31', 'prison_visit', 'e1'),
			('c5', '2025-05-20', 'release_day', NULL),
			('c6', '2025-06-01', 'court', NULL),
			('c7', '2025-07-01', 'court', NULL),
			('c8', '2025-04-01', 'phone', NULL),
			('c9', '2025-06-15', 'release_day', NULL),
			('c10', '2025-05-01', 'agency_liaison', NULL)`,
		`INSERT INTO contact_people(contact_id, person_id, seen, not_seen_reason) VALUES
			('c1', 'p1', 1, ''), ('c1', 'p2', 1, ''), ('c1', 'p6', 0, 'refused'),
			('c2', 'p1', 1, ''), ('c2', 'p5', 1, ''),
			('c3', 'p3', 0, 'not_escorted'),
			('c4', 'p4', 1, ''),
			('c5', 'p2', 1, ''),
			('c6', 'p3', 1, ''),
			('c7', 'p4', 1, ''),
			('c8', 'p2', 1, ''),
			('c9', 'p6', 0, 'other')`,
		`INSERT INTO contact_items(contact_id, person_id, item, quantity) VALUES
			('c1', 'p1', 'stamps', 6),
			('c2', 'p1', 'stamps', 4), ('c2', 'p1', 'writing_materials', 2),
			('c4', 'p4', 'stamps', 100),
			('c5', 'p2', 'travel', 1), ('c5', 'p2', 'clothes', 3)`,
		`INSERT INTO events(id, person_id, date, kind) VALUES
			('v1', 'p2', '2025-04-01', 'released'),
			('v2', 'p2', '2025-06-10', 'released'),
			('v3', 'p2', '2025-07-02', 'referred_on'),
			('v4', 'p1', '2025-06-30', 'sentenced'),
			('v5', 'p1', '2025-06-30', 'released'),
			('v6', 'p1', '2025-07-05', 'recalled'),
			('v7', 'p3', '2025-05-01', 'recalled'),
			('v8', 'p3', '2025-05-10', 'released'),
			('v9', 'p6', '2025-04-20', 'released'),
			('v10', 'p6', '2025-05-02', 'reoffended'),
			('v11', 'p5', '2025-05-20', 'referred_on'),
			('v12', 'p4', '2025-03-31', 'released')`,
		`INSERT INTO letters(id, person_id, date, direction, channel) VALUES
			('l1', 'p1', '2025-04-01', 'in', 'letter'),
			('l2', 'p1', '2025-06-30', 'out', 'letter'),
			('l3', 'p2', '2025-05-05', 'out', 'email'),
			('l4', 'p2', '2025-07-01', 'in', 'letter')`,
		`INSERT INTO diary(id, date) VALUES ('d1', '2025-04-10'), ('d2', '2025-06-30'), ('d3', '2025-03-31')`,
	)
}

// The right answers, worked out by hand from monitoringData.
var wantFigures = map[string]int{
	// contacts in the period reach p1, p2, p3, p5, p6 (p4 only before/after)
	"women_supported": 5,
	// seen at least once: p1, p2, p3, p5; p5 was referred on in the period;
	// p6 was never seen; p2's referral on after the period does not count
	"women_engaged": 3,
	// p5 (p2's is after the period)
	"women_referred_on": 1,
	// p1 (first day) and p3 (last day); not p2 (day before), p4 (day after)
	"new_referrals": 2,
	// c1, c2, c3 (last day, nobody seen); not c4 (day before)
	"prison_visits": 3,
	// seen at a prison visit: p1 (twice: counts once), p2, p5
	"women_visited_in_prison": 3,
	// seen rows at prison visits: c1 p1, c1 p2, c2 p1, c2 p5
	"one_to_ones": 4,
	// v1, v2, v5, v8, v9 (v12 is the day before)
	"releases": 5,
	// p1, p2, p3, p6
	"women_released": 4,
	// p2 (c5, seen) and p6 (c9, at the contact though not seen)
	"release_day_support": 2,
	// c6 (c7 is the day after)
	"court_accompaniments": 1,
	// p1 (sentenced the same day is not after; recall after `to`), p2,
	// p3 (recall before her release); not p6 (reoffended after release)
	"not_reoffended": 3,
	"letters_in":     1, // l1 (l4 is after)
	"letters_out":    2, // l2, l3
	"diary_entries":  2, // d1, d2 (d3 is before)
}

// women supported: p1 housing open + mental_health in_progress (substance
// use met), p2 housing in_progress, p3 benefits_debt open, p5 declined,
// p6 none; p4's open housing need is not counted (not supported).
var wantNeeds = map[string]int{"housing": 2, "mental_health": 1, "benefits_debt": 1}

// c1 + c2 stamps 6 + 4; c4's 100 stamps are before the period.
var wantItems = map[string]int{"stamps": 10, "writing_materials": 2, "travel": 1, "clothes": 3}

func TestMonitoringFiguresOnAHandBuiltDataset(t *testing.T) {
	db := newDB(t)
	monitoringData(t, db)
	f, err := Monitoring(ctx, db, mFrom, mTo)
	require.NoError(t, err)
	for _, k := range FigureList {
		got, ok := f.Value(k.Key)
		require.True(t, ok, k.Key)
		require.Equal(t, wantFigures[k.Key], got, k.Key)
	}
	require.Len(t, wantFigures, len(FigureList), "every figure has a worked answer")
	for _, a := range schema.NeedArea.Values {
		require.Equal(t, wantNeeds[a], f.NeedsByArea[a], "needs_by_area."+a)
	}
	for _, it := range schema.Item.Values {
		require.Equal(t, wantItems[it], f.ItemsProvided[it], "items_provided."+it)
	}
	// April: c8, c1; May: c10, c2, c5; June: c6, c9, c3.
	require.Equal(t, []MonthCount{{"2025-04", 2}, {"2025-05", 3}, {"2025-06", 3}}, f.ContactsPerMonth)
}

func TestMonitoringOfAnEmptyPeriodIsAllZeros(t *testing.T) {
	db := newDB(t)
	monitoringData(t, db)
	f, err := Monitoring(ctx, db, "2030-01-01", "2030-01-31")
	require.NoError(t, err)
	for _, r := range f.Rows() {
		require.Zero(t, r.Value, r.Key)
	}
	require.Equal(t, []MonthCount{{"2030-01", 0}}, f.ContactsPerMonth)
}

func TestMonitoringRefusesABadPeriod(t *testing.T) {
	db := newDB(t)
	_, err := Monitoring(ctx, db, "2025-13-01", "2025-12-31")
	require.ErrorContains(t, err, "from")
	_, err = Monitoring(ctx, db, "2025-01-01", "")
	require.ErrorContains(t, err, "to")
	_, err = Monitoring(ctx, db, "2025-02-01", "2025-01-31")
	require.ErrorContains(t, err, "before its start")
}

func TestBreakdownsAddUpToTheirFigures(t *testing.T) {
	db := newDB(t)
	monitoringData(t, db)
	f, err := Monitoring(ctx, db, mFrom, mTo)
	require.NoError(t, err)
	keys := map[string]int{}
	for _, r := range f.Rows() {
		keys[r.Key] = r.Value
	}
	for _, m := range f.ContactsPerMonth {
		keys["contacts_per_month."+m.Month] = m.Contacts
	}
	for key, want := range keys {
		rows, err := Breakdown(ctx, db, mFrom, mTo, key)
		require.NoError(t, err, key)
		sum := 0
		for _, r := range rows {
			sum += r.Count
			require.NotEmpty(t, r.ID, key)
			require.NotContains(t, r.Label, "Smith", "breakdowns show pseudonyms, not names")
		}
		require.Equal(t, want, sum, key)
	}
}

func TestBreakdownNamesTheWomenBehindAFigure(t *testing.T) {
	db := newDB(t)
	monitoringData(t, db)
	ids := func(key string) []string {
		rows, err := Breakdown(ctx, db, mFrom, mTo, key)
		require.NoError(t, err)
		var out []string
		for _, r := range rows {
			out = append(out, r.ID)
		}
		sort.Strings(out)
		return out
	}
	require.Equal(t, []string{"p1", "p2", "p3"}, ids("women_engaged"))
	require.Equal(t, []string{"p1", "p2", "p3", "p5", "p6"}, ids("women_supported"))
	require.Equal(t, []string{"p1", "p2", "p3"}, ids("not_reoffended"))
	require.Equal(t, []string{"p1", "p2"}, ids("needs_by_area.housing"))
	require.Equal(t, []string{"c1", "c2"}, ids("items_provided.stamps"))

	rows, err := Breakdown(ctx, db, mFrom, mTo, "women_supported")
	require.NoError(t, err)
	var labels []string
	for _, r := range rows {
		labels = append(labels, r.Label)
	}
	// pseudonym order; Fay Black has no pseudonym and shows as initials
	require.Equal(t, []string{"F. B.", "Ivy", "Lily", "Moss", "Rose"}, labels)

	rows, err = Breakdown(ctx, db, mFrom, mTo, "one_to_ones")
	require.NoError(t, err)
	require.Equal(t, "Rose", rows[2].Label)
	require.Equal(t, 2, rows[2].Count)
	require.Equal(t, "seen at 2 prison visits", rows[2].Detail)
}

func TestBreakdownRefusesUnknownFigures(t *testing.T) {
	db := newDB(t)
	for _, key := range []string{"nonsense", "needs_by_area", "needs_by_area.moon", "items_provided.gold",
		"women_supported.x", "contacts_per_month.2025-13", ""} {
		_, err := Breakdown(ctx, db, mFrom, mTo, key)
		require.Error(t, err, key)
		require.Contains(t, err.Error(), "figure", key)
	}
}

func TestMonitoringJSONHasExactlyTheDesignKeys(t *testing.T) {
	db := newDB(t)
	monitoringData(t, db)
	f, err := Monitoring(ctx, db, mFrom, mTo)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, f))
	var obj map[string]any
	dec := json.NewDecoder(&buf)
	require.NoError(t, dec.Decode(&obj))
	require.False(t, dec.More(), "one object")
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	require.Equal(t, []string{"age_bands", "contacts_per_month", "court", "court_accompaniments", "diary_entries",
		"distance_travelled", "ethnicity", "from",
		"items_provided", "late_release_notice", "letters_in", "letters_out", "needs_by_area", "new_referrals", "not_reoffended",
		"offence_groups", "one_to_ones", "only_one_visit", "previous_custody", "prison_visits", "release_day_support",
		"release_journey", "releases", "reoffending_6m", "time_in_custody", "to", "women_engaged",
		"women_referred_on", "women_released", "women_supported", "women_visited_in_prison"}, keys)
	for k, v := range wantFigures {
		require.EqualValues(t, v, obj[k], k)
	}
	needs := obj["needs_by_area"].(map[string]any)
	require.Len(t, needs, len(schema.NeedArea.Values))
	require.EqualValues(t, 2, needs["housing"])
	items := obj["items_provided"].(map[string]any)
	require.Len(t, items, len(schema.Item.Values))
	require.EqualValues(t, 10, items["stamps"])
	months := obj["contacts_per_month"].([]any)
	require.Equal(t, map[string]any{"month": "2025-05", "contacts": 3.0}, months[1])
}

func TestMonitoringCSVHasAFigureValueRowForEveryKey(t *testing.T) {
	db := newDB(t)
	monitoringData(t, db)
	f, err := Monitoring(ctx, db, mFrom, mTo)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, f))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"Figure", "Value"}, recs[0])
	got := map[string]string{}
	for _, r := range recs[1:] {
		require.Len(t, r, 2)
		_, dup := got[r[0]]
		require.False(t, dup, r[0])
		got[r[0]] = r[1]
	}
	require.Equal(t, "5", got["Women supported"])
	require.Equal(t, "3", got["Women released who have not re-offended (as recorded)"])
	require.Equal(t, "2", got["Needs by area: Housing"])
	require.Equal(t, "0", got["Needs by area: Bereavement"])
	require.Equal(t, "10", got["Items provided: Stamps"])
	require.Equal(t, "3", got["Contacts in June 2025"])
	require.Len(t, got, len(FigureList)+len(schema.NeedArea.Values)+len(schema.Item.Values)+3+len(f.OutcomeLines()))
}

func TestMonitoringCSVUsesReadableLabelsAndTheJSONKeepsItsKeys(t *testing.T) {
	db := newDB(t)
	monitoringData(t, db)
	f, err := Monitoring(ctx, db, mFrom, mTo)
	require.NoError(t, err)
	var c, j bytes.Buffer
	require.NoError(t, WriteCSV(&c, f))
	require.NoError(t, WriteJSON(&j, f))
	for _, k := range FigureList {
		require.NotContains(t, c.String(), k.Key, "no key in the CSV")
		require.Contains(t, c.String(), k.Label)
		require.Contains(t, j.String(), `"`+k.Key+`":`, "the JSON keeps its keys")
	}
	require.NotContains(t, c.String(), "needs_by_area")
	require.NotContains(t, c.String(), "items_provided")
	require.NotContains(t, c.String(), "contacts_per_month")
	require.Contains(t, j.String(), `"needs_by_area": {`)
}

func TestMonitoringTextIsAlignedAndLabelled(t *testing.T) {
	db := newDB(t)
	monitoringData(t, db)
	f, err := Monitoring(ctx, db, mFrom, mTo)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteText(&buf, f))
	out := buf.String()
	require.Contains(t, out, "Monitoring figures, 2025-04-01 to 2025-06-30")
	require.Contains(t, out, "Women supported")
	require.Contains(t, out, "May 2025")
	ends := map[int]bool{}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Women supported") || strings.HasPrefix(line, "  Housing") || strings.HasPrefix(line, "  Stamps") {
			ends[len([]rune(line))] = true
			require.Regexp(t, `\s+\d+$`, line)
		}
	}
	require.Len(t, ends, 1, "the numbers line up")
}

func TestPeriodPresets(t *testing.T) {
	day := func(s string) time.Time {
		d, err := schema.ParseDate(s)
		require.NoError(t, err)
		return d
	}
	cases := []struct{ name, today, from, to string }{
		{"this_month", "2025-02-14", "2025-02-01", "2025-02-28"},
		{"this_month", "2024-02-29", "2024-02-01", "2024-02-29"},
		{"last_month", "2025-01-10", "2024-12-01", "2024-12-31"},
		{"last_month", "2025-03-31", "2025-02-01", "2025-02-28"},
		{"this_quarter", "2025-05-31", "2025-04-01", "2025-06-30"},
		{"this_quarter", "2025-12-31", "2025-10-01", "2025-12-31"},
		{"this_year", "2025-07-04", "2025-01-01", "2025-12-31"},
		{"funder_year", "2025-04-01", "2025-04-01", "2026-03-31"},
		{"funder_year", "2026-03-31", "2025-04-01", "2026-03-31"},
		{"last_funder_year", "2026-01-15", "2024-04-01", "2025-03-31"},
		{"last_funder_year", "2026-04-01", "2025-04-01", "2026-03-31"},
	}
	for _, c := range cases {
		from, to := Period(c.name, day(c.today))
		require.Equal(t, c.from+" "+c.to, from+" "+to, c.name+" on "+c.today)
	}
	from, to := Period("fortnight", day("2025-01-01"))
	require.Empty(t, from+to)
	for _, n := range PeriodNames {
		require.NotEmpty(t, PeriodLabels[n], n)
	}
}
