package report

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strings"

	"inreach/schema"
)

// The outcome figures of DESIGN.md "Outcomes and the evaluation's tables".
// They are worked out in Go from the period's records, once, as lists of
// the records behind each figure (members); a figure is the length of its
// list, and Breakdown gives the same list, so a figure and the records
// behind it cannot disagree.
//
// How each is counted (where DESIGN.md leaves a choice, the choice is
// written here and tested in outcomes_test.go):
//
//   - release_journey: in_prison are the women seen (seen = true) at a
//     prison_visit contact in the period; released, those of them with a
//     released event in the period; release_day_support, those of them seen
//     at a release_day contact dated from one of those release dates to 14
//     days after it (day 14 included, day 15 not; the contact may fall
//     after the period's end); continuing_support, those of them seen at
//     any contact dated more than 14 days after her first release in the
//     period, up to To.
//   - reoffending_6m: a release is "followed" in the period that holds its
//     date plus 183 days; each woman once, by her latest such release;
//     not_reoffended, of those, no reoffended, recalled or sentenced event
//     dated after the release day up to and including day 183 (an event on
//     day 184 does not count against her; one on the release day itself
//     does not either). recent: women whose latest release up to To is
//     in the period and after To minus 183 days (a release exactly 183
//     days before To is followed, not recent); recent_not_reoffended, of those, no such event
//     after that release up to To.
//   - time_in_custody: each woman released in the period once, by her
//     first release in it; the custody began on her first remanded or
//     sentenced event dated after her previous release (any time before;
//     or ever, if none) and on or before this release.
//   - only_one_visit: of women_visited_in_prison, those seen at exactly one
//     prison_visit contact in the period.
//   - late_release_notice: released events in the period whose notice_days
//     is 0, 1 or 2 (events with no notice_days recorded are not counted).
//   - court: accompaniments, court contacts in the period (as
//     court_accompaniments); women, distinct women seen at them;
//     kept_out_of_prison, women with a court_outcome event in the period
//     whose latest such event that says an outcome (by date, then id) says
//     one that is not custody, adjourned or other. As DESIGN.md says, they
//     need not have been accompanied, so it is a count, not a share of
//     court.women.
//   - offence_groups, ethnicity, age_bands: every value (zeros included) →
//     women supported (women_supported) with that value; age at the
//     period's start from her date of birth (schema.AgeBandOf; an age under
//     18 or no date of birth is "unknown").
//   - previous_custody: known, women supported with the number recorded (0
//     included); with_previous, of those, 1 or more.
//   - distance_travelled: for wellbeing and every need area, women with two
//     or more readings of that area dated in the period, comparing her
//     latest reading with her first: improved (higher), same, worse
//     (lower); average_change, the mean of latest minus first over those
//     women (0 when none), to two decimal places. Readings on the same day
//     are ordered by id: of two readings of one area on her first day the
//     one with the smaller id is her first, and of two on her last day the
//     one with the larger id is her latest.

// ReleaseJourney is the prison-to-community journey of DESIGN.md.
type ReleaseJourney struct {
	InPrison          int `json:"in_prison"`
	Released          int `json:"released"`
	ReleaseDaySupport int `json:"release_day_support"`
	ContinuingSupport int `json:"continuing_support"`
}

// Reoffending6m is re-offending within six months (183 days) of release.
type Reoffending6m struct {
	Followed            int `json:"followed"`
	NotReoffended       int `json:"not_reoffended"`
	Recent              int `json:"recent"`
	RecentNotReoffended int `json:"recent_not_reoffended"`
}

// CourtFigures are the court accompaniments and what the court decided.
type CourtFigures struct {
	Accompaniments  int `json:"accompaniments"`
	Women           int `json:"women"`
	KeptOutOfPrison int `json:"kept_out_of_prison"`
}

// PreviousCustody counts previous custodial sentences among women supported.
type PreviousCustody struct {
	Known        int `json:"known"`
	WithPrevious int `json:"with_previous"`
}

// Distance is the distance travelled in one area.
type Distance struct {
	Women         int     `json:"women"`
	Improved      int     `json:"improved"`
	Same          int     `json:"same"`
	Worse         int     `json:"worse"`
	AverageChange float64 `json:"average_change"`
}

// TimeInCustodyBands are the keys of time_in_custody, in order.
var TimeInCustodyBands = []struct{ Key, Label string }{
	{"under_1_month", "Under 1 month"},
	{"1_to_2_months", "1 to 2 months"},
	{"3_to_6_months", "3 to 6 months"},
	{"over_6_months", "Over 6 months"},
	{"unknown", "Not known"},
}

func custodyBand(days int, known bool) string {
	switch {
	case !known:
		return "unknown"
	case days < 30:
		return "under_1_month"
	case days < 90:
		return "1_to_2_months"
	case days < 183:
		return "3_to_6_months"
	}
	return "over_6_months"
}

// member is one record behind an outcome figure.
type member struct {
	kind, id, pid, date, detail string
	count                       int
}

// outcomes holds the members of every outcome figure by key
// ("release_journey.released", "ethnicity.white",
// "distance_travelled.wellbeing.improved" …), and the average changes.
type outcomes struct {
	sets    map[string][]member
	average map[string]float64
}

func (o *outcomes) add(key string, m member) {
	if m.count == 0 {
		m.count = 1
	}
	o.sets[key] = append(o.sets[key], m)
}

func (o *outcomes) n(key string) int {
	t := 0
	for _, m := range o.sets[key] {
		t += m.count
	}
	return t
}

// addDays is date plus n days (date must be valid).
func addDays(date string, n int) string {
	t, _ := schema.ParseDate(date)
	return t.AddDate(0, 0, n).Format(schema.DateLayout)
}

// daysBetween is b minus a in days.
func daysBetween(a, b string) int {
	ta, _ := schema.ParseDate(a)
	tb, _ := schema.ParseDate(b)
	return int(math.Round(tb.Sub(ta).Hours() / 24))
}

type cRow struct {
	pid, cid, date, kind string
	seen                 bool
}

type evRow struct {
	id, pid, date, kind string
	notice              sql.NullInt64
	outcome             sql.NullString
}

type personFacts struct {
	dob, ethnicity, offence string
	previous                sql.NullInt64
}

// computeOutcomes works out the members of every outcome figure for the
// period [from, to] (already checked).
func computeOutcomes(ctx context.Context, db *sql.DB, from, to string) (*outcomes, error) {
	o := &outcomes{sets: map[string][]member{}, average: map[string]float64{}}
	fail := func(what string, err error) (*outcomes, error) {
		return nil, fmt.Errorf("counting %s: %w", what, err)
	}
	windowEnd := addDays(to, 14)

	// Contact rows from the start of the period to 14 days after its end.
	var rows []cRow
	err := eachRow(ctx, db, `SELECT cp.person_id, c.id, c.date, c.kind, cp.seen FROM contact_people cp
		JOIN contacts c ON c.id = cp.contact_id WHERE c.date BETWEEN ?1 AND ?2
		ORDER BY c.date, c.id, cp.person_id`, []any{from, windowEnd}, func(r *sql.Rows) error {
		var x cRow
		if err := r.Scan(&x.pid, &x.cid, &x.date, &x.kind, &x.seen); err != nil {
			return err
		}
		rows = append(rows, x)
		return nil
	})
	if err != nil {
		return fail("contacts", err)
	}
	// Events that the outcome figures read, up to the period's end.
	byPerson := map[string][]evRow{}
	var periodEvents []evRow
	err = eachRow(ctx, db, `SELECT id, person_id, date, kind, notice_days, outcome FROM events
		WHERE kind IN ('released', 'remanded', 'sentenced', 'recalled', 'reoffended', 'court_outcome')
		AND date <= ?1 ORDER BY person_id, date, id`, []any{to}, func(r *sql.Rows) error {
		var e evRow
		if err := r.Scan(&e.id, &e.pid, &e.date, &e.kind, &e.notice, &e.outcome); err != nil {
			return err
		}
		byPerson[e.pid] = append(byPerson[e.pid], e)
		if e.date >= from {
			periodEvents = append(periodEvents, e)
		}
		return nil
	})
	if err != nil {
		return fail("events", err)
	}
	people := map[string]personFacts{}
	err = eachRow(ctx, db, `SELECT id, coalesce(date_of_birth, ''), ethnicity, offence_group, previous_custodial_sentences
		FROM people`, nil, func(r *sql.Rows) error {
		var id string
		var p personFacts
		if err := r.Scan(&id, &p.dob, &p.ethnicity, &p.offence, &p.previous); err != nil {
			return err
		}
		people[id] = p
		return nil
	})
	if err != nil {
		return fail("women", err)
	}

	// Women supported, women seen in prison and their visits.
	supported := map[string]string{} // woman → latest contact date in the period
	visits := map[string]map[string]bool{}
	courtSeen := map[string]int{}
	for _, r := range rows {
		if r.date > to {
			continue
		}
		supported[r.pid] = r.date
		if r.kind == "prison_visit" && r.seen {
			if visits[r.pid] == nil {
				visits[r.pid] = map[string]bool{}
			}
			visits[r.pid][r.cid] = true
		}
		if r.kind == "court" && r.seen {
			courtSeen[r.pid]++
		}
	}

	// Releases in the period, per woman, in date order.
	releasesIn := map[string][]evRow{}
	for _, e := range periodEvents {
		if e.kind == "released" {
			releasesIn[e.pid] = append(releasesIn[e.pid], e)
		}
	}

	// release_journey
	for _, pid := range sortedKeys(visits) {
		o.add("release_journey.in_prison", member{kind: "person", id: pid, pid: pid,
			detail: fmt.Sprintf("seen at %d %s", len(visits[pid]), plural(len(visits[pid]), "prison visit"))})
		if len(visits[pid]) == 1 {
			o.add("only_one_visit", member{kind: "person", id: pid, pid: pid, detail: "seen at 1 prison visit"})
		}
		rel := releasesIn[pid]
		if len(rel) == 0 {
			continue
		}
		o.add("release_journey.released", member{kind: "person", id: pid, pid: pid, date: rel[0].date,
			detail: fmt.Sprintf("released %d %s in the period", len(rel), plural(len(rel), "time"))})
		var rdsDate string
		for _, r := range rows {
			if r.pid != pid || r.kind != "release_day" || !r.seen || rdsDate != "" {
				continue
			}
			for _, e := range rel {
				if r.date >= e.date && r.date <= addDays(e.date, 14) {
					rdsDate = r.date
					break
				}
			}
		}
		if rdsDate == "" {
			continue
		}
		o.add("release_journey.release_day_support", member{kind: "person", id: pid, pid: pid, date: rdsDate,
			detail: "seen at a release-day contact within 14 days of release"})
		after := addDays(rel[0].date, 14)
		for _, r := range rows {
			if r.pid == pid && r.seen && r.date > after && r.date <= to {
				o.add("release_journey.continuing_support", member{kind: "person", id: pid, pid: pid, date: r.date,
					detail: "seen more than 14 days after release"})
				break
			}
		}
	}

	// reoffending_6m and time_in_custody, woman by woman.
	for _, pid := range sortedKeys(byPerson) {
		evs := byPerson[pid]
		var followed, recent string
		for _, e := range evs {
			if e.kind != "released" {
				continue
			}
			if d := addDays(e.date, 183); d >= from && d <= to {
				followed = e.date // the latest wins: evs are in date order
			}
			if e.date > addDays(to, -183) && e.date >= from {
				recent = e.date
			}
		}
		// Only her latest release up to To can be recent.
		if recent != "" && lastRelease(evs) != recent {
			recent = ""
		}
		firstBad := func(after, upto string) string {
			for _, e := range evs {
				if (e.kind == "reoffended" || e.kind == "recalled" || e.kind == "sentenced") && e.date > after && e.date <= upto {
					return e.date + " (" + schema.EventKind.Label(e.kind) + ")"
				}
			}
			return ""
		}
		if followed != "" {
			end := addDays(followed, 183)
			o.add("reoffending_6m.followed", member{kind: "person", id: pid, pid: pid, date: followed,
				detail: "released; six months end " + end})
			if bad := firstBad(followed, end); bad == "" {
				o.add("reoffending_6m.not_reoffended", member{kind: "person", id: pid, pid: pid, date: followed,
					detail: "no reoffending, recall or new sentence recorded up to " + end})
			}
		}
		if recent != "" {
			o.add("reoffending_6m.recent", member{kind: "person", id: pid, pid: pid, date: recent,
				detail: "released less than six months before " + to})
			if bad := firstBad(recent, to); bad == "" {
				o.add("reoffending_6m.recent_not_reoffended", member{kind: "person", id: pid, pid: pid, date: recent,
					detail: "no reoffending, recall or new sentence recorded up to " + to})
			}
		}
		if rel := releasesIn[pid]; len(rel) > 0 {
			r := rel[0].date
			prev := ""
			for _, e := range evs {
				if e.kind == "released" && e.date < r {
					prev = e.date
				}
			}
			start := ""
			for _, e := range evs {
				if (e.kind == "remanded" || e.kind == "sentenced") && (prev == "" || e.date > prev) && e.date <= r {
					start = e.date
					break
				}
			}
			band := custodyBand(daysBetween(start, r), start != "")
			detail := "no remand or sentence recorded before this release"
			if start != "" {
				detail = fmt.Sprintf("in custody from %s, %d days", start, daysBetween(start, r))
			}
			o.add("time_in_custody."+band, member{kind: "person", id: pid, pid: pid, date: r, detail: detail})
		}
	}

	// late_release_notice and court outcomes.
	latestOutcome := map[string]evRow{}
	for _, e := range periodEvents {
		if e.kind == "released" && e.notice.Valid && e.notice.Int64 <= 2 {
			o.add("late_release_notice", member{kind: "event", id: e.id, pid: e.pid, date: e.date,
				detail: "released with " + noticeWords(int(e.notice.Int64))})
		}
		if e.kind == "court_outcome" && e.outcome.Valid && e.outcome.String != "" {
			latestOutcome[e.pid] = e // in date, id order: the last one stays
		}
	}
	for _, pid := range sortedKeys(latestOutcome) {
		e := latestOutcome[pid]
		if schema.CourtKeptOut(e.outcome.String) {
			o.add("court.kept_out_of_prison", member{kind: "person", id: pid, pid: pid, date: e.date,
				detail: "court outcome: " + strings.ToLower(schema.CourtOutcome.Label(e.outcome.String))})
		}
	}
	for _, pid := range sortedKeys(courtSeen) {
		o.add("court.women", member{kind: "person", id: pid, pid: pid,
			detail: fmt.Sprintf("seen at %d court %s", courtSeen[pid], plural(courtSeen[pid], "contact"))})
	}
	err = eachRow(ctx, db, `SELECT c.id, c.date, coalesce(e.name, c.place) FROM contacts c
		LEFT JOIN establishments e ON e.id = c.establishment_id
		WHERE c.kind = 'court' AND c.date BETWEEN ?1 AND ?2`, []any{from, to}, func(r *sql.Rows) error {
		var id, date, place string
		if err := r.Scan(&id, &date, &place); err != nil {
			return err
		}
		o.add("court.accompaniments", member{kind: "contact", id: id, date: date, detail: place})
		return nil
	})
	if err != nil {
		return fail("court contacts", err)
	}

	// Who the women supported are.
	for _, pid := range sortedKeys(supported) {
		p := people[pid]
		o.add("offence_groups."+p.offence, member{kind: "person", id: pid, pid: pid,
			detail: schema.OffenceGroup.Label(p.offence)})
		o.add("ethnicity."+p.ethnicity, member{kind: "person", id: pid, pid: pid,
			detail: schema.Ethnicity.Label(p.ethnicity)})
		band := schema.AgeBandOf(p.dob, from)
		o.add("age_bands."+band, member{kind: "person", id: pid, pid: pid, detail: "age " + schema.AgeBand.Label(band)})
		if p.previous.Valid {
			n := int(p.previous.Int64)
			detail := fmt.Sprintf("%d previous custodial %s", n, plural(n, "sentence"))
			o.add("previous_custody.known", member{kind: "person", id: pid, pid: pid, detail: detail})
			if n > 0 {
				o.add("previous_custody.with_previous", member{kind: "person", id: pid, pid: pid, detail: detail})
			}
		}
	}

	// distance_travelled
	type firstLast struct {
		firstDate, lastDate string
		first, last, n      int
	}
	fl := map[[2]string]*firstLast{}
	err = eachRow(ctx, db, `SELECT person_id, area, date, score FROM readings WHERE date BETWEEN ?1 AND ?2
		ORDER BY person_id, area, date, id`, []any{from, to}, func(r *sql.Rows) error {
		var pid, area, date string
		var score int
		if err := r.Scan(&pid, &area, &date, &score); err != nil {
			return err
		}
		k := [2]string{pid, area}
		x := fl[k]
		if x == nil {
			x = &firstLast{firstDate: date, first: score}
			fl[k] = x
		}
		x.lastDate, x.last = date, score
		x.n++
		return nil
	})
	if err != nil {
		return fail("readings", err)
	}
	keys := make([][2]string, 0, len(fl))
	for k := range fl {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][1] != keys[j][1] {
			return keys[i][1] < keys[j][1]
		}
		return keys[i][0] < keys[j][0]
	})
	sum := map[string]int{}
	for _, k := range keys {
		x := fl[k]
		if x.n < 2 {
			continue
		}
		pid, area := k[0], k[1]
		base := "distance_travelled." + area
		detail := fmt.Sprintf("%d on %s, %d on %s (%d readings)", x.first, x.firstDate, x.last, x.lastDate, x.n)
		m := member{kind: "person", id: pid, pid: pid, date: x.lastDate, detail: detail}
		o.add(base+".women", m)
		switch {
		case x.last > x.first:
			o.add(base+".improved", m)
		case x.last < x.first:
			o.add(base+".worse", m)
		default:
			o.add(base+".same", m)
		}
		sum[area] += x.last - x.first
	}
	for area, s := range sum {
		n := o.n("distance_travelled." + area + ".women")
		o.average[area] = math.Round(float64(s)/float64(n)*100) / 100
	}
	return o, nil
}

// lastRelease is the date of her latest released event in evs, or "".
func lastRelease(evs []evRow) string {
	last := ""
	for _, e := range evs {
		if e.kind == "released" {
			last = e.date
		}
	}
	return last
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// eachRow runs q and calls fn for every row, closing the rows before it
// returns (the vault has one connection).
func eachRow(ctx context.Context, db *sql.DB, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

// fill puts the outcome figures into f.
func (o *outcomes) fill(f *Figures) {
	f.ReleaseJourney = ReleaseJourney{
		InPrison:          o.n("release_journey.in_prison"),
		Released:          o.n("release_journey.released"),
		ReleaseDaySupport: o.n("release_journey.release_day_support"),
		ContinuingSupport: o.n("release_journey.continuing_support"),
	}
	f.Reoffending6m = Reoffending6m{
		Followed:            o.n("reoffending_6m.followed"),
		NotReoffended:       o.n("reoffending_6m.not_reoffended"),
		Recent:              o.n("reoffending_6m.recent"),
		RecentNotReoffended: o.n("reoffending_6m.recent_not_reoffended"),
	}
	f.TimeInCustody = map[string]int{}
	for _, b := range TimeInCustodyBands {
		f.TimeInCustody[b.Key] = o.n("time_in_custody." + b.Key)
	}
	f.OnlyOneVisit = o.n("only_one_visit")
	f.LateReleaseNotice = o.n("late_release_notice")
	f.Court = CourtFigures{
		Accompaniments:  o.n("court.accompaniments"),
		Women:           o.n("court.women"),
		KeptOutOfPrison: o.n("court.kept_out_of_prison"),
	}
	f.OffenceGroups, f.Ethnicity, f.AgeBands = map[string]int{}, map[string]int{}, map[string]int{}
	for _, v := range schema.OffenceGroup.Values {
		f.OffenceGroups[v] = o.n("offence_groups." + v)
	}
	for _, v := range schema.Ethnicity.Values {
		f.Ethnicity[v] = o.n("ethnicity." + v)
	}
	for _, v := range schema.AgeBand.Values {
		f.AgeBands[v] = o.n("age_bands." + v)
	}
	f.PreviousCustody = PreviousCustody{
		Known:        o.n("previous_custody.known"),
		WithPrevious: o.n("previous_custody.with_previous"),
	}
	f.DistanceTravelled = map[string]Distance{}
	for _, a := range schema.ReadingArea.Values {
		b := "distance_travelled." + a
		f.DistanceTravelled[a] = Distance{
			Women: o.n(b + ".women"), Improved: o.n(b + ".improved"),
			Same: o.n(b + ".same"), Worse: o.n(b + ".worse"),
			AverageChange: o.average[a],
		}
	}
}

// isOutcomeKey reports whether key names an outcome figure (or the first
// part of one, such as "release_journey").
func isOutcomeKey(key string) bool {
	base, _, _ := strings.Cut(key, ".")
	switch base {
	case "release_journey", "reoffending_6m", "time_in_custody", "only_one_visit", "late_release_notice",
		"court", "offence_groups", "ethnicity", "age_bands", "previous_custody", "distance_travelled":
		return true
	}
	return false
}

// outcomeBreakdown lists the records behind one outcome line.
func outcomeBreakdown(ctx context.Context, db *sql.DB, from, to, key string) ([]BreakdownRow, error) {
	var f Figures
	f.DistanceTravelled = map[string]Distance{}
	known := false
	setKey := key
	if rest, ok := strings.CutSuffix(key, "."+distanceAverage); ok && strings.HasPrefix(key, "distance_travelled.") {
		setKey = rest + ".women"
	}
	for _, l := range f.OutcomeLines() {
		if l.Key == key {
			known = true
		}
	}
	if !known {
		return nil, fmt.Errorf("figure: %q is not a monitoring figure (the outcome figures are named like release_journey.released, ethnicity.white, distance_travelled.wellbeing.improved)", key)
	}
	o, err := computeOutcomes(ctx, db, from, to)
	if err != nil {
		return nil, err
	}
	names := map[string][2]string{}
	err = eachRow(ctx, db, `SELECT id, name, pseudonym FROM people`, nil, func(r *sql.Rows) error {
		var id, name, pseud string
		if err := r.Scan(&id, &name, &pseud); err != nil {
			return err
		}
		names[id] = [2]string{name, pseud}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing the records behind %s: %w", key, err)
	}
	out := []BreakdownRow{}
	for _, m := range o.sets[setKey] {
		r := BreakdownRow{Kind: m.kind, ID: m.id, PersonID: m.pid, Date: m.date, Detail: m.detail, Count: m.count}
		switch {
		case m.pid != "":
			n := names[m.pid]
			r.Label = WomanLabel(n[0], n[1])
		case m.kind == "contact":
			r.Label = "Contact"
		}
		out = append(out, r)
	}
	sortBreakdown(out)
	return out, nil
}

// noticeWords says days of notice: "1 day's notice", "2 days' notice".
func noticeWords(n int) string {
	if n == 1 {
		return "1 day's notice"
	}
	return fmt.Sprintf("%d days' notice", n)
}
