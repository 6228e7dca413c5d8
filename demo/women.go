package demo

import (
	"fmt"
	"sort"
	"strings"

	"inreach/exchange"
)

// A woman is one invented woman on the caseload and the story of her time
// with the service, in day numbers.
type woman struct {
	id, first, last, name, pseud string
	prac                         int // practitioner index
	referral                     int
	closed                       int // day support ended, or 0 if still open
	justReferred                 bool
	segs                         []seg // custody, in order
	releases                     []int // days released from prison (not from court)
	courtDays                    []courtDay
	licEnd                       int
	communityOrder               bool
	needs                        []string
	events                       []evt
	home                         int // index of her first prison, or -1
	person                       *exchange.Person
}

// seg is a time in custody: from the day she went in to the day she came
// out (to is the release day; she is out on that day).
type seg struct {
	from, to, prison int
	remand           bool
}

type courtDay struct {
	day, court int
	outcome    string // custody, community or adjourned
}

type evt struct {
	day        int
	kind, note string
}

// custodyAt returns the custody segment she is in on day, or nil.
func (w *woman) custodyAt(day int) *seg {
	for i := range w.segs {
		if w.segs[i].from <= day && day < w.segs[i].to {
			return &w.segs[i]
		}
	}
	return nil
}

// activeOn reports whether she is on the caseload on day.
func (w *woman) activeOn(day int) bool {
	return day >= w.referral && (w.closed == 0 || day <= w.closed)
}

func (g *gen) makePlaces() {
	add := func(p place, notes, booking string) estRef {
		id := g.id("e", 2)
		g.doc.Establishments = append(g.doc.Establishments, exchange.Establishment{
			ID: id, Name: p.name, Kind: p.kind, Address: p.town, BookingContact: booking, Notes: notes,
		})
		return estRef{id, p}
	}
	for _, p := range prisons {
		booking := fmt.Sprintf("Visits booking line %s (Mon–Fri 9:00–11:30); OMU: omu.%s@example.org", g.phone(), slug(p.name))
		g.prisons = append(g.prisons, add(p, g.pick(prisonNotes), booking))
	}
	for _, p := range courts {
		g.courts = append(g.courts, add(p, "Witness service and a quiet room on the first floor; ask at reception.", "Listing office "+g.phone()))
	}
	for _, p := range otherPlaces {
		r := add(p, "", "Reception "+g.phone())
		if p.kind == "probation_office" {
			g.probation = append(g.probation, r)
		} else {
			g.hubs = append(g.hubs, r)
		}
	}
}

// slug makes a short lower-case word from a name for an email address.
func slug(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		f = strings.ToLower(f)
		if f == "hmp" || f == "&" || f == "yoi" {
			continue
		}
		for _, r := range f {
			if r >= 'a' && r <= 'z' {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func (g *gen) makeAgencies() {
	for _, a := range agencyDefs {
		id := g.id("a", 3)
		checked := g.end - g.between(10, 700)
		words := strings.Fields(a.name)
		email := slug(words[0])
		if len(words) > 1 {
			email += "-" + slug(words[len(words)-1])
		}
		phone := g.phone()
		notes := ""
		if g.chance(0.3) {
			notes = "Duty worker line: " + g.mobile() + "."
		}
		g.doc.Agencies = append(g.doc.Agencies, exchange.Agency{
			ID: id, Name: a.name, Category: a.category, Area: a.area, Services: a.services,
			KeyContact: g.staffName() + " (referrals)", Phone: phone,
			Email: "referrals@" + email + ".example.org", Website: "https://" + email + ".example.org",
			LastChecked: g.datePtr(checked), Notes: notes,
		})
		g.byCat[a.category] = append(g.byCat[a.category], len(g.agencies))
		g.agencies = append(g.agencies, agencyRef{id, a.name, a.category})
	}
}

// agencyFor picks an agency that helps with a need area.
func (g *gen) agencyFor(area string) agencyRef {
	list := g.byCat[needCategory[area]]
	if len(list) == 0 {
		list = g.byCat["womens_centre"]
	}
	return g.agencies[list[g.r.IntN(len(list))]]
}

func (g *gen) agencyOfCategory(cat string) agencyRef {
	list := g.byCat[cat]
	return g.agencies[list[g.r.IntN(len(list))]]
}

func (g *gen) pickPrison() int {
	total := 0
	for _, p := range prisons {
		total += p.weight
	}
	n := g.r.IntN(total)
	for i, p := range prisons {
		if n < p.weight {
			return i
		}
		n -= p.weight
	}
	return 0
}

func (g *gen) pickNeeds() []string {
	n := g.between(2, 6)
	total := 0
	for _, w := range needWeights {
		total += w.weight
	}
	chosen := map[string]bool{}
	for len(chosen) < n {
		x := g.r.IntN(total)
		for _, w := range needWeights {
			if x < w.weight {
				chosen[w.area] = true
				break
			}
			x -= w.weight
		}
	}
	var out []string
	for _, w := range needWeights { // keep a fixed order
		if chosen[w.area] {
			out = append(out, w.area)
		}
	}
	return out
}

// servedDays is how long a sentence keeps her inside.
func (g *gen) servedDays() int {
	if g.chance(0.6) {
		return g.between(30, 180)
	}
	return g.between(180, 900)
}

func (w *woman) event(day int, kind, note string) {
	w.events = append(w.events, evt{day, kind, note})
}

func (g *gen) makeWomen() {
	used := map[string]bool{}
	n := g.cfg.women
	justReferred := max(1, n/100)
	recent := max(2, n/50)
	for i := 0; i < n; i++ {
		w := &woman{prac: i % g.cfg.practitioners, home: -1}
		for {
			w.first, w.last = g.pick(firstNames), g.pick(surnames)
			w.name = w.first + " " + w.last
			if !used[w.name] {
				used[w.name] = true
				break
			}
		}
		w.id = g.id("p", 5)
		w.needs = g.pickNeeds()
		if g.chance(0.85) {
			initial := string(rune('A' + g.r.IntN(26)))
			if initial == w.last[:1] {
				initial = string(rune('A' + (int(initial[0]-'A')+7)%26))
			}
			w.pseud = g.pick(pseudonymWords) + " " + initial + "."
		}
		switch {
		case i < g.cfg.upcoming:
			w.referral = g.end - g.between(40, 330)
			g.lifeForced(w, g.end+g.between(1, 14))
		case i < g.cfg.upcoming+justReferred:
			w.referral = g.end - g.between(0, 9)
			w.justReferred = true
			g.lifeForced(w, g.end+g.between(60, 400))
		case i == g.cfg.upcoming+justReferred+recent:
			// Supported in the community and closed during the story.
			w.referral = g.start - g.between(0, 100)
			w.communityOrder = true
			w.event(w.referral, "referred", g.pick(eventNotes["referred"]))
			w.event(w.referral-g.between(3, 40), "court_outcome", g.pick(eventNotes["court_outcome"]))
			w.licEnd = w.referral + g.between(180, 360)
			w.closed = g.between(g.start+60, g.end-30)
			w.event(w.closed, "closed", g.pick(eventNotes["closed"]))
		case i < g.cfg.upcoming+justReferred+recent:
			// Released in the last two months: a release day to see.
			w.referral = g.end - g.between(120, 300)
			rel := g.end - g.between(7, 60)
			g.lifeForced(w, rel)
			w.event(rel, "released", g.pick(eventNotes["released"]))
			w.licEnd = rel + g.between(180, 700)
			if g.chance(0.7) {
				w.event(rel+g.between(0, 5), "housed", g.pick(eventNotes["housed"]))
			}
		default:
			w.referral = g.between(g.start-180, g.end-14)
			g.life(w)
		}
		g.women = append(g.women, w)
	}
}

// lifeForced is a woman serving a sentence at the busiest prison who comes
// out on release.
func (g *gen) lifeForced(w *woman, release int) {
	p := 0
	w.home = p
	s := w.referral - g.between(10, 200)
	w.segs = []seg{{from: s, to: release, prison: p}}
	w.event(w.referral, "referred", g.pick(eventNotes["referred"]))
	w.event(s, "sentenced", g.pick(eventNotes["sentenced"]))
	w.releases = []int{release}
}

// life draws a woman's story: how she came to the service, custody,
// release, what happened after, and when support ended.
func (g *gen) life(w *woman) {
	R := w.referral
	p := g.pickPrison()
	w.event(R, "referred", g.pick(eventNotes["referred"]))
	court := g.r.IntN(len(g.courts))
	last := R
	switch x := g.r.Float64(); {
	case x < 0.45: // remanded
		w.home = p
		rem := R - g.between(0, 20)
		w.event(rem, "remanded", g.pick(eventNotes["remanded"]))
		s := rem + g.between(21, 140)
		if g.chance(0.72) {
			rel := s + g.servedDays()
			w.segs = append(w.segs, seg{rem, s, p, true}, seg{s, rel, p, false})
			w.event(s, "sentenced", g.pick(eventNotes["sentenced"]))
			w.courtDays = append(w.courtDays, courtDay{s, court, "custody"})
			last = g.afterRelease(w, rel, p)
		} else {
			w.segs = append(w.segs, seg{rem, s, p, true})
			w.event(s, "court_outcome", g.pick(eventNotes["court_outcome"]))
			w.event(s, "released", "Released from court after time on remand.")
			w.courtDays = append(w.courtDays, courtDay{s, court, "community"})
			w.communityOrder = true
			w.licEnd = s + g.between(180, 540)
			last = s
		}
	case x < 0.8: // already sentenced
		w.home = p
		s := R - g.between(5, 250)
		rel := max(s+g.servedDays(), R+g.between(20, 90))
		w.segs = append(w.segs, seg{s, rel, p, false})
		w.event(s, "sentenced", g.pick(eventNotes["sentenced"]))
		last = g.afterRelease(w, rel, p)
	default: // in the community
		if g.chance(0.5) {
			w.communityOrder = true
			w.event(R-g.between(3, 40), "court_outcome", g.pick(eventNotes["court_outcome"]))
			w.licEnd = R + g.between(180, 540)
		} else {
			rel := R - g.between(1, 30)
			w.home = p
			w.event(rel, "released", g.pick(eventNotes["released"]))
			w.licEnd = rel + g.between(120, 700)
			if g.chance(0.6) {
				w.event(rel+g.between(0, 20), "housed", g.pick(eventNotes["housed"]))
			}
		}
	}
	g.transfers(w)
	// Support ends some months after her last release.
	closeDay := max(last, R) + g.between(90, 480)
	for w.custodyAt(closeDay) != nil {
		closeDay += 30
	}
	if closeDay < g.start+30 {
		closeDay = g.start + 30 + g.r.IntN(90)
	}
	if closeDay <= g.end {
		if g.chance(0.12) {
			w.event(max(R, closeDay-g.between(0, 20)), "referred_on", g.pick(eventNotes["referred_on"]))
		}
		w.event(closeDay, "closed", g.pick(eventNotes["closed"]))
		w.closed = closeDay
	}
}

// afterRelease follows her from a release: housing, licence, and sometimes
// recall or a new offence and sentence. It returns her last release day.
func (g *gen) afterRelease(w *woman, rel, p int) int {
	for cycle := 0; ; cycle++ {
		w.releases = append(w.releases, rel)
		w.event(rel, "released", g.pick(eventNotes["released"]))
		w.licEnd = rel + g.between(90, 720)
		if g.chance(0.65) {
			w.event(rel+g.between(0, 40), "housed", g.pick(eventNotes["housed"]))
		}
		if cycle >= 2 {
			break
		}
		if g.chance(0.12) {
			rc := rel + g.between(30, 200)
			if rc < w.licEnd {
				w.event(rc, "recalled", g.pick(eventNotes["recalled"]))
				to := rc + g.between(28, 150)
				w.segs = append(w.segs, seg{rc, to, p, false})
				rel = to
				continue
			}
		}
		if g.chance(0.08) {
			ro := rel + g.between(60, 400)
			w.event(ro, "reoffended", g.pick(eventNotes["reoffended"]))
			if g.chance(0.5) {
				s := ro + g.between(14, 90)
				w.event(s, "sentenced", g.pick(eventNotes["sentenced"]))
				to := s + g.servedDays()
				w.segs = append(w.segs, seg{ro, s, p, true}, seg{s, to, p, false})
				w.courtDays = append(w.courtDays, courtDay{s, g.r.IntN(len(g.courts)), "custody"})
				rel = to
				continue
			}
			break
		}
		w.event(w.licEnd, "licence_completed", g.pick(eventNotes["licence_completed"]))
		break
	}
	return rel
}

// transfers moves some women serving long spells to another prison half
// way through.
func (g *gen) transfers(w *woman) {
	var out []seg
	for _, s := range w.segs {
		if !s.remand && s.to-s.from > 240 && g.chance(0.15) {
			mid := s.from + (s.to-s.from)/2
			np := g.pickPrison()
			if np != s.prison {
				out = append(out, seg{s.from, mid, s.prison, false}, seg{mid, s.to, np, false})
				w.event(mid, "transferred", g.pick(eventNotes["transferred"]))
				continue
			}
		}
		out = append(out, s)
	}
	w.segs = out
}

// sortEvents orders her events by day.
func (w *woman) sortEvents() {
	sort.SliceStable(w.events, func(i, j int) bool { return w.events[i].day < w.events[j].day })
}
