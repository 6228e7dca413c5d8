package contacts

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// contactsToday is the fixed "today" of these tests.
const contactsToday = "2025-07-10"

// contactsFixture is an open vault with one prison and a few women, on the
// Contacts section.
type contactsFixture struct {
	u      *ui.UI
	s      *ContactsScreen
	prison notes.Establishment
	court  notes.Establishment
	women  map[string]string // name → id
}

func newContactsFixture(t *testing.T, names ...string) *contactsFixture {
	t.Helper()
	contactDraftDelay = time.Hour // tests keep drafts themselves
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	fx := &contactsFixture{u: u, women: map[string]string{}}
	fx.setToday()
	st := u.Sess.Notes
	fx.prison = notes.Establishment{Name: "HMP Peterborough", Kind: "prison"}
	require.NoError(t, st.SaveEstablishment(&fx.prison))
	fx.court = notes.Establishment{Name: "Peterborough Crown Court", Kind: "court"}
	require.NoError(t, st.SaveEstablishment(&fx.court))
	for _, n := range names {
		p := &notes.Person{Name: n, Status: "custody_sentenced", EstablishmentID: fx.prison.ID}
		require.NoError(t, st.SavePerson(p))
		fx.women[n] = p.ID
	}
	u.Shell.Show(kit.Contacts)
	fx.s = u.Shell.Screens[kit.Contacts].(*ContactsScreen)
	return fx
}

func (fx *contactsFixture) setToday() {
	fx.u.Sess.Notes.TodayFunc = func() string { return contactsToday }
}

// canvas is the window's canvas.
func (fx *contactsFixture) canvas() fyne.Canvas { return fx.u.Win.Canvas() }

// typing types text into whatever has the keyboard focus.
func (fx *contactsFixture) typing(text string) {
	f := fx.canvas().Focused()
	for _, r := range text {
		f.TypedRune(r)
	}
}

// key presses one key on whatever has the keyboard focus.
func (fx *contactsFixture) key(name fyne.KeyName) {
	fx.canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

// retype focuses an entry, replaces its text by typing, and leaves it
// (so the check on leaving runs), as a user does.
func (fx *contactsFixture) retype(e *kit.LeaveEntry, text string) {
	c := fx.canvas()
	c.Focus(e)
	e.SetText("")
	fx.typing(text)
	c.Unfocus()
}

// addWoman types part of her name in the name box and presses Enter.
func (fx *contactsFixture) addWoman(t *testing.T, typed string) *visitPerson {
	t.Helper()
	f := fx.s.Form
	n := len(f.women)
	fx.canvas().Focus(f.add)
	fx.typing(typed)
	fx.key(fyne.KeyReturn)
	require.Len(t, f.women, n+1, "Enter adds her")
	p := f.women[n]
	require.Same(t, p.note, fx.canvas().Focused(), "the cursor moves to her note")
	require.Empty(t, f.add.Text, "the name box is ready for the next woman")
	return p
}

// overlay is the top dialog or pop-up.
func (fx *contactsFixture) overlay(t *testing.T) fyne.CanvasObject {
	t.Helper()
	o := fx.canvas().Overlays().Top()
	require.NotNil(t, o, "a dialog is open")
	return o
}

func TestDeletingAContactRemovesItsPerWomanRows(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	st := fx.u.Sess.Notes
	c := &notes.Contact{Date: "2025-07-04", Kind: "prison_visit", EstablishmentID: fx.prison.ID, People: []notes.ContactPerson{
		{PersonID: fx.women["Anna Smith"], Seen: true, Note: "n1", NeedsDiscussed: []string{"housing"}, Items: []notes.ItemQty{{Item: "stamps", Quantity: 2}}},
		{PersonID: fx.women["Bea Jones"], NotSeenReason: "refused"},
	}}
	require.NoError(t, st.SaveContact(c))
	keep := &notes.Contact{Date: "2025-06-04", Kind: "phone", People: []notes.ContactPerson{{PersonID: fx.women["Anna Smith"], Seen: true}}}
	require.NoError(t, st.SaveContact(keep))

	fx.s.open(c.ID)
	require.Equal(t, c.ID, fx.s.selected)
	test.Tap(uitest.FindButton(t, fx.s.detail, "Delete"))
	dlg := fx.overlay(t)
	require.True(t, uitest.HasText(dlg, "Fri 4 Jul 2025"), "the dialog names the date")
	require.True(t, uitest.HasText(dlg, "2 women"), "and how many women's notes go with it")
	test.Tap(uitest.FindButton(t, dlg, "Delete"))

	_, err := st.GetContact(c.ID)
	require.ErrorIs(t, err, notes.ErrNotFound)
	for _, table := range []string{"contact_people", "contact_needs", "contact_items"} {
		var n int
		require.NoError(t, fx.u.Sess.DB.QueryRow(`SELECT count(*) FROM `+table+` WHERE contact_id = ?`, c.ID).Scan(&n))
		require.Zero(t, n, table)
	}
	require.Len(t, fx.s.rows, 1, "the other contact stays")
	require.Equal(t, keep.ID, fx.s.rows[0].ID)
}

func TestWriteReflectionMakesADiaryEntryLinkedToTheVisit(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	c := &notes.Contact{Date: "2025-07-04", Kind: "prison_visit", EstablishmentID: fx.prison.ID,
		People: []notes.ContactPerson{{PersonID: fx.women["Anna Smith"], Booked: true, Seen: true}}}
	require.NoError(t, fx.u.Sess.Notes.SaveContact(c))
	fx.s.open(c.ID)
	test.Tap(uitest.FindButton(t, fx.s.detail, "Write reflection"))

	entries, err := fx.u.Sess.Diary.List(diary.Filter{ContactID: c.ID})
	require.NoError(t, err)
	require.Len(t, entries, 1)
	e, err := fx.u.Sess.Diary.Get(entries[0].ID)
	require.NoError(t, err)
	require.Equal(t, "2025-07-04", e.Date)
	require.Contains(t, e.Section("visit_detail"), "Anna Smith")
	require.Equal(t, kit.Diary, fx.u.Shell.Current, "the diary is shown")

	fx.u.Shell.Show(kit.Contacts)
	fx.s.open(c.ID)
	require.NotNil(t, uitest.FindButton(t, fx.s.detail, "Open reflection"), "a second tap opens the same entry")
}

func TestTheListFiltersByKindDatesAndWoman(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	st := fx.u.Sess.Notes
	save := func(date, kind string, who ...string) {
		c := &notes.Contact{Date: date, Kind: kind, Place: "Visits hall"} // a prison visit needs a place (notes)
		for _, n := range who {
			c.People = append(c.People, notes.ContactPerson{PersonID: fx.women[n], Seen: true})
		}
		require.NoError(t, st.SaveContact(c))
	}
	save("2025-05-01", "prison_visit", "Anna Smith", "Bea Jones")
	save("2025-06-01", "phone", "Bea Jones")
	save("2025-07-01", "prison_visit", "Anna Smith")
	fx.s.Reload()
	require.Len(t, fx.s.rows, 3)
	require.Equal(t, "2025-07-01", fx.s.rows[0].Date, "newest first")

	fx.s.kind.SetSelected("Phone call")
	require.Len(t, fx.s.rows, 1)
	fx.s.kind.SetSelected(allKinds)

	fx.retype(fx.s.from, "2025-05-15")
	require.Len(t, fx.s.rows, 2)
	fx.retype(fx.s.to, "2025-06-31")
	require.True(t, fx.s.filterErr.Visible(), "a date that does not exist is named")
	require.Len(t, fx.s.rows, 2, "and left out of the filter")
	fx.retype(fx.s.to, "2025-06-30")
	require.Len(t, fx.s.rows, 1)
	require.Equal(t, "2025-06-01", fx.s.rows[0].Date)

	fx.s.clearFilters()
	fx.canvas().Focus(fx.s.woman)
	fx.typing("anna")
	fx.key(fyne.KeyReturn)
	fx.s.wTimer.Stop() // Enter has listed them; no second listing while the test ends
	require.Len(t, fx.s.rows, 2)
	require.Equal(t, "2025-07-01", fx.s.rows[0].Date)
	require.Equal(t, "4 of 5 seen", contactSeenText(notes.ContactSummary{Date: "2025-07-01", People: 5, Seen: 4}, contactsToday))
	require.Equal(t, "3 booked", contactSeenText(notes.ContactSummary{Date: "2025-08-01", People: 3, Booked: 3}, contactsToday), "a visit still to come")
}

func TestOpeningAContactThatIsGoneSaysSo(t *testing.T) {
	fx := newContactsFixture(t)
	fx.s.open("c-000000000000")
	require.Empty(t, fx.s.selected)
	require.True(t, uitest.HasText(fx.s.detail, "This contact is not here"))
}
