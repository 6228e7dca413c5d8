package demo

import (
	"sort"
	"strings"

	"inreach/exchange"
	"inreach/schema"
)

// ---- letters ----

// makeLetters writes the pen-pal letters: letters, emails and messages to
// and from women in custody, with replies, enclosures and replies due.
func (g *gen) makeLetters() {
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
		lo := max(w.referral, g.start)
		hi := g.end
		if w.closed != 0 {
			hi = min(hi, w.closed)
		}
		for _, s := range w.segs {
			from, to := max(lo, s.from), min(hi, s.to-1)
			if to > from {
				spans = append(spans, span{w, from, to})
				total += to - from
			}
		}
	}
	if total == 0 {
		return
	}
	// Some women in custody at the end have written and are still waiting
	// for a reply (their letters come last, below).
	var waiting []*woman
	for _, w := range g.women {
		if !w.justReferred && w.activeOn(g.end) && w.custodyAt(g.end) != nil {
			waiting = append(waiting, w)
		}
	}
	g.r.Shuffle(len(waiting), func(i, j int) { waiting[i], waiting[j] = waiting[j], waiting[i] })
	waiting = waiting[:min(len(waiting), max(2, len(waiting)/4))]
	budget := g.cfg.letters - len(waiting)
	defer func() {
		last := map[string]int{}
		for _, l := range g.doc.Letters {
			if t, err := schema.ParseDate(l.Date); err == nil && dayOf(t) > last[l.Person] {
				last[l.Person] = dayOf(t)
			}
		}
		for _, w := range waiting {
			g.inLetter(w, min(g.end, max(last[w.id]+1, g.end-g.between(0, 18))))
		}
	}()
	for _, sp := range spans {
		want := 0.97 * float64(budget) * float64(sp.to-sp.from) / float64(total)
		n := int(want)
		if g.chance(want - float64(n)) {
			n++
		}
		for made := 0; made < n; {
			day := g.between(sp.from, sp.to)
			if g.chance(0.5) {
				made += g.letterThread(sp.w, day)
			} else {
				g.outLetter(sp.w, day, false)
				made++
			}
		}
	}
}

// letterThread is a letter from her and, usually, the reply. It returns how
// many letters it wrote.
func (g *gen) letterThread(w *woman, day int) int {
	g.inLetter(w, day)
	reply := day + g.between(2, 9)
	if reply > g.end || (day > g.end-21 && g.chance(0.5)) {
		return 1 // still waiting for a reply
	}
	g.outLetter(w, reply, true)
	return 2
}

// inLetter is a letter, email or phone message from her, with a reply due.
func (g *gen) inLetter(w *woman, day int) {
	v := g.varsFor(w, day)
	channel := "letter"
	summary := lettersIn
	due := 10
	switch x := g.r.Float64(); {
	case x < 0.10:
		channel, summary = "email", emailsIn
	case x < 0.15:
		channel, summary, due = "phone", phoneLetters, 3
	}
	l := exchange.Letter{ID: g.id("l", 6), Person: w.id, Date: g.date(day), Direction: "in", Channel: channel,
		Summary: fill(g.pick(summary), v), Enclosures: []string{}, ReplyDue: g.datePtr(day + due)}
	g.doc.Letters = append(g.doc.Letters, l)
	if g.chance(0.3) && len(w.needs) > 0 {
		g.slots = append(g.slots, actionSlot{day, w, "", w.needs[g.r.IntN(len(w.needs))]})
	}
}

func (g *gen) outLetter(w *woman, day int, reply bool) {
	v := g.varsFor(w, day)
	channel := "letter"
	summary := fill(g.pick(lettersOut), v)
	if reply {
		summary = fill(g.pick([]string{lettersOut[1], lettersOut[6], lettersOut[3]}), v)
	}
	if g.chance(0.15) {
		channel = "email"
		summary = fill(g.pick(emailsOut), v)
	}
	enc := []string{}
	if channel == "letter" && g.chance(0.4) {
		enc = append(enc, "stamps")
		if g.chance(0.5) {
			enc = append(enc, "writing_materials")
		}
		if g.chance(0.1) {
			enc = append(enc, "other")
		}
	}
	g.doc.Letters = append(g.doc.Letters, exchange.Letter{ID: g.id("l", 6), Person: w.id, Date: g.date(day),
		Direction: "out", Channel: channel, Summary: summary, Enclosures: enc})
}

// ---- actions ----

// makeActions turns moments in the casework (needs discussed, release
// days, letters) into actions with due dates; recent ones are still open,
// so some are overdue and some due soon at the end of the story.
func (g *gen) makeActions() {
	target := g.cfg.actions
	admin := max(2, target/50)
	want := target - admin
	slots := g.slots
	g.r.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	if len(slots) > want {
		slots = slots[:want]
	}
	var open []*woman
	for _, w := range g.women {
		if !w.justReferred && len(w.needs) > 0 {
			open = append(open, w)
		}
	}
	for tries := 0; len(slots) < want && len(open) > 0 && tries < 50*want; tries++ {
		w := open[g.r.IntN(len(open))]
		lo, hi := max(w.referral, g.start), g.end
		if w.closed != 0 {
			hi = min(hi, w.closed)
		}
		if hi < lo {
			continue
		}
		slots = append(slots, actionSlot{g.between(lo, hi), w, "", w.needs[g.r.IntN(len(w.needs))]})
	}
	sort.SliceStable(slots, func(i, j int) bool { return slots[i].day < slots[j].day })
	for _, s := range slots {
		v := g.varsFor(s.w, s.day)
		text := g.pick(actionTexts[s.need])
		a := exchange.Action{ID: g.id("t", 6), Person: &s.w.id}
		if s.contact != "" {
			c := s.contact
			a.Contact = &c
		}
		if strings.Contains(text, "{agency}") {
			ag := g.agencyFor(s.need)
			v.agency = ag.name
			id := ag.id
			a.Agency = &id
		}
		a.Text = fill(text, v)
		g.schedule(&a, s.day)
		g.doc.Actions = append(g.doc.Actions, a)
	}
	for i := 0; i < admin; i++ {
		day := g.between(g.start, g.end)
		if i < 2 {
			day = g.end - g.between(0, 10) // something on the list this week
		}
		v := &vars{prison: g.prisons[g.r.IntN(4)].name}
		a := exchange.Action{ID: g.id("t", 6), Text: fill(g.pick(adminActions), v)}
		g.schedule(&a, day)
		g.doc.Actions = append(g.doc.Actions, a)
	}
}

// schedule gives an action made on day a due date and, usually, the day it
// was done.
func (g *gen) schedule(a *exchange.Action, day int) {
	if g.chance(0.04) {
		if day < g.end-30 {
			a.DoneOn = g.datePtr(g.between(day, min(day+30, g.end)))
		}
		return // no due date
	}
	due := day + g.between(3, 28)
	a.Due = g.datePtr(due)
	var doneP float64
	switch {
	case due <= g.end-21:
		doneP = 0.995
	case day >= g.end-45:
		doneP = 0.35
	default:
		doneP = 0.7
	}
	if g.chance(doneP) {
		a.DoneOn = g.datePtr(min(g.between(day, due+7), g.end))
	}
}
