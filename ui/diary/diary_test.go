package diary

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// diaryTestVisit stores a woman seen at a prison visit at HMP Drake Hall on
// date, and returns the contact's id.
func diaryTestVisit(t *testing.T, u *ui.UI, date string) string {
	t.Helper()
	est := &notes.Establishment{Name: "HMP Drake Hall", Kind: "prison"}
	require.NoError(t, u.Sess.Notes.SaveEstablishment(est))
	p := &notes.Person{Name: "Mary Adeyemi", Pseudonym: "Rose", Status: "custody_sentenced", EstablishmentID: est.ID}
	require.NoError(t, u.Sess.Notes.SavePerson(p))
	c := &notes.Contact{Date: date, Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: est.ID,
		People: []notes.ContactPerson{{PersonID: p.ID, Booked: true, Seen: true}}}
	require.NoError(t, u.Sess.Notes.SaveContact(c))
	return c.ID
}

// diaryTestScreen opens the Diary section and returns its screen.
func diaryTestScreen(t *testing.T, u *ui.UI) *DiaryScreen {
	t.Helper()
	u.Shell.Show(kit.Diary)
	s, ok := u.Shell.Screens[kit.Diary].(*DiaryScreen)
	require.True(t, ok, "the Diary section is the diary screen")
	return s
}

// diaryShortcut sends a keyboard shortcut to the window.
func diaryShortcut(u *ui.UI, key fyne.KeyName, mod fyne.KeyModifier) {
	u.Win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
}

// diarySlowAutosave stops the autosave timer firing during a test (the
// test saves or locks by hand).
func diarySlowAutosave(t *testing.T) {
	uitest.SetFor(t, &diaryAutosaveDelay, time.Hour)
}

// diaryTestEntry stores an entry and returns its id.
func diaryTestEntry(t *testing.T, u *ui.UI, date, status, learning string, tags ...string) string {
	t.Helper()
	e := &diary.Entry{Date: date, Template: "visit_reflection", Status: status, Tags: tags,
		Sections: []diary.SectionText{{Key: "visit_detail", Body: "Visit on " + date}, {Key: "learning", Body: learning}}}
	require.NoError(t, u.Sess.Diary.Save(e))
	return e.ID
}

// daysAgo is the date n days before the UI's today.
func daysAgo(u *ui.UI, n int) string {
	return u.Clock.Now().AddDate(0, 0, -n).Format("2006-01-02")
}

func TestDiaryVisitReflectionWrittenThroughTheEditorIsStoredAndReadBack(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	contactID := diaryTestVisit(t, u, "2025-07-04")
	diaryTestEntry(t, u, "2025-06-01", "draft", "Book the room early.", "housing")

	s := diaryTestScreen(t, u)
	diaryShortcut(u, fyne.KeyN, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	ed := s.Editor
	require.NotNil(t, ed, "Ctrl+Shift+N opens a new entry")
	require.Equal(t, "", ed.id)
	require.Len(t, ed.sections, 5, "a visit reflection has five headings")
	root := ed.Content()
	for _, h := range []string{"Visit detail", "Staff reflection", "Positive outcome", "Negative outcome", "Learning"} {
		require.True(t, uitest.HasText(root, h), "heading %q is shown", h)
	}
	require.True(t, uitest.HasText(root, "The facts: where, when"), "each heading's prompt is shown")

	ed.date.SetText("")
	test.Type(ed.date, "2025-07-04")
	label := "Prison visit, HMP Drake Hall, 4 Jul 2025"
	require.Contains(t, ed.contact.Options, label, "recent contacts are offered in words")
	ed.contact.SetSelected(label)
	require.True(t, ed.openLink.Visible(), "a linked contact can be opened")

	texts := []string{
		"Saw Mary in the visits hall; we talked about housing on release.",
		"I felt rushed: the session started twenty minutes late.",
		"She said “I finally feel heard” — she has written to her daughter.",
		"No reply yet from the housing officer; the deadline is close.",
		"Ring housing the week before release, not the day before.",
	}
	for i, txt := range texts {
		test.Type(ed.sections[i], txt)
	}
	test.Type(ed.tags, "release day, Trauma  informed")
	test.Tap(uitest.FindButton(t, root, "housing"))
	test.Tap(uitest.FindButton(t, root, "Save"))
	require.NotEmpty(t, ed.id, "saving gives the entry an id")
	require.Empty(t, ed.dateErr.Text)

	got, err := u.Sess.Diary.Get(ed.id)
	require.NoError(t, err)
	require.Equal(t, "2025-07-04", got.Date)
	require.Equal(t, contactID, got.ContactID)
	require.Equal(t, "visit_reflection", got.Template)
	require.Equal(t, "draft", got.Status)
	keys := []string{"visit_detail", "staff_reflection", "positive_outcome", "negative_outcome", "learning"}
	for i, k := range keys {
		require.Equal(t, texts[i], got.Section(k), "section %s", k)
	}
	require.Equal(t, []string{"release day", "trauma informed", "housing"}, got.Tags)

	// The list shows it, newest first, in words.
	require.Equal(t, ed.id, s.items[0].ID)
	require.True(t, uitest.HasText(s.Content(), "2 entries"))
}

func TestDiaryAnInvalidDateIsShownAtTheFieldAndNothingTypedIsLost(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := diaryTestScreen(t, u)
	s.newEntry()
	ed := s.Editor
	ed.date.SetText("2025-02-30")
	test.Type(ed.sections[0], "What happened at court.")
	test.Tap(uitest.FindButton(t, ed.Content(), "Save"))
	require.True(t, ed.dateErr.Visible())
	require.Contains(t, ed.dateErr.Text, "not a real date")
	list, err := u.Sess.Diary.List(diary.Filter{})
	require.NoError(t, err)
	require.Empty(t, list, "an invalid date never reaches the store")
	body, ok, err := u.Sess.Notes.LoadDraft(ed.draftKey)
	require.NoError(t, err)
	require.True(t, ok, "the form is kept as a draft")
	require.Contains(t, string(body), "What happened at court.")
	require.Equal(t, "What happened at court.", ed.sections[0].Text)

	ed.date.SetText("2025-02-28")
	test.Tap(uitest.FindButton(t, ed.Content(), "Save"))
	require.False(t, ed.dateErr.Visible())
	got, err := u.Sess.Diary.Get(ed.id)
	require.NoError(t, err)
	require.Equal(t, "What happened at court.", got.Section("visit_detail"))
	_, ok, err = u.Sess.Notes.LoadDraft(diaryDraftPrefix + "new")
	require.NoError(t, err)
	require.False(t, ok)
	drafts, err := u.Sess.Notes.ListDrafts()
	require.NoError(t, err)
	require.Empty(t, drafts, "the draft goes once the entry is saved")
}

func TestDiaryAutosaveSavesTheEntryAsTheUserTypes(t *testing.T) {
	uitest.SetFor(t, &diaryAutosaveDelay, 30*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := diaryTestScreen(t, u)
	s.newEntry()
	test.Type(s.Editor.sections[1], "Hard day; I need to talk this through.")
	uitest.Eventually(t, func() bool {
		list, err := u.Sess.Diary.List(diary.Filter{Text: "talk this through"})
		return err == nil && len(list) == 1 && list[0].Status == "draft"
	}, "the entry is saved as a draft without pressing Save")
}

func TestDiaryStatusButtonsFollowTheAllowedTransitions(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := diaryTestScreen(t, u)
	s.newEntry()
	ed := s.Editor
	test.Type(ed.sections[0], "A release day at the gate.")
	root := ed.Content()

	require.True(t, uitest.HasText(root, "Draft") || ed.badge.Text.Text == "Draft")
	test.Tap(uitest.FindButton(t, root, "Mark for supervision"))
	got, err := u.Sess.Diary.Get(ed.id)
	require.NoError(t, err)
	require.Equal(t, "for_supervision", got.Status, "saved and marked in one step")
	require.Equal(t, "A release day at the gate.", got.Section("visit_detail"))
	require.Equal(t, "For supervision", ed.badge.Text.Text)
	require.False(t, diaryHasButton(root, "Mark for supervision"))
	require.False(t, diaryHasButton(root, "Discussed"), "discussed is never set by hand")

	test.Tap(uitest.FindButton(t, root, "Back to draft"))
	got, err = u.Sess.Diary.Get(ed.id)
	require.NoError(t, err)
	require.Equal(t, "draft", got.Status)
	require.False(t, diaryHasButton(root, "Back to draft"))

	// Discussed comes from a signed-off session; then only reopening is offered.
	test.Tap(uitest.FindButton(t, root, "Mark for supervision"))
	ss := &diary.Session{Date: kit.TodayFor(u.Env()), Supervisor: "Jo", SignedOffOn: kit.TodayFor(u.Env()),
		Entries: []diary.SessionEntry{{DiaryID: ed.id, Comment: "Well handled."}}}
	require.NoError(t, u.Sess.Diary.SaveSession(ss))
	u.Shell.Show(kit.Today)
	u.Shell.Show(kit.Diary)
	require.Equal(t, "Discussed", ed.badge.Text.Text)
	require.False(t, diaryHasButton(root, "Back to draft"), "a discussed entry does not go straight back to draft")
	test.Tap(uitest.FindButton(t, root, "Reopen for supervision"))
	got, err = u.Sess.Diary.Get(ed.id)
	require.NoError(t, err)
	require.Equal(t, "for_supervision", got.Status)
}

// diaryHasButton reports whether a visible button's text contains label.
func diaryHasButton(root fyne.CanvasObject, label string) bool {
	found := false
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Visible() && strings.Contains(b.Text, label) {
			found = true
		}
		return !found
	})
	return found
}

func TestDiaryChangingTemplateOfAWrittenEntryAsksAndKeepsTheText(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := diaryTestScreen(t, u)
	s.newEntry()
	ed := s.Editor
	test.Type(ed.sections[1], "I was anxious before the visit.")
	ed.template.SetSelected("Gibbs' reflective cycle")
	require.NotNil(t, u.Win.Canvas().Overlays().Top(), "a question is asked")
	u.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	require.Nil(t, u.Win.Canvas().Overlays().Top(), "Escape closes the question")
	require.Equal(t, "visit_reflection", ed.tmplKey, "Escape keeps the template")
	require.Equal(t, "Visit reflection", ed.template.Selected)
	require.Equal(t, "I was anxious before the visit.", ed.sections[1].Text)

	ed.template.SetSelected("Gibbs' reflective cycle")
	require.Equal(t, "visit_reflection", ed.tmplKey, "nothing changes before the user says yes")
	overlay := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, overlay, "a question is asked")
	require.True(t, uitest.HasText(overlay, "Nothing you wrote is lost"))
	test.Tap(uitest.FindButton(t, overlay, "Change template"))
	require.Equal(t, "gibbs", ed.tmplKey)
	require.Len(t, ed.sections, 6)
	require.Contains(t, ed.sections[0].Text, "Staff reflection:\nI was anxious before the visit.")
	require.True(t, ed.save(true))
	got, err := u.Sess.Diary.Get(ed.id)
	require.NoError(t, err)
	require.Equal(t, "gibbs", got.Template)
}

func TestDiaryWriteReflectionOnAContactStartsFromTheContact(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	contactID := diaryTestVisit(t, u, "2025-07-04")
	u.Shell.Open(kit.Record(kit.Diary, contactID))
	s := u.Shell.Screens[kit.Diary].(*DiaryScreen)
	ed := s.Editor
	require.NotNil(t, ed)
	require.Equal(t, "2025-07-04", ed.date.Text)
	require.Equal(t, contactID, ed.contactID())
	require.Contains(t, ed.sections[0].Text, "HMP Drake Hall")
	require.Contains(t, ed.sections[0].Text, "Mary Adeyemi")
	test.Type(ed.sections[4], "Take stamps next time.")
	require.True(t, ed.save(false))
	id := ed.id

	// "Write reflection" again opens the same entry rather than a second one.
	u.Shell.Show(kit.Today)
	u.Shell.Open(kit.Record(kit.Diary, contactID))
	require.Equal(t, id, s.Editor.id)
	list, err := u.Sess.Diary.List(diary.Filter{ContactID: contactID})
	require.NoError(t, err)
	require.Len(t, list, 1)
	// And the entry's own id opens it too.
	s.newEntry()
	u.Shell.Open(kit.Record(kit.Diary, id))
	require.Equal(t, id, s.Editor.id)
	require.Equal(t, "Take stamps next time.", s.Editor.sections[4].Text)
}

func TestDiaryBeforeLockKeepsTheTypedText(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := diaryTestScreen(t, u)
	s.newEntry()
	test.Type(s.Editor.sections[2], "She laughed for the first time in weeks.")

	// A second entry, with a date that cannot be saved yet.
	s.newEntry()
	s.Editor.date.SetText("2025-13-01")
	test.Type(s.Editor.sections[3], "The escort never came.")

	u.Lock()
	require.Nil(t, u.Sess)
	test.Type(uitest.Entries(u.Win.Content())[0], "correct horse battery")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle() // the unlock runs off the UI goroutine
	require.NotNil(t, u.Sess, "unlocked")

	list, err := u.Sess.Diary.List(diary.Filter{Text: "first time in weeks"})
	require.NoError(t, err)
	require.Len(t, list, 1, "the entry being written was saved before the lock")

	s = diaryTestScreen(t, u)
	require.True(t, uitest.HasText(s.Content(), "Not saved yet"), "the unsaved draft is offered")
	test.Tap(uitest.FindButton(t, s.Content(), "Carry on"))
	require.NotNil(t, s.Editor)
	require.Equal(t, "The escort never came.", s.Editor.sections[3].Text)
	require.Equal(t, "2025-13-01", s.Editor.date.Text)
	require.True(t, s.Editor.dateErr.Visible(), "the date's problem is shown again")
}

func TestDiaryListFiltersByStatusTagAndText(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	diaryTestEntry(t, u, daysAgo(u, 3), "draft", "", "housing")
	b := diaryTestEntry(t, u, daysAgo(u, 2), "for_supervision", "", "court")
	diaryTestEntry(t, u, daysAgo(u, 400), "draft", "", "housing")
	s := diaryTestScreen(t, u)
	require.Len(t, s.items, 3)
	require.Equal(t, b, s.items[0].ID, "newest first")

	s.status.SetSelected("For supervision")
	require.Len(t, s.items, 1)
	require.Equal(t, b, s.items[0].ID)
	s.status.SetSelected(diaryAnyStatus)

	s.tag.SetSelected("housing (2)")
	require.Len(t, s.items, 2)
	s.period.SetSelected(kit.DiaryLast3Months)
	require.Len(t, s.items, 1)
	s.tag.SetSelected(diaryAnyTag)
	s.period.SetSelected(kit.DiaryAnyTime)
	s.search.SetText("Visit on " + daysAgo(u, 400))
	require.Len(t, s.items, 1)
}

func TestDiaryLearningViewFiltersByTagAndOpensTheEntry(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	a := diaryTestEntry(t, u, daysAgo(u, 10), "draft", "Ask about housing benefit before release.", "housing", "release day")
	diaryTestEntry(t, u, daysAgo(u, 5), "discussed", "Court staff respond to a calm phone call.", "court")
	diaryTestEntry(t, u, daysAgo(u, 4), "draft", "", "housing") // nothing learned: left out
	s := diaryTestScreen(t, u)
	s.tabs.SelectIndex(1)
	v := s.learning
	require.Len(t, v.items, 2)
	require.True(t, uitest.HasText(v.Content(), "housing (2)"), "tags are offered with their counts")

	v.tag.SetSelected("housing (2)")
	require.Len(t, v.items, 1)
	require.Equal(t, a, v.items[0].DiaryID)
	require.Equal(t, "Ask about housing benefit before release.", v.items[0].Text)
	require.Equal(t, "1 item", v.count.String())

	v.tag.SetSelected("court (1)")
	require.Len(t, v.items, 1)
	require.Equal(t, "Court staff respond to a calm phone call.", v.items[0].Text)

	v.tag.SetSelected(diaryAnyTag)
	v.list.Select(1)
	require.Equal(t, s.entryTab, s.tabs.Selected(), "an item opens its entry")
	require.NotNil(t, s.Editor)
	require.Equal(t, a, s.Editor.id)
}

func TestDiaryListLineFollowsTheEntryAsItIsSaved(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	older := diaryTestEntry(t, u, "2025-05-01", "draft", "")
	id := diaryTestEntry(t, u, "2025-06-01", "draft", "")
	s := diaryTestScreen(t, u)
	s.open(id)
	ed := s.Editor
	ed.sections[0].SetText("")
	test.Type(ed.sections[0], "Release day: met her at the gate at eight.")
	test.Type(ed.tags, "release day")
	require.True(t, ed.save(false))
	require.Equal(t, id, s.items[0].ID)
	require.Equal(t, "Release day: met her at the gate at eight.", s.items[0].Summary)
	require.Equal(t, []string{"release day"}, s.items[0].Tags)
	require.Contains(t, s.tag.Options, "release day (1)", "a new tag joins the tag filter")

	test.Tap(uitest.FindButton(t, ed.Content(), "Mark for supervision"))
	require.Equal(t, "for_supervision", s.items[0].Status)

	// A new date moves the entry to its place in the list.
	ed.date.SetText("2025-04-01")
	require.True(t, ed.save(false))
	require.Equal(t, older, s.items[0].ID)
	require.Equal(t, id, s.items[1].ID)
}
