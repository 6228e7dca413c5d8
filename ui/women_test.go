package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/schema"
)

// dayFrom is today plus n days, as YYYY-MM-DD.
func dayFrom(u *UI, n int) string {
	return u.clock.Now().AddDate(0, 0, n).Format(schema.DateLayout)
}

// caseworkIDs are the records seedCasework makes.
type caseworkIDs struct {
	prison, court              string
	dana, mariam, jo, closed   string
	overdue, dueSoon, doneLong string
	housing, probation         string
}

// seedCasework fills the open vault through the stores with a small,
// invented caseload: three open records and a closed one, needs, actions
// (one overdue), outcome events, letters, a prison visit and two agencies.
func seedCasework(t *testing.T, u *UI) caseworkIDs {
	t.Helper()
	st := u.sess.Notes
	var ids caseworkIDs
	prison := notes.Establishment{Name: "HMP Eastwood Vale", Kind: "prison", BookingContact: "Visits hall, ext. 204"}
	require.NoError(t, st.SaveEstablishment(&prison))
	court := notes.Establishment{Name: "Bristol Magistrates' Court", Kind: "court"}
	require.NoError(t, st.SaveEstablishment(&court))
	ids.prison, ids.court = prison.ID, court.ID

	housing := notes.Agency{Name: "Southside Housing Options", Category: "housing", Area: "Bristol",
		Services: "Homelessness assessments and emergency accommodation", KeyContact: "Priya Shah, prison link worker",
		Phone: "0117 496 0000", Email: "link@southside.example.org", LastChecked: dayFrom(u, -500)}
	require.NoError(t, st.SaveAgency(&housing))
	probation := notes.Agency{Name: "Probation — Bristol North", Category: "probation", Area: "Bristol North",
		KeyContact: "Duty officer", Phone: "0117 496 0111", LastChecked: dayFrom(u, -30)}
	require.NoError(t, st.SaveAgency(&probation))
	ids.housing, ids.probation = housing.ID, probation.ID

	dana := notes.Person{Name: "Dana Whitfield", Pseudonym: "Rose", PrisonNumber: "A4821DW",
		Status: "custody_sentenced", EstablishmentID: prison.ID, Sentence: "14 months",
		ReleaseDate: dayFrom(u, 9), ReleaseDateConfirmed: false, Referral: "short_sentence",
		ReferralDate: dayFrom(u, -120), ConsentRecordedOn: dayFrom(u, -118), ConsentShareWith: "Probation and her GP",
		SafetyNote: "Do not share her release date or address with her ex-partner; he has called the service before.",
		Sensitive:  []string{"domestic_sexual_abuse", "children_removed"},
		Needs: []notes.Need{{Area: "housing", Status: "in_progress", Note: "Bid placed with Southside; waiting for an assessment date."},
			{Area: "substance_use", Status: "open", Note: "Wants a script review before release."}}}
	require.NoError(t, st.SavePerson(&dana))
	mariam := notes.Person{Name: "Mariam Okafor", Pseudonym: "Star", PrisonNumber: "B1937MO",
		Status: "custody_remand", EstablishmentID: prison.ID, ReleaseDate: dayFrom(u, 40), Referral: "new"}
	require.NoError(t, st.SavePerson(&mariam))
	jo := notes.Person{Name: "Jo Pearce", Status: "community", Referral: "existing"}
	require.NoError(t, st.SavePerson(&jo))
	closed := notes.Person{Name: "Kerry Ansell", Status: "closed", ClosedOn: dayFrom(u, -200), Referral: "existing"}
	require.NoError(t, st.SavePerson(&closed))
	ids.dana, ids.mariam, ids.jo, ids.closed = dana.ID, mariam.ID, jo.ID, closed.ID

	for _, item := range []string{"travel_meeting_point", "probation_appointment", "id"} {
		require.NoError(t, st.SetPlanItem(dana.ID, item, true, ""))
	}
	overdue := notes.Action{PersonID: dana.ID, AgencyID: housing.ID, Text: "Chase the housing assessment date", Due: dayFrom(u, -3)}
	require.NoError(t, st.SaveAction(&overdue))
	soon := notes.Action{PersonID: mariam.ID, Text: "Send a visiting order request for her sister", Due: dayFrom(u, 2)}
	require.NoError(t, st.SaveAction(&soon))
	done := notes.Action{PersonID: dana.ID, Text: "Post stamps and writing paper", Due: dayFrom(u, -40), DoneOn: dayFrom(u, -41)}
	require.NoError(t, st.SaveAction(&done))
	ids.overdue, ids.dueSoon, ids.doneLong = overdue.ID, soon.ID, done.ID

	require.NoError(t, st.SaveEvent(&notes.Event{PersonID: dana.ID, Date: dayFrom(u, -150), Kind: "sentenced", Note: "14 months at Crown Court"}))

	past := notes.Contact{Date: dayFrom(u, -14), Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: prison.ID,
		People: []notes.ContactPerson{
			{PersonID: dana.ID, Booked: true, Seen: true, Note: "Talked through the release plan; she is worried about where she will sleep on the first night.", NeedsDiscussed: []string{"housing"}},
			{PersonID: mariam.ID, Booked: true, Seen: false, NotSeenReason: "not_escorted"}}}
	require.NoError(t, st.SaveContact(&past))
	next := notes.Contact{Date: dayFrom(u, 5), Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: prison.ID,
		People: []notes.ContactPerson{{PersonID: dana.ID, Booked: true}, {PersonID: mariam.ID, Booked: true}}}
	require.NoError(t, st.SaveContact(&next))

	require.NoError(t, u.sess.Letters.SaveLetter(&newsletter.Letter{PersonID: mariam.ID, Date: dayFrom(u, -6), Direction: "in",
		Channel: "letter", Summary: "Asks about the newsletter and a pen pal", ReplyDue: dayFrom(u, 1)}))
	return ids
}

// womenOf returns the Women screen, showing it.
func womenOf(t *testing.T, u *UI) *womenScreen {
	t.Helper()
	u.shell.show(Women)
	s, ok := u.shell.screens[Women].(*womenScreen)
	require.True(t, ok)
	return s
}

// entryByHint finds the entry (plain or leaving) whose placeholder is hint.
func entryByHint(t *testing.T, root fyne.CanvasObject, hint string) fyne.Focusable {
	t.Helper()
	var found fyne.Focusable
	walk(root, func(o fyne.CanvasObject) bool {
		var e *widget.Entry
		switch x := o.(type) {
		case *widget.Entry:
			e = x
		case *leaveEntry:
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
func typeIn(t *testing.T, u *UI, root fyne.CanvasObject, hint, text string) {
	t.Helper()
	typeInto(u, entryByHint(t, root, hint), text)
}

// typeInto puts the keyboard on f and types text on the canvas.
func typeInto(u *UI, f fyne.Focusable, text string) {
	u.win.Canvas().Focus(f)
	test.Type(f, text)
}

// leave moves the keyboard away from whatever has it.
func leave(u *UI) { u.win.Canvas().Unfocus() }

func TestWomenAddingAWomanThroughTheFormStoresHer(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := womenOf(t, u)
	root := u.win.Content()
	require.True(t, hasText(root, "No women yet"))

	test.Tap(findButton(t, root, "Add a woman"))
	typeIn(t, u, root, "Her full name", "Grace Adeyemi")
	typeIn(t, u, root, "For example A1234BC", "C5521GA")
	s.adding.status.SetSelected(schema.PersonStatus.Label("custody_remand"))
	typeIn(t, u, root, "Anything staff must know to keep her and others safe (shown at the top of her page)", "Only female staff at the gate.")
	test.Tap(findCheck(t, root, "Self-harm"))
	test.Tap(findButton(t, root, "Save her record"))

	people, err := u.sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.Len(t, people, 1)
	p, err := u.sess.Notes.GetPerson(people[0].ID)
	require.NoError(t, err)
	require.Equal(t, "Grace Adeyemi", p.Name)
	require.Equal(t, "C5521GA", p.PrisonNumber)
	require.Equal(t, "custody_remand", p.Status)
	require.Equal(t, "Only female staff at the gate.", p.SafetyNote)
	require.Equal(t, []string{"self_harm"}, p.Sensitive)

	require.NotNil(t, s.page, "her page is shown after saving")
	require.Equal(t, p.ID, s.selected)
	require.True(t, hasText(u.win.Content(), "Only female staff at the gate."), "the safety note is on her page")
	require.Equal(t, 1, len(s.people))
}

func TestWomenAnInvalidDateIsShownAtTheFieldAndNothingIsStored(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := womenOf(t, u)
	root := u.win.Content()
	test.Tap(findButton(t, root, "Add a woman"))
	typeIn(t, u, root, "Her full name", "Grace Adeyemi")
	dob := s.adding.dob
	typeInto(u, dob, "2025-02-30")
	test.Tap(findButton(t, root, "Save her record"))

	row := s.adding.form.rows["DateOfBirth"]
	require.True(t, row.message.Visible(), "the message is at the date field")
	require.Contains(t, row.message.Text, "does not exist")
	require.False(t, s.adding.form.rows["Name"].message.Visible(), "the name is fine")
	people, err := u.sess.Notes.ListPeople(notes.PeopleFilter{IncludeClosed: true})
	require.NoError(t, err)
	require.Empty(t, people, "nothing is stored")
	require.Equal(t, "Grace Adeyemi", s.adding.name.Text, "what she typed is kept")
	require.Equal(t, "2025-02-30", dob.Text)

	// Correcting the date and saving with Ctrl+S stores her.
	dob.SetText("1990-02-28")
	ctrlS := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrlS)
	people, err = u.sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.Len(t, people, 1)
	p, err := u.sess.Notes.GetPerson(people[0].ID)
	require.NoError(t, err)
	require.Equal(t, "1990-02-28", p.DateOfBirth)
}

func TestWomenADateIsCheckedAsTheUserLeavesTheField(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(findButton(t, u.win.Content(), "Add a woman"))
	typeInto(u, s.adding.release, "13/02/2026")
	leave(u)
	require.Contains(t, s.adding.form.rows["ReleaseDate"].message.Text, "YYYY-MM-DD")
}

func TestWomenTheStoresProblemsAreShownAtTheirFields(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := womenOf(t, u)
	root := u.win.Content()
	test.Tap(findButton(t, root, "Add a woman"))
	// No name, and a closed date while her status is not Closed.
	typeInto(u, s.adding.closedOn, "2024-01-05")
	test.Tap(findButton(t, root, "Save her record"))
	require.Contains(t, s.adding.form.rows["Name"].message.Text, "Enter her name")
	require.Contains(t, s.adding.form.rows["ClosedOn"].message.Text, "not Closed")
	require.Equal(t, "2024-01-05", s.adding.closedOn.Text)
}

func TestWomenEditingHerDetailsKeepsHerNeeds(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.dana)
	test.Tap(findButton(t, u.win.Content(), "Edit details"))
	require.Equal(t, womanTabDetails, s.page.tabs.SelectedIndex())
	s.page.form.sentence.SetText("14 months, half served")
	s.page.form.confirmed.SetChecked(true)
	test.Tap(findButton(t, u.win.Content(), "Save details"))
	p, err := u.sess.Notes.GetPerson(ids.dana)
	require.NoError(t, err)
	require.Equal(t, "14 months, half served", p.Sentence)
	require.True(t, p.ReleaseDateConfirmed)
	require.Len(t, p.Needs, 2, "her needs are kept")
	require.Equal(t, "Bid placed with Southside; waiting for an assessment date.", p.Needs[0].Note)
	require.True(t, hasText(u.win.Content(), "(confirmed)"), "the header shows the confirmed date")
}

func TestWomenTheFilterNarrowsTheList(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	require.Len(t, s.people, 3, "closed records are hidden")

	typeInto(u, s.search, "okaf")
	require.Len(t, s.people, 1)
	require.Equal(t, ids.mariam, s.people[0].ID)
	s.search.SetText("")
	typeInto(u, s.search, "A4821")
	require.Len(t, s.people, 1, "by prison number")
	require.Equal(t, ids.dana, s.people[0].ID)
	s.search.SetText("Rose")
	require.Len(t, s.people, 1, "by pseudonym")
	s.search.SetText("")

	s.status.SetSelected(womenInCustody)
	require.Len(t, s.people, 2)
	s.status.SetSelected(schema.PersonStatus.Label("community"))
	require.Len(t, s.people, 1)
	require.Equal(t, ids.jo, s.people[0].ID)
	s.status.SetSelected(womenAnyStatus)

	test.Tap(s.showClosed)
	require.Len(t, s.people, 4)
	require.True(t, hasText(s.root, "4 women"))
}

func TestWomenOpeningAClosedRecordShowsItEvenWhenFiltered(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.search.SetText("Dana")
	u.shell.open(Record(Women, ids.closed))
	require.Equal(t, ids.closed, s.selected)
	require.True(t, s.showClosed.Checked)
	require.True(t, hasText(s.root, "Kerry Ansell"))
}

func TestWomenAddingAnEstablishmentFromTheForm(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(findButton(t, u.win.Content(), "Add a woman"))
	test.Tap(findButton(t, u.win.Content(), "Add new…"))
	over := u.win.Canvas().Overlays().Top()
	require.NotNil(t, over)
	typeIn(t, u, over, "For example HMP Eastwood Park", "HMP Low Newton")
	test.Tap(findButton(t, over, "Add"))
	require.Equal(t, "HMP Low Newton", s.adding.establishment.Selected)
	list, err := u.sess.Notes.ListEstablishments()
	require.NoError(t, err)
	require.Len(t, list, 1)
	require.Equal(t, "prison", list[0].Kind)
}

func TestWomenTabMovesThroughTheFormInReadingOrder(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(findButton(t, u.win.Content(), "Add a woman"))
	f := s.adding
	c := u.win.Canvas()
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
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.jo)
	test.Tap(findButton(t, u.win.Content(), "Edit details"))
	f := s.page.form
	f.status.SetSelected(schema.PersonStatus.Label("closed"))
	require.Equal(t, dayFrom(u, 0), f.closedOn.Text)
	f.status.SetSelected(schema.PersonStatus.Label("community"))
	require.Equal(t, "", f.closedOn.Text)
	f.status.SetSelected(schema.PersonStatus.Label("closed"))
	test.Tap(findButton(t, u.win.Content(), "Save details"))
	p, err := u.sess.Notes.GetPerson(ids.jo)
	require.NoError(t, err)
	require.Equal(t, "closed", p.Status)
	require.Equal(t, dayFrom(u, 0), p.ClosedOn)
}
