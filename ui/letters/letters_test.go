package letters

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// lettersTestWomen stores two women in custody at one prison and returns
// their ids (Dana Whitfield, Dana Morris).
func lettersTestWomen(t *testing.T, u *ui.UI) (whitfield, morris string) {
	t.Helper()
	est := &notes.Establishment{Name: "HMP Foston Hall", Kind: "prison", Address: "Foston, Derby, DE65 5DN"}
	require.NoError(t, u.Sess.Notes.SaveEstablishment(est))
	a := &notes.Person{Name: "Dana Whitfield", Pseudonym: "Rose", PrisonNumber: "A1234BC", Status: "custody_sentenced", EstablishmentID: est.ID}
	require.NoError(t, u.Sess.Notes.SavePerson(a))
	b := &notes.Person{Name: "Dana Morris", PrisonNumber: "B7654CD", Status: "custody_remand", EstablishmentID: est.ID}
	require.NoError(t, u.Sess.Notes.SavePerson(b))
	// The newsletter's return-address check needs the service's address.
	require.NoError(t, u.Sess.Notes.SetSetting("org_address", "Freepost INREACH"))
	return a.ID, b.ID
}

// lettersTestScreen opens the section and returns its screen.
func lettersTestScreen(t *testing.T, u *ui.UI) *lettersScreen {
	t.Helper()
	u.Shell.Show(kit.Letters)
	s, ok := u.Shell.Screens[kit.Letters].(*lettersScreen)
	require.True(t, ok, "the Letters section is the letters screen")
	return s
}

// lettersLeave moves the keyboard from e to the next field, as Tab does.
func lettersLeave(u *ui.UI, e fyne.Focusable) {
	u.Win.Canvas().Focus(e)
	u.Win.Canvas().FocusNext()
}

func TestLoggingALetterThroughTheFormStoresItAndListsIt(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	whitfield, _ := lettersTestWomen(t, u)
	s := lettersTestScreen(t, u)

	test.Tap(uitest.FindButton(t, s.Content(), "Log a letter"))
	f := s.log.form
	require.NotNil(t, f, "the form opens")

	// Typing part of a name lists the women it matches; Enter takes the first.
	test.Type(f.woman.entry, "Dana W")
	require.True(t, f.woman.box.Visible(), "suggestions are shown")
	uitest.FindButton(t, f.Content(), "Dana Whitfield · A1234BC, HMP Foston Hall")
	f.woman.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	require.Equal(t, whitfield, f.woman.personID)
	require.False(t, f.woman.box.Visible(), "the suggestions close")
	require.Equal(t, f.date, u.Win.Canvas().Focused(), "and the keyboard moves on to the date")

	f.date.SetText("2025-07-04")
	f.direction.SetSelected(letterInWords)
	test.Type(f.summary, "Asked about housing after release")
	test.Tap(uitest.FindCheck(t, f.Content(), "Stamps"))
	test.Type(f.other, "birthday card")
	test.Type(f.replyDue, "2025-07-18")
	test.Tap(uitest.FindButton(t, f.Content(), "Save"))

	rows, err := u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.Len(t, rows, 1)
	got := rows[0]
	require.Equal(t, whitfield, got.PersonID)
	require.Equal(t, "2025-07-04", got.Date)
	require.Equal(t, "in", got.Direction)
	require.Equal(t, "letter", got.Channel)
	require.Equal(t, "Asked about housing after release", got.Summary)
	require.Equal(t, []string{"stamps", "birthday card"}, got.Enclosures)
	require.Equal(t, "2025-07-18", got.ReplyDue)

	require.Len(t, s.log.rows, 1, "the log lists it")
	require.Equal(t, got.ID, s.log.selected, "and keeps it open")
	require.False(t, f.Dirty)
}

func TestAnInvalidReplyDueDateShowsAtTheFieldAndSavesNothing(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	s := lettersTestScreen(t, u)
	s.log.newLetter(nil)
	f := s.log.form

	test.Type(f.woman.entry, "Dana Morris")
	require.NotEmpty(t, f.woman.personID, "a full name chooses her")
	test.Type(f.summary, "Thank-you card for the stamps")
	test.Type(f.replyDue, "2025-02-30")
	lettersLeave(u, f.replyDue)
	require.True(t, f.replyErr.Visible(), "the problem shows as she leaves the field")
	require.Contains(t, f.replyErr.Text, "not a real date")

	test.Tap(uitest.FindButton(t, f.Content(), "Save"))
	rows, err := u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.Empty(t, rows, "nothing is saved")
	require.True(t, f.replyErr.Visible())
	require.Equal(t, "Thank-you card for the stamps", f.summary.Text, "nothing typed is lost")
	require.Equal(t, "2025-02-30", f.replyDue.Text)

	// A reply due before the letter is refused at the field too.
	f.date.SetText("2025-07-10")
	f.replyDue.SetText("2025-07-01")
	test.Tap(uitest.FindButton(t, f.Content(), "Save"))
	require.Contains(t, f.replyErr.Text, "before the letter's date")
	rows, err = u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.Empty(t, rows)

	f.replyDue.SetText("2025-07-24")
	test.Tap(uitest.FindButton(t, f.Content(), "Save"))
	require.False(t, f.replyErr.Visible())
	rows, err = u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.Len(t, rows, 1)
}

func TestAnUnknownNameIsShownAtTheWomanField(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	s := lettersTestScreen(t, u)
	s.log.newLetter(nil)
	f := s.log.form
	test.Type(f.woman.entry, "Nobody Known")
	test.Tap(uitest.FindButton(t, f.Content(), "Save"))
	require.True(t, f.womanErr.Visible())
	require.Contains(t, f.womanErr.Text, "No woman on record")
	rows, err := u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.Empty(t, rows)
}

func TestTheLogFiltersByWomanDirectionAndAwaitingAReply(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	whitfield, morris := lettersTestWomen(t, u)
	today := kit.TodayFor(u.Env())
	save := func(l newsletter.Letter) {
		require.NoError(t, u.Sess.Letters.SaveLetter(&l))
	}
	save(newsletter.Letter{PersonID: whitfield, Date: lettersAddDays(today, -20), Direction: "in", Summary: "Overdue", ReplyDue: lettersAddDays(today, -6)})
	save(newsletter.Letter{PersonID: morris, Date: lettersAddDays(today, -2), Direction: "in", Summary: "Waiting", ReplyDue: lettersAddDays(today, 5)})
	save(newsletter.Letter{PersonID: morris, Date: lettersAddDays(today, -30), Direction: "out", Summary: "Earlier"})
	s := lettersTestScreen(t, u)
	require.Len(t, s.log.rows, 3)
	require.Equal(t, "Waiting", s.log.rows[0].Summary, "newest first")
	require.True(t, uitest.HasText(s.Content(), "1 overdue for a reply"))

	test.Type(s.log.who, "Whitfield")
	require.Len(t, s.log.rows, 1)
	s.log.who.SetText("")
	s.log.dir.SetSelected(lettersOutOnly)
	require.Len(t, s.log.rows, 1)
	require.Equal(t, "Earlier", s.log.rows[0].Summary)
	s.log.dir.SetSelected(lettersAnyDirection)
	test.Tap(s.log.awaiting)
	require.Len(t, s.log.rows, 2)

	// The rows say which reply is overdue and which is due when.
	row := newLetterRow().(*letterRow)
	for _, r := range s.log.rows {
		w, ok := s.log.waiting[r.ID]
		require.True(t, ok)
		row.fill(r, w, ok, today)
		if r.Summary == "Overdue" {
			require.Equal(t, "Overdue", row.badge.Text.Text)
		} else {
			require.Contains(t, row.badge.Text.Text, "Reply due")
		}
	}
}

func TestDeletingALetterAsksFirst(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	whitfield, _ := lettersTestWomen(t, u)
	l := newsletter.Letter{PersonID: whitfield, Date: "2025-07-04", Direction: "out", Summary: "News"}
	require.NoError(t, u.Sess.Letters.SaveLetter(&l))
	s := lettersTestScreen(t, u)
	s.open(l.ID) // a bare id, as the timeline opens it
	require.NotNil(t, s.log.form)
	require.Equal(t, l.ID, s.log.form.id)

	test.Tap(uitest.FindButton(t, s.log.form.Content(), "Delete"))
	over := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, over, "a question is asked")
	require.True(t, uitest.HasText(over, "Dana Whitfield"), "naming whose letter it is")
	test.Tap(uitest.FindButton(t, over, "Delete"))
	_, err := u.Sess.Letters.GetLetter(l.ID)
	require.ErrorIs(t, err, newsletter.ErrNotFound)
	require.Nil(t, s.log.form)
}

func TestALetterBeingLoggedIsKeptWhenTheNotebookLocks(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	s := lettersTestScreen(t, u)
	s.log.newLetter(nil)
	f := s.log.form
	test.Type(f.woman.entry, "Dana Whitfield")
	test.Type(f.summary, "Half-written note about her visit")
	f.date.SetText("2025-13-01")
	s.BeforeLock()

	// Not savable as it stands (the date), so kept as a draft and put back.
	rows, err := u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.Empty(t, rows)
	again := newLetterLog(u.Env())
	require.NotNil(t, again.form, "the form is put back")
	require.Equal(t, "Half-written note about her visit", again.form.summary.Text)
	require.Equal(t, "2025-13-01", again.form.date.Text)
	require.NotEmpty(t, again.form.woman.personID)
	require.True(t, again.form.dateErr.Visible())

	again.form.date.SetText("2025-07-01")
	again.form.direction.SetSelected(letterOutWords)
	require.True(t, again.form.save())
	_, ok, err := u.Sess.Notes.LoadDraft(letterDraftKey)
	require.NoError(t, err)
	require.False(t, ok, "the draft is gone once saved")
}

func TestTheLetterFormIsReachedByTabInReadingOrder(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	s := lettersTestScreen(t, u)
	s.log.newLetter(nil)
	f := s.log.form
	c := u.Win.Canvas()
	require.Equal(t, f.woman.entry, c.Focused(), "a new letter starts at the woman")
	want := []fyne.Focusable{f.woman.entry, f.date, f.summary, f.enclosures[0], f.other, f.replyDue}
	var seen []fyne.Focusable
	radioBeforeDate := false
	for i := 0; i < 30 && len(seen) < len(want); i++ {
		for _, w := range want {
			if c.Focused() == w && (len(seen) == 0 || seen[len(seen)-1] != w) {
				seen = append(seen, w)
			}
		}
		if len(seen) == 1 && strings.Contains(fmt.Sprintf("%T", c.Focused()), "radio") {
			radioBeforeDate = true
		}
		c.FocusNext()
	}
	require.Equal(t, want, seen, "Tab visits the fields top to bottom")
	require.False(t, radioBeforeDate, "the date comes before the direction beside it")
}
