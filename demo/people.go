package demo

import (
	"fmt"

	"inreach/exchange"
	"inreach/schema"
)

// finishPeople writes each woman's record as it stands at the end of the
// story, and her outcome events.
func (g *gen) finishPeople() {
	safety := 0
	for _, w := range g.women {
		w.sortEvents()
		p := g.personRecord(w)
		g.personFacts(w, &p)
		if p.SafetyNote != "" {
			safety++
		}
		g.doc.People = append(g.doc.People, p)
		g.emitEvents(w)
	}
	if safety == 0 { // every caseload has someone who needs one
		for i := range g.doc.People {
			if len(g.doc.People[i].Sensitive) > 0 || i == len(g.doc.People)-1 {
				g.doc.People[i].SafetyNote = safetyNotes[0]
				break
			}
		}
	}
}

func (g *gen) personRecord(w *woman) exchange.Person {
	p := exchange.Person{ID: w.id, Name: w.name, Pseudonym: w.pseud, ReleasePlan: []exchange.PlanItem{}}
	if g.chance(0.92) {
		dob := w.referral - g.between(19, 60)*365 - g.r.IntN(365)
		p.DateOfBirth = g.datePtr(dob)
	}
	if len(w.segs) > 0 {
		p.PrisonNumber = fmt.Sprintf("%c%04d%c%c", 'A'+g.r.IntN(26), g.r.IntN(10000), 'A'+g.r.IntN(26), 'A'+g.r.IntN(26))
	}
	cur := w.custodyAt(g.end)
	closed := w.closed != 0 && w.closed <= g.end
	switch {
	case closed:
		p.Status = "closed"
		p.ClosedOn = g.datePtr(w.closed)
	case w.justReferred:
		p.Status = "referred"
	case cur != nil && cur.remand:
		p.Status = "custody_remand"
	case cur != nil:
		p.Status = "custody_sentenced"
	case w.communityOrder && w.licEnd > g.end:
		p.Status = "community_order"
	case !w.communityOrder && w.licEnd > g.end:
		p.Status = "released_licence"
	default:
		p.Status = "community"
	}
	// Where she is held, or was last held.
	if cur != nil {
		id := g.prisons[cur.prison].id
		p.Establishment = &id
	} else if n := len(w.segs); n > 0 {
		id := g.prisons[w.segs[n-1].prison].id
		p.Establishment = &id
	} else if w.home >= 0 {
		id := g.prisons[w.home].id
		p.Establishment = &id
	}
	// Sentence, from her last sentenced spell.
	served := 0
	for _, s := range w.segs {
		if !s.remand {
			served = s.to - s.from
		}
	}
	switch {
	case served > 0:
		p.Sentence = sentenceWords(served * 2)
	case len(w.segs) > 0 && cur != nil:
		p.Sentence = "On remand"
	case w.communityOrder:
		p.Sentence = fmt.Sprintf("%d-month community order", []int{6, 12, 18, 24}[g.r.IntN(4)])
	}
	switch {
	case cur != nil && !cur.remand:
		p.ReleaseDate = g.datePtr(cur.to)
		p.ReleaseDateConfirmed = cur.to-g.end <= 60 || g.chance(0.5)
	case cur == nil && len(w.releases) > 0 && w.releases[len(w.releases)-1] <= g.end:
		p.ReleaseDate = g.datePtr(w.releases[len(w.releases)-1])
		p.ReleaseDateConfirmed = true
	}
	switch {
	case w.referral < g.start:
		p.Referral = "existing"
	case served > 0 && served*2 < 365 && g.chance(0.5):
		p.Referral = "short_sentence"
	case served*2 >= 4*365 && g.chance(0.5):
		p.Referral = "long_sentence"
	default:
		p.Referral = "new"
	}
	p.ReferralDate = g.datePtr(w.referral)
	if !w.justReferred || g.chance(0.5) {
		p.Consent.RecordedOn = g.datePtr(min(w.referral+g.between(0, 14), g.end))
		p.Consent.ShareWith = g.pick(shareWith)
	}
	p.Needs = []exchange.Need{}
	for _, n := range w.needs {
		need := exchange.Need{Area: n}
		x := g.r.Float64()
		switch {
		case w.justReferred:
			need.Status = "open"
		case closed:
			need.Status = []string{"met", "met", "met", "declined", "in_progress"}[int(x*5)]
		default:
			need.Status = []string{"open", "open", "in_progress", "in_progress", "in_progress", "met", "declined"}[int(x*7)]
		}
		if g.chance(0.5) {
			need.Note = stripPhase(g.pickPhase(needNotes[n], cur != nil))
		}
		p.Needs = append(p.Needs, need)
	}
	p.Sensitive = g.sensitiveFlags(w)
	if g.chance(0.1) {
		p.SafetyNote = g.pick(safetyNotes)
	}
	if closed && w.closed < g.end-6*365 && g.chance(0.3) {
		p.RetentionNote = g.pick(retentionNotes)
	}
	p.ReleasePlan = g.releasePlan(w, cur)
	w.person = &p
	return p
}

func sentenceWords(days int) string {
	months := max(1, (days+15)/30)
	switch {
	case months < 24:
		return fmt.Sprintf("%d months", months)
	case months%12 == 0:
		return fmt.Sprintf("%d years", months/12)
	default:
		return fmt.Sprintf("%d years %d months", months/12, months%12)
	}
}

func (g *gen) sensitiveFlags(w *woman) []string {
	has := map[string]bool{}
	for _, n := range w.needs {
		has[n] = true
	}
	var out []string
	add := func(flag string, p float64) {
		if g.chance(p) {
			out = append(out, flag)
		}
	}
	if has["domestic_sexual_abuse"] {
		add("domestic_sexual_abuse", 0.6)
	}
	if has["sex_work"] {
		add("sex_work", 0.7)
	}
	if has["trafficking"] {
		add("trafficking", 0.8)
	}
	if has["mental_health"] {
		add("mental_health", 0.25)
	}
	add("self_harm", 0.08)
	if has["children_family"] {
		add("children_removed", 0.4)
	}
	if out == nil {
		return []string{}
	}
	return out
}

// releasePlan is the release-day checklist for a woman due out soon (more
// of it done the nearer the day) or released in the last two months.
func (g *gen) releasePlan(w *woman, cur *seg) []exchange.PlanItem {
	var doneP float64
	switch {
	case cur != nil && !cur.remand && cur.to-g.end <= 90:
		left := cur.to - g.end
		switch {
		case left <= 14:
			doneP = 0.55
		case left <= 45:
			doneP = 0.3
		default:
			doneP = 0.1
		}
	case cur == nil && len(w.releases) > 0 && g.end-w.releases[len(w.releases)-1] <= 60 && g.end >= w.releases[len(w.releases)-1]:
		doneP = 0.85
	default:
		return []exchange.PlanItem{}
	}
	items := schema.ReleasePlanItem.Values
	if g.chance(0.4) {
		items = g.pickN(items, g.between(6, len(items)))
	}
	plan := []exchange.PlanItem{}
	for _, it := range items {
		pi := exchange.PlanItem{Item: it, Done: g.chance(doneP)}
		if g.chance(0.6) {
			pi.Note = g.pick(planNotes[it])
		}
		plan = append(plan, pi)
	}
	if cur != nil && cur.to-g.end <= 14 && len(plan) > 1 {
		// Days before release: some of it done, some still to do.
		plan[0].Done = true
		plan[len(plan)-1].Done = false
	}
	return plan
}

// emitEvents writes her events up to the end of the story (and not after
// her record was closed).
func (g *gen) emitEvents(w *woman) {
	for _, e := range w.events {
		if e.day > g.end || (w.closed != 0 && e.day > w.closed) {
			continue
		}
		v := g.varsFor(w, e.day)
		for _, s := range w.segs {
			switch e.kind {
			case "released":
				if s.to == e.day {
					v.prison = g.prisons[s.prison].name
				}
			case "transferred", "recalled", "sentenced", "remanded":
				if s.from == e.day {
					v.prison = g.prisons[s.prison].name
				}
			}
		}
		for _, cd := range w.courtDays {
			if cd.day == e.day {
				v.court = g.courts[cd.court].name
			}
		}
		switch e.kind {
		case "housed":
			v.agency = g.agencyOfCategory("housing").name
		case "referred_on":
			v.agency = g.agencyOfCategory(g.pick([]string{"womens_centre", "housing", "drug_alcohol", "mental_health"})).name
		case "referred":
			v.agency = g.agencyOfCategory(g.pick([]string{"probation", "womens_centre", "drug_alcohol"})).name
		}
		ev := exchange.Event{ID: g.id("v", 6), Person: w.id, Date: g.date(e.day),
			Kind: e.kind, Note: fill(e.note, v)}
		g.eventFacts(&ev, e.note)
		g.doc.Events = append(g.doc.Events, ev)
	}
	g.courtOutcomes(w)
}
