// Package demo makes fictional, realistic Inreach data: women in UK women's
// prisons and the community, prison-visit sessions, release days, court
// accompaniment, phone calls, letters, actions, outcome events, reflective
// diary entries, supervision and newsletters, as an interchange document.
//
// Everything is invented. Names are common first names and surnames
// combined at random; pseudonyms are flower, bird and gem words; phone
// numbers are in Ofcom's drama ranges (01632 960xxx, 07700 900xxx) and email
// addresses are at example.org. The prisons and courts are real public
// places, with invented details.
//
// The data are deterministic: the same scale and seed always give the same
// document. Nothing depends on the clock: the story ends on EndDate (or the
// end date given to GenerateEnding).
package demo

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"inreach/exchange"
	"inreach/schema"
)

// EndDate is the last day of the demo story: "today" in the demo data.
// Releases fall in the 14 days after it, actions are overdue or due soon
// around it, and some letters are still waiting for a reply.
const EndDate = "2026-11-23"

// Scales are the scale names Generate accepts, smallest first.
var Scales = []string{"small", "decade", "org"}

// scaleConfig sets the size of one scale. The record counts are targets;
// the generated counts land near them.
type scaleConfig struct {
	years         int
	women         int
	practitioners int
	contacts      int
	diary         int
	newsletters   int
	letters       int
	actions       int
	upcoming      int // women released in the 14 days after the end
}

var scales = map[string]scaleConfig{
	// One practitioner's first year.
	"small": {years: 1, women: 25, practitioners: 1, contacts: 180, diary: 40, newsletters: 12, letters: 80, actions: 240, upcoming: 3},
	// The benchmark corpus of DESIGN.md: one busy practitioner, ten years.
	"decade": {years: 10, women: 400, practitioners: 1, contacts: 6000, diary: 1200, newsletters: 120, letters: 3000, actions: 8000, upcoming: 6},
	// Nine practitioners: ten times the decade.
	"org": {years: 10, women: 4000, practitioners: 9, contacts: 60000, diary: 12000, newsletters: 1200, letters: 30000, actions: 80000, upcoming: 50},
}

// Generate makes the demo document for scale ("small", "decade" or "org")
// and seed, ending on EndDate.
func Generate(scale string, seed int64) (*exchange.Document, error) {
	return GenerateEnding(scale, seed, EndDate)
}

// GenerateEnding is Generate with the story ending on end (YYYY-MM-DD)
// instead of EndDate.
func GenerateEnding(scale string, seed int64, end string) (*exchange.Document, error) {
	cfg, ok := scales[scale]
	if !ok {
		return nil, fmt.Errorf("unknown demo scale %q (use %s)", scale, strings.Join(Scales, ", "))
	}
	t, err := schema.ParseDate(end)
	if err != nil {
		return nil, fmt.Errorf("demo end date: %w", err)
	}
	g := newGen(cfg, seed, dayOf(t))
	g.run()
	// Needs discussed at her contacts are on her record, as the app keeps them.
	exchange.OpenDiscussedNeeds(g.doc)
	exchange.Sort(g.doc)
	return g.doc, nil
}

// Create generates the demo document for scale and seed and imports it
// into db.
func Create(ctx context.Context, db *sql.DB, scale string, seed int64) (exchange.ImportResult, error) {
	d, err := Generate(scale, seed)
	if err != nil {
		return exchange.ImportResult{}, err
	}
	return exchange.Import(ctx, db, d)
}

// gen holds the state of one generation.
type gen struct {
	r     *rand.Rand
	o     *rand.Rand // the outcome facts' own stream (outcomes.go)
	cfg   scaleConfig
	start int // first day of the story (day numbers count from 1970-01-01)
	end   int // last day
	doc   *exchange.Document
	seq   map[string]int

	prisons   []estRef
	courts    []estRef
	probation []estRef
	hubs      []estRef
	agencies  []agencyRef
	byCat     map[string][]int

	women    []*woman
	contacts []*contactRec
	diary    []*diaryRec
	staff    []string // practitioners
	bosses   []string // supervisors
	slots    []actionSlot
	dates    map[int]string
	phases   map[phaseKey][]string
}

type estRef struct {
	id string
	place
}

type agencyRef struct {
	id, name, category string
}

func newGen(cfg scaleConfig, seed int64, end int) *gen {
	s := uint64(seed)
	g := &gen{
		r:      rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15)),
		o:      newOutcomeRand(seed),
		cfg:    cfg,
		end:    end,
		start:  end - cfg.years*365 + 1,
		doc:    &exchange.Document{Format: exchange.Format, Version: exchange.Version},
		seq:    map[string]int{},
		byCat:  map[string][]int{},
		dates:  map[int]string{},
		phases: map[phaseKey][]string{},
	}
	g.doc.ExportedAt = g.date(end) + "T17:00:00Z"
	return g
}

func (g *gen) run() {
	g.makeStaff()
	g.makePlaces()
	g.makeAgencies()
	g.makeWomen()
	g.makeSessions()
	g.makeReleaseDays()
	g.makeCourtDays()
	g.makeOtherContacts()
	g.makeLetters()
	g.makeActions()
	g.makeDiary()
	g.makeSupervision()
	g.makeNewsletters()
	g.finishPeople()
	g.finishContacts()
	g.makeReadings()
}

// id returns the next id of a kind: prefix and a zero-padded number.
func (g *gen) id(prefix string, width int) string {
	g.seq[prefix]++
	return fmt.Sprintf("%s%0*d", prefix, width, g.seq[prefix])
}

// ---- days and dates ----

func dayOf(t time.Time) int { return int(t.Unix() / 86400) }

func (g *gen) date(day int) string {
	if s, ok := g.dates[day]; ok {
		return s
	}
	s := time.Unix(int64(day)*86400, 0).UTC().Format(schema.DateLayout)
	g.dates[day] = s
	return s
}

func (g *gen) datePtr(day int) *string {
	s := g.date(day)
	return &s
}

// weekday is 0 for Sunday … 6 for Saturday.
func weekday(day int) int { return (day + 4) % 7 }

// workday moves day forward to a Monday–Friday.
func workday(day int) int {
	for weekday(day) == 0 || weekday(day) == 6 {
		day++
	}
	return day
}

func monthStart(day int) int {
	t := time.Unix(int64(day)*86400, 0).UTC()
	return dayOf(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC))
}

func nextMonth(day int) int {
	t := time.Unix(int64(day)*86400, 0).UTC()
	return dayOf(time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC))
}

func monthName(day int) string {
	return time.Unix(int64(day)*86400, 0).UTC().Format("January 2006")
}

// ---- random helpers ----

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// between is a random whole number from a to b inclusive.
func (g *gen) between(a, b int) int {
	if b <= a {
		return a
	}
	return a + g.r.IntN(b-a+1)
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// pickN picks n different entries of list (fewer if list is shorter), in
// list order.
func (g *gen) pickN(list []string, n int) []string {
	if n >= len(list) {
		return append([]string(nil), list...)
	}
	idx := g.r.Perm(len(list))[:n]
	keep := make([]bool, len(list))
	for _, i := range idx {
		keep[i] = true
	}
	var out []string
	for i, s := range list {
		if keep[i] {
			out = append(out, s)
		}
	}
	return out
}

func (g *gen) phone() string  { return fmt.Sprintf("01632 960%03d", g.r.IntN(1000)) }
func (g *gen) mobile() string { return fmt.Sprintf("07700 900%03d", g.r.IntN(1000)) }

func (g *gen) staffName() string {
	return g.pick(staffFirst) + " " + g.pick(staffLast)
}

func (g *gen) makeStaff() {
	used := map[string]bool{}
	uniq := func() string {
		for {
			n := g.staffName()
			if !used[n] {
				used[n] = true
				return n
			}
		}
	}
	for i := 0; i < g.cfg.practitioners; i++ {
		g.staff = append(g.staff, uniq())
	}
	for i := 0; i < 3; i++ {
		g.bosses = append(g.bosses, uniq())
	}
}
