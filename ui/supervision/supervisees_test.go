package supervision_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/identity"
	"inreach/supervisees"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/kit"
	"inreach/ui/sections"
	"inreach/ui/supervision"
	"inreach/ui/uitest"
)

func TestASupervisorWritesTheSessionOnAReceivedPackAndSendsItBackToHerSupervisee(t *testing.T) {
	u := uitest.NewTestUI(t, sections.App)
	uitest.OpenTestVault(t, u)
	folder := t.TempDir()
	db := u.Sess.DB
	require.NoError(t, teamwork.SetFolder(db, folder))
	require.NoError(t, u.Sess.Notes.SetSetting("practitioner_name", "Sam Cole"))

	// Ann, her supervisee, in a second vault, sends her entries.
	ann := uitest.NewColleague(t, "Ann Lee", folder)
	ann.Knows(t, "Sam Cole", uitest.MyID(t, db), "supervisor")
	_, err := team.Add(db, "Ann Lee", ann.Me.Public().String(), "supervisee", true)
	require.NoError(t, err)
	packPath := ann.SendsForSupervision(t, "Sam Cole")
	me, err := identity.Load(db)
	require.NoError(t, err)
	_, err = teamwork.ReceiveFile(context.Background(), db, me, packPath)
	require.NoError(t, err)

	u.Shell.Show(kit.Supervision)
	s := u.Shell.Screens[kit.Supervision].(*supervision.SupervisionScreen)
	test.Tap(uitest.FindButton(t, s.Content(), "Supervisees"))
	v := s.Supervisees
	test.Tap(uitest.FindButton(t, v.Content(), "Ann Lee — sent"))

	// Her entries, read-only, with the facts of the visit they are about.
	require.True(t, uitest.HasText(v.Content(), "I felt rushed."))
	require.True(t, uitest.HasText(v.Content(), uitest.ColleagueVisitNote), "the linked contact's facts")
	require.True(t, uitest.HasText(v.Content(), "HMP Peterborough"))

	uitest.TypeInto(u, v.Notes, "Talked about pacing visits.")
	uitest.TypeInto(u, v.Comments["d1"], "Book longer slots for first visits.")
	require.True(t, v.Discussed["d1"].Checked, "commenting on an entry marks it discussed")
	require.False(t, v.Discussed["d2"].Checked)
	test.Tap(uitest.FindButton(t, v.Content(), "Add an action"))
	uitest.TypeInto(u, v.Actions[0].Text, "Ask for the longer visit slots")
	uitest.TypeInto(u, v.Actions[0].Owner, "Ann")
	uitest.TypeInto(u, v.Actions[0].Due, "2099-01-31")

	// A sign-off before the session is refused in plain words; nothing sent.
	v.Date.SetText("2026-11-10")
	v.SignedOff.SetText("2026-11-09")
	test.Tap(uitest.FindButton(t, v.Content(), "Send the reply"))
	u.Idle()
	require.True(t, v.Problem.Visible())
	require.Contains(t, v.Problem.Text, "cannot be signed off before the day it took place")
	sent, err := teamwork.SentLog(db)
	require.NoError(t, err)
	require.Empty(t, sent)

	v.SignedOff.SetText("2026-11-10")
	test.Tap(uitest.FindButton(t, v.Content(), "Send the reply"))
	u.Idle()
	require.False(t, v.Problem.Visible(), v.Problem.Text)
	require.Contains(t, v.Status.Text(), "Sent to Ann Lee")
	sent, err = teamwork.SentLog(db)
	require.NoError(t, err)
	require.Len(t, sent, 1)
	ss, err := supervisees.Get(db, v.Session.ID)
	require.NoError(t, err)
	require.Equal(t, sent[0].BundleID, ss.SentBundle)

	// Ann receives it: her session, with the comment on the entry
	// discussed, the action and the sign-off.
	files, err := filepath.Glob(filepath.Join(folder, "*.inreach"))
	require.NoError(t, err)
	require.Len(t, files, 2, "her pack and the reply")
	var reply string
	for _, f := range files {
		if f != packPath {
			reply = f
		}
	}
	info, err := os.Stat(reply)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "written owner-only")
	res, err := teamwork.ReceiveFile(context.Background(), ann.DB, ann.Me, reply)
	require.NoError(t, err)
	require.Equal(t, "Sam Cole", res.From.Name)
	annDiary := diary.New(ann.DB)
	sessions, err := annDiary.ListSessions("", "")
	require.NoError(t, err)
	require.Len(t, sessions, 1)
	got, err := annDiary.GetSession(sessions[0].ID)
	require.NoError(t, err)
	require.Equal(t, "Sam Cole", got.Supervisor)
	require.Equal(t, "2026-11-10", got.SignedOffOn)
	require.Equal(t, "Talked about pacing visits.", got.Notes)
	require.Equal(t, []diary.SessionEntry{{DiaryID: "d1", Comment: "Book longer slots for first visits."}}, got.Entries)
	require.Len(t, got.Actions, 1)
	require.Equal(t, "Ask for the longer visit slots", got.Actions[0].Text)
	d1, err := annDiary.Get("d1")
	require.NoError(t, err)
	require.Equal(t, "discussed", d1.Status, "signed off: discussed")
	d2, err := annDiary.Get("d2")
	require.NoError(t, err)
	require.Equal(t, "for_supervision", d2.Status, "the entry not discussed is left for supervision")
	require.Equal(t, "A quiet office day.", d2.Sections[0].Body, "and untouched")
}
