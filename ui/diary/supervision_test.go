package diary

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/supervision"
	"inreach/ui/uitest"
)

// supervisionTestScreen opens the Supervision section and returns its screen.
func supervisionTestScreen(t *testing.T, u *ui.UI) *supervision.SupervisionScreen {
	t.Helper()
	u.Shell.Show(kit.Supervision)
	s, ok := u.Shell.Screens[kit.Supervision].(*supervision.SupervisionScreen)
	require.True(t, ok, "the Supervision section is the supervision screen")
	return s
}

func TestSupervisionSignOffMarksThePickedEntryDiscussedWithTheComment(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	require.NoError(t, u.Sess.Notes.SetSetting(notes.SettingSupervisor, "Jo Okafor"))
	date := daysAgo(u, 7)
	id := diaryTestEntry(t, u, date, "for_supervision", "Plan the release day earlier.")
	other := diaryTestEntry(t, u, daysAgo(u, 6), "draft", "Not ready to discuss.")

	s := supervisionTestScreen(t, u)
	test.Tap(uitest.FindButton(t, s.Content(), "New session"))
	f := s.Form
	require.NotNil(t, f)
	require.Equal(t, "Jo Okafor", f.Supervisor.Text, "the supervisor comes from Settings")
	require.Equal(t, kit.TodayFor(u.Env()), f.Date.Text)
	require.Contains(t, f.Picks, id, "entries marked for supervision are offered")
	require.NotContains(t, f.Picks, other, "drafts are not")

	pick := f.Picks[id]
	require.False(t, pick.CommentBox.Visible())
	test.Tap(uitest.FindCheck(t, f.Content(), kit.ShortDate(date)))
	require.True(t, pick.CommentBox.Visible(), "a comment box opens under a picked entry")
	test.Type(pick.Comment, "Good, honest reflection. Share the release checklist with the team.")

	test.Type(f.Notes, "Talked about late starts at Drake Hall.")
	test.Tap(uitest.FindButton(t, f.Content(), "Add action"))
	require.Len(t, f.Actions, 1)
	test.Type(f.Actions[0].Text, "Email the visits booking team about room times")
	test.Type(f.Actions[0].Owner, "Sam")
	test.Type(f.Actions[0].Due, "2099-01-31")
	test.Tap(uitest.FindButton(t, f.Content(), "Add action"))
	test.Type(f.Actions[1].Text, "An action to remove")
	test.Tap(uitest.FindButton(t, f.Actions[1].Box, "Remove"))
	require.Len(t, f.Actions, 1)

	test.Tap(uitest.FindButton(t, f.Content(), "Sign off"))
	require.NotEmpty(t, f.Id, "signing off saves the session")
	ss, err := u.Sess.Diary.GetSession(f.Id)
	require.NoError(t, err)
	require.Equal(t, kit.TodayFor(u.Env()), ss.SignedOffOn)
	require.Equal(t, "Jo Okafor", ss.Supervisor)
	require.Equal(t, "Talked about late starts at Drake Hall.", ss.Notes)
	require.Equal(t, []diary.SessionEntry{{DiaryID: id, Comment: "Good, honest reflection. Share the release checklist with the team."}}, ss.Entries)
	require.Equal(t, []diary.SessionAction{{Text: "Email the visits booking team about room times", Owner: "Sam", Due: "2099-01-31"}}, ss.Actions)
	require.True(t, uitest.HasText(f.Content(), "Signed off on"))

	// The diary now shows the entry discussed, with the comment.
	got, err := u.Sess.Diary.Get(id)
	require.NoError(t, err)
	require.Equal(t, "discussed", got.Status)
	u.Shell.Open(kit.Record(kit.Diary, id))
	ds := u.Shell.Screens[kit.Diary].(*DiaryScreen)
	require.Equal(t, id, ds.Editor.id)
	require.Equal(t, "Discussed", ds.Editor.badge.Text.Text)
	require.True(t, uitest.HasText(ds.Editor.Content(), "Supervisor's comments"))
	require.True(t, uitest.HasText(ds.Editor.Content(), "Share the release checklist with the team."))
	require.True(t, uitest.HasText(ds.Editor.Content(), "Jo Okafor"))

	// The open action is listed on the Supervision screen and can be done.
	s = supervisionTestScreen(t, u)
	s.ShowOverview()
	require.Len(t, s.OpenActions, 1)
	require.True(t, uitest.HasText(s.Content(), "1 action open"))
	s.MarkDone(s.OpenActions[0])
	require.Empty(t, s.OpenActions)
	ss, err = u.Sess.Diary.GetSession(ss.ID)
	require.NoError(t, err)
	require.Equal(t, kit.TodayFor(u.Env()), ss.Actions[0].DoneOn)

	// Today and search open a session by its id.
	u.Shell.Show(kit.Today)
	u.Shell.Open(kit.Record(kit.Supervision, ss.ID))
	require.NotNil(t, s.Form)
	require.Equal(t, ss.ID, s.Form.Id)
	require.True(t, s.Form.Picks[id].Check.Checked)
	require.Equal(t, "Good, honest reflection. Share the release checklist with the team.", s.Form.Picks[id].Comment.Text)
}

func TestSupervisionBadDatesAreShownAtTheFieldAndTheFormIsKept(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := supervisionTestScreen(t, u)
	s.NewSession()
	f := s.Form
	f.Date.SetText("20-07-2025")
	test.Tap(uitest.FindButton(t, f.Content(), "Add action"))
	test.Type(f.Actions[0].Text, "Read the trauma-informed practice guide")
	f.Actions[0].Due.SetText("soon")
	test.Tap(uitest.FindButton(t, f.Content(), "Save"))
	require.True(t, f.DateErr.Visible())
	require.True(t, f.Actions[0].DateErr.Visible())
	require.Empty(t, f.Id)
	list, err := u.Sess.Diary.ListSessions("", "")
	require.NoError(t, err)
	require.Empty(t, list)

	// Leaving keeps the form as a draft to carry on with.
	s.ShowOverview()
	require.True(t, uitest.HasText(s.Content(), "Not saved yet"))
	test.Tap(uitest.FindButton(t, s.Content(), "Carry on"))
	require.Equal(t, "20-07-2025", s.Form.Date.Text)
	require.Equal(t, "Read the trauma-informed practice guide", s.Form.Actions[0].Text.Text)

	// An action with no text is refused at its field.
	s.Form.Date.SetText(kit.TodayFor(u.Env()))
	s.Form.Actions[0].Due.SetText("")
	s.Form.Actions[0].Text.SetText("")
	test.Tap(uitest.FindButton(t, s.Form.Content(), "Save"))
	require.True(t, s.Form.Actions[0].TextErr.Visible())
	require.Contains(t, s.Form.Actions[0].TextErr.Text, "Say what the action is")
}

func TestSupervisionPackIsWrittenToTheChosenFile(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	require.NoError(t, u.Sess.Notes.SetSetting(notes.SettingPractitioner, "Sam Reid"))
	diaryTestEntry(t, u, daysAgo(u, 20), "for_supervision", "Keep the booking line's number to hand.")
	out := filepath.Join(t.TempDir(), "pack.pdf")
	old := supervision.SupervisionChooseFile
	var asked string
	supervision.SupervisionChooseFile = func(u kit.Env, name string, done func(fyne.URIWriteCloser, error)) {
		asked = name
		w, err := storage.Writer(storage.NewFileURI(out))
		done(w, err)
	}
	t.Cleanup(func() { supervision.SupervisionChooseFile = old })

	supervisionTestScreen(t, u)
	diaryShortcut(u, fyne.KeyP, fyne.KeyModifierShortcutDefault)
	dlg := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, dlg, "Ctrl+P asks for the pack's period")
	test.Tap(uitest.FindButton(t, dlg, "Last 3 months"))
	test.Tap(uitest.FindCheck(t, dlg, "Redact names"))
	test.Tap(uitest.FindButton(t, dlg, "Save PDF"))
	from, to := kit.DiaryPeriod(kit.DiaryLast3Months, kit.TodayFor(u.Env()))
	require.Equal(t, "supervision-pack-"+from+"-to-"+to+"-redacted.pdf", asked, "the redacted pack says so in its name")
	uitest.Eventually(t, func() bool {
		b, err := os.ReadFile(out)
		return err == nil && len(b) > 1000 && string(b[:5]) == "%PDF-"
	}, "the pack is written")
	uitest.Eventually(t, func() bool {
		top := u.Win.Canvas().Overlays().Top()
		return top != nil && uitest.HasText(top, "Saved as "+out+".")
	}, "the confirmation names the full path")
	u.Win.Canvas().Overlays().Remove(u.Win.Canvas().Overlays().Top())

	// The full pack gets a name of its own.
	diaryShortcut(u, fyne.KeyP, fyne.KeyModifierShortcutDefault)
	dlg = u.Win.Canvas().Overlays().Top()
	require.NotNil(t, dlg)
	test.Tap(uitest.FindButton(t, dlg, "Last 3 months"))
	require.False(t, uitest.FindCheck(t, dlg, "Redact names").Checked)
	test.Tap(uitest.FindButton(t, dlg, "Save PDF"))
	require.Equal(t, "supervision-pack-"+from+"-to-"+to+".pdf", asked)
}
