package demo

import (
	"sort"
	"strconv"

	"inreach/exchange"
)

// diaryRec is a diary entry being built.
type diaryRec struct {
	e    exchange.DiaryEntry
	day  int
	prac int
}

// makeDiary writes reflective entries: most after prison-visit sessions,
// some after release days, court and meetings, a few on their own.
func (g *gen) makeDiary() {
	target := g.cfg.diary
	unlinked := max(1, target*7/100)
	linked := target - unlinked
	var sessions, others []*contactRec
	for _, cr := range g.contacts {
		switch cr.c.Kind {
		case "prison_visit":
			sessions = append(sessions, cr)
		case "release_day", "court", "multi_agency_meeting", "community":
			others = append(others, cr)
		}
	}
	g.r.Shuffle(len(sessions), func(i, j int) { sessions[i], sessions[j] = sessions[j], sessions[i] })
	g.r.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	nS := min(len(sessions), linked*70/100)
	nO := min(len(others), linked-nS)
	if nS+nO < linked {
		nS = min(len(sessions), linked-nO)
	}
	chosen := append(append([]*contactRec{}, sessions[:nS]...), others[:nO]...)
	sort.SliceStable(chosen, func(i, j int) bool { return chosen[i].day < chosen[j].day })
	for _, cr := range chosen {
		g.diaryFor(cr)
	}
	for i := 0; i < unlinked; i++ {
		g.diaryFor(nil)
	}
	sort.SliceStable(g.diary, func(i, j int) bool { return g.diary[i].day < g.diary[j].day })
}

func (g *gen) sentencesFrom(list []string, lo, hi int, v *vars) string {
	var out []string
	for _, s := range g.pickN(list, g.between(lo, hi)) {
		out = append(out, capitalise(fill(s, v)))
	}
	return joinSentences(out...)
}

// diaryFor writes an entry about a contact (nil: a reflection on its own).
func (g *gen) diaryFor(cr *contactRec) {
	v := &vars{}
	dr := &diaryRec{}
	var detail string
	tags := []string{}
	if cr != nil {
		dr.day, dr.prac = cr.day, cr.prac
		id := cr.c.ID
		dr.e.Contact = &id
		v.place, v.kind = cr.where, kindWords(cr.c.Kind)
		booked, seen := 0, 0
		var seenWomen []*woman
		for i, row := range cr.c.People {
			if row.Booked {
				booked++
			}
			if row.Seen {
				seen++
				seenWomen = append(seenWomen, cr.women[i])
			}
		}
		v.k, v.s = strconv.Itoa(max(booked, seen)), strconv.Itoa(seen)
		who := "one woman"
		if len(seenWomen) > 0 {
			w := seenWomen[g.r.IntN(len(seenWomen))]
			switch x := g.r.Float64(); {
			case x < 0.35:
				who = w.name // full name: redaction and erasure find it
			case x < 0.7:
				who = w.first
			}
		}
		v.first, v.name = who, who
		if cr.c.Kind == "prison_visit" {
			switch {
			case seen == 0:
				detail = fill(g.pick(diaryDetailNone), v)
			case seen == 1 || booked <= 1:
				detail = joinSentences(fill(g.pick(diaryDetailFew), v), capitalise(fill(g.pick(diaryMention), v)))
			default:
				detail = joinSentences(fill(g.pick(diaryDetail), v), g.sentencesFrom(diaryDetailMore, 1, 2, v),
					capitalise(fill(g.pick(diaryMention), v)))
			}
		} else {
			detail = joinSentences(capitalise(fill("{kind} with {first} at {place}.", v)),
				capitalise(fill(g.pick(diaryMentionOther), v)))
		}
		switch cr.c.Kind {
		case "release_day":
			tags = append(tags, "release")
		case "court":
			tags = append(tags, "court")
		case "multi_agency_meeting":
			tags = append(tags, "partnership")
		}
	} else {
		dr.day = g.between(g.start, g.end)
		dr.prac = g.r.IntN(g.cfg.practitioners)
		v.first, v.name, v.place, v.kind = "one woman", "one woman", "the office", "Reflection"
		detail = g.pick(unlinkedDiaryDetail)
		tags = append(tags, "self-care")
	}
	for _, t := range g.pickN(diaryTags, g.between(1, 3)) {
		if !contains(tags, t) {
			tags = append(tags, t)
		}
	}
	dr.e.ID = g.id("d", 5)
	dr.e.Date = g.date(dr.day)
	dr.e.Tags = tags
	dr.e.Status = "draft"
	if g.chance(0.75) {
		dr.e.Template = "visit_reflection"
		dr.e.Sections = exchange.Sections{
			{Key: "visit_detail", Body: detail},
			{Key: "staff_reflection", Body: g.sentencesFrom(staffReflection, 1, 3, v)},
			{Key: "positive_outcome", Body: g.sentencesFrom(positiveOutcomes, 1, 2, v)},
			{Key: "negative_outcome", Body: g.sentencesFrom(negativeOutcomes, 1, 2, v)},
			{Key: "learning", Body: g.sentencesFrom(learnings, 1, 2, v)},
		}
	} else {
		dr.e.Template = "gibbs"
		desc := detail
		if cr != nil {
			desc = joinSentences(capitalise(fill(g.pick(gibbsDescription), v)), detail)
		}
		dr.e.Sections = exchange.Sections{
			{Key: "description", Body: desc},
			{Key: "feelings", Body: g.sentencesFrom(gibbsFeelings, 1, 2, v)},
			{Key: "evaluation", Body: g.sentencesFrom(gibbsEvaluation, 1, 2, v)},
			{Key: "analysis", Body: g.sentencesFrom(gibbsAnalysis, 1, 2, v)},
			{Key: "conclusion", Body: g.sentencesFrom(gibbsConclusion, 1, 2, v)},
			{Key: "action_plan", Body: g.sentencesFrom(gibbsActionPlan, 1, 2, v)},
		}
	}
	g.diary = append(g.diary, dr)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// makeSupervision holds a supervision session each month for each
// practitioner, discussing the entries written since the last one. The
// entries after the last session wait for the next one (the newest is still
// a draft); the latest actions are still open and the last session is not
// signed off yet.
func (g *gen) makeSupervision() {
	byPrac := make([][]*diaryRec, g.cfg.practitioners)
	for _, d := range g.diary {
		byPrac[d.prac] = append(byPrac[d.prac], d)
	}
	half := g.start + (g.end-g.start)/2
	for p := 0; p < g.cfg.practitioners; p++ {
		entries := byPrac[p]
		next := 0
		var sessions []*exchange.Supervision
		for ms := monthStart(g.start); ms <= g.end; ms = nextMonth(ms) {
			day := workday(ms + g.between(18, 26))
			if day < g.start+14 || day > g.end-2 {
				continue
			}
			if pending := len(entries) - sort.Search(len(entries), func(i int) bool { return entries[i].day > day }); pending < 2 && len(entries) >= 2 {
				break // this month's session has not happened yet
			}
			boss := g.bosses[p%len(g.bosses)]
			if day > half {
				boss = g.bosses[(p+1)%len(g.bosses)]
			}
			s := &exchange.Supervision{ID: g.id("s", 5), Date: g.date(day), Supervisor: boss,
				Entries: []string{}, Comments: map[string]string{}, Notes: g.pick(supervisionNotes),
				Actions: []exchange.SupervisionAction{}}
			for next < len(entries) && entries[next].day <= day {
				d := entries[next]
				next++
				if g.chance(0.05) {
					continue // never finished: stays a draft
				}
				d.e.Status = "discussed"
				s.Entries = append(s.Entries, d.e.ID)
				if g.chance(0.55) {
					s.Comments[d.e.ID] = g.pick(supervisionComments)
				}
			}
			for _, text := range g.pickN(supervisionActions, g.between(1, 3)) {
				a := exchange.SupervisionAction{Text: text, Owner: g.staff[p]}
				if g.chance(0.3) {
					a.Owner = boss
				}
				due := day + g.between(14, 45)
				a.Due = g.datePtr(due)
				if due <= g.end-20 && g.chance(0.9) {
					a.DoneOn = g.datePtr(min(g.between(day+1, due+5), g.end))
				}
				s.Actions = append(s.Actions, a)
			}
			signed := min(day+g.between(0, 6), g.end)
			s.SignedOffOn = g.datePtr(signed)
			sessions = append(sessions, s)
		}
		if n := len(sessions); n > 0 {
			last := sessions[n-1]
			last.SignedOffOn = nil // not signed off yet
			for i := range last.Actions {
				last.Actions[i].DoneOn = nil
			}
		}
		// Waiting for the next session; the newest is still being written.
		for i, d := range entries[next:] {
			if i < len(entries[next:])-1 {
				d.e.Status = "for_supervision"
			}
		}
		for _, s := range sessions {
			g.doc.Supervision = append(g.doc.Supervision, *s)
		}
	}
	for _, d := range g.diary {
		g.doc.Diary = append(g.doc.Diary, d.e)
	}
}
