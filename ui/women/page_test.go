package women

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/uitest"
)

func TestWomenEditingNeedsPersists(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Dana)
	s.Page.tabs.SelectIndex(womanTabNeeds)
	n := s.Page.needs

	// Change a status: saved at once.
	n.rows[1].status.SetSelected(schema.NeedStatus.Label("met"))
	p, err := u.Sess.Notes.GetPerson(ids.Dana)
	require.NoError(t, err)
	require.Equal(t, "met", p.Needs[1].Status)

	// Add a need and type its note: saved when the user leaves the note.
	n.add.SetSelected(schema.NeedArea.Label("identity_documents"))
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add need"))
	require.Len(t, n.rows, 3)
	uitest.TypeInto(u, n.rows[2].note, "Birth certificate ordered")
	leave(u)
	p, err = u.Sess.Notes.GetPerson(ids.Dana)
	require.NoError(t, err)
	require.Len(t, p.Needs, 3)
	require.Equal(t, notes.Need{Area: "identity_documents", Status: "open", Note: "Birth certificate ordered"}, p.Needs[2])

	// A note still being typed is saved before the vault locks.
	uitest.TypeInto(u, n.rows[0].note, " Assessment on Friday.")
	s.BeforeLock()
	p, err = u.Sess.Notes.GetPerson(ids.Dana)
	require.NoError(t, err)
	require.Contains(t, p.Needs[0].Note, "Assessment on Friday.")
}

func TestWomenEditingTheReleasePlanPersists(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Dana)
	s.Page.tabs.SelectIndex(womanTabPlan)
	root := u.Win.Content()
	require.Equal(t, "3 of 10 in place", s.Page.plan.progress.TextFormatter())

	test.Tap(uitest.FindCheck(t, root, schema.ReleasePlanItem.Label("housing")))
	plan := s.Page.plan
	i := indexOfPlanItem(plan, "housing")
	uitest.TypeInto(u, plan.notes[i], "Southside hostel, room from release day")
	leave(u)
	items, err := u.Sess.Notes.ReleasePlan(ids.Dana)
	require.NoError(t, err)
	require.True(t, items[i].Done)
	require.Equal(t, "Southside hostel, room from release day", items[i].Note)
	require.Equal(t, "4 of 10 in place", plan.progress.TextFormatter())

	// Untick: saved as not done, the note kept.
	test.Tap(uitest.FindCheck(t, root, schema.ReleasePlanItem.Label("housing")))
	items, err = u.Sess.Notes.ReleasePlan(ids.Dana)
	require.NoError(t, err)
	require.False(t, items[i].Done)
	require.Equal(t, "Southside hostel, room from release day", items[i].Note)
}

// indexOfPlanItem is the position of item in her plan, or -1.
func indexOfPlanItem(p *womanPlan, item string) int {
	for i, it := range p.items {
		if it.Item == item {
			return i
		}
	}
	return -1
}

func TestWomenTheReleasePlanIsForWomenInCustody(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Jo)
	s.Page.tabs.SelectIndex(womanTabPlan)
	require.Empty(t, s.Page.plan.checks)
	require.Contains(t, s.Page.plan.about.Text, "for women in custody")
}

func TestWomenAddingAndCompletingAnActionOnHerPage(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Mariam)
	s.Page.tabs.SelectIndex(womanTabActions)
	a := s.Page.actions
	root := u.Win.Content()

	// A bad due date is refused at the field; the text stays.
	uitest.TypeInto(u, a.text, "Book her a GP registration")
	uitest.TypeInto(u, a.due, "next week")
	test.Tap(uitest.FindButton(t, root, "Add action"))
	require.True(t, a.form.Rows["Due"].Message.Visible())
	require.Equal(t, "Book her a GP registration", a.text.Text)

	a.due.SetText(uitest.DayFrom(u, 4))
	a.agency.SetSelected("Southside Housing Options")
	test.Tap(uitest.FindButton(t, root, "Add action"))
	list, err := u.Sess.Notes.ListActions(notes.ActionFilter{PersonID: ids.Mariam, OpenOnly: true})
	require.NoError(t, err)
	var added *notes.Action
	for i := range list {
		if list[i].Text == "Book her a GP registration" {
			added = &list[i]
		}
	}
	require.NotNil(t, added)
	require.Equal(t, ids.Housing, added.AgencyID)
	require.Equal(t, "", a.text.Text, "the form is cleared for the next one")

	var tick *widget.Check
	uitest.Walk(a.list, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*fyne.Container); ok && uitest.HasText(c, "Book her a GP registration") {
			for _, x := range c.Objects {
				if v, ok := x.(*fyne.Container); ok && len(v.Objects) == 1 {
					if ch, ok := v.Objects[0].(*widget.Check); ok {
						tick = ch
					}
				}
			}
		}
		return tick == nil
	})
	require.NotNil(t, tick)
	test.Tap(tick)
	got, err := u.Sess.Notes.GetAction(added.ID)
	require.NoError(t, err)
	require.Equal(t, uitest.DayFrom(u, 0), got.DoneOn)
}

func TestWomenAddingAnOutcomeEvent(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Jo)
	s.Page.tabs.SelectIndex(womanTabEvents)
	e := s.Page.events
	e.kind.SetSelected(schema.EventKind.Label("housed"))
	uitest.TypeInto(u, e.date, uitest.DayFrom(u, -1))
	uitest.TypeInto(u, e.note, "Moved into her own flat")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add outcome"))
	evs, err := u.Sess.Notes.ListEvents(ids.Jo)
	require.NoError(t, err)
	require.Len(t, evs, 1)
	require.Equal(t, "housed", evs[0].Kind)
	require.Equal(t, "Moved into her own flat", evs[0].Note)
	require.True(t, uitest.HasText(e.list, "Moved into her own flat"))
}

func TestWomenTheTimelineTellsHerStoryNewestFirst(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Dana)
	items := s.Page.timeline.items
	require.NotEmpty(t, items)
	for i := 1; i < len(items); i++ {
		require.GreaterOrEqual(t, items[i-1].Date, items[i].Date)
	}
	// An outcome line opens the Outcomes tab.
	for i, it := range items {
		if it.Kind == "event" {
			s.Page.timeline.list.Select(i)
			break
		}
	}
	require.Equal(t, womanTabEvents, s.Page.tabs.SelectedIndex())
}
