package supervision

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/identity"
	"inreach/supervisees"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// A supervisor's session on a received pack saves itself as she types,
// with the kit's note and nothing else changed; a date taken out says it
// is needed, stores nothing and keeps the typing.
func TestASuperviseesSessionSavesItselfAsYouTypeAndSaysWhatIsMissing(t *testing.T) {
	uitest.SetFor(t, &superviseesAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	folder := t.TempDir()
	db := u.Sess.DB
	require.NoError(t, teamwork.SetFolder(db, folder))
	require.NoError(t, u.Sess.Notes.SetSetting("practitioner_name", "Sam Cole"))
	ann := uitest.NewColleague(t, "Ann Lee", folder)
	ann.Knows(t, "Sam Cole", uitest.MyID(t, db), "supervisor")
	_, err := team.Add(db, "Ann Lee", ann.Me.Public().String(), "supervisee", true)
	require.NoError(t, err)
	me, err := identity.Load(db)
	require.NoError(t, err)
	_, err = teamwork.ReceiveFile(context.Background(), db, me, ann.SendsForSupervision(t, "Sam Cole"))
	require.NoError(t, err)

	u.Shell.Show(kit.Supervision)
	s := u.Shell.Screens[kit.Supervision].(*SupervisionScreen)
	test.Tap(uitest.FindButton(t, s.Content(), "Supervisees"))
	v := s.Supervisees
	test.Tap(uitest.FindButton(t, v.Content(), "Ann Lee — sent"))
	require.Equal(t, kit.AutosaveNote, v.Status.Text())
	before := uitest.Tables(t, u)

	v.Notes.SetText("Talked about pacing visits.")
	uitest.Eventually(t, func() bool { return v.Session.ID != "" && !v.Dirty }, "the session saves itself")
	got, err := supervisees.Get(db, v.Session.ID)
	require.NoError(t, err)
	require.Equal(t, "Talked about pacing visits.", got.Notes)
	require.Equal(t, kit.SavedNote(u.Env()), v.Status.Text())
	require.Equal(t, []string{"supervisee_sessions"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "only the session changed")

	before = uitest.Tables(t, u)
	v.Date.SetText("")
	v.Notes.SetText("Talked about pacing visits and rest.")
	want := kit.NotSavedNote("the date of the session is needed")
	uitest.Eventually(t, func() bool { return v.Status.Text() == want }, "the note says the date is needed")
	require.Empty(t, uitest.ChangedTables(before, uitest.Tables(t, u)), "nothing is stored")
	require.Equal(t, "Talked about pacing visits and rest.", v.Notes.Text)
}
