package report

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The period of the hand-built outcome dataset: the year 2025. To minus 183
// days is 2025-07-01.
const oFrom, oTo = "2025-01-01", "2025-12-31"

// outcomeData builds a dataset whose outcome figures for oFrom…oTo are
// worked out by hand below.
//
//	a1 Amy  (Ash)    white, theft, 0 previous, born 2000-01-01 (25 on
//	                 2025-01-01: her birthday is the period's first day)
//	                 sentenced 2025-06-01, released 2025-07-01 (exactly To−183:
//	                 followed this year, not recent; 30 days: 1_to_2_months),
//	                 reoffended 2025-12-31 (day 183: counts against her)
//	                 phone 2025-08-01 seen; wellbeing 4 on 03-01, 7 on 09-01
//	a2 Bex  (Birch)  white, 2 previous, born 2000-01-02 (24)
//	                 released 2024-11-01 (+183 = 2025-05-03: followed),
//	                 recalled 2025-05-04 (day 184: does not count)
//	                 community 2025-02-01 seen; wellbeing 5 (id r3) and 3
//	                 (id r4) both on 2025-05-01: first r3, latest r4: worse
//	a3 Cat  (Cedar)  black, drugs, 1 previous, born 1970-06-01 (54)
//	                 remanded 2024-12-20, released 2025-02-01 (43 days;
//	                 +183 = 2025-08-03: followed), sentenced 2025-07-20
//	                 (within six months), released again 2025-09-01 (recent,
//	                 nothing after it: recent_not_reoffended)
//	                 prison visits 2025-01-15 and 2025-08-25 seen; release
//	                 day 2025-09-15 seen (day 14 after her second release:
//	                 counts); community 2025-10-01 seen (continuing)
//	                 wellbeing once (not counted); housing 2 on 2024-12-31
//	                 (before), 5 on 02-01, 5 on 12-31: same
//	a4 Dot  (Dahlia) asian, born 1960-01-01 (65), previous not known
//	                 sentenced 2024-09-01, released 2025-03-10 with 1 day's
//	                 notice (190 days: over_6_months; followed, nothing after)
//	                 prison visit 2025-03-01 seen (only one); release day
//	                 2025-03-25 seen (day 15: does not count)
//	                 wellbeing 6 on 01-01, 6 on 06-01, 8 on 11-01: improved
//	a5 Eve  (Elm)    born 2010-01-01 (15: unknown band)
//	                 remanded 2024-01-01, released 2024-03-01, remanded
//	                 2025-05-10 (after her previous release), released
//	                 2025-06-01 with 2 days' notice (22 days: under_1_month;
//	                 followed, nothing after)
//	                 prison visits 2025-04-01, 2025-05-01 seen; release day
//	                 2025-06-01 seen (day 0); community 2025-06-15 seen
//	                 (day 14: not "more than 14 days", so not continuing)
//	a6 Fay  (Fern)   released 2025-12-01 with 3 days' notice (not late;
//	                 no remand or sentence: unknown; recent), reoffended
//	                 2025-12-20; prison visit 2025-05-20 not seen (refused)
//	                 court 2025-11-01 seen; court_outcome community_order
//	                 2025-11-01 then custody 2025-11-20 (the latest decides)
//	a7 Gem  (Gorse)  court 2025-10-01 seen; court_outcome suspended_sentence
//	                 2025-10-01, court_outcome with no outcome 2025-10-15
//	a8 Hal  (Holly)  court 2025-04-01 not seen; court_outcome adjourned
//	                 2025-04-01
func outcomeData(t *testing.T, db *sql.DB) {
	t.Helper()
	exec(t, db,
		`INSERT INTO people(id, name, pseudonym, date_of_birth, ethnicity, offence_group, previous_custodial_sentences) VALUES
			('a1', 'Amy Ash', 'Ash', '2000-01-01', 'white', 'theft', 0),
			('a2', 'Bex Birch', 'Birch', '2000-01-02', 'white', 'not_recorded', 2),
			('a3', 'Cat Cedar', 'Cedar', '1970-06-01', 'black', 'drugs', 1),
			('a4', 'Dot Dahlia', 'Dahlia', '1960-01-01', 'asian', 'not_recorded', NULL),
			('a5', 'Eve Elm', 'Elm', '2010-01-01', 'not_recorded', 'not_recorded', NULL),
			('a6', 'Fay Fern', 'Fern', NULL, 'not_recorded', 'not_recorded', NULL),
			('a7', 'Gem Gorse', 'Gorse', NULL, 'not_recorded', 'not_recorded', NULL),
			('a8', 'Hal Holly', 'Holly', NULL, 'not_recorded', 'not_recorded', NULL)`,
		`INSERT INTO contacts(id, date, kind) VALUES
			('k1', '2025-08-01', 'phone'), ('k2', '2025-02-01', 'community'),
			('k3', '2025-01-15', 'prison_visit'), ('k4', '2025-08-25', 'prison_visit'),
			('k5', '2025-09-15', 'release_day'), ('k6', '2025-10-01', 'community'),
			('k7', '2025-03-01', 'prison_visit'), ('k8', '2025-03-25', 'release_day'),
			('k9', '2025-04-01', 'prison_visit'), ('k10', '2025-05-01', 'prison_visit'),
			('k11', '2025-06-01', 'release_day'), ('k12', '2025-06-15', 'community'),
			('k13', '2025-05-20', 'prison_visit'), ('k14', '2025-11-01', 'court'),
			('k15', '2025-10-01', 'court'), ('k16', '2025-04-01', 'court')`,
		`INSERT INTO contact_people(contact_id, person_id, seen, not_seen_reason) VALUES
			('k1', 'a1', 1, ''), ('k2', 'a2', 1, ''), ('k3', 'a3', 1, ''), ('k4', 'a3', 1, ''),
			('k5', 'a3', 1, ''), ('k6', 'a3', 1, ''), ('k7', 'a4', 1, ''), ('k8', 'a4', 1, ''),
			('k9', 'a5', 1, ''), ('k10', 'a5', 1, ''), ('k11', 'a5', 1, ''), ('k12', 'a5', 1, ''),
			('k13', 'a6', 0, 'refused'), ('k14', 'a6', 1, ''), ('k15', 'a7', 1, ''), ('k16', 'a8', 0, 'other')`,
		`INSERT INTO events(id, person_id, date, kind, notice_days, outcome) VALUES
			('v01', 'a1', '2025-06-01', 'sentenced', NULL, NULL),
			('v02', 'a1', '2025-07-01', 'released', NULL, NULL),
			('v03', 'a1', '2025-12-31', 'reoffended', NULL, NULL),
			('v04', 'a2', '2024-11-01', 'released', NULL, NULL),
			('v05', 'a2', '2025-05-04', 'recalled', NULL, NULL),
			('v06', 'a3', '2024-12-20', 'remanded', NULL, NULL),
			('v07', 'a3', '2025-02-01', 'released', NULL, NULL),
			('v08', 'a3', '2025-07-20', 'sentenced', NULL, NULL),
			('v09', 'a3', '2025-09-01', 'released', NULL, NULL),
			('v10', 'a4', '2024-09-01', 'sentenced', NULL, NULL),
			('v11', 'a4', '2025-03-10', 'released', 1, NULL),
			('v12', 'a5', '2024-01-01', 'remanded', NULL, NULL),
			('v13', 'a5', '2024-03-01', 'released', NULL, NULL),
			('v14', 'a5', '2025-05-10', 'remanded', NULL, NULL),
			('v15', 'a5', '2025-06-01', 'released', 2, NULL),
			('v16', 'a6', '2025-12-01', 'released', 3, NULL),
			('v17', 'a6', '2025-12-20', 'reoffended', NULL, NULL),
			('v18', 'a6', '2025-11-01', 'court_outcome', NULL, 'community_order'),
			('v19', 'a6', '2025-11-20', 'court_outcome', NULL, 'custody'),
			('v20', 'a7', '2025-10-01', 'court_outcome', NULL, 'suspended_sentence'),
			('v21', 'a7', '2025-10-15', 'court_outcome', NULL, NULL),
			('v22', 'a8', '2025-04-01', 'court_outcome', NULL, 'adjourned')`,
		`INSERT INTO readings(id, person_id, date, area, score) VALUES
			('r1', 'a1', '2025-03-01', 'wellbeing', 4), ('r2', 'a1', '2025-09-01', 'wellbeing', 7),
			('r3', 'a2', '2025-05-01', 'wellbeing', 5), ('r4', 'a2', '2025-05-01', 'wellbeing', 3),
			('r5', 'a3', '2025-04-01', 'wellbeing', 9),
			('r6', 'a3', '2024-12-31', 'housing', 2), ('r7', 'a3', '2025-02-01', 'housing', 5),
			('r8', 'a3', '2025-12-31', 'housing', 5),
			('r9', 'a4', '2025-01-01', 'wellbeing', 6), ('r10', 'a4', '2025-06-01', 'wellbeing', 6),
			('r11', 'a4', '2025-11-01', 'wellbeing', 8)`,
	)
}

// want is every outcome figure of the dataset, with the women behind each
// (by pseudonym) worked out in outcomeData's comment.
var wantOutcomes = map[string][]string{
	"release_journey.in_prison":             {"Cedar", "Dahlia", "Elm"},
	"release_journey.released":              {"Cedar", "Dahlia", "Elm"},
	"release_journey.release_day_support":   {"Cedar", "Elm"},
	"release_journey.continuing_support":    {"Cedar"},
	"reoffending_6m.followed":               {"Ash", "Birch", "Cedar", "Dahlia", "Elm"},
	"reoffending_6m.not_reoffended":         {"Birch", "Dahlia", "Elm"},
	"reoffending_6m.recent":                 {"Cedar", "Fern"},
	"reoffending_6m.recent_not_reoffended":  {"Cedar"},
	"time_in_custody.under_1_month":         {"Elm"},
	"time_in_custody.1_to_2_months":         {"Ash", "Cedar"},
	"time_in_custody.3_to_6_months":         {},
	"time_in_custody.over_6_months":         {"Dahlia"},
	"time_in_custody.unknown":               {"Fern"},
	"only_one_visit":                        {"Dahlia"},
	"late_release_notice":                   {"Dahlia", "Elm"},
	"court.women":                           {"Fern", "Gorse"},
	"court.kept_out_of_prison":              {"Gorse"},
	"ethnicity.white":                       {"Ash", "Birch"},
	"ethnicity.black":                       {"Cedar"},
	"ethnicity.asian":                       {"Dahlia"},
	"ethnicity.not_recorded":                {"Elm", "Fern", "Gorse", "Holly"},
	"offence_groups.theft":                  {"Ash"},
	"offence_groups.drugs":                  {"Cedar"},
	"offence_groups.not_recorded":           {"Birch", "Dahlia", "Elm", "Fern", "Gorse", "Holly"},
	"age_bands.18_24":                       {"Birch"},
	"age_bands.25_34":                       {"Ash"},
	"age_bands.45_54":                       {"Cedar"},
	"age_bands.55_plus":                     {"Dahlia"},
	"age_bands.unknown":                     {"Elm", "Fern", "Gorse", "Holly"},
	"previous_custody.known":                {"Ash", "Birch", "Cedar"},
	"previous_custody.with_previous":        {"Birch", "Cedar"},
	"distance_travelled.wellbeing.women":    {"Ash", "Birch", "Dahlia"},
	"distance_travelled.wellbeing.improved": {"Ash", "Dahlia"},
	"distance_travelled.wellbeing.same":     {},
	"distance_travelled.wellbeing.worse":    {"Birch"},
	"distance_travelled.housing.women":      {"Cedar"},
	"distance_travelled.housing.same":       {"Cedar"},
}

func TestOutcomeFiguresOnAHandBuiltDataset(t *testing.T) {
	db := newDB(t)
	outcomeData(t, db)
	f, err := Monitoring(ctx, db, oFrom, oTo)
	require.NoError(t, err)

	require.Equal(t, ReleaseJourney{InPrison: 3, Released: 3, ReleaseDaySupport: 2, ContinuingSupport: 1}, f.ReleaseJourney)
	require.Equal(t, Reoffending6m{Followed: 5, NotReoffended: 3, Recent: 2, RecentNotReoffended: 1}, f.Reoffending6m)
	require.Equal(t, map[string]int{"under_1_month": 1, "1_to_2_months": 2, "3_to_6_months": 0, "over_6_months": 1, "unknown": 1}, f.TimeInCustody)
	// Every woman released in the period is in exactly one band.
	require.Equal(t, 5, f.WomenReleased)
	require.Equal(t, 1, f.OnlyOneVisit)
	require.Equal(t, 3, f.WomenVisitedInPrison)
	// a1, a3 twice, a4, a5, a6: six releases, two with 2 days' notice or less.
	require.Equal(t, 6, f.Releases)
	require.Equal(t, 2, f.LateReleaseNotice)
	require.Equal(t, CourtFigures{Accompaniments: 3, Women: 2, KeptOutOfPrison: 1}, f.Court)
	require.Equal(t, 8, f.WomenSupported)
	require.Equal(t, 2, f.Ethnicity["white"])
	require.Equal(t, 4, f.Ethnicity["not_recorded"])
	require.Equal(t, 0, f.Ethnicity["mixed"])
	require.Equal(t, 6, f.OffenceGroups["not_recorded"])
	require.Equal(t, map[string]int{"18_24": 1, "25_34": 1, "35_44": 0, "45_54": 1, "55_plus": 1, "unknown": 4}, f.AgeBands)
	require.Equal(t, PreviousCustody{Known: 3, WithPrevious: 2}, f.PreviousCustody)
	// Wellbeing: Ash 4→7 (+3), Birch 5→3 (−2), Dahlia 6→8 (+2): mean +1.
	require.Equal(t, Distance{Women: 3, Improved: 2, Same: 0, Worse: 1, AverageChange: 1}, f.DistanceTravelled["wellbeing"])
	require.Equal(t, Distance{Women: 1, Same: 1}, f.DistanceTravelled["housing"])
	require.Equal(t, Distance{}, f.DistanceTravelled["immigration"])

	for key, want := range wantOutcomes {
		rows, err := Breakdown(ctx, db, oFrom, oTo, key)
		require.NoError(t, err, key)
		got := []string{}
		total := 0
		for _, r := range rows {
			got = append(got, r.Label)
			total += r.Count
			require.NotContains(t, r.Label, " ", "a woman is shown by pseudonym, never by name")
		}
		sort.Strings(got)
		require.Equal(t, want, got, key)
		line := lineOf(t, f, key)
		require.Equal(t, line.Value, total, "the rows behind %s add up to it", key)
	}
	// The court accompaniments are contacts.
	rows, err := Breakdown(ctx, db, oFrom, oTo, "court.accompaniments")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	require.Equal(t, "contact", rows[0].Kind)
	// The average change opens to the women it is the average of.
	rows, err = Breakdown(ctx, db, oFrom, oTo, "distance_travelled.wellbeing.average_change")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	_, err = Breakdown(ctx, db, oFrom, oTo, "distance_travelled.happiness.women")
	require.Error(t, err)
}

func lineOf(t *testing.T, f *Figures, key string) OutcomeLine {
	t.Helper()
	for _, l := range f.OutcomeLines() {
		if l.Key == key {
			return l
		}
	}
	t.Fatalf("no outcome line %s", key)
	return OutcomeLine{}
}

// Moving To by one day moves a release from "recent" to "followed" and an
// event from inside the six months to outside them.
func TestSixMonthsAreExactly183DaysWithDay183Included(t *testing.T) {
	db := newDB(t)
	exec(t, db,
		`INSERT INTO people(id, name, pseudonym) VALUES ('x', 'Xan Yew', 'Yew'), ('z', 'Zoe Zinnia', 'Zinnia')`,
		// x released 2025-01-01: day 183 is 2025-07-03.
		`INSERT INTO events(id, person_id, date, kind) VALUES
			('e1', 'x', '2025-01-01', 'released'), ('e2', 'x', '2025-07-04', 'reoffended'),
			('e3', 'z', '2025-01-01', 'released'), ('e4', 'z', '2025-07-03', 'recalled')`)
	// To = 2025-07-03: both releases are exactly 183 days before To, so
	// both are followed; z's recall on day 183 counts, x's reoffending on
	// day 184 is after To anyway.
	f, err := Monitoring(ctx, db, "2025-07-01", "2025-07-03")
	require.NoError(t, err)
	require.Equal(t, Reoffending6m{Followed: 2, NotReoffended: 1}, f.Reoffending6m)
	// To = 2025-07-02: the releases are 182 days before To: recent, not
	// followed, and released in the period.
	f, err = Monitoring(ctx, db, "2025-01-01", "2025-07-02")
	require.NoError(t, err)
	require.Equal(t, Reoffending6m{Recent: 2, RecentNotReoffended: 2}, f.Reoffending6m)
	// A year later x's reoffending (day 184) never counted against her.
	f, err = Monitoring(ctx, db, "2025-07-03", "2026-07-02")
	require.NoError(t, err)
	require.Equal(t, Reoffending6m{Followed: 2, NotReoffended: 1}, f.Reoffending6m)
}

func TestOutcomeFiguresInTextCSVAndJSON(t *testing.T) {
	db := newDB(t)
	outcomeData(t, db)
	f, err := Monitoring(ctx, db, oFrom, oTo)
	require.NoError(t, err)

	var text bytes.Buffer
	require.NoError(t, WriteText(&text, f))
	out := text.String()
	require.Contains(t, out, "of them, released in the period")
	require.Regexp(t, `of them, released in the period +3 of 3 \(100%\)`, out)
	require.Regexp(t, `of them, seen on release day \(within 14 days\) +2 of 3 \(67%\)`, out)
	require.Regexp(t, `of them, did not re-offend within six months +3 of 5 \(60%\)`, out)
	require.Regexp(t, `Women seen in prison only once +1 of 3 \(33%\)`, out)
	require.Regexp(t, `Releases notified 2 days or less before +2 of 6 \(33%\)`, out)
	require.Regexp(t, `Wellbeing: average change of score +\+1\.00`, out)
	require.Regexp(t, `Housing: stayed the same +1 of 1 \(100%\)`, out)
	require.NotContains(t, out, "Immigration: improved", "areas without readings are left out of the text")
	require.NotContains(t, out, "Amy", "no names in a report")

	var c bytes.Buffer
	require.NoError(t, WriteCSV(&c, f))
	require.True(t, strings.HasPrefix(c.String(), "Figure,Value\n"))
	recs, err := csv.NewReader(&c).ReadAll()
	require.NoError(t, err)
	// The CSV names each outcome by its heading and label, not its key.
	label := map[string]string{}
	for _, l := range f.OutcomeLines() {
		label[l.Key] = l.Group + ": " + l.Label
	}
	got := map[string]string{}
	for _, r := range recs[1:] {
		require.NotContains(t, r[0], "release_journey.")
		got[r[0]] = r[1]
	}
	require.Equal(t, "From prison to the community: of them, seen on release day (within 14 days)", label["release_journey.release_day_support"])
	require.Equal(t, "2", got[label["release_journey.release_day_support"]])
	require.Equal(t, "1.00", got[label["distance_travelled.wellbeing.average_change"]])
	require.Equal(t, "0", got[label["distance_travelled.immigration.women"]])
	require.Equal(t, "1", got[label["court.kept_out_of_prison"]])
}

func TestPercentagesRoundHalfUpAndNothingOfNothingHasNoPercentage(t *testing.T) {
	require.Equal(t, "2 of 3 (67%)", OutcomeLine{Value: 2, OfKey: "x", Of: 3}.Words())
	require.Equal(t, "1 of 8 (13%)", OutcomeLine{Value: 1, OfKey: "x", Of: 8}.Words()) // 12.5 → 13
	require.Equal(t, "0 of 0", OutcomeLine{Value: 0, OfKey: "x", Of: 0}.Words())
	require.Equal(t, "4", OutcomeLine{Value: 4}.Words())
	avg := -0.5
	require.Equal(t, "-0.50", OutcomeLine{Average: &avg}.Words())
}

func TestDistanceByAreaListsWellbeingAndTheAreasWithReadings(t *testing.T) {
	db := newDB(t)
	outcomeData(t, db)
	f, err := Monitoring(ctx, db, oFrom, oTo)
	require.NoError(t, err)
	got := f.DistanceByArea()
	require.Equal(t, []AreaDistance{
		{Area: "wellbeing", Label: "Wellbeing", Distance: Distance{Women: 3, Improved: 2, Worse: 1, AverageChange: 1}},
		{Area: "housing", Label: "Housing", Distance: Distance{Women: 1, Same: 1}},
	}, got)
	f, err = Monitoring(ctx, db, "2026-01-01", "2026-12-31")
	require.NoError(t, err)
	require.Equal(t, []AreaDistance{{Area: "wellbeing", Label: "Wellbeing"}}, f.DistanceByArea())
}

// Her subject access report holds the outcome facts recorded about her:
// ethnicity, offence group, previous sentences, the notice of her release,
// what a court decided, and her readings.
func TestHerSubjectAccessReportHoldsHerOutcomeFactsAndReadings(t *testing.T) {
	db := newDB(t)
	outcomeData(t, db)
	p, err := PersonReport(ctx, db, "a4")
	require.NoError(t, err)
	require.Equal(t, "Asian or Asian British", p.Ethnicity)
	require.Equal(t, "Not recorded", p.OffenceGroup)
	require.Equal(t, "", p.PreviousCustodialSentences, "not known")
	require.Equal(t, "1 day's notice", p.Events[1].Detail)
	require.Equal(t, []ReadingData{{"r9", "2025-01-01", "Wellbeing", 6}, {"r10", "2025-06-01", "Wellbeing", 6},
		{"r11", "2025-11-01", "Wellbeing", 8}}, p.Readings)
	p, err = PersonReport(ctx, db, "a6")
	require.NoError(t, err)
	require.Equal(t, "Outcome: Community order", p.Events[0].Detail)
	p, err = PersonReport(ctx, db, "a2")
	require.NoError(t, err)
	require.Equal(t, "2", p.PreviousCustodialSentences)
}
