package demo

import (
	"math"
	"math/rand/v2"
	"strings"

	"inreach/exchange"
	"inreach/schema"
)

// The outcome facts (ethnicity, offence group, previous custodial
// sentences, days of notice of a release, what a court decided, and her own
// readings) are drawn from their own random stream, seeded from the same
// seed, so that adding them left every other record of a seed as it was.

func newOutcomeRand(seed int64) *rand.Rand {
	s := uint64(seed)
	return rand.New(rand.NewPCG(s^0x6a09e667f3bcc908, s+0xbb67ae8584caa73b))
}

// weighted picks one of pairs (value, weight, value, weight …).
func weighted(r *rand.Rand, pairs ...any) string {
	total := 0.0
	for i := 1; i < len(pairs); i += 2 {
		total += pairs[i].(float64)
	}
	x := r.Float64() * total
	for i := 0; i+1 < len(pairs); i += 2 {
		x -= pairs[i+1].(float64)
		if x < 0 {
			return pairs[i].(string)
		}
	}
	return pairs[len(pairs)-2].(string)
}

// personFacts fills her ethnicity, offence group and previous custodial
// sentences: in proportions near those of women in custody in England.
func (g *gen) personFacts(w *woman, p *exchange.Person) {
	o := g.o
	p.Ethnicity = weighted(o, "white", 0.72, "black", 0.07, "asian", 0.04, "mixed", 0.06,
		"other_ethnic_group", 0.02, "not_recorded", 0.07, "prefer_not_to_say", 0.02)
	offended := len(w.segs) > 0 || w.communityOrder
	if offended && o.Float64() < 0.93 {
		p.OffenceGroup = weighted(o, "theft", 0.30, "violence_against_the_person", 0.18, "drugs", 0.12,
			"breach_of_order", 0.08, "fraud", 0.06, "public_order", 0.05, "summary_non_motoring", 0.05,
			"criminal_damage_arson", 0.04, "robbery", 0.03, "possession_of_weapons", 0.02,
			"summary_motoring", 0.02, "sexual", 0.01, "other", 0.02)
	} else {
		p.OffenceGroup = "not_recorded"
	}
	switch {
	case len(w.segs) > 0 && o.Float64() < 0.8:
		// Three in four women in custody have served a sentence before.
		n := 0
		if o.Float64() < 0.75 {
			n = 1 + int(o.ExpFloat64()*2.5)
		}
		n = min(n, 40)
		p.PreviousCustodialSentences = &n
	case len(w.segs) == 0 && o.Float64() < 0.5:
		n := 0
		if o.Float64() < 0.3 {
			n = 1 + o.IntN(3)
		}
		p.PreviousCustodialSentences = &n
	}
}

// eventFacts fills the days of notice of a release (most with weeks of
// notice, some told the day before or on the day, some not known) and what
// the court decided: read from the event's words, or for one hearing in
// four a fine, a discharge or an adjournment, with the note saying so.
func (g *gen) eventFacts(e *exchange.Event, template string) {
	o := g.o
	switch e.Kind {
	case "released":
		if strings.Contains(template, "from court") || o.Float64() < 0.15 {
			return // released from court, or not known
		}
		var n int
		switch x := o.Float64(); {
		case x < 0.08:
			n = 0
		case x < 0.18:
			n = 1 + o.IntN(2)
		case x < 0.45:
			n = 3 + o.IntN(12)
		default:
			n = 15 + o.IntN(75)
		}
		e.NoticeDays = &n
	case "court_outcome":
		var out string
		if o.Float64() < 0.25 {
			// Some hearings end otherwise: say so in the note too.
			out = weighted(o, "fine", 0.45, "discharge", 0.35, "adjourned", 0.2)
			place := "."
			if i := strings.Index(e.Note, " at "); i >= 0 {
				place = e.Note[i:]
			}
			e.Note = map[string]string{"fine": "Fined", "discharge": "Conditional discharge", "adjourned": "Hearing adjourned"}[out] + place
			e.Outcome = &out
			return
		}
		switch {
		case strings.Contains(template, "Community order"):
			out = "community_order"
		case strings.Contains(template, "Suspended"):
			out = "suspended_sentence"
		case strings.Contains(template, "dismissed"):
			out = "acquitted"
		default:
			out = weighted(o, "community_order", 0.4, "suspended_sentence", 0.2, "fine", 0.1,
				"discharge", 0.1, "adjourned", 0.1, "custody", 0.05, "other", 0.05)
		}
		e.Outcome = &out
	}
}

// readingTrend is how one area goes for one woman: where she starts and how
// much it changes every 90 days.
type readingTrend struct {
	start, per90 float64
}

// makeReadings adds her own readings, taken with her at contacts where she
// was seen face to face: wellbeing at about a third of them, and one of her
// needs at about one in six. Most women's scores rise slowly; some stay
// where they are and some fall.
func (g *gen) makeReadings() {
	o := g.o
	byID := map[string]*woman{}
	for _, w := range g.women {
		byID[w.id] = w
	}
	trends := map[[2]string]*readingTrend{}
	trend := func(pid, area string) *readingTrend {
		k := [2]string{pid, area}
		t := trends[k]
		if t == nil {
			t = &readingTrend{start: 2.5 + o.Float64()*3.5}
			switch x := o.Float64(); {
			case x < 0.6:
				t.per90 = 0.3 + o.Float64()*0.9
			case x < 0.85:
				t.per90 = 0
			default:
				t.per90 = -0.2 - o.Float64()*0.6
			}
			trends[k] = t
		}
		return t
	}
	first := map[[2]string]int{}
	for _, c := range g.doc.Contacts {
		switch c.Kind {
		case "prison_visit", "release_day", "community", "court":
		default:
			continue
		}
		d, err := schema.ParseDate(c.Date)
		if err != nil {
			continue
		}
		day := dayOf(d)
		for _, cp := range c.People {
			w := byID[cp.Person]
			if !cp.Seen || w == nil {
				continue
			}
			var areas []string
			if o.Float64() < 0.33 {
				areas = append(areas, "wellbeing")
			}
			if len(w.needs) > 0 && o.Float64() < 0.16 {
				areas = append(areas, w.needs[o.IntN(len(w.needs))])
			}
			for _, a := range areas {
				k := [2]string{w.id, a}
				if _, ok := first[k]; !ok {
					first[k] = day
				}
				t := trend(w.id, a)
				v := t.start + t.per90*float64(day-first[k])/90 + (o.Float64()*2 - 1)
				score := int(math.Round(v))
				score = max(schema.MinScore, min(schema.MaxScore, score))
				cid := c.ID
				g.doc.Readings = append(g.doc.Readings, exchange.Reading{ID: g.id("r", 6), Person: w.id,
					Date: c.Date, Area: a, Score: score, Contact: &cid})
			}
		}
	}
	if g.doc.Readings == nil {
		g.doc.Readings = []exchange.Reading{}
	}
}

// courtOutcomes records what the court decided on each of her court days
// that has no court outcome event yet: custody when she was sent to prison,
// otherwise a community sentence of some kind. Their ids ("vc…") are apart
// from the other events', so that no other event's id changed when they
// were added.
func (g *gen) courtOutcomes(w *woman) {
	has := map[int]bool{}
	for _, e := range w.events {
		if e.kind == "court_outcome" {
			has[e.day] = true
		}
	}
	for _, cd := range w.courtDays {
		if has[cd.day] || cd.day > g.end || (w.closed != 0 && cd.day > w.closed) {
			continue
		}
		has[cd.day] = true
		out, note := "custody", "Sentenced to custody."
		if cd.outcome != "custody" {
			out = weighted(g.o, "community_order", 0.45, "suspended_sentence", 0.3, "fine", 0.1, "discharge", 0.1, "other", 0.05)
			note = "Sentenced in the community: " + strings.ToLower(schema.CourtOutcome.Label(out)) + "."
		}
		g.doc.Events = append(g.doc.Events, exchange.Event{ID: g.id("vc", 5), Person: w.id, Date: g.date(cd.day),
			Kind: "court_outcome", Note: note, Outcome: &out})
	}
}
