package demo

import (
	"fmt"
	"strings"

	"inreach/exchange"
	"inreach/schema"
)

// contactRec is a contact being built, with the women of its rows.
type contactRec struct {
	c     exchange.Contact
	day   int
	prac  int
	women []*woman // one per row of c.People
	where string   // the place in words, for the diary
}

// actionSlot is a moment an action could come from.
type actionSlot struct {
	day     int
	w       *woman
	contact string
	need    string
}

func (g *gen) newContact(day int, kind string, prac int) *contactRec {
	cr := &contactRec{day: day, prac: prac}
	cr.c = exchange.Contact{ID: g.id("c", 6), Date: g.date(day), Kind: kind}
	g.contacts = append(g.contacts, cr)
	return cr
}

func (cr *contactRec) at(e estRef) {
	id := e.id
	cr.c.Establishment = &id
	cr.where = e.name
}

func (cr *contactRec) add(w *woman, row exchange.ContactPerson) {
	row.Person = w.id
	cr.c.People = append(cr.c.People, row)
	cr.women = append(cr.women, w)
}

func (g *gen) varsFor(w *woman, day int) *vars {
	v := &vars{first: w.first, name: w.name}
	if s := w.custodyAt(day); s != nil {
		v.prison = g.prisons[s.prison].name
	} else if w.home >= 0 {
		v.prison = g.prisons[w.home].name
	} else {
		v.prison = g.prisons[0].name
	}
	v.town = "Peterborough"
	if w.home >= 0 {
		v.town = g.prisons[w.home].town
		if strings.Contains(v.town, "shire") || strings.HasPrefix(v.town, "County") || strings.HasPrefix(v.town, "West ") || strings.HasPrefix(v.town, "North ") {
			v.town = "Peterborough"
		}
	}
	v.probation = g.agencyOfCategory("probation").name
	v.housing = g.agencyOfCategory("housing").name
	v.gp = g.gpPractice()
	v.hub = g.hubs[g.r.IntN(len(g.hubs))].name
	v.court = g.courts[g.r.IntN(len(g.courts))].name
	v.agency = g.agencyFor("housing").name
	if len(w.needs) > 0 {
		v.area = areaWords[w.needs[g.r.IntN(len(w.needs))]]
	}
	return v
}

// gpPractice picks one of the GP practices of the directory.
func (g *gen) gpPractice() string {
	var gps []string
	for _, a := range g.agencies {
		if strings.Contains(a.name, "Practice") || strings.Contains(a.name, "Surgery") {
			gps = append(gps, a.name)
		}
	}
	return g.pick(gps)
}

func (g *gen) clock(h0, h1 int) string {
	h := g.between(h0, h1)
	m := []int{0, 0, 15, 30, 30, 45}[g.r.IntN(6)]
	return fmt.Sprintf("%02d:%02d", h, m)
}

func addMinutes(t string, mins int) string {
	var h, m int
	fmt.Sscanf(t, "%d:%d", &h, &m)
	total := h*60 + m + mins
	if total > 23*60+59 {
		total = 23*60 + 59
	}
	return fmt.Sprintf("%02d:%02d", total/60, total%60)
}

// ---- items ----

func (g *gen) visitItems() []exchange.ItemCount {
	if !g.chance(0.35) {
		return []exchange.ItemCount{}
	}
	choices := []exchange.ItemCount{
		{Item: "stamps", Quantity: []int{6, 8, 12}[g.r.IntN(3)]},
		{Item: "writing_materials", Quantity: 1},
		{Item: "toiletries", Quantity: 1},
		{Item: "clothes", Quantity: g.between(1, 3)},
		{Item: "phone_credit", Quantity: 1},
		{Item: "other", Quantity: 1},
	}
	return g.pickItems(choices, g.between(1, 2))
}

func (g *gen) releaseItems() []exchange.ItemCount {
	choices := []exchange.ItemCount{
		{Item: "travel", Quantity: 1},
		{Item: "phone", Quantity: 1},
		{Item: "phone_credit", Quantity: 1},
		{Item: "clothes", Quantity: g.between(2, 4)},
		{Item: "food", Quantity: 1},
		{Item: "toiletries", Quantity: 1},
	}
	return g.pickItems(choices, g.between(2, 4))
}

func (g *gen) pickItems(choices []exchange.ItemCount, n int) []exchange.ItemCount {
	idx := g.r.Perm(len(choices))[:n]
	out := []exchange.ItemCount{}
	for i, c := range choices { // keep the list's order
		for _, j := range idx {
			if i == j {
				out = append(out, c)
			}
		}
	}
	return out
}

var itemWords = map[string]func(n int) string{
	"stamps":            func(n int) string { return fmt.Sprintf("%d stamps", n) },
	"writing_materials": func(int) string { return "a writing pad and envelopes" },
	"toiletries":        func(int) string { return "some toiletries" },
	"clothes": func(n int) string {
		if n == 1 {
			return "a warm top from the clothes bank"
		}
		return fmt.Sprintf("%d items of clothing from the clothes bank", n)
	},
	"phone_credit": func(int) string { return "some phone credit" },
	"other":        func(int) string { return "a diary for next year" },
	"travel":       func(int) string { return "a travel ticket" },
	"phone":        func(int) string { return "a basic mobile phone" },
	"food":         func(int) string { return "a food parcel" },
}

func itemsSentence(items []exchange.ItemCount, lead string) string {
	if len(items) == 0 {
		return ""
	}
	var words []string
	for _, it := range items {
		words = append(words, itemWords[it.Item](it.Quantity))
	}
	list := words[0]
	if len(words) > 1 {
		list = strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
	}
	return lead + " " + list + "."
}

// ---- notes ----

// needText writes a sentence about each need discussed.
func (g *gen) needText(v *vars, needs []string, in bool) []string {
	var out []string
	for _, n := range needs {
		v.agency = g.agencyFor(n).name
		out = append(out, fill(g.pickPhase(needSentences[n], in), v))
	}
	return out
}

func (g *gen) visitNote(w *woman, day int, booked bool, discussed []string, items []exchange.ItemCount) string {
	v := g.varsFor(w, day)
	open := g.pick(openings)
	if !booked {
		open = g.pick(unannouncedOpenings)
	}
	p1 := joinSentences(append([]string{fill(open, v)}, g.needText(v, discussed, true)...)...)
	var p2 []string
	if g.chance(0.6) {
		p2 = append(p2, fill(g.pickPhase(strengths, true), v))
	}
	p2 = append(p2, itemsSentence(items, g.pick([]string{"Left her", "Gave her", "Brought her"})))
	if g.chance(0.7) {
		p2 = append(p2, fill(g.pickPhase(nextSteps, true), v))
	}
	p2 = append(p2, fill(g.pick(closings), v))
	if s := joinSentences(p2...); s != "" {
		return p1 + "\n\n" + s
	}
	return p1
}

// discussed picks one to three of her needs.
func (g *gen) discussed(w *woman) []string {
	n := 1
	switch x := g.r.Float64(); {
	case x < 0.15:
		n = 3
	case x < 0.55:
		n = 2
	}
	return g.pickN(w.needs, min(n, len(w.needs)))
}

func (g *gen) wellbeing() *int {
	if !g.chance(0.45) {
		return nil
	}
	v := g.between(3, 9)
	return &v
}

// ---- prison-visit sessions ----

// makeSessions runs the monthly sessions: each month, at each regular
// prison (and each other prison every third month), the women on the
// caseload held there are booked in groups of three to seven.
func (g *gen) makeSessions() {
	mi := 0
	for ms := monthStart(g.start); ms <= g.end; ms = nextMonth(ms) {
		mid := min(ms+14, g.end)
		byPrison := make([][]*woman, len(g.prisons))
		for _, w := range g.women {
			if w.justReferred || !w.activeOn(mid) {
				continue
			}
			if s := w.custodyAt(mid); s != nil {
				byPrison[s.prison] = append(byPrison[s.prison], w)
			}
		}
		for pi, list := range byPrison {
			if len(list) == 0 || (!g.prisons[pi].regular && (mi+pi)%3 != 0) {
				continue
			}
			g.r.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
			for len(list) > 0 {
				n := min(len(list), g.between(3, 7))
				if len(list)-n < 3 {
					n = len(list) // too few left for a session of their own
				}
				g.session(pi, ms, list[:n])
				list = list[n:]
			}
		}
		mi++
	}
	g.someoneTurnedUp()
}

// someoneTurnedUp makes sure at least one woman came to a session without
// being booked (the last one seen, if chance gave none).
func (g *gen) someoneTurnedUp() {
	var last *contactRec
	for _, cr := range g.contacts {
		if cr.c.Kind != "prison_visit" {
			continue
		}
		for _, row := range cr.c.People {
			if !row.Booked && row.Seen {
				return
			}
			if row.Seen {
				last = cr
			}
		}
	}
	if last == nil {
		return
	}
	for i := range last.c.People {
		row := &last.c.People[i]
		if row.Seen {
			row.Booked = false
			row.Note = g.visitNote(last.women[i], last.day, false, row.NeedsDiscussed, row.Items)
			return
		}
	}
}

func (g *gen) session(pi, ms int, group []*woman) {
	last := min(nextMonth(ms)-1, g.end)
	day := workday(g.between(max(ms, g.start), last))
	if day > g.end {
		day = last
	}
	cr := &contactRec{day: day, prac: group[0].prac}
	start := []string{"09:30", "13:30", "14:00"}[g.r.IntN(3)]
	cr.c = exchange.Contact{Date: g.date(day), Start: start, End: addMinutes(start, 120), Kind: "prison_visit"}
	cr.at(g.prisons[pi])
	if g.chance(0.9) {
		late := []int{0, 0, 0, 0, 0, 0, 5, 10, 15, 20, 30, 45}[g.r.IntN(12)]
		note := ""
		if late > 0 && g.chance(0.6) {
			note = g.pick(logisticsNotes[4:])
		} else if g.chance(0.2) {
			note = g.pick(logisticsNotes)
		}
		cr.c.Logistics = &exchange.Logistics{RoomBooked: g.chance(0.92), LateStartMinutes: late, Note: note}
	}
	mid := min(ms+14, g.end)
	for _, w := range group {
		if day < w.referral || (w.closed != 0 && day > w.closed) {
			continue
		}
		if sm := w.custodyAt(mid); sm == nil || day < sm.from {
			continue // not yet inside on the day of the session
		}
		s := w.custodyAt(day)
		row := exchange.ContactPerson{Booked: true, NeedsDiscussed: []string{}, Items: []exchange.ItemCount{}}
		v := g.varsFor(w, day)
		switch {
		case s == nil || s.prison != pi:
			// Out or moved since the booking list went in.
			if s == nil {
				row.NotSeenReason = "released"
			} else {
				row.NotSeenReason = "transferred"
			}
			row.Note = fill(g.pick(notSeenNotes[row.NotSeenReason]), v)
		case g.chance(0.18):
			row.NotSeenReason = []string{"refused", "refused", "not_escorted", "not_escorted", "not_escorted", "no_time", "other"}[g.r.IntN(7)]
			row.Note = fill(g.pick(notSeenNotes[row.NotSeenReason]), v)
		default:
			row.Seen = true
			row.Booked = !g.chance(0.12)
			row.NeedsDiscussed = g.discussed(w)
			row.Items = g.visitItems()
			row.Wellbeing = g.wellbeing()
			row.Note = g.visitNote(w, day, row.Booked, row.NeedsDiscussed, row.Items)
		}
		cr.add(w, row)
	}
	if len(cr.women) == 0 {
		return
	}
	cr.c.ID = g.id("c", 6)
	g.contacts = append(g.contacts, cr)
	for i, row := range cr.c.People {
		if row.Seen {
			for j, n := range row.NeedsDiscussed {
				if j < 2 {
					g.slots = append(g.slots, actionSlot{day, cr.women[i], cr.c.ID, n})
				}
			}
		}
	}
}

// ---- release days and court ----

func (g *gen) makeReleaseDays() {
	for _, w := range g.women {
		for _, rel := range w.releases {
			if rel < g.start || rel > g.end || rel < w.referral || (w.closed != 0 && rel > w.closed) {
				continue
			}
			if rel < g.end-60 && !g.chance(0.75) { // recent releases always have one
				continue
			}
			var prison estRef
			for _, s := range w.segs {
				if s.to == rel {
					prison = g.prisons[s.prison]
				}
			}
			if prison.id == "" {
				continue
			}
			cr := g.newContact(rel, "release_day", w.prac)
			v := g.varsFor(w, rel-1)
			v.prison = prison.name
			start := []string{"07:45", "08:00", "08:30", "09:00"}[g.r.IntN(4)]
			v.time = start
			cr.c.Start, cr.c.End = start, addMinutes(start, g.between(5, 8)*60)
			meet := g.r.IntN(len(releaseMeet))
			if meet == 1 {
				cr.c.Place = v.town + " railway station"
				cr.where = cr.c.Place
			} else {
				cr.at(prison)
				cr.c.Place = "The gate"
			}
			parts := []string{fill(releaseMeet[meet], v)}
			for _, s := range g.pickN(releaseSteps, g.between(2, 4)) {
				parts = append(parts, fill(s, v))
			}
			steps := joinSentences(parts...)
			note := steps + "\n\n" + fill(g.pick(releaseEnds), v)
			var needs []string
			for _, n := range w.needs {
				if n == "housing" || n == "benefits_debt" || n == "probation_licence" || n == "substance_use" || n == "identity_documents" {
					needs = append(needs, n)
				}
			}
			if needs == nil {
				needs = []string{}
			}
			cr.add(w, exchange.ContactPerson{Booked: true, Seen: true, Note: note, NeedsDiscussed: needs,
				Items: g.releaseItems(), Wellbeing: g.wellbeing()})
			for _, n := range []string{"housing", "benefits_debt", "probation_licence"} {
				if g.chance(0.7) {
					g.slots = append(g.slots, actionSlot{rel, w, cr.c.ID, n})
				}
			}
		}
	}
}

func (g *gen) makeCourtDays() {
	for _, w := range g.women {
		for _, cd := range w.courtDays {
			if cd.day < g.start || cd.day > g.end || cd.day < w.referral || !g.chance(0.6) {
				continue
			}
			cr := g.newContact(cd.day, "court", w.prac)
			cr.at(g.courts[cd.court])
			cr.c.Start = g.clock(9, 10)
			cr.c.End = addMinutes(cr.c.Start, g.between(2, 6)*60)
			v := g.varsFor(w, cd.day)
			v.court = g.courts[cd.court].name
			if s := w.custodyAt(cd.day); s != nil {
				v.prison = g.prisons[s.prison].name
			}
			outcome := cd.outcome
			note := fill(g.pick(courtNotes), v) + " " + fill(g.pick(courtOutcomes[outcome]), v)
			cr.add(w, exchange.ContactPerson{Booked: true, Seen: true, Note: note,
				NeedsDiscussed: []string{"legal_solicitor"}, Items: []exchange.ItemCount{}, Wellbeing: g.wellbeing()})
			g.slots = append(g.slots, actionSlot{cd.day, w, cr.c.ID, "legal_solicitor"})
		}
		// A few adjourned hearings while on remand.
		for _, s := range w.segs {
			if s.remand && s.to-s.from > 60 && g.chance(0.25) {
				day := workday(s.from + (s.to-s.from)/2)
				if day < g.start || day > g.end || day < w.referral {
					continue
				}
				cr := g.newContact(day, "court", w.prac)
				cr.at(g.courts[g.r.IntN(len(g.courts))])
				cr.c.Start = g.clock(9, 10)
				cr.c.End = addMinutes(cr.c.Start, 180)
				v := g.varsFor(w, day)
				v.court = cr.where
				cr.add(w, exchange.ContactPerson{Booked: true, Seen: true,
					Note:           fill(g.pick(courtNotes), v) + " " + fill(g.pick(courtOutcomes["adjourned"]), v),
					NeedsDiscussed: []string{}, Items: []exchange.ItemCount{}})
			}
		}
	}
}

// ---- everything else: calls, community visits, liaison, meetings ----

func (g *gen) makeOtherContacts() {
	remaining := g.cfg.contacts - len(g.contacts)
	if remaining <= 0 {
		return
	}
	type span struct {
		w        *woman
		from, to int
	}
	var spans []span
	total := 0
	for _, w := range g.women {
		if w.justReferred {
			continue
		}
		from := max(w.referral, g.start)
		to := g.end
		if w.closed != 0 {
			to = min(to, w.closed)
		}
		if to <= from {
			continue
		}
		spans = append(spans, span{w, from, to})
		total += to - from
	}
	if total == 0 {
		return
	}
	for _, sp := range spans {
		want := float64(remaining) * float64(sp.to-sp.from) / float64(total)
		n := int(want)
		if g.chance(want - float64(n)) {
			n++
		}
		for i := 0; i < n; i++ {
			g.otherContact(sp.w, g.between(sp.from, sp.to))
		}
	}
}

func (g *gen) otherContact(w *woman, day int) {
	in := w.custodyAt(day) != nil
	x := g.r.Float64()
	var kind string
	if in {
		switch {
		case x < 0.40:
			kind = "phone"
		case x < 0.70:
			kind = "agency_liaison"
		case x < 0.82:
			kind = "email"
		case x < 0.92:
			kind = "multi_agency_meeting"
		default:
			kind = "letter"
		}
	} else {
		switch {
		case x < 0.40:
			kind = "community"
		case x < 0.70:
			kind = "phone"
		case x < 0.84:
			kind = "agency_liaison"
		case x < 0.92:
			kind = "multi_agency_meeting"
		default:
			kind = "email"
		}
	}
	day = workday(day)
	if day > g.end {
		day = g.end
	}
	cr := g.newContact(day, kind, w.prac)
	v := g.varsFor(w, day)
	need := "housing"
	if len(w.needs) > 0 {
		need = w.needs[g.r.IntN(len(w.needs))]
	}
	v.area = areaWords[need]
	ag := g.agencyFor(need)
	v.agency = ag.name
	row := exchange.ContactPerson{NeedsDiscussed: []string{need}, Items: []exchange.ItemCount{}}
	switch kind {
	case "phone":
		cr.c.Start = g.clock(9, 16)
		cr.c.End = addMinutes(cr.c.Start, g.between(1, 4)*5)
		row.Seen = true
		row.Note = joinSentences(fill(g.pick(phoneNotes), v), joinSentences(g.needText(v, []string{need}, in)...),
			fill(g.pickPhase(nextSteps, in), v))
	case "community":
		cr.c.Start = g.clock(9, 15)
		cr.c.End = addMinutes(cr.c.Start, 60)
		row.Booked, row.Seen = true, true
		tmpl := g.r.IntN(len(communityNotes))
		switch tmpl {
		case 0, 3:
			h := g.hubs[g.r.IntN(len(g.hubs))]
			cr.at(h)
			v.hub = h.name
		case 1:
			cr.c.Place = "Her home"
			cr.where = "her home"
		default:
			cr.c.Place = "Town centre"
			cr.where = "the town centre"
		}
		discussed := g.discussed(w)
		row.NeedsDiscussed = discussed
		p1 := joinSentences(append([]string{fill(communityNotes[tmpl], v)}, g.needText(v, discussed, false)...)...)
		p2 := fill(g.pickPhase(strengths, false), v)
		if g.chance(0.5) {
			p2 = fill(g.pickPhase(nextSteps, false), v)
		}
		row.Note = p1 + "\n\n" + p2
		row.Wellbeing = g.wellbeing()
		if g.chance(0.15) {
			row.Items = g.pickItems([]exchange.ItemCount{{Item: "food", Quantity: 1}, {Item: "travel", Quantity: g.between(1, 4)}, {Item: "toiletries", Quantity: 1}}, 1)
		}
	case "agency_liaison":
		row.Booked = false
		row.Note = fill(g.pick(liaisonNotes), v)
		cr.where = ag.name
	case "multi_agency_meeting":
		cr.c.Start = g.clock(10, 14)
		cr.c.End = addMinutes(cr.c.Start, 90)
		row.Booked = false
		if g.chance(0.5) {
			cr.at(g.probation[g.r.IntN(len(g.probation))])
		} else {
			cr.c.Place = "Video call"
			cr.where = "a video call"
		}
		row.Note = fill(g.pick(meetingNotes), v) + " " + fill(g.pickPhase(nextSteps, in), v)
	case "email":
		row.Booked = false
		row.Note = fill(g.pick(emailNotes), v)
		cr.where = "email"
	case "letter":
		row.Booked = false
		row.Note = fill(g.pick(letterContactNotes), v)
		cr.where = "a letter"
	}
	cr.add(w, row)
	if kind != "email" || g.chance(0.5) {
		g.slots = append(g.slots, actionSlot{day, w, cr.c.ID, need})
	}
}

// finishContacts puts the contacts into the document.
func (g *gen) finishContacts() {
	for _, cr := range g.contacts {
		if cr.c.People == nil {
			cr.c.People = []exchange.ContactPerson{}
		}
		g.doc.Contacts = append(g.doc.Contacts, cr.c)
	}
}

// kindWords is a contact kind in words for a diary entry.
func kindWords(kind string) string {
	switch kind {
	case "prison_visit":
		return "Prison visit session"
	case "multi_agency_meeting":
		return "Multi-agency meeting"
	}
	return schema.ContactKind.Label(kind)
}
