package women

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// womenOf returns the Women screen, showing it.
func womenOf(t *testing.T, u *ui.UI) *WomenScreen {
	t.Helper()
	u.Shell.Show(kit.Women)
	s, ok := u.Shell.Screens[kit.Women].(*WomenScreen)
	require.True(t, ok)
	return s
}

// entryByHint finds the entry (plain or leaving) whose placeholder is hint.
func entryByHint(t *testing.T, root fyne.CanvasObject, hint string) fyne.Focusable {
	t.Helper()
	var found fyne.Focusable
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		var e *widget.Entry
		switch x := o.(type) {
		case *widget.Entry:
			e = x
		case *kit.LeaveEntry:
			e = &x.Entry
		}
		if e != nil && e.PlaceHolder == hint && o.Visible() {
			found = o.(fyne.Focusable)
			return false
		}
		return true
	})
	require.NotNil(t, found, "no entry with placeholder %q", hint)
	return found
}

// typeIn types text into an entry found by entryByHint, as a user would.
func typeIn(t *testing.T, u *ui.UI, root fyne.CanvasObject, hint, text string) {
	t.Helper()
	uitest.TypeInto(u, entryByHint(t, root, hint), text)
}

// leave moves the keyboard away from whatever has it.
func leave(u *ui.UI) { u.Win.Canvas().Unfocus() }

func TestWomenAddingAWomanThroughTheFormStoresHer(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	root := u.Win.Content()
	require.True(t, uitest.HasText(root, "No women yet"))

	test.Tap(uitest.FindButton(t, root, "Add a woman"))
	typeIn(t, u, root, "Her full name", "Grace Adeyemi")
	typeIn(t, u, root, "For example A1234BC", "C5521GA")
	s.Adding.status.SetSelected(schema.PersonStatus.Label("custody_remand"))
	typeIn(t, u, root, "Anything staff must know to keep her and others safe (shown at the top of her page)", "Only female staff at the gate.")
	test.Tap(uitest.FindCheck(t, root, "Self-harm"))
	test.Tap(uitest.FindButton(t, root, "Save"))

	people, err := u.Sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.Len(t, people, 1)
	p, err := u.Sess.Notes.GetPerson(people[0].ID)
	require.NoError(t, err)
	require.Equal(t, "Grace Adeyemi", p.Name)
	require.Equal(t, "C5521GA", p.PrisonNumber)
	require.Equal(t, "custody_remand", p.Status)
	require.Equal(t, "Only female staff at the gate.", p.SafetyNote)
	require.Equal(t, []string{"self_harm"}, p.Sensitive)

	require.NotNil(t, s.Page, "her page is shown after saving")
	require.Equal(t, p.ID, s.Selected)
	require.True(t, uitest.HasText(u.Win.Content(), "Only female staff at the gate."), "the safety note is on her page")
	require.Equal(t, 1, len(s.people))
}

func TestWomenAnInvalidDateIsShownAtTheFieldAndNothingIsStored(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	root := u.Win.Content()
	test.Tap(uitest.FindButton(t, root, "Add a woman"))
	typeIn(t, u, root, "Her full name", "Grace Adeyemi")
	dob := s.Adding.dob
	uitest.TypeInto(u, dob, "2025-02-30")
	test.Tap(uitest.FindButton(t, root, "Save"))

	row := s.Adding.form.Rows["DateOfBirth"]
	require.True(t, row.Message.Visible(), "the message is at the date field")
	require.Contains(t, row.Message.Text, "does not exist")
	require.False(t, s.Adding.form.Rows["Name"].Message.Visible(), "the name is fine")
	people, err := u.Sess.Notes.ListPeople(notes.PeopleFilter{IncludeClosed: true})
	require.NoError(t, err)
	require.Empty(t, people, "nothing is stored")
	require.Equal(t, "Grace Adeyemi", s.Adding.name.Text, "what she typed is kept")
	require.Equal(t, "2025-02-30", dob.Text)

	// Correcting the date and saving with Ctrl+S stores her.
	dob.SetText("1990-02-28")
	ctrlS := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	u.Win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrlS)
	people, err = u.Sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.Len(t, people, 1)
	p, err := u.Sess.Notes.GetPerson(people[0].ID)
	require.NoError(t, err)
	require.Equal(t, "1990-02-28", p.DateOfBirth)
}

func TestWomenADateIsCheckedAsTheUserLeavesTheField(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a woman"))
	uitest.TypeInto(u, s.Adding.release, "13/02/2026")
	leave(u)
	require.Equal(t, "2026-02-13", s.Adding.release.Text, "a date written day first is rewritten as YYYY-MM-DD")
	require.Empty(t, s.Adding.form.Rows["ReleaseDate"].Message.Text)
	s.Adding.release.SetText("")
	uitest.TypeInto(u, s.Adding.release, "13th Feb")
	leave(u)
	require.Contains(t, s.Adding.form.Rows["ReleaseDate"].Message.Text, "YYYY-MM-DD")
}

func TestWomenTheStoresProblemsAreShownAtTheirFields(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	root := u.Win.Content()
	test.Tap(uitest.FindButton(t, root, "Add a woman"))
	// No name, and a closed date while her status is not Closed.
	uitest.TypeInto(u, s.Adding.closedOn, "2024-01-05")
	test.Tap(uitest.FindButton(t, root, "Save"))
	require.Contains(t, s.Adding.form.Rows["Name"].Message.Text, "Enter her name")
	require.Contains(t, s.Adding.form.Rows["ClosedOn"].Message.Text, "not Closed")
	require.Equal(t, "2024-01-05", s.Adding.closedOn.Text)
}

func TestWomenEditingHerDetailsKeepsHerNeeds(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Dana)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Edit details"))
	require.Equal(t, womanTabDetails, s.Page.tabs.SelectedIndex())
	s.Page.form.sentence.SetText("14 months, half served")
	s.Page.form.confirmed.SetChecked(true)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Save"))
	p, err := u.Sess.Notes.GetPerson(ids.Dana)
	require.NoError(t, err)
	require.Equal(t, "14 months, half served", p.Sentence)
	require.True(t, p.ReleaseDateConfirmed)
	require.Len(t, p.Needs, 2, "her needs are kept")
	require.Equal(t, "Bid placed with Southside; waiting for an assessment date.", p.Needs[0].Note)
	require.True(t, uitest.HasText(u.Win.Content(), "(confirmed)"), "the header shows the confirmed date")
}

func TestWomenTheFilterNarrowsTheList(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	require.Len(t, s.people, 3, "closed records are hidden")

	uitest.TypeInto(u, s.search, "okaf")
	require.Len(t, s.people, 1)
	require.Equal(t, ids.Mariam, s.people[0].ID)
	s.search.SetText("")
	uitest.TypeInto(u, s.search, "A4821")
	require.Len(t, s.people, 1, "by prison number")
	require.Equal(t, ids.Dana, s.people[0].ID)
	s.search.SetText("Rose")
	require.Len(t, s.people, 1, "by pseudonym")
	s.search.SetText("")

	s.status.SetSelected(womenInCustody)
	require.Len(t, s.people, 2)
	s.status.SetSelected(schema.PersonStatus.Label("community"))
	require.Len(t, s.people, 1)
	require.Equal(t, ids.Jo, s.people[0].ID)
	s.status.SetSelected(womenAnyStatus)

	test.Tap(s.showClosed)
	require.Len(t, s.people, 4)
	require.True(t, uitest.HasText(s.root, "4 women"))
}

func TestWomenOpeningAClosedRecordShowsItEvenWhenFiltered(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.search.SetText("Dana")
	u.Shell.Open(kit.Record(kit.Women, ids.Closed))
	require.Equal(t, ids.Closed, s.Selected)
	require.True(t, s.showClosed.Checked)
	require.True(t, uitest.HasText(s.root, "Kerry Ansell"))
}

func TestWomenAddingAnEstablishmentFromTheForm(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a woman"))
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add new…"))
	over := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, over)
	typeIn(t, u, over, "For example HMP Eastwood Park", "HMP Low Newton")
	test.Tap(uitest.FindButton(t, over, "Add"))
	require.Equal(t, "HMP Low Newton", s.Adding.establishment.Selected)
	list, err := u.Sess.Notes.ListEstablishments()
	require.NoError(t, err)
	require.Len(t, list, 1)
	require.Equal(t, "prison", list[0].Kind)
}

func TestWomenTabMovesThroughTheFormInReadingOrder(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a woman"))
	f := s.Adding
	c := u.Win.Canvas()
	require.Equal(t, fyne.Focusable(f.name), c.Focused(), "her name has the keyboard first")
	want := []fyne.Focusable{f.pseudonym, f.dob, f.prisonNumber, f.status, f.establishment}
	for _, w := range want {
		c.FocusNext()
		require.Equal(t, w, c.Focused())
	}
	c.FocusNext() // the "Add new…" establishment button
	c.FocusNext()
	require.Equal(t, fyne.Focusable(f.sentence), c.Focused())
	c.FocusNext()
	require.Equal(t, fyne.Focusable(f.release), c.Focused())
}

func TestWomenChoosingClosedFillsTheClosedDate(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Jo)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Edit details"))
	f := s.Page.form
	f.status.SetSelected(schema.PersonStatus.Label("closed"))
	require.Equal(t, uitest.DayFrom(u, 0), f.closedOn.Text)
	f.status.SetSelected(schema.PersonStatus.Label("community"))
	require.Equal(t, "", f.closedOn.Text)
	f.status.SetSelected(schema.PersonStatus.Label("closed"))
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Save"))
	p, err := u.Sess.Notes.GetPerson(ids.Jo)
	require.NoError(t, err)
	require.Equal(t, "closed", p.Status)
	require.Equal(t, uitest.DayFrom(u, 0), p.ClosedOn)
}
