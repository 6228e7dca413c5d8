package women

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// Typing in her details and waiting stores the change and nothing else; a
// name taken out says it is needed, stores nothing in her record (the
// typing is kept as a draft) and keeps the typing.
func TestWomenHerDetailsSaveThemselvesAsYouTypeAndSayWhatIsMissing(t *testing.T) {
	uitest.SetFor(t, &womanAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Mariam)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Edit details"))
	f := s.Page.form
	require.Equal(t, kit.AutosaveNote, f.savedNote.Text())
	before := uitest.Tables(t, u)

	f.sentence.SetText("Remanded for trial in March")
	uitest.Eventually(t, func() bool {
		p, err := u.Sess.Notes.GetPerson(ids.Mariam)
		return err == nil && p.Sentence == "Remanded for trial in March"
	}, "her sentence saves itself")
	require.Equal(t, kit.SavedNote(u.Env()), f.savedNote.Text())
	require.False(t, f.Dirty)
	require.Equal(t, []string{"people"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "only her record changed")

	before = uitest.Tables(t, u)
	f.name.SetText("")
	f.prisonNumber.SetText("B1937MP")
	want := kit.NotSavedNote("the name is needed")
	uitest.Eventually(t, func() bool { return f.savedNote.Text() == want }, "the note says her name is needed")
	require.Equal(t, []string{"drafts"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "her record is untouched; the typing is kept as a draft")
	require.Equal(t, "B1937MP", f.prisonNumber.Text)

	f.name.SetText("Mariam Okafor")
	uitest.Eventually(t, func() bool {
		p, err := u.Sess.Notes.GetPerson(ids.Mariam)
		return err == nil && p.PrisonNumber == "B1937MP"
	}, "her details save once her name is back")
	require.False(t, hasWomanDraft(u.Sess.Notes, ids.Mariam), "the draft is gone")
}

// The form to add a woman is kept as a draft as you type and says so; she
// is added only by Save.
func TestWomenTheAddFormKeepsADraftAsYouTypeAndAddsHerOnlyOnSave(t *testing.T) {
	uitest.SetFor(t, &womanAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a woman"))
	before := uitest.Tables(t, u)
	uitest.TypeInto(u, s.Adding.name, "Grace Adeyemi")
	want := kit.DraftKeptNote(u.Env(), "Save adds her record")
	uitest.Eventually(t, func() bool { return s.Adding.savedNote.Text() == want }, "the note says the draft is kept")
	require.Equal(t, []string{"drafts"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "only the draft is kept")
	people, err := u.Sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.Empty(t, people)

	test.Tap(uitest.FindButton(t, u.Win.Content(), "Save"))
	people, err = u.Sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.Len(t, people, 1)
}
