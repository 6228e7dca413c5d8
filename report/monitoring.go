package report

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"inreach/schema"
)

// Figures are the monitoring figures of shared/DESIGN.md for the inclusive
// period [From, To]. The JSON names are the keys of DESIGN.md.
//
// How each figure is counted (a "contact in the period" is a contact dated
// From…To; "at a contact" means her per-woman row of that contact, whether
// or not she was seen, unless "seen" is said):
type Figures struct {
	From string `json:"from"`
	To   string `json:"to"`
	// WomenSupported: distinct women at a contact in the period.
	WomenSupported int `json:"women_supported"`
	// WomenEngaged: of those, the women seen at least once in the period
	// and without a referred_on event in the period.
	WomenEngaged int `json:"women_engaged"`
	// WomenReferredOn: distinct women with a referred_on event in the period.
	WomenReferredOn int `json:"women_referred_on"`
	// NewReferrals: women whose referral date is in the period.
	NewReferrals int `json:"new_referrals"`
	// PrisonVisits: prison_visit contacts (sessions) in the period.
	PrisonVisits int `json:"prison_visits"`
	// WomenVisitedInPrison: distinct women seen at a prison visit.
	WomenVisitedInPrison int `json:"women_visited_in_prison"`
	// OneToOnes: per-woman rows marked seen at prison visits (a woman seen
	// at two visits counts twice).
	OneToOnes int `json:"one_to_ones"`
	// Releases: released events in the period.
	Releases int `json:"releases"`
	// WomenReleased: distinct women with a released event in the period.
	WomenReleased int `json:"women_released"`
	// ReleaseDaySupport: distinct women at a release_day contact.
	ReleaseDaySupport int `json:"release_day_support"`
	// CourtAccompaniments: court contacts in the period.
	CourtAccompaniments int `json:"court_accompaniments"`
	// NotReoffended: women released in the period with no reoffended,
	// recalled or sentenced event dated after their (first) release in the
	// period, up to and including To. An event on the release day itself
	// (sentenced and released the same day) does not count against her.
	NotReoffended int `json:"not_reoffended"`
	// NeedsByArea: for every need area, the women supported in the period
	// whose need in that area is open or in progress.
	NeedsByArea map[string]int `json:"needs_by_area"`
	// ItemsProvided: for every item, the total quantity given at contacts in
	// the period.
	ItemsProvided map[string]int `json:"items_provided"`
	// LettersIn, LettersOut: letters (any channel) in the period by direction.
	LettersIn  int `json:"letters_in"`
	LettersOut int `json:"letters_out"`
	// DiaryEntries: diary entries dated in the period.
	DiaryEntries int `json:"diary_entries"`
	// ContactsPerMonth: contacts of every kind in each calendar month of the
	// period (the first and last months may be partial), for a chart.
	ContactsPerMonth []MonthCount `json:"contacts_per_month"`

	// The outcome figures (DESIGN.md "Outcomes and the evaluation's
	// tables"); how each is counted is written in outcomes.go.
	ReleaseJourney    ReleaseJourney      `json:"release_journey"`
	Reoffending6m     Reoffending6m       `json:"reoffending_6m"`
	TimeInCustody     map[string]int      `json:"time_in_custody"`
	OnlyOneVisit      int                 `json:"only_one_visit"`
	LateReleaseNotice int                 `json:"late_release_notice"`
	Court             CourtFigures        `json:"court"`
	OffenceGroups     map[string]int      `json:"offence_groups"`
	Ethnicity         map[string]int      `json:"ethnicity"`
	AgeBands          map[string]int      `json:"age_bands"`
	PreviousCustody   PreviousCustody     `json:"previous_custody"`
	DistanceTravelled map[string]Distance `json:"distance_travelled"`
}

// A MonthCount is the number of contacts in one month ("YYYY-MM").
type MonthCount struct {
	Month    string `json:"month"`
	Contacts int    `json:"contacts"`
}

// A Figure names one single-number monitoring figure.
type Figure struct {
	Key   string // the DESIGN.md key, e.g. "women_supported"
	Label string // plain English for reports
}

// FigureList lists the single-number figures in report order; NeedsByArea,
// ItemsProvided and ContactsPerMonth come after them.
var FigureList = []Figure{
	{"women_supported", "Women supported"},
	{"women_engaged", "Women engaged (seen, not referred on)"},
	{"women_referred_on", "Women referred on to another service"},
	{"new_referrals", "New referrals"},
	{"prison_visits", "Prison visits (sessions)"},
	{"women_visited_in_prison", "Women seen in prison"},
	{"one_to_ones", "One-to-one meetings in prison"},
	{"releases", "Releases"},
	{"women_released", "Women released"},
	{"release_day_support", "Women given release-day support"},
	{"court_accompaniments", "Court accompaniments"},
	{"not_reoffended", "Women released who have not re-offended (as recorded)"},
	{"letters_in", "Letters and messages received"},
	{"letters_out", "Letters and messages sent"},
	{"diary_entries", "Diary entries"},
}

// Value returns the single-number figure named by key (a FigureList key).
func (f *Figures) Value(key string) (int, bool) {
	switch key {
	case "women_supported":
		return f.WomenSupported, true
	case "women_engaged":
		return f.WomenEngaged, true
	case "women_referred_on":
		return f.WomenReferredOn, true
	case "new_referrals":
		return f.NewReferrals, true
	case "prison_visits":
		return f.PrisonVisits, true
	case "women_visited_in_prison":
		return f.WomenVisitedInPrison, true
	case "one_to_ones":
		return f.OneToOnes, true
	case "releases":
		return f.Releases, true
	case "women_released":
		return f.WomenReleased, true
	case "release_day_support":
		return f.ReleaseDaySupport, true
	case "court_accompaniments":
		return f.CourtAccompaniments, true
	case "not_reoffended":
		return f.NotReoffended, true
	case "letters_in":
		return f.LettersIn, true
	case "letters_out":
		return f.LettersOut, true
	case "diary_entries":
		return f.DiaryEntries, true
	}
	return 0, false
}

// checkPeriod validates an inclusive period.
func checkPeriod(from, to string) error {
	if _, err := schema.ParseDate(from); err != nil {
		return fmt.Errorf("from: %w", err)
	}
	if _, err := schema.ParseDate(to); err != nil {
		return fmt.Errorf("to: %w", err)
	}
	if from > to {
		return fmt.Errorf("to: the end of the period (%s) is before its start (%s)", to, from)
	}
	return nil
}

// The SQL shared by the figures and their breakdowns. ?1 is from, ?2 is to.
const (
	// contact rows in the period: cp (contact_people) joined to c (contacts).
	periodRows = `contact_people cp JOIN contacts c ON c.id = cp.contact_id
		WHERE c.date BETWEEN ?1 AND ?2`
	referredOnInPeriod = `EXISTS (SELECT 1 FROM events r WHERE r.person_id = cp.person_id
		AND r.kind = 'referred_on' AND r.date BETWEEN ?1 AND ?2)`
	// first release in the period per woman: person_id, released.
	firstReleases = `SELECT person_id, min(date) AS released FROM events
		WHERE kind = 'released' AND date BETWEEN ?1 AND ?2 GROUP BY person_id`
	reoffendedAfter = `EXISTS (SELECT 1 FROM events v WHERE v.person_id = fr.person_id
		AND v.kind IN ('reoffended', 'recalled', 'sentenced')
		AND v.date > fr.released AND v.date <= ?2)`
	supportedPeople = `SELECT DISTINCT cp.person_id FROM ` + periodRows
)

// Monitoring computes the monitoring figures for the inclusive period
// [from, to] (both "YYYY-MM-DD").
func Monitoring(ctx context.Context, db *sql.DB, from, to string) (*Figures, error) {
	if err := checkPeriod(from, to); err != nil {
		return nil, err
	}
	f := &Figures{From: from, To: to, NeedsByArea: map[string]int{}, ItemsProvided: map[string]int{}}
	err := db.QueryRowContext(ctx, `SELECT
		(SELECT count(DISTINCT cp.person_id) FROM `+periodRows+`),
		(SELECT count(DISTINCT cp.person_id) FROM `+periodRows+` AND cp.seen = 1 AND NOT `+referredOnInPeriod+`),
		(SELECT count(DISTINCT person_id) FROM events WHERE kind = 'referred_on' AND date BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM people WHERE referral_date BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM contacts WHERE kind = 'prison_visit' AND date BETWEEN ?1 AND ?2),
		(SELECT count(DISTINCT cp.person_id) FROM `+periodRows+` AND c.kind = 'prison_visit' AND cp.seen = 1),
		(SELECT count(*) FROM `+periodRows+` AND c.kind = 'prison_visit' AND cp.seen = 1),
		(SELECT count(*) FROM events WHERE kind = 'released' AND date BETWEEN ?1 AND ?2),
		(SELECT count(DISTINCT person_id) FROM events WHERE kind = 'released' AND date BETWEEN ?1 AND ?2),
		(SELECT count(DISTINCT cp.person_id) FROM `+periodRows+` AND c.kind = 'release_day'),
		(SELECT count(*) FROM contacts WHERE kind = 'court' AND date BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM (`+firstReleases+`) fr WHERE NOT `+reoffendedAfter+`),
		(SELECT count(*) FROM letters WHERE direction = 'in' AND date BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM letters WHERE direction = 'out' AND date BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM diary WHERE date BETWEEN ?1 AND ?2)`, from, to).Scan(
		&f.WomenSupported, &f.WomenEngaged, &f.WomenReferredOn, &f.NewReferrals,
		&f.PrisonVisits, &f.WomenVisitedInPrison, &f.OneToOnes, &f.Releases,
		&f.WomenReleased, &f.ReleaseDaySupport, &f.CourtAccompaniments,
		&f.NotReoffended, &f.LettersIn, &f.LettersOut, &f.DiaryEntries)
	if err != nil {
		return nil, fmt.Errorf("counting the monitoring figures: %w", err)
	}
	for _, a := range schema.NeedArea.Values {
		f.NeedsByArea[a] = 0
	}
	for _, it := range schema.Item.Values {
		f.ItemsProvided[it] = 0
	}
	if err := countInto(ctx, db, f.NeedsByArea, `SELECT n.area, count(DISTINCT n.person_id) FROM person_needs n
		WHERE n.status IN ('open', 'in_progress') AND n.person_id IN (`+supportedPeople+`)
		GROUP BY n.area`, from, to); err != nil {
		return nil, fmt.Errorf("counting needs by area: %w", err)
	}
	if err := countInto(ctx, db, f.ItemsProvided, `SELECT i.item, sum(i.quantity) FROM contact_items i
		JOIN contacts c ON c.id = i.contact_id WHERE c.date BETWEEN ?1 AND ?2 GROUP BY i.item`, from, to); err != nil {
		return nil, fmt.Errorf("counting items provided: %w", err)
	}
	perMonth := map[string]int{}
	if err := countInto(ctx, db, perMonth, `SELECT substr(date, 1, 7), count(*) FROM contacts
		WHERE date BETWEEN ?1 AND ?2 GROUP BY 1`, from, to); err != nil {
		return nil, fmt.Errorf("counting contacts per month: %w", err)
	}
	for _, m := range monthsBetween(from, to) {
		f.ContactsPerMonth = append(f.ContactsPerMonth, MonthCount{Month: m, Contacts: perMonth[m]})
	}
	o, err := computeOutcomes(ctx, db, from, to)
	if err != nil {
		return nil, err
	}
	o.fill(f)
	return f, nil
}

// countInto adds the (key, count) rows of q to m.
func countInto(ctx context.Context, db *sql.DB, m map[string]int, q string, args ...any) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		m[k] += n
	}
	return rows.Err()
}

// monthsBetween lists the months "YYYY-MM" from the month of from to the
// month of to (both valid dates).
func monthsBetween(from, to string) []string {
	a, _ := schema.ParseDate(from)
	b, _ := schema.ParseDate(to)
	var out []string
	for m := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(b); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}
