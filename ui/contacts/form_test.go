package contacts

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
	"inreach/ui/uitest"
	"inreach/vault"
)

func TestWritingUpAPrisonVisitWithThreeWomenStoresEachWomansPart(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones", "Cara Brown")
	test.Tap(uitest.FindButton(t, fx.u.Win.Content(), "New contact"))
	f := fx.s.Form
	require.NotNil(t, f, "the form is open")
	require.Equal(t, contactsToday, f.date.Text, "dated today")
	require.Equal(t, "Prison visit", f.kind.Selected, "a prison visit unless changed")
	require.Same(t, f.add, fx.canvas().Focused(), "ready to type the first name")

	fx.retype(f.date, "2025-07-04")
	fx.retype(f.start, "1330")
	fx.retype(f.end, "15.30")
	require.Equal(t, "13:30", f.start.Text, "a time typed as 1330 is tidied")
	require.Equal(t, "15:30", f.end.Text)
	f.where.SetSelected("HMP Peterborough")
	test.Tap(f.room)
	fx.retype(f.late, "20")
	test.Type(f.logNote, "Escorts short")

	anna := fx.addWoman(t, "anna")
	fx.typing("Talked about housing on release.")
	anna.wellbeing.SetSelected("7")

	bea := fx.addWoman(t, "Bea")
	test.Tap(bea.seen) // she was not seen
	require.True(t, bea.reason.Visible(), "the reason appears when she is not seen")
	bea.reason.SetSelected("Refused")

	cara := fx.addWoman(t, "Brown")
	fx.typing("Wants to write to her children.")
	test.Tap(cara.booked) // she turned up unannounced
	test.Tap(cara.addItem)
	cara.items[0].item.SetSelected("Stamps")
	fx.retype(cara.items[0].qty, "6")
	test.Tap(cara.addItem)
	cara.items[1].item.SetSelected("Writing materials") // how many left empty: one
	test.Tap(cara.needsBtn)
	dlg := fx.overlay(t)
	test.Tap(findNeedCheck(t, dlg, "Children and family"))
	test.Tap(findNeedCheck(t, dlg, "Housing"))
	test.Tap(uitest.FindButton(t, dlg, "Done"))
	require.Equal(t, []string{"housing", "children_family"}, cara.needs, "needs in the usual order")
	require.True(t, uitest.HasText(cara.root, "Housing, Children and family"))

	test.Tap(f.save)
	require.Nil(t, fx.s.Form, "saved and closed: %s", f.banner.Text)

	list, err := fx.u.Sess.Notes.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Len(t, list, 1)
	c, err := fx.u.Sess.Notes.GetContact(list[0].ID)
	require.NoError(t, err)
	require.Equal(t, "2025-07-04", c.Date)
	require.Equal(t, "13:30", c.Start)
	require.Equal(t, "15:30", c.End)
	require.Equal(t, "prison_visit", c.Kind)
	require.Equal(t, fx.prison.ID, c.EstablishmentID)
	require.True(t, c.RoomBooked)
	require.Equal(t, 20, c.LateStartMinutes)
	require.Equal(t, "Escorts short", c.LogisticsNote)
	require.Len(t, c.People, 3)

	a, b, cc := c.People[0], c.People[1], c.People[2]
	require.Equal(t, fx.women["Anna Smith"], a.PersonID)
	require.True(t, a.Seen)
	require.True(t, a.Booked)
	require.Equal(t, "Talked about housing on release.", a.Note)
	require.NotNil(t, a.Wellbeing)
	require.Equal(t, 7, *a.Wellbeing)

	require.Equal(t, fx.women["Bea Jones"], b.PersonID)
	require.False(t, b.Seen)
	require.Equal(t, "refused", b.NotSeenReason)
	require.Nil(t, b.Wellbeing, "— means not recorded")

	require.Equal(t, fx.women["Cara Brown"], cc.PersonID)
	require.True(t, cc.Seen)
	require.False(t, cc.Booked)
	require.Equal(t, "Wants to write to her children.", cc.Note)
	require.Equal(t, []string{"housing", "children_family"}, cc.NeedsDiscussed)
	require.Equal(t, []notes.ItemQty{{Item: "stamps", Quantity: 6}, {Item: "writing_materials", Quantity: 1}}, cc.Items)

	drafts, err := fx.u.Sess.Notes.ListDrafts()
	require.NoError(t, err)
	require.Empty(t, drafts, "the draft goes once the contact is saved")

	require.Equal(t, c.ID, fx.s.selected, "the saved contact is shown")
	require.True(t, uitest.HasText(fx.s.detail, "Wants to write to her children."))
	require.True(t, uitest.HasText(fx.s.detail, "Not seen: refused"))
	require.True(t, uitest.HasText(fx.s.detail, "Stamps × 6"))
}

func TestABadDateOrAnEndBeforeTheStartIsShownAtTheFieldAndNothingIsSaved(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	fx.s.newContact()
	f := fx.s.Form
	f.where.SetSelected("HMP Peterborough")
	anna := fx.addWoman(t, "Anna")
	fx.typing("She is doing well in education.")

	fx.retype(f.date, "2025-02-30")
	require.True(t, f.errWhen.Visible(), "the date is checked on leaving it")
	require.Contains(t, f.errWhen.Text, "does not exist")
	test.Tap(f.save)
	require.NotNil(t, fx.s.Form, "the form stays open")
	require.Contains(t, f.errWhen.Text, "does not exist")
	require.True(t, f.banner.Visible())
	list, err := fx.u.Sess.Notes.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Empty(t, list, "nothing saved")
	require.Equal(t, "She is doing well in education.", anna.note.Text, "her note is kept")

	fx.retype(f.date, "2025-07-04")
	require.False(t, f.errWhen.Visible(), "fixing the date clears the message")
	fx.retype(f.start, "15:00")
	fx.retype(f.end, "13:00")
	require.Contains(t, f.errWhen.Text, "before the start time")
	test.Tap(f.save)
	require.NotNil(t, fx.s.Form)
	require.Contains(t, f.errWhen.Text, "The end time 13:00 is before the start time 15:00.")
	list, err = fx.u.Sess.Notes.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Empty(t, list, "nothing saved")
	require.Equal(t, "She is doing well in education.", anna.note.Text)

	fx.retype(f.end, "16:00")
	test.Tap(f.save)
	require.Nil(t, fx.s.Form, "saved once put right: %s", f.banner.Text)
	list, err = fx.u.Sess.Notes.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Len(t, list, 1)
}

func TestAWomanNotSeenAtAPastVisitNeedsAReasonShownOnHerCard(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	fx.s.newContact()
	f := fx.s.Form
	f.where.SetSelected("HMP Peterborough")
	fx.addWoman(t, "Anna")
	bea := fx.addWoman(t, "Bea")
	fx.typing("Asked for her.")
	test.Tap(bea.seen)
	cara := bea // an item line with no quantity is refused by the form itself
	test.Tap(cara.addItem)
	cara.items[0].item.SetSelected("Toiletries")
	fx.retype(cara.items[0].qty, "two")

	test.Tap(f.save)
	require.NotNil(t, fx.s.Form)
	require.True(t, bea.errItems.Visible())
	require.Contains(t, bea.errItems.Text, "as a number")
	fx.retype(cara.items[0].qty, "2")

	test.Tap(f.save)
	require.NotNil(t, fx.s.Form, "not saved without a reason")
	require.True(t, bea.errTop.Visible())
	require.Contains(t, bea.errTop.Text, "Say why she was not seen")
	require.False(t, f.women[0].errTop.Visible(), "Anna's card has nothing to fix")

	bea.reason.SetSelected("Not escorted")
	require.False(t, bea.errTop.Visible(), "choosing a reason clears the message")
	test.Tap(f.save)
	require.Nil(t, fx.s.Form, f.banner.Text)
}

func TestTheDraftSurvivesLockingAndResumesWithTheTextIntact(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	fx.s.newContact()
	f := fx.s.Form
	f.where.SetSelected("HMP Peterborough")
	fx.retype(f.date, "2025-07-04")
	fx.addWoman(t, "Anna")
	note := "She said: “I want to see my kids before Christmas.” 日本語 too."
	fx.typing(note)
	bea := fx.addWoman(t, "Bea")
	test.Tap(bea.seen)
	bea.reason.SetSelected("Not escorted")
	fx.retype(f.date, "2025-02-30") // not valid yet: kept as typed

	fx.u.Lock()
	require.Nil(t, fx.u.Sess)
	fx.u.Idle() // the vault closes in the background

	v, err := vault.Open(fx.u.Path, []byte("correct horse battery"), vault.Options{Migrations: schema.Migrations})
	require.NoError(t, err)
	fx.u.Opened(v)
	fx.setToday()
	require.Equal(t, kit.Contacts, fx.u.Shell.Current, "back where she was")
	s := fx.u.Shell.Screens[kit.Contacts].(*ContactsScreen)
	require.Nil(t, s.Form)
	require.True(t, uitest.HasText(s.drafts, "Unfinished write-ups"))
	require.True(t, uitest.HasText(s.drafts, "Prison visit"), "the draft is named by kind and date")
	require.True(t, uitest.HasText(s.drafts, "2 women"))

	test.Tap(uitest.FindButton(t, s.drafts, "Resume"))
	g := s.Form
	require.NotNil(t, g)
	require.Equal(t, "2025-02-30", g.date.Text, "even the bad date is as typed")
	require.Equal(t, "HMP Peterborough", g.where.Selected)
	require.Len(t, g.women, 2)
	require.Equal(t, "Anna Smith", g.women[0].name)
	require.Equal(t, note, g.women[0].note.Text)
	require.False(t, g.women[1].seen.Checked)
	require.Equal(t, "Not escorted", g.women[1].reason.Selected)

	fx.retype(g.date, "2025-07-04")
	test.Tap(g.save)
	require.Nil(t, s.Form, g.banner.Text)
	drafts, err := fx.u.Sess.Notes.ListDrafts()
	require.NoError(t, err)
	require.Empty(t, drafts)
}

// The write-up is kept as a draft a moment after typing, and its note
// says so and what Save contact then does; nothing but the draft is
// stored until then.
func TestTheDraftIsKeptAboutASecondAfterTyping(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	contactDraftDelay = 30 * time.Millisecond
	fx.s.newContact()
	f := fx.s.Form
	key := f.draftKey
	fx.addWoman(t, "Anna")
	before := uitest.Tables(t, fx.u)
	fx.typing("Kept while typing")
	store := fx.u.Sess.Notes
	uitest.Eventually(t, func() bool {
		body, ok, err := store.LoadDraft(key)
		return err == nil && ok && strings.Contains(string(body), "Kept while typing")
	}, "the draft is written after a pause")
	require.Equal(t, kit.DraftNote(fx.u.Env()), f.status.Text())
	require.Equal(t, "Draft kept at "+kit.ClockFor(fx.u.Env())+" — Save contact adds it to her record", f.status.Text())
	require.Equal(t, []string{"drafts"}, uitest.ChangedTables(before, uitest.Tables(t, fx.u)), "only the draft is stored")
}

func TestOpeningNewWithAWomansIDStartsAContactWithHerAdded(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	fx.u.Shell.Show(kit.Today)
	fx.u.Shell.Open(kit.Record(kit.Contacts, "new:"+fx.women["Bea Jones"]))
	f := fx.s.Form
	require.NotNil(t, f)
	require.Len(t, f.women, 1)
	require.Equal(t, fx.women["Bea Jones"], f.women[0].personID)
	require.Equal(t, "HMP Peterborough", f.where.Selected, "her prison")
	require.Same(t, f.women[0].note, fx.canvas().Focused())
}

func TestEnterAddsHerAndTabGoesThroughHerFieldsToTheNextWoman(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	fx.s.newContact()
	f := fx.s.Form
	anna := fx.addWoman(t, "Anna")
	bea := fx.addWoman(t, "Bea")
	c := fx.canvas()

	c.Focus(anna.note)
	test.FocusNext(c)
	require.Same(t, bea.booked, c.Focused(), "Tab from her note goes to the next woman")
	for _, want := range []fyne.Focusable{bea.seen, bea.remove, bea.wellbeing, bea.area, bea.areaScore, bea.needsBtn, bea.addItem, bea.note} {
		test.FocusNext(c)
		require.Same(t, want, c.Focused())
	}
	test.FocusNext(c)
	require.Same(t, f.add, c.Focused(), "after the last woman comes the name box")
	require.False(t, bea.note.AcceptsTab(), "Tab in a note moves on instead of typing a tab")
}

func TestTheNameBoxSuggestsWomenAtThisPrisonFirstAndCanAddANewWoman(t *testing.T) {
	fx := newContactsFixture(t, "Rosamund Hill", "Sam Ellis")
	st := fx.u.Sess.Notes
	elsewhere := &notes.Person{Name: "Sam Abbott", Status: "community"}
	require.NoError(t, st.SavePerson(elsewhere))
	fx.s.newContact()
	f := fx.s.Form
	f.where.SetSelected("HMP Peterborough")

	fx.canvas().Focus(f.add)
	fx.typing("Sam")
	require.Len(t, f.suggests, 4, "three women and 'add as new'")
	require.Equal(t, "Sam Ellis", f.suggests[0].name, "the woman at this prison first, though Abbott sorts first by name")
	require.Equal(t, "Sam Abbott", f.suggests[1].name)
	require.Equal(t, "Rosamund Hill", f.suggests[2].name, "a name that only contains the letters comes after names that start with them")
	fx.key(fyne.KeyDown)
	fx.key(fyne.KeyReturn)
	require.Equal(t, elsewhere.ID, f.women[0].personID, "the arrow keys choose")

	fx.canvas().Focus(f.add)
	fx.typing("Dee Newcomer")
	require.Len(t, f.suggests, 1)
	require.NotEmpty(t, f.suggests[0].newName)
	fx.key(fyne.KeyReturn)
	require.Len(t, f.women, 2)
	made, err := st.GetPerson(f.women[1].personID)
	require.NoError(t, err)
	require.Equal(t, "Dee Newcomer", made.Name)
	require.Equal(t, fx.prison.ID, made.EstablishmentID, "she is at the prison being visited")
}

func TestCancellingAsksBeforeThrowingAwayTyping(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	fx.s.newContact()
	f := fx.s.Form
	fx.addWoman(t, "Anna")
	fx.typing("Something worth keeping")
	f.keepDraft()
	test.Tap(f.cancel)
	fx.overlay(t)
	fx.canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	require.Nil(t, fx.canvas().Overlays().Top(), "Escape keeps writing")
	require.NotNil(t, fx.s.Form)
	test.Tap(f.cancel)
	test.Tap(uitest.FindButton(t, fx.overlay(t), "Keep writing"))
	require.NotNil(t, fx.s.Form)
	test.Tap(f.cancel)
	test.Tap(uitest.FindButton(t, fx.overlay(t), "Throw away"))
	require.Nil(t, fx.s.Form)
	_, ok, err := fx.u.Sess.Notes.LoadDraft(f.draftKey)
	require.NoError(t, err)
	require.False(t, ok, "the draft is gone")
}

func TestEditingASavedContactKeepsItsOtherWomen(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	st := fx.u.Sess.Notes
	w := 4
	c := &notes.Contact{Date: "2025-07-04", Start: "10:00", Kind: "prison_visit", EstablishmentID: fx.prison.ID, LateStartMinutes: 15,
		People: []notes.ContactPerson{
			{PersonID: fx.women["Anna Smith"], Booked: true, Seen: true, Note: "first", Wellbeing: &w, Items: []notes.ItemQty{{Item: "clothes", Quantity: 3}}},
			{PersonID: fx.women["Bea Jones"], NotSeenReason: "transferred"},
		}}
	require.NoError(t, st.SaveContact(c))
	fx.s.open(c.ID)
	test.Tap(uitest.FindButton(t, fx.s.detail, "Edit"))
	f := fx.s.Form
	require.NotNil(t, f)
	require.Equal(t, "15", f.late.Text)
	require.Equal(t, "4", f.women[0].wellbeing.Selected)
	require.Equal(t, "Transferred", f.women[1].reason.Selected)
	fx.canvas().Focus(f.women[0].note)
	fx.typing(" and more")
	test.Tap(f.save)
	require.Nil(t, fx.s.Form, f.banner.Text)

	got, err := st.GetContact(c.ID)
	require.NoError(t, err)
	require.Len(t, got.People, 2)
	require.Contains(t, got.People[0].Note, "and more")
	require.Equal(t, []notes.ItemQty{{Item: "clothes", Quantity: 3}}, got.People[0].Items)
	require.Equal(t, "transferred", got.People[1].NotSeenReason)
	require.Equal(t, 15, got.LateStartMinutes)
	all, err := st.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Len(t, all, 1, "edited, not copied")
}

// findNeedCheck finds a check box of the needs dialog by its words.
func findNeedCheck(t *testing.T, root fyne.CanvasObject, label string) *contactDialogCheck {
	t.Helper()
	var found *contactDialogCheck
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*contactDialogCheck); ok && c.Text == label {
			found = c
			return false
		}
		return true
	})
	require.NotNil(t, found, "no check box %q", label)
	return found
}

func TestTheNeedsDialogPutsHerRecordedNeedsFirst(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	st := fx.u.Sess.Notes
	anna, err := st.GetPerson(fx.women["Anna Smith"])
	require.NoError(t, err)
	anna.Needs = []notes.Need{{Area: "immigration", Status: "open"}, {Area: "housing", Status: "met"}}
	require.NoError(t, st.SavePerson(anna))

	fx.s.newContact()
	p := fx.addWoman(t, "Anna")
	test.Tap(p.needsBtn)
	dlg := fx.overlay(t)
	require.True(t, uitest.HasText(dlg, "Her recorded needs"))
	var order []string
	uitest.Walk(dlg, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*contactDialogCheck); ok {
			order = append(order, c.Text)
		}
		return true
	})
	require.Equal(t, "Immigration", order[0], "her open need comes first")
	require.Len(t, order, len(schema.NeedArea.Values), "every area can be chosen")
	first := fx.canvas().Focused()
	require.Equal(t, "Immigration", first.(*contactDialogCheck).Text, "the keyboard starts on the first check box")
	first.TypedRune(' ')
	fx.key(fyne.KeyEscape)
	require.Nil(t, fx.canvas().Overlays().Top(), "Escape closes the dialog")
	require.Equal(t, []string{"immigration"}, p.needs)
	require.Same(t, p.needsBtn, fx.canvas().Focused(), "the keyboard is back on the button")
}

func TestTabbingToAWomanOutOfSightScrollsHerIntoView(t *testing.T) {
	names := []string{"Anna Smith", "Bea Jones", "Cara Brown", "Dee Okafor", "Eve Kowalska"}
	fx := newContactsFixture(t, names...)
	fx.s.newContact()
	f := fx.s.Form
	for _, n := range names {
		fx.addWoman(t, n)
	}
	fx.canvas().Focus(f.add)
	f.scroll.ScrollToTop()
	require.Zero(t, f.scroll.Offset.Y)
	last := f.women[4]
	fx.canvas().Focus(last.note)
	require.Positive(t, f.scroll.Offset.Y, "the form scrolls down to her note")
	d := fyne.CurrentApp().Driver()
	noteY := d.AbsolutePositionForObject(last.note).Y - d.AbsolutePositionForObject(f.scroll).Y
	require.GreaterOrEqual(t, noteY, float32(0))
	require.LessOrEqual(t, noteY+last.note.Size().Height, f.scroll.Size().Height, "her whole note is in view")

	first := f.women[0]
	fx.canvas().Focus(first.booked)
	cardY := d.AbsolutePositionForObject(first.root).Y - d.AbsolutePositionForObject(f.scroll).Y
	require.GreaterOrEqual(t, cardY, float32(0), "and back up to the first woman's card")
	require.Less(t, cardY, f.scroll.Size().Height)
}
