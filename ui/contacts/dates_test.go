package contacts

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// The visit date takes 6/12/2026 and "today" as well as YYYY-MM-DD, and the
// calendar beside it puts the picked day in the field.
func TestTheVisitDateTakesOtherFormsAndTheCalendar(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	test.Tap(uitest.FindButton(t, fx.u.Win.Content(), "New contact"))
	f := fx.s.Form
	fx.retype(f.date, "6/12/2025")
	fx.canvas().Focus(f.start)
	require.Equal(t, "2025-12-06", f.date.Text, "day first, as written in the UK")
	fx.retype(f.date, "today")
	fx.canvas().Focus(f.start)
	require.Equal(t, contactsToday, f.date.Text)
	fx.retype(f.date, "31/2/2025")
	fx.canvas().Focus(f.start)
	require.Equal(t, "31/2/2025", f.date.Text, "not a date: left as typed for the check to explain")

	fx.retype(f.date, "2025-03-10")
	var cal *kit.CalendarButton
	uitest.Walk(f.content, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*kit.CalendarButton); ok {
			cal = b
			return false
		}
		return true
	})
	require.NotNil(t, cal, "a calendar button beside the date")
	test.Tap(cal)
	var day *widget.Button
	top := fx.canvas().Overlays().Top()
	require.NotNil(t, top, "the calendar opens")
	uitest.Walk(top, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "21" {
			day = b
			return false
		}
		return true
	})
	require.NotNil(t, day, "March's days are shown")
	test.Tap(day)
	require.Equal(t, "2025-03-21", f.date.Text)
	require.Nil(t, fx.canvas().Overlays().Top(), "and it closes")
	_ = time.Now
}

// A visit dated in the future cannot record anyone as seen: the store's
// error is shown on her card, and nothing is saved.
func TestAFutureVisitCannotRecordHerAsSeen(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	test.Tap(uitest.FindButton(t, fx.u.Win.Content(), "New contact"))
	f := fx.s.Form
	fx.retype(f.date, "2099-01-01")
	f.where.SetSelected("HMP Peterborough")
	anna := fx.addWoman(t, "Anna")
	if !anna.seen.Checked {
		test.Tap(anna.seen)
	}
	test.Tap(f.save)
	require.NotNil(t, fx.s.Form, "not saved")
	require.True(t, anna.errTop.Visible(), "the problem is on her card")
	require.Contains(t, anna.errTop.Text, "Untick Seen")
	list, err := fx.u.Sess.Notes.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Empty(t, list)
}

// Phone calls use their own words, not booked and seen; a woman in the
// community added to a prison visit gets a gentle warning on her card.
func TestPhoneWordsAndTheCommunityWarning(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	jo := &notes.Person{Name: "Jo Pearce", Status: "community"}
	require.NoError(t, fx.u.Sess.Notes.SavePerson(jo))
	test.Tap(uitest.FindButton(t, fx.u.Win.Content(), "New contact"))
	f := fx.s.Form
	anna := fx.addWoman(t, "Anna")
	joCard := fx.addWoman(t, "Jo Pearce")
	require.Equal(t, "Seen", anna.seen.Text)
	require.True(t, joCard.warn.Visible(), "Jo is in the community: a warning on a prison visit")
	require.False(t, anna.warn.Visible(), "Anna is in prison: none")

	f.kind.SetSelected("Phone call")
	require.Equal(t, "Spoke to her", anna.seen.Text)
	require.Equal(t, "Call arranged", anna.booked.Text)
	require.False(t, joCard.warn.Visible(), "a phone call to a woman at home is nothing odd")
	require.Contains(t, f.womenCount.Text, "spoken to")
}

// A need discussed at a visit that she does not have open becomes an open
// need on her record, and saving says so.
func TestSavingSaysWhichNeedsWereOpenedOnHerRecord(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	test.Tap(uitest.FindButton(t, fx.u.Win.Content(), "New contact"))
	f := fx.s.Form
	fx.retype(f.date, "2025-03-10")
	f.where.SetSelected("HMP Peterborough")
	anna := fx.addWoman(t, "Anna")
	if !anna.seen.Checked {
		test.Tap(anna.seen)
	}
	anna.needs = []string{"housing"}
	test.Tap(f.save)
	require.Nil(t, fx.s.Form, "saved")
	top := fx.canvas().Overlays().Top()
	require.NotNil(t, top, "saving says what it opened")
	require.True(t, uitest.HasText(top, "Anna Smith: Housing is now an open need."))
	p, err := fx.u.Sess.Notes.GetPerson(fx.women["Anna Smith"])
	require.NoError(t, err)
	require.Len(t, p.Needs, 1)
	require.Equal(t, "housing", p.Needs[0].Area)
	require.Equal(t, "open", p.Needs[0].Status)
}

// The list's date filters take 6/12/2026 and "today" too, and filter by
// the date they stand for.
func TestTheContactsDateFiltersTakeOtherFormsOfADate(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	st := fx.u.Sess.Notes
	for _, d := range []string{"2025-06-11", "2025-06-12", contactsToday} {
		require.NoError(t, st.SaveContact(&notes.Contact{Date: d, Kind: "phone",
			People: []notes.ContactPerson{{PersonID: fx.women["Anna Smith"], Booked: true, Seen: true}}}))
	}
	fx.s.reload()
	require.Equal(t, "3 contacts", fx.s.count.Text)

	fx.retype(fx.s.from, "12/6/2025")
	require.Equal(t, "2025-06-12", fx.s.from.Text, "day first, rewritten as the field leaves")
	require.Equal(t, "2 contacts", fx.s.count.Text, "the filter uses it")
	fx.retype(fx.s.to, "today")
	require.Equal(t, contactsToday, fx.s.to.Text)
	require.Equal(t, "2 contacts", fx.s.count.Text)
	fx.retype(fx.s.to, "12/6/2025")
	require.Equal(t, "1 contact", fx.s.count.Text)
	require.False(t, fx.s.filterErr.Visible(), "no problem said")
	require.Equal(t, allKinds, fx.s.kind.Selected, "the other filters are as they were")
	require.Empty(t, fx.s.woman.Text)
}
