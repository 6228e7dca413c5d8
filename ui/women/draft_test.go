package women

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// lockAndUnlock locks the notebook and opens it again as the user would.
func lockAndUnlock(t *testing.T, u *ui.UI) {
	t.Helper()
	u.Lock()
	require.Nil(t, u.Sess)
	uitest.TypeInto(u, uitest.Entries(u.Win.Content())[0], "correct horse battery")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle() // the unlock runs off the UI goroutine
	require.True(t, u.Shell != nil && u.Shell.Current != "", "unlocked, with a section shown")
}

func TestWomenAFormLeftUnsavedWhenTheNotebookLocksComesBack(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a woman"))
	uitest.TypeInto(u, s.Adding.name, "Grace Adeyemi")
	uitest.TypeInto(u, s.Adding.dob, "1990-02-30")
	lockAndUnlock(t, u)

	require.Equal(t, kit.Women, u.Shell.Current)
	s = u.Shell.Screens[kit.Women].(*WomenScreen)
	require.NotNil(t, s.Adding, "the add form is open again")
	require.Equal(t, "Grace Adeyemi", s.Adding.name.Text)
	require.Equal(t, "1990-02-30", s.Adding.dob.Text, "even the date that does not check out")
	require.True(t, s.Adding.form.Rows["DateOfBirth"].Message.Visible())
	require.True(t, uitest.HasText(s.root, "changes you had not saved"))

	s.Adding.dob.SetText("1990-02-28")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Save"))
	_, ok := womanDraftOf(u.Sess.Notes)
	require.False(t, ok, "the draft goes once she is saved")
	people, err := u.Sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.Len(t, people, 1)
}

// Moving away saves her details when they can be saved; when they cannot
// yet (a date that does not exist), they come back as they were typed.
func TestWomenChangesToHerDetailsSurviveMovingAway(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Mariam)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Edit details"))
	s.Page.form.prisonNumber.SetText("B1937MP")
	s.open(ids.Dana) // another woman, before the autosave
	p, err := u.Sess.Notes.GetPerson(ids.Mariam)
	require.NoError(t, err)
	require.Equal(t, "B1937MP", p.PrisonNumber, "a change that can be saved is saved on leaving")
	require.False(t, hasWomanDraft(u.Sess.Notes, ids.Mariam))

	s.open(ids.Mariam)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Edit details"))
	s.Page.form.sentence.SetText("Remanded for trial in March")
	s.Page.form.release.SetText("2026-02-30")
	s.open(ids.Dana)
	s.open(ids.Mariam)
	require.Equal(t, womanTabDetails, s.Page.tabs.SelectedIndex(), "her details open with the changes")
	require.Equal(t, "Remanded for trial in March", s.Page.form.sentence.Text)
	require.Equal(t, "2026-02-30", s.Page.form.release.Text)
	p, err = u.Sess.Notes.GetPerson(ids.Mariam)
	require.NoError(t, err)
	require.Equal(t, "", p.Sentence, "nothing is saved while a date does not exist")

	test.Tap(uitest.FindButton(t, u.Win.Content(), "Discard these changes"))
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Yes"))
	require.Equal(t, "", s.Page.form.sentence.Text)
	require.False(t, hasWomanDraft(u.Sess.Notes, ids.Mariam))
}

func TestWomenCancellingTheAddFormAsksBeforeThrowingAwayTyping(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a woman"))
	uitest.TypeInto(u, s.Adding.name, "Grace Adeyemi")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Cancel"))
	over := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, over)
	test.Tap(uitest.FindButton(t, over, "No"))
	require.NotNil(t, s.Adding)
	require.Equal(t, "Grace Adeyemi", s.Adding.name.Text)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Cancel"))
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Yes"))
	require.Nil(t, s.Adding)
}
