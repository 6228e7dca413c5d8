package demo

import (
	"strings"

	"inreach/exchange"
	"inreach/schema"
)

var editionNames = []string{"East", "Midlands", "North", "South", "West", "Yorkshire", "Peaks", "Fens", "Coast"}

var poemTitles = []string{"Waiting", "Letters", "Spring", "The yard", "For my mum", "Tomorrow", "Window", "Kindness", "Out", "Still here", "Rain", "Hands"}

var poemLines = [][]string{
	{"The kettle sings before the door unlocks,", "I count the bricks the way I counted stars,", "Morning comes grey over the fence,", "They call my name across the landing,", "I keep your letter under my pillow,"},
	{"and I hold my cup in both hands", "and the gulls are arguing again", "and somebody laughs two doors down", "and I remember the sea at Skegness", "and the radio plays our song"},
	{"I am learning to be patient with myself.", "I am more than the worst thing I did.", "Every day I write one thing I am grateful for.", "The garden does not ask where I have been.", "My daughter's drawing watches over me."},
	{"When I get out I will walk for miles.", "Soon the door will open the other way.", "Hold on, it says. Hold on.", "And that is enough for today.", "I will be home before the swallows leave."},
}

// poem makes a short poem from the line pools.
func (g *gen) poem() (string, string) {
	var lines []string
	for _, group := range poemLines {
		lines = append(lines, g.pick(group))
	}
	if g.chance(0.5) {
		lines = append(lines[:2], append([]string{g.pick(poemLines[1])}, lines[2:]...)...)
	}
	return g.pick(poemTitles), strings.Join(lines, "\n")
}

// makeNewsletters writes a monthly issue (one per practitioner's patch at
// the org scale): a word from the team, pieces by women under their
// pseudonyms, useful information and a puzzle. The latest issue is a
// draft, the one before is ready, and the rest were sent to the women in
// custody on the caseload.
func (g *gen) makeNewsletters() {
	editions := g.cfg.practitioners
	issueBase := 0
	if g.cfg.years < 5 {
		issueBase = 100 // the small scale joins a long-running newsletter
	}
	lastMonth := monthStart(g.end)
	prevMonth := monthStart(lastMonth - 1)
	issue := make([]int, editions)
	for ms := monthStart(g.start); ms <= g.end; ms = nextMonth(ms) {
		for e := 0; e < editions; e++ {
			day := workday(ms + g.between(0, 5))
			if day > g.end || day < g.start {
				continue
			}
			title := newsletterTitles[e%len(newsletterTitles)]
			if editions > 1 {
				title += " (" + editionNames[e%len(editionNames)] + ")"
			}
			n := exchange.Newsletter{Title: title + ", " + monthName(day),
				Date: g.date(day), SentTo: []string{}, Checklist: []string{}}
			switch {
			case ms == lastMonth:
				n.Status = "draft"
			case ms == prevMonth:
				n.Status = "ready"
			default:
				n.Status = "sent"
			}
			var readers []*woman
			for _, w := range g.women {
				if w.prac%editions == e && !w.justReferred && w.activeOn(day) && w.custodyAt(day) != nil {
					readers = append(readers, w)
				}
			}
			if len(readers) == 0 { // nobody inside: post it to the women out
				for _, w := range g.women {
					if w.prac%editions == e && !w.justReferred && w.activeOn(day) {
						readers = append(readers, w)
					}
				}
			}
			if len(readers) == 0 {
				continue
			}
			issue[e]++
			n.ID, n.Issue = g.id("n", 5), issueBase+issue[e]
			n.Sections = g.newsletterSections(readers, n.Status)
			if n.Status == "sent" {
				for _, w := range readers {
					n.SentTo = append(n.SentTo, w.id)
				}
			}
			if n.Status == "draft" {
				n.Checklist = g.pickN(schema.NewsletterCheck.Values, g.between(0, 3))
			} else {
				n.Checklist = append([]string{}, schema.NewsletterCheck.Values...)
			}
			g.doc.Newsletters = append(g.doc.Newsletters, n)
		}
	}
}

func (g *gen) newsletterSections(readers []*woman, status string) []exchange.NewsletterSection {
	secs := []exchange.NewsletterSection{{Heading: "From the team", Body: g.pick(staffEditorials), Contributor: "The team", Consent: true}}
	var writers []*woman
	for _, w := range readers {
		if w.pseud != "" {
			writers = append(writers, w)
		}
	}
	for i := 0; i < g.between(1, 3) && len(writers) > 0; i++ {
		w := writers[g.r.IntN(len(writers))]
		var heading, body string
		if g.chance(0.5) {
			heading, body = g.poem()
		} else {
			p := womenPieces[g.r.IntN(len(womenPieces))]
			heading, body = p.heading, p.body
		}
		consent := true
		if status == "draft" && g.chance(0.3) {
			consent = false // waiting for her written consent
		}
		secs = append(secs, exchange.NewsletterSection{Heading: heading, Body: body, Contributor: w.pseud, Consent: consent})
	}
	if g.chance(0.6) {
		p := infoPieces[g.r.IntN(len(infoPieces))]
		secs = append(secs, exchange.NewsletterSection{Heading: p.heading, Body: p.body, Contributor: "The team", Consent: true})
	}
	if g.chance(0.6) {
		p := puzzles[g.r.IntN(len(puzzles))]
		secs = append(secs, exchange.NewsletterSection{Heading: p.heading, Body: p.body, Contributor: "The team", Consent: true})
	}
	return secs
}
