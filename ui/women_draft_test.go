package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
)

// lockAndUnlock locks the notebook and opens it again as the user would.
func lockAndUnlock(t *testing.T, u *UI) {
	t.Helper()
	u.Lock()
	require.Nil(t, u.sess)
	typeInto(u, entries(u.win.Content())[0], "correct horse battery")
	test.Tap(findButton(t, u.win.Content(), "Unlock"))
	u.Idle() // the unlock runs off the UI goroutine
	require.True(t, u.shell != nil && u.shell.current != "", "unlocked, with a section shown")
}

func TestWomenAFormLeftUnsavedWhenTheNotebookLocksComesBack(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(findButton(t, u.win.Content(), "Add a woman"))
	typeInto(u, s.adding.name, "Grace Adeyemi")
	typeInto(u, s.adding.dob, "1990-02-30")
	lockAndUnlock(t, u)

	require.Equal(t, Women, u.shell.current)
	s = u.shell.screens[Women].(*womenScreen)
	require.NotNil(t, s.adding, "the add form is open again")
	require.Equal(t, "Grace Adeyemi", s.adding.name.Text)
	require.Equal(t, "1990-02-30", s.adding.dob.Text, "even the date that does not check out")
	require.True(t, s.adding.form.rows["DateOfBirth"].message.Visible())
	require.True(t, hasText(s.root, "changes you had not saved"))

	s.adding.dob.SetText("1990-02-28")
	test.Tap(findButton(t, u.win.Content(), "Save her record"))
	_, ok := womanDraftOf(u.sess.Notes)
	require.False(t, ok, "the draft goes once she is saved")
	people, err := u.sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.Len(t, people, 1)
}

func TestWomenUnsavedChangesToHerDetailsSurviveMovingAway(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.mariam)
	test.Tap(findButton(t, u.win.Content(), "Edit details"))
	s.page.form.sentence.SetText("Remanded for trial in March")
	s.open(ids.dana) // another woman, without saving
	s.open(ids.mariam)
	require.Equal(t, womanTabDetails, s.page.tabs.SelectedIndex(), "her details open with the changes")
	require.Equal(t, "Remanded for trial in March", s.page.form.sentence.Text)
	p, err := u.sess.Notes.GetPerson(ids.mariam)
	require.NoError(t, err)
	require.Equal(t, "", p.Sentence, "nothing is saved until she presses Save")

	test.Tap(findButton(t, u.win.Content(), "Discard these changes"))
	test.Tap(findButton(t, u.win.Canvas().Overlays().Top(), "Yes"))
	require.Equal(t, "", s.page.form.sentence.Text)
	require.False(t, hasWomanDraft(u.sess.Notes, ids.mariam))
}

func TestWomenCancellingTheAddFormAsksBeforeThrowingAwayTyping(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(findButton(t, u.win.Content(), "Add a woman"))
	typeInto(u, s.adding.name, "Grace Adeyemi")
	test.Tap(findButton(t, u.win.Content(), "Cancel"))
	over := u.win.Canvas().Overlays().Top()
	require.NotNil(t, over)
	test.Tap(findButton(t, over, "No"))
	require.NotNil(t, s.adding)
	require.Equal(t, "Grace Adeyemi", s.adding.name.Text)
	test.Tap(findButton(t, u.win.Content(), "Cancel"))
	test.Tap(findButton(t, u.win.Canvas().Overlays().Top(), "Yes"))
	require.Nil(t, s.adding)
}
