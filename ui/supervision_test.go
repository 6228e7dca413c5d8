package ui

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
)

// supervisionTestScreen opens the Supervision section and returns its screen.
func supervisionTestScreen(t *testing.T, u *UI) *supervisionScreen {
	t.Helper()
	u.shell.show(Supervision)
	s, ok := u.shell.screens[Supervision].(*supervisionScreen)
	require.True(t, ok, "the Supervision section is the supervision screen")
	return s
}

func TestSupervisionSignOffMarksThePickedEntryDiscussedWithTheComment(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	openTestVault(t, u)
	require.NoError(t, u.sess.Notes.SetSetting(supervisionSupervisorKey, "Jo Okafor"))
	date := daysAgo(u, 7)
	id := diaryTestEntry(t, u, date, "for_supervision", "Plan the release day earlier.")
	other := diaryTestEntry(t, u, daysAgo(u, 6), "draft", "Not ready to discuss.")

	s := supervisionTestScreen(t, u)
	test.Tap(findButton(t, s.Content(), "New session"))
	f := s.form
	require.NotNil(t, f)
	require.Equal(t, "Jo Okafor", f.supervisor.Text, "the supervisor comes from Settings")
	require.Equal(t, todayFor(u.env()), f.date.Text)
	require.Contains(t, f.picks, id, "entries marked for supervision are offered")
	require.NotContains(t, f.picks, other, "drafts are not")

	pick := f.picks[id]
	require.False(t, pick.commentBox.Visible())
	test.Tap(findCheck(t, f.Content(), shortDate(date)))
	require.True(t, pick.commentBox.Visible(), "a comment box opens under a picked entry")
	test.Type(pick.comment, "Good, honest reflection. Share the release checklist with the team.")

	test.Type(f.notes, "Talked about late starts at Drake Hall.")
	test.Tap(findButton(t, f.Content(), "Add action"))
	require.Len(t, f.actions, 1)
	test.Type(f.actions[0].text, "Email the visits booking team about room times")
	test.Type(f.actions[0].owner, "Sam")
	test.Type(f.actions[0].due, "2099-01-31")
	test.Tap(findButton(t, f.Content(), "Add action"))
	test.Type(f.actions[1].text, "An action to remove")
	test.Tap(findButton(t, f.actions[1].box, "Remove"))
	require.Len(t, f.actions, 1)

	test.Tap(findButton(t, f.Content(), "Sign off"))
	require.NotEmpty(t, f.id, "signing off saves the session")
	ss, err := u.sess.Diary.GetSession(f.id)
	require.NoError(t, err)
	require.Equal(t, todayFor(u.env()), ss.SignedOffOn)
	require.Equal(t, "Jo Okafor", ss.Supervisor)
	require.Equal(t, "Talked about late starts at Drake Hall.", ss.Notes)
	require.Equal(t, []diary.SessionEntry{{DiaryID: id, Comment: "Good, honest reflection. Share the release checklist with the team."}}, ss.Entries)
	require.Equal(t, []diary.SessionAction{{Text: "Email the visits booking team about room times", Owner: "Sam", Due: "2099-01-31"}}, ss.Actions)
	require.True(t, hasText(f.Content(), "Signed off on"))

	// The diary now shows the entry discussed, with the comment.
	got, err := u.sess.Diary.Get(id)
	require.NoError(t, err)
	require.Equal(t, "discussed", got.Status)
	u.shell.open(Record(Diary, id))
	ds := u.shell.screens[Diary].(*diaryScreen)
	require.Equal(t, id, ds.editor.id)
	require.Equal(t, "Discussed", ds.editor.badge.text.Text)
	require.True(t, hasText(ds.editor.Content(), "Supervisor's comments"))
	require.True(t, hasText(ds.editor.Content(), "Share the release checklist with the team."))
	require.True(t, hasText(ds.editor.Content(), "Jo Okafor"))

	// The open action is listed on the Supervision screen and can be done.
	s = supervisionTestScreen(t, u)
	s.showOverview()
	require.Len(t, s.openActions, 1)
	require.True(t, hasText(s.Content(), "1 action open"))
	s.markDone(s.openActions[0])
	require.Empty(t, s.openActions)
	ss, err = u.sess.Diary.GetSession(ss.ID)
	require.NoError(t, err)
	require.Equal(t, todayFor(u.env()), ss.Actions[0].DoneOn)

	// Today and search open a session by its id.
	u.shell.show(Today)
	u.shell.open(Record(Supervision, ss.ID))
	require.NotNil(t, s.form)
	require.Equal(t, ss.ID, s.form.id)
	require.True(t, s.form.picks[id].check.Checked)
	require.Equal(t, "Good, honest reflection. Share the release checklist with the team.", s.form.picks[id].comment.Text)
}

func TestSupervisionBadDatesAreShownAtTheFieldAndTheFormIsKept(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := supervisionTestScreen(t, u)
	s.newSession()
	f := s.form
	f.date.SetText("20-07-2025")
	test.Tap(findButton(t, f.Content(), "Add action"))
	test.Type(f.actions[0].text, "Read the trauma-informed practice guide")
	f.actions[0].due.SetText("soon")
	test.Tap(findButton(t, f.Content(), "Save session"))
	require.True(t, f.dateErr.Visible())
	require.True(t, f.actions[0].dateErr.Visible())
	require.Empty(t, f.id)
	list, err := u.sess.Diary.ListSessions("", "")
	require.NoError(t, err)
	require.Empty(t, list)

	// Leaving keeps the form as a draft to carry on with.
	s.showOverview()
	require.True(t, hasText(s.Content(), "Not saved yet"))
	test.Tap(findButton(t, s.Content(), "Carry on"))
	require.Equal(t, "20-07-2025", s.form.date.Text)
	require.Equal(t, "Read the trauma-informed practice guide", s.form.actions[0].text.Text)

	// An action with no text is refused at its field.
	s.form.date.SetText(todayFor(u.env()))
	s.form.actions[0].due.SetText("")
	s.form.actions[0].text.SetText("")
	test.Tap(findButton(t, s.form.Content(), "Save session"))
	require.True(t, s.form.actions[0].textErr.Visible())
	require.Contains(t, s.form.actions[0].textErr.Text, "Say what the action is")
}

func TestSupervisionPackIsWrittenToTheChosenFile(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	require.NoError(t, u.sess.Notes.SetSetting(notes.SettingPractitioner, "Sam Reid"))
	diaryTestEntry(t, u, daysAgo(u, 20), "for_supervision", "Keep the booking line's number to hand.")
	out := filepath.Join(t.TempDir(), "pack.pdf")
	old := supervisionChooseFile
	var asked string
	supervisionChooseFile = func(u Env, name string, done func(fyne.URIWriteCloser, error)) {
		asked = name
		w, err := storage.Writer(storage.NewFileURI(out))
		done(w, err)
	}
	t.Cleanup(func() { supervisionChooseFile = old })

	supervisionTestScreen(t, u)
	diaryShortcut(u, fyne.KeyP, fyne.KeyModifierShortcutDefault)
	dlg := u.win.Canvas().Overlays().Top()
	require.NotNil(t, dlg, "Ctrl+P asks for the pack's period")
	test.Tap(findButton(t, dlg, "Last 3 months"))
	test.Tap(findCheck(t, dlg, "Redact names"))
	test.Tap(findButton(t, dlg, "Save PDF"))
	from, to := diaryPeriod(diaryLast3Months, todayFor(u.env()))
	require.Equal(t, "supervision-pack-"+from+"-to-"+to+".pdf", asked)
	eventually(t, func() bool {
		b, err := os.ReadFile(out)
		return err == nil && len(b) > 1000 && string(b[:5]) == "%PDF-"
	}, "the pack is written")
}
