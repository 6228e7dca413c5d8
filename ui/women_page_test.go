package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/schema"
)

func TestWomenEditingNeedsPersists(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.dana)
	s.page.tabs.SelectIndex(womanTabNeeds)
	n := s.page.needs

	// Change a status: saved at once.
	n.rows[1].status.SetSelected(schema.NeedStatus.Label("met"))
	p, err := u.sess.Notes.GetPerson(ids.dana)
	require.NoError(t, err)
	require.Equal(t, "met", p.Needs[1].Status)

	// Add a need and type its note: saved when the user leaves the note.
	n.add.SetSelected(schema.NeedArea.Label("identity_documents"))
	test.Tap(findButton(t, u.win.Content(), "Add need"))
	require.Len(t, n.rows, 3)
	typeInto(u, n.rows[2].note, "Birth certificate ordered")
	leave(u)
	p, err = u.sess.Notes.GetPerson(ids.dana)
	require.NoError(t, err)
	require.Len(t, p.Needs, 3)
	require.Equal(t, notes.Need{Area: "identity_documents", Status: "open", Note: "Birth certificate ordered"}, p.Needs[2])

	// A note still being typed is saved before the vault locks.
	typeInto(u, n.rows[0].note, " Assessment on Friday.")
	s.BeforeLock()
	p, err = u.sess.Notes.GetPerson(ids.dana)
	require.NoError(t, err)
	require.Contains(t, p.Needs[0].Note, "Assessment on Friday.")
}

func TestWomenEditingTheReleasePlanPersists(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.dana)
	s.page.tabs.SelectIndex(womanTabPlan)
	root := u.win.Content()
	require.Equal(t, "3 of 10 in place", s.page.plan.progress.TextFormatter())

	test.Tap(findCheck(t, root, schema.ReleasePlanItem.Label("housing")))
	plan := s.page.plan
	i := indexOfPlanItem(plan, "housing")
	typeInto(u, plan.notes[i], "Southside hostel, room from release day")
	leave(u)
	items, err := u.sess.Notes.ReleasePlan(ids.dana)
	require.NoError(t, err)
	require.True(t, items[i].Done)
	require.Equal(t, "Southside hostel, room from release day", items[i].Note)
	require.Equal(t, "4 of 10 in place", plan.progress.TextFormatter())

	// Untick: saved as not done, the note kept.
	test.Tap(findCheck(t, root, schema.ReleasePlanItem.Label("housing")))
	items, err = u.sess.Notes.ReleasePlan(ids.dana)
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
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.jo)
	s.page.tabs.SelectIndex(womanTabPlan)
	require.Empty(t, s.page.plan.checks)
	require.Contains(t, s.page.plan.about.Text, "for women in custody")
}

func TestWomenAddingAndCompletingAnActionOnHerPage(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.mariam)
	s.page.tabs.SelectIndex(womanTabActions)
	a := s.page.actions
	root := u.win.Content()

	// A bad due date is refused at the field; the text stays.
	typeInto(u, a.text, "Book her a GP registration")
	typeInto(u, a.due, "next week")
	test.Tap(findButton(t, root, "Add action"))
	require.True(t, a.form.rows["Due"].message.Visible())
	require.Equal(t, "Book her a GP registration", a.text.Text)

	a.due.SetText(dayFrom(u, 4))
	a.agency.SetSelected("Southside Housing Options")
	test.Tap(findButton(t, root, "Add action"))
	list, err := u.sess.Notes.ListActions(notes.ActionFilter{PersonID: ids.mariam, OpenOnly: true})
	require.NoError(t, err)
	var added *notes.Action
	for i := range list {
		if list[i].Text == "Book her a GP registration" {
			added = &list[i]
		}
	}
	require.NotNil(t, added)
	require.Equal(t, ids.housing, added.AgencyID)
	require.Equal(t, "", a.text.Text, "the form is cleared for the next one")

	var tick *widget.Check
	walk(a.list, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*fyne.Container); ok && hasText(c, "Book her a GP registration") {
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
	got, err := u.sess.Notes.GetAction(added.ID)
	require.NoError(t, err)
	require.Equal(t, dayFrom(u, 0), got.DoneOn)
}

func TestWomenAddingAnOutcomeEvent(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.jo)
	s.page.tabs.SelectIndex(womanTabEvents)
	e := s.page.events
	e.kind.SetSelected(schema.EventKind.Label("housed"))
	typeInto(u, e.date, dayFrom(u, -1))
	typeInto(u, e.note, "Moved into her own flat")
	test.Tap(findButton(t, u.win.Content(), "Add outcome"))
	evs, err := u.sess.Notes.ListEvents(ids.jo)
	require.NoError(t, err)
	require.Len(t, evs, 1)
	require.Equal(t, "housed", evs[0].Kind)
	require.Equal(t, "Moved into her own flat", evs[0].Note)
	require.True(t, hasText(e.list, "Moved into her own flat"))
}

func TestWomenTheTimelineTellsHerStoryNewestFirst(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.dana)
	items := s.page.timeline.items
	require.NotEmpty(t, items)
	for i := 1; i < len(items); i++ {
		require.GreaterOrEqual(t, items[i-1].Date, items[i].Date)
	}
	// An outcome line opens the Outcomes tab.
	for i, it := range items {
		if it.Kind == "event" {
			s.page.timeline.list.Select(i)
			break
		}
	}
	require.Equal(t, womanTabEvents, s.page.tabs.SelectedIndex())
}
