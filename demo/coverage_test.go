package demo

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/exchange"
	"inreach/schema"
)

// The demo must have something for every screen and every monitoring
// figure. These checks run on the small scale, which is what a new user
// sees first.

func daysAfterEnd(t *testing.T, date string) int {
	t.Helper()
	end, _ := schema.ParseDate(EndDate)
	d, err := schema.ParseDate(date)
	require.NoError(t, err)
	return int(d.Sub(end) / (24 * time.Hour))
}

func TestTheSmallDemoHasSomethingForEveryScreen(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		d, err := Generate("small", seed)
		require.NoError(t, err)
		requireRich(t, d)
	}
}

func requireRich(t *testing.T, d *exchange.Document) {
	t.Helper()
	// Women: statuses, sensitive flags, safety notes, releases in the next
	// 14 days with part of the plan done.
	statuses := map[string]bool{}
	upcoming, sensitive, safety := 0, 0, 0
	for _, p := range d.People {
		statuses[p.Status] = true
		if len(p.Sensitive) > 0 {
			sensitive++
		}
		if p.SafetyNote != "" {
			safety++
		}
		if p.ReleaseDate != nil {
			if n := daysAfterEnd(t, *p.ReleaseDate); n >= 1 && n <= 14 {
				upcoming++
				done := 0
				for _, it := range p.ReleasePlan {
					if it.Done {
						done++
					}
				}
				require.Greater(t, len(p.ReleasePlan), done, "a release soon with the whole plan done")
				require.Greater(t, done, 0, "a release soon with nothing done")
			}
		}
	}
	require.GreaterOrEqual(t, upcoming, 3)
	require.Greater(t, sensitive, 0)
	require.Greater(t, safety, 0)
	for _, s := range []string{"custody_sentenced", "released_licence", "closed", "referred"} {
		require.True(t, statuses[s], "no woman is %s", s)
	}

	// Contacts: sessions with several women, booked and not, seen and not
	// with reasons, items with quantities, needs, wellbeing; release days,
	// court, phone.
	kinds := map[string]int{}
	reasons := map[string]bool{}
	multi, unbooked, items, needs, wellbeing := 0, 0, 0, 0, 0
	for _, c := range d.Contacts {
		kinds[c.Kind]++
		if c.Kind == "prison_visit" && len(c.People) >= 3 {
			multi++
		}
		for _, row := range c.People {
			if row.NotSeenReason != "" {
				reasons[row.NotSeenReason] = true
			}
			if c.Kind == "prison_visit" && !row.Booked && row.Seen {
				unbooked++
			}
			for _, it := range row.Items {
				require.GreaterOrEqual(t, it.Quantity, 1)
				items++
			}
			if len(row.NeedsDiscussed) > 0 {
				needs++
			}
			if row.Wellbeing != nil {
				wellbeing++
			}
		}
	}
	require.GreaterOrEqual(t, multi, 2, "sessions with three or more women")
	for _, k := range []string{"prison_visit", "release_day", "phone", "community", "agency_liaison", "multi_agency_meeting"} {
		require.Greater(t, kinds[k], 0, "no %s contact", k)
	}
	require.GreaterOrEqual(t, len(reasons), 2)
	require.Greater(t, unbooked, 0)
	require.Greater(t, items, 0)
	require.Greater(t, needs, 0)
	require.Greater(t, wellbeing, 0)

	// Actions overdue and due soon at the end date.
	overdue, soon := 0, 0
	for _, a := range d.Actions {
		if a.Due == nil || a.DoneOn != nil {
			continue
		}
		n := daysAfterEnd(t, *a.Due)
		if n < 0 {
			overdue++
		} else if n <= 14 {
			soon++
		}
	}
	require.Greater(t, overdue, 0)
	require.Greater(t, soon, 0)

	// Letters both ways, some still waiting for a reply near the end.
	in, out, waiting := 0, 0, 0
	lastOut := map[string]string{}
	for _, l := range d.Letters {
		if l.Direction == "out" && l.Date > lastOut[l.Person] {
			lastOut[l.Person] = l.Date
		}
	}
	for _, l := range d.Letters {
		if l.Direction == "in" {
			in++
			if l.ReplyDue != nil && lastOut[l.Person] < l.Date && daysAfterEnd(t, l.Date) > -21 {
				waiting++
			}
		} else {
			out++
		}
	}
	require.Greater(t, in, 0)
	require.Greater(t, out, 0)
	require.Greater(t, waiting, 0)

	// Events.
	events := map[string]bool{}
	for _, e := range d.Events {
		events[e.Kind] = true
	}
	for _, k := range []string{"referred", "sentenced", "released", "housed"} {
		require.True(t, events[k], "no %s event", k)
	}

	// Diary: both templates, every status, the tags, names to redact.
	templates, dstatus, tags := map[string]bool{}, map[string]bool{}, map[string]bool{}
	named := 0
	for _, e := range d.Diary {
		templates[e.Template] = true
		dstatus[e.Status] = true
		for _, tg := range e.Tags {
			tags[tg] = true
		}
		for _, p := range d.People {
			for _, s := range e.Sections {
				if strings.Contains(s.Body, p.Name) {
					named++
				}
			}
		}
	}
	require.Len(t, templates, 2)
	require.Len(t, dstatus, 3)
	require.GreaterOrEqual(t, len(tags), 5)
	require.Greater(t, named, 0)

	// Supervision: comments, an open action, one not signed off yet.
	comments, open, unsigned := 0, 0, 0
	for _, s := range d.Supervision {
		comments += len(s.Comments)
		for _, a := range s.Actions {
			if a.DoneOn == nil {
				open++
			}
		}
		if s.SignedOffOn == nil {
			unsigned++
		}
	}
	require.Greater(t, comments, 0)
	require.Greater(t, open, 0)
	require.Equal(t, 1, unsigned)

	// Newsletters: every status, women's pieces under pseudonyms.
	nstatus := map[string]bool{}
	pieces := 0
	pseud := map[string]bool{}
	for _, p := range d.People {
		pseud[p.Pseudonym] = true
	}
	for _, n := range d.Newsletters {
		nstatus[n.Status] = true
		for _, s := range n.Sections {
			if pseud[s.Contributor] {
				pieces++
			}
		}
		if n.Status == "sent" {
			require.NotEmpty(t, n.SentTo)
			require.Len(t, n.Checklist, len(schema.NewsletterCheck.Values))
		}
	}
	require.Len(t, nstatus, 3)
	require.Greater(t, pieces, 0)
}

func TestTheDecadeCorpusHasEveryOutcome(t *testing.T) {
	if testing.Short() {
		t.Skip("the decade corpus takes a few seconds")
	}
	d, err := Generate("decade", 1)
	require.NoError(t, err)
	requireRich(t, d)
	events := map[string]bool{}
	for _, e := range d.Events {
		events[e.Kind] = true
	}
	for _, k := range schema.EventKind.Values {
		if k == "handed_over" {
			continue // recorded only when a bundle moves a woman between vaults
		}
		require.True(t, events[k], "no %s event in the decade", k)
	}
	retained := 0
	for _, p := range d.People {
		if p.RetentionNote != "" {
			retained++
		}
	}
	require.Greater(t, retained, 0)
}
