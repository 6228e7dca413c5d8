package supervision

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// Typing in a stored session and waiting stores the change and nothing
// else; a date that is not one says what is missing, stores nothing in the
// session (the typing is kept as a draft) and keeps the typing.
func TestASupervisionSessionSavesItselfAsYouTypeAndSaysWhatIsMissing(t *testing.T) {
	uitest.SetFor(t, &supervisionAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ss := &diary.Session{Date: kit.TodayFor(u.Env()), Supervisor: "Jo"}
	require.NoError(t, u.Sess.Diary.SaveSession(ss))
	u.Shell.Open(kit.Record(kit.Supervision, ss.ID))
	s := u.Shell.Screens[kit.Supervision].(*SupervisionScreen)
	f := s.Form
	require.NotNil(t, f)
	require.Equal(t, kit.AutosaveNote, f.savedNote.String())
	before := uitest.Tables(t, u)

	uitest.TypeInto(u, f.Notes, "Talked about pacing visits.")
	uitest.Eventually(t, func() bool {
		got, err := u.Sess.Diary.GetSession(ss.ID)
		return err == nil && got.Notes == "Talked about pacing visits."
	}, "the notes save themselves")
	require.Equal(t, kit.SavedNote(u.Env()), f.savedNote.String())
	require.False(t, f.Dirty)
	require.Equal(t, []string{"supervision"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "only the session changed")

	before = uitest.Tables(t, u)
	f.Date.SetText("")
	f.Notes.SetText("Talked about pacing visits. And rest.")
	want := kit.NotSavedNote("the date is needed")
	uitest.Eventually(t, func() bool { return f.savedNote.String() == want }, "the note says the date is needed")
	require.Equal(t, []string{"drafts"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "the session is untouched; the typing is kept as a draft")
	require.Equal(t, "Talked about pacing visits. And rest.", f.Notes.Text)
	got, err := u.Sess.Diary.GetSession(ss.ID)
	require.NoError(t, err)
	require.Equal(t, "Talked about pacing visits.", got.Notes)

	// Put right, it saves and the draft goes.
	f.Date.SetText(kit.TodayFor(u.Env()))
	uitest.Eventually(t, func() bool {
		got, err := u.Sess.Diary.GetSession(ss.ID)
		return err == nil && got.Notes == "Talked about pacing visits. And rest."
	}, "the session saves once the date is back")
	_, ok, err := u.Sess.Notes.LoadDraft(f.draftKey)
	require.NoError(t, err)
	require.False(t, ok, "the draft is gone")
}
