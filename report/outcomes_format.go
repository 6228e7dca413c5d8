package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"inreach/schema"
)

// An OutcomeLine is one outcome figure in flat form, for text, CSV, PDF,
// the evaluation's table and a screen: its key (as in the CSV and as
// Breakdown takes it), its words, the heading it sits under, its value and,
// where the figure is a share ("n of m"), the key and value of the whole.
type OutcomeLine struct {
	Key   string
	Label string
	Group string
	Value int
	// OfKey names the figure this one is a share of ("" when it is not a
	// share); Of is that figure's value.
	OfKey string
	Of    int
	// Average is set on the distance_travelled.<area>.average_change lines
	// (Value is then 0): the mean change of score, latest minus first.
	Average *float64
}

// IsShare reports whether the line is "n of m".
func (l OutcomeLine) IsShare() bool { return l.OfKey != "" }

// Words says the value as a report prints it: "7", "7 of 9 (78%)",
// "0 of 0" (no percentage of nothing), or a signed average "+1.25".
func (l OutcomeLine) Words() string {
	switch {
	case l.Average != nil:
		return fmt.Sprintf("%+.2f", *l.Average)
	case !l.IsShare():
		return strconv.Itoa(l.Value)
	case l.Of == 0:
		return fmt.Sprintf("%d of 0", l.Value)
	}
	return fmt.Sprintf("%d of %d (%d%%)", l.Value, l.Of, Percent(l.Value, l.Of))
}

// CSVValue is the value in a CSV cell: the number, or the average with two
// decimals.
func (l OutcomeLine) CSVValue() string {
	if l.Average != nil {
		return strconv.FormatFloat(*l.Average, 'f', 2, 64)
	}
	return strconv.Itoa(l.Value)
}

// Percent is n as a whole percentage of m, rounded half up (0 when m is 0).
func Percent(n, m int) int {
	if m == 0 {
		return 0
	}
	return int(math.Floor(float64(n)*100/float64(m) + 0.5))
}

// The headings of the outcome lines, in order.
const (
	GroupJourney    = "From prison to the community"
	GroupReoffend   = "Re-offending within six months of release (as recorded)"
	GroupCustody    = "Time in custody before release (women released in the period)"
	GroupVisits     = "Prison visits"
	GroupNotice     = "Notice of release"
	GroupCourt      = "Court"
	GroupOffence    = "Offence group (women supported)"
	GroupEthnicity  = "Ethnicity (women supported)"
	GroupAge        = "Age at the start of the period (women supported)"
	GroupPrevious   = "Previous custodial sentences (women supported)"
	GroupDistance   = "Distance travelled (her own readings, first and latest in the period)"
	distanceAverage = "average_change"
)

// OutcomeLines lists every outcome figure in report order, zeros
// included: the journey, re-offending, time in custody, visits, notice,
// court, offence groups, ethnicity, age bands, previous custody, and for
// wellbeing then every need area the distance travelled (women, improved,
// same, worse, average change).
func (f *Figures) OutcomeLines() []OutcomeLine {
	var out []OutcomeLine
	add := func(group, key, label string, v int, ofKey string, of int) {
		out = append(out, OutcomeLine{Key: key, Label: label, Group: group, Value: v, OfKey: ofKey, Of: of})
	}
	j := f.ReleaseJourney
	add(GroupJourney, "release_journey.in_prison", "Women seen in prison", j.InPrison, "", 0)
	add(GroupJourney, "release_journey.released", "of them, released in the period", j.Released, "release_journey.in_prison", j.InPrison)
	add(GroupJourney, "release_journey.release_day_support", "of them, seen on release day (within 14 days)", j.ReleaseDaySupport, "release_journey.released", j.Released)
	add(GroupJourney, "release_journey.continuing_support", "of them, still seen more than 14 days after release", j.ContinuingSupport, "release_journey.release_day_support", j.ReleaseDaySupport)

	r := f.Reoffending6m
	add(GroupReoffend, "reoffending_6m.followed", "Women whose six months after release ended in the period", r.Followed, "", 0)
	add(GroupReoffend, "reoffending_6m.not_reoffended", "of them, did not re-offend within six months", r.NotReoffended, "reoffending_6m.followed", r.Followed)
	add(GroupReoffend, "reoffending_6m.recent", "Women released in the last six months of the period", r.Recent, "", 0)
	add(GroupReoffend, "reoffending_6m.recent_not_reoffended", "of them, no re-offending recorded so far", r.RecentNotReoffended, "reoffending_6m.recent", r.Recent)

	for _, b := range TimeInCustodyBands {
		add(GroupCustody, "time_in_custody."+b.Key, b.Label, f.TimeInCustody[b.Key], "women_released", f.WomenReleased)
	}
	add(GroupVisits, "only_one_visit", "Women seen in prison only once", f.OnlyOneVisit, "women_visited_in_prison", f.WomenVisitedInPrison)
	add(GroupNotice, "late_release_notice", "Releases notified 2 days or less before", f.LateReleaseNotice, "releases", f.Releases)

	add(GroupCourt, "court.accompaniments", "Court accompaniments", f.Court.Accompaniments, "", 0)
	add(GroupCourt, "court.women", "Women accompanied at court", f.Court.Women, "", 0)
	add(GroupCourt, "court.kept_out_of_prison", "Women whose court outcome kept them out of prison", f.Court.KeptOutOfPrison, "", 0)

	for _, v := range schema.OffenceGroup.Values {
		add(GroupOffence, "offence_groups."+v, schema.OffenceGroup.Label(v), f.OffenceGroups[v], "women_supported", f.WomenSupported)
	}
	for _, v := range schema.Ethnicity.Values {
		add(GroupEthnicity, "ethnicity."+v, schema.Ethnicity.Label(v), f.Ethnicity[v], "women_supported", f.WomenSupported)
	}
	for _, v := range schema.AgeBand.Values {
		add(GroupAge, "age_bands."+v, schema.AgeBand.Label(v), f.AgeBands[v], "women_supported", f.WomenSupported)
	}
	p := f.PreviousCustody
	add(GroupPrevious, "previous_custody.known", "Number of previous sentences recorded", p.Known, "women_supported", f.WomenSupported)
	add(GroupPrevious, "previous_custody.with_previous", "of them, one or more", p.WithPrevious, "previous_custody.known", p.Known)

	for _, a := range schema.ReadingArea.Values {
		d := f.DistanceTravelled[a]
		b := "distance_travelled." + a
		name := schema.ReadingArea.Label(a)
		add(GroupDistance, b+".women", name+": women with two or more readings", d.Women, "", 0)
		add(GroupDistance, b+".improved", name+": improved", d.Improved, b+".women", d.Women)
		add(GroupDistance, b+".same", name+": stayed the same", d.Same, b+".women", d.Women)
		add(GroupDistance, b+".worse", name+": got worse", d.Worse, b+".women", d.Women)
		avg := d.AverageChange
		out = append(out, OutcomeLine{Key: b + "." + distanceAverage, Label: name + ": average change of score",
			Group: GroupDistance, Average: &avg})
	}
	return out
}

// shownInText reports whether the text and PDF reports print l: every line
// except the distance travelled of areas no woman has two readings of
// (wellbeing is always shown).
func (f *Figures) shownInText(l OutcomeLine) bool {
	rest, ok := strings.CutPrefix(l.Key, "distance_travelled.")
	if !ok {
		return true
	}
	area, _, _ := strings.Cut(rest, ".")
	return area == "wellbeing" || f.DistanceTravelled[area].Women > 0
}

// PrintedOutcomeLines are the outcome lines a text or PDF report prints
// (see OutcomeLines; distance travelled only for wellbeing and the areas
// with readings).
func (f *Figures) PrintedOutcomeLines() []OutcomeLine {
	var out []OutcomeLine
	for _, l := range f.OutcomeLines() {
		if f.shownInText(l) {
			out = append(out, l)
		}
	}
	return out
}

// An AreaDistance is the distance travelled in one area, for the Reports
// screen: how many women improved, stayed the same or got worse between
// their first and latest reading in the period, and the average change.
type AreaDistance struct {
	Area  string // schema.ReadingArea
	Label string
	Distance
}

// DistanceByArea lists the distance travelled for wellbeing and every area
// with at least one woman with two readings, in the order of
// schema.ReadingArea. Breakdown with "distance_travelled.<area>.improved"
// (… .same, .worse, .women) opens each to the women behind it.
func (f *Figures) DistanceByArea() []AreaDistance {
	var out []AreaDistance
	for _, a := range schema.ReadingArea.Values {
		d := f.DistanceTravelled[a]
		if a == "wellbeing" || d.Women > 0 {
			out = append(out, AreaDistance{Area: a, Label: schema.ReadingArea.Label(a), Distance: d})
		}
	}
	return out
}
