package supervision_test

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/supervisees"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/kit"
	"inreach/ui/sections"
	"inreach/ui/supervision"
	"inreach/ui/uitest"
)

func TestAPractitionerSendsHerEntriesAndSeesTheReplyMarkingTheEntrySheChangedSince(t *testing.T) {
	u := uitest.NewTestUI(t, sections.App)
	uitest.OpenTestVault(t, u)
	db := u.Sess.DB
	uitest.SeedPractice(t, db)
	folder := t.TempDir()
	require.NoError(t, teamwork.SetFolder(db, folder))
	sam := uitest.NewColleague(t, "Sam Cole", folder)
	ann := sam.Knows(t, "Ann Lee", uitest.MyID(t, db), "supervisee")
	_, err := team.Add(db, "Sam Cole", sam.Me.Public().String(), "supervisor", true)
	require.NoError(t, err)

	u.Shell.Show(kit.Supervision)
	s := u.Shell.Screens[kit.Supervision].(*supervision.SupervisionScreen)
	test.Tap(uitest.FindButton(t, s.Content(), "Send for supervision"))
	dlg := u.Win.Canvas().Overlays().Top()
	test.Tap(uitest.FindButton(t, dlg, "Send"))
	u.Idle()
	require.True(t, uitest.HasText(u.Win.Canvas().Overlays().Top(), "Sent to Sam Cole: 2 diary entries for supervision"))
	files, err := filepath.Glob(filepath.Join(folder, "*.inreach"))
	require.NoError(t, err)
	require.Len(t, files, 1)

	// She edits d2 after sending it.
	d2, err := u.Sess.Diary.Get("d2")
	require.NoError(t, err)
	d2.Sections[0].Body = "A quiet office day; I rang the housing team after all."
	require.NoError(t, u.Sess.Diary.Save(d2))

	// Sam receives it, writes the session on both entries and replies.
	_, err = teamwork.ReceiveFile(context.Background(), sam.DB, sam.Me, files[0])
	require.NoError(t, err)
	ss := &supervisees.Session{Sender: ann.Fingerprint(), Date: "2026-11-10", Supervisor: "Sam Cole", SignedOffOn: "2026-11-10",
		Entries: []supervisees.Entry{{DiaryID: "d1", Comment: "Good reflection."}, {DiaryID: "d2", Comment: "Follow up."}}}
	require.NoError(t, supervisees.Save(sam.DB, ss))
	out, err := teamwork.PrepareReply(context.Background(), sam.DB, ss.ID)
	require.NoError(t, err)
	sam.Send(t, out)

	in := u.Shell.Inbox
	in.Check(false)
	u.Idle()
	require.Contains(t, in.Summary.Text, "supervision reply from Sam Cole")
	in.Show()
	u.Idle()
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Receive"))
	u.Idle()
	require.True(t, uitest.HasText(u.Win.Canvas().Overlays().Top(), "Received the supervision session of 2026-11-10 from Sam Cole"))
	u.Win.Canvas().Overlays().Top().(interface{ Hide() }).Hide()

	sessions, err := u.Sess.Diary.ListSessions("", "")
	require.NoError(t, err)
	require.Len(t, sessions, 1)
	u.Shell.Show(kit.Supervision)
	s.ShowSession(sessions[0].ID)
	require.True(t, s.Form.Received.Visible())
	require.Contains(t, s.Form.Received.Text, "Written by Sam Cole")
	require.Equal(t, 1, countLabels(s.Content(), "Changed since it was sent"), "only the entry she edited")
	for _, id := range []string{"d1", "d2"} {
		e, err := u.Sess.Diary.Get(id)
		require.NoError(t, err)
		require.Equal(t, "discussed", e.Status, id)
	}
	var got *diary.Session
	got, err = u.Sess.Diary.GetSession(sessions[0].ID)
	require.NoError(t, err)
	require.Equal(t, "Follow up.", got.Entries[1].Comment)
}

func countLabels(root fyne.CanvasObject, text string) int {
	n := 0
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text == text {
			n++
		}
		return true
	})
	return n
}
