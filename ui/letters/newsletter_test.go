package letters

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// newsletterTestIssue starts a new issue in the Newsletter tab, titled,
// with one section holding body, and returns its editor.
func newsletterTestIssue(t *testing.T, u *ui.UI, body string) (*lettersScreen, *issueEditor) {
	t.Helper()
	s := lettersTestScreen(t, u)
	s.tabs.Select(s.newsTab)
	test.Tap(uitest.FindButton(t, s.Content(), "New issue"))
	ed := s.news.editor
	require.NotNil(t, ed, "the editor opens")
	test.Type(ed.title, "Spring news")
	test.Tap(uitest.FindButton(t, ed.Content(), "Add section"))
	require.Len(t, ed.cards, 1)
	test.Type(ed.cards[0].heading, "From the team")
	test.Type(ed.cards[0].body, body)
	return s, ed
}

// findingsShown is the kinds of the findings listed beside the issue.
func findingsShown(ed *issueEditor) []string {
	var out []string
	for _, f := range ed.side.report.Findings {
		out = append(out, f.Kind)
	}
	return out
}

func TestTheCheckListsAWomansRealNameAndMarkReadyIsRefusedUntilFixed(t *testing.T) {
	uitest.SetFor(t, &issueAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	_, ed := newsletterTestIssue(t, u, "We had a lovely visit with Dana Whitfield last week.")

	uitest.Eventually(t, func() bool { return ed.is.ID != "" && !ed.Dirty }, "the issue saves itself")
	uitest.Eventually(t, func() bool {
		return strings.Contains(strings.Join(findingsShown(ed), ","), newsletter.KindRealName) &&
			ed.cards[0].flag.Text.Text == "1 thing to fix"
	}, "the check lists the real name and flags the section's card")
	side := ed.side.Content()
	require.True(t, uitest.HasText(side, "Real name"), "the kind is shown in words")
	require.True(t, uitest.HasText(side, "Section 1 · text"), "with the section")
	require.True(t, uitest.HasText(side, "has a woman's real name"), "and the message")

	// Clicking the finding takes the author to the text.
	var row *lettersTapRow
	uitest.Walk(side, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*lettersTapRow); ok {
			row = r
			return false
		}
		return true
	})
	require.NotNil(t, row)
	test.Tap(row)
	require.Equal(t, ed.cards[0].body, u.Win.Canvas().Focused(), "the section's text has the keyboard")

	test.Tap(uitest.FindButton(t, side, "Mark ready"))
	over := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, over, "the refusal is shown")
	require.True(t, uitest.HasText(over, "cannot be marked ready"), "with the store's reason")
	require.True(t, uitest.HasText(over, "Real name"), "and the findings")
	is, err := u.Sess.Letters.GetIssue(ed.is.ID)
	require.NoError(t, err)
	require.Equal(t, "draft", is.Status)
	// A finding in the refusal takes the author to the place too.
	u.Win.Canvas().Focus(ed.title)
	var inDialog *lettersTapRow
	uitest.Walk(over, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*lettersTapRow); ok {
			inDialog = r
			return false
		}
		return true
	})
	require.NotNil(t, inDialog)
	test.Tap(inDialog)
	require.Nil(t, u.Win.Canvas().Overlays().Top(), "the refusal closes")
	require.Equal(t, ed.cards[0].body, u.Win.Canvas().Focused())

	// Fix the text and tick the checklist: now it can be marked ready.
	ed.cards[0].body.SetText("We had a lovely visit with Rose last week.")
	for _, c := range ed.side.checks {
		test.Tap(c)
	}
	uitest.Eventually(t, func() bool { return !ed.Dirty && ed.side.report.Clean() }, "the check finds nothing")
	require.True(t, uitest.HasText(side, "Nothing found"))
	test.Tap(uitest.FindButton(t, side, "Mark ready"))
	require.Nil(t, u.Win.Canvas().Overlays().Top(), "no refusal")
	is, err = u.Sess.Letters.GetIssue(ed.is.ID)
	require.NoError(t, err)
	require.Equal(t, "ready", is.Status)
	require.Equal(t, "Ready", ed.badge.Text.Text)
	require.False(t, ed.side.sent.Disabled(), "it can be marked sent now")
}

func TestMarkSentRecordsOneOutgoingLetterPerWomanOnTheList(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	whitfield, morris := lettersTestWomen(t, u)
	out := &notes.Person{Name: "Kelly Out", Status: "community"}
	require.NoError(t, u.Sess.Notes.SavePerson(out))
	is := newsletter.Issue{Title: "Summer", Date: "2025-07-01", Checklist: append([]string(nil), schemaChecks()...),
		Sections: []newsletter.Section{{Heading: "Hello", Body: "News from the team."}}}
	require.NoError(t, u.Sess.Letters.SaveIssue(&is))
	require.NoError(t, u.Sess.Letters.SetStatus(is.ID, "ready"))

	s := lettersTestScreen(t, u)
	s.open(newsletterRef + is.ID)
	ed := s.news.editor
	require.NotNil(t, ed)
	require.True(t, uitest.HasText(ed.side.Content(), "Distribution list · 2 women"), "the side card counts the list")
	require.True(t, ed.side.ready.Disabled(), "a ready issue is not marked ready again")

	// Escape leaves it unsent.
	test.Tap(uitest.FindButton(t, ed.side.Content(), "Mark sent"))
	require.NotNil(t, u.Win.Canvas().Overlays().Top())
	u.Win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	require.Nil(t, u.Win.Canvas().Overlays().Top(), "Escape closes the question")
	got, err := u.Sess.Letters.GetIssue(is.ID)
	require.NoError(t, err)
	require.Equal(t, "ready", got.Status)

	test.Tap(uitest.FindButton(t, ed.side.Content(), "Mark sent"))
	over := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, over)
	require.True(t, uitest.HasText(over, "This records an outgoing letter to each of 2 women"))
	test.Tap(uitest.FindButton(t, over, "Mark sent"))

	got, err = u.Sess.Letters.GetIssue(is.ID)
	require.NoError(t, err)
	require.Equal(t, "sent", got.Status)
	require.ElementsMatch(t, []string{whitfield, morris}, got.SentTo)
	letters, err := u.Sess.Letters.ListLetters(newsletter.LetterFilter{Direction: "out"})
	require.NoError(t, err)
	require.Len(t, letters, 2, "one letter per woman in custody, none to the woman in the community")
	for _, l := range letters {
		require.NotEqual(t, out.ID, l.PersonID)
		require.Equal(t, newsletter.MailingSummary(got.Number, "Summer"), l.Summary)
		require.Equal(t, []string{newsletter.MailingEnclosure}, l.Enclosures)
		require.Equal(t, kit.TodayFor(u.Env()), l.Date)
	}

	// A sent issue is read-only.
	require.Nil(t, s.news.editor, "no editor for a sent issue")
	require.Empty(t, uitest.Entries(s.news.detail), "nothing can be typed into it")
	require.True(t, uitest.HasText(s.news.detail, "Posted to 2 women"))
}

func schemaChecks() []string {
	return []string{"plain_paper", "no_staples_glitter", "no_prisoner_contacts", "return_address"}
}

func TestSectionsMoveUpAndDownAndTheLengthFollowsTheTyping(t *testing.T) {
	uitest.SetFor(t, &issueAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	_, ed := newsletterTestIssue(t, u, "one two three four")
	require.True(t, uitest.HasText(ed.side.Content(), "7 words · about 1 page"), "heading and text count: %q", ed.side.words.Text)
	test.Tap(uitest.FindButton(t, ed.Content(), "Add section"))
	test.Type(ed.cards[1].heading, "Recipe")
	test.Type(ed.cards[1].body, "Kettle noodles")
	require.Contains(t, ed.side.words.Text, "10 words", "the count follows the typing")

	test.Tap(ed.cards[1].up)
	require.Equal(t, "Recipe", ed.cards[0].heading.Text)
	require.True(t, ed.cards[0].up.Disabled())
	uitest.Eventually(t, func() bool { return ed.is.ID != "" && !ed.Dirty }, "saved")
	is, err := u.Sess.Letters.GetIssue(ed.is.ID)
	require.NoError(t, err)
	require.Len(t, is.Sections, 2)
	require.Equal(t, "Recipe", is.Sections[0].Heading, "the new order is saved")

	// A blank section is not saved, and removing it asks nothing.
	test.Tap(uitest.FindButton(t, ed.Content(), "Add section"))
	require.Len(t, ed.cards, 3)
	test.Tap(ed.cards[2].del)
	require.Len(t, ed.cards, 2)
	require.Nil(t, u.Win.Canvas().Overlays().Top())
	// One with words asks first.
	test.Tap(ed.cards[0].del)
	over := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, over)
	test.Tap(uitest.FindButton(t, over, "Remove"))
	require.Len(t, ed.cards, 1)
	uitest.Eventually(t, func() bool { return !ed.Dirty }, "saved")
	is, err = u.Sess.Letters.GetIssue(ed.is.ID)
	require.NoError(t, err)
	require.Len(t, is.Sections, 1)
	require.Equal(t, "From the team", is.Sections[0].Heading)
}

func TestTheIssueBeingWrittenIsSavedBeforeTheNotebookLocks(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	uitest.SetFor(t, &issueAutosaveDelay, time.Hour) // only the lock saves it
	s, ed := newsletterTestIssue(t, u, "Written just before the lock.")
	require.Empty(t, ed.is.ID, "not saved yet")
	s.BeforeLock()
	list, err := u.Sess.Letters.ListIssues()
	require.NoError(t, err)
	require.Len(t, list, 1)
	is, err := u.Sess.Letters.GetIssue(list[0].ID)
	require.NoError(t, err)
	require.Equal(t, "Spring news", is.Title)
	require.Equal(t, "Written just before the lock.", is.Sections[0].Body)

	// An issue that cannot be saved yet (no title) is kept as a draft and
	// offered again.
	test.Tap(uitest.FindButton(t, s.Content(), "New issue"))
	ed = s.news.editor
	test.Tap(uitest.FindButton(t, ed.Content(), "Add section"))
	test.Type(ed.cards[0].body, "A poem with no title yet")
	s.BeforeLock()
	require.True(t, ed.titleErr.Visible(), "the title is asked for at the field")
	again := newNewsletterTab(u.Env())
	b := uitest.FindButton(t, again.Content(), "Carry on")
	test.Tap(b)
	require.NotNil(t, again.editor)
	require.Equal(t, "A poem with no title yet", again.editor.cards[0].body.Text)
	test.Type(again.editor.title, "Poems")
	require.True(t, again.editor.save(true))
	drafts, err := u.Sess.Notes.ListDrafts()
	require.NoError(t, err)
	for _, d := range drafts {
		require.NotEqual(t, issueDraftKind, d.Kind, "the draft is gone once saved")
	}
}

func TestOpenTakesLetterAndIssueIdsWithOrWithoutAPrefix(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	whitfield, _ := lettersTestWomen(t, u)
	l := newsletter.Letter{PersonID: whitfield, Date: "2025-07-04", Direction: "in", Summary: "Hello"}
	require.NoError(t, u.Sess.Letters.SaveLetter(&l))
	is := newsletter.Issue{Title: "Autumn", Date: "2025-09-01"}
	require.NoError(t, u.Sess.Letters.SaveIssue(&is))

	u.Shell.Open(kit.Record(kit.Letters, letterRef+l.ID))
	s := u.Shell.Screens[kit.Letters].(*lettersScreen)
	require.Equal(t, s.logTab, s.tabs.Selected())
	require.Equal(t, l.ID, s.log.form.id)

	u.Shell.Open(kit.Record(kit.Letters, is.ID)) // bare: not a letter, so the issue
	require.Equal(t, s.newsTab, s.tabs.Selected())
	require.Equal(t, is.ID, s.news.editor.is.ID)

	u.Shell.Open(kit.Record(kit.Letters, l.ID)) // bare: the letter
	require.Equal(t, s.logTab, s.tabs.Selected())
	require.Equal(t, l.ID, s.log.form.id)
}

func TestCtrlPMakesThePDFOfTheOpenIssue(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	is := newsletter.Issue{Title: "Winter", Date: "2025-12-01",
		Sections: []newsletter.Section{{Heading: "Hello", Body: "Warm wishes from the team."}}}
	require.NoError(t, u.Sess.Letters.SaveIssue(&is))
	path := filepath.Join(t.TempDir(), "issue.pdf")
	old := newsletterChooseFile
	t.Cleanup(func() { newsletterChooseFile = old })
	var offered string
	newsletterChooseFile = func(_ kit.Env, name string, got func(fyne.URIWriteCloser)) {
		offered = name
		w, err := storage.Writer(storage.NewFileURI(path))
		require.NoError(t, err)
		got(w)
	}
	u.Shell.Open(kit.Record(kit.Letters, newsletterRef+is.ID))
	u.Shell.PrintCurrent()
	require.Equal(t, "newsletter-issue-1.pdf", offered)
	uitest.Eventually(t, func() bool {
		b, err := os.ReadFile(path)
		return err == nil && strings.HasPrefix(string(b), "%PDF")
	}, "the PDF is written")
	uitest.Eventually(t, func() bool {
		top := u.Win.Canvas().Overlays().Top()
		return top != nil && uitest.HasText(top, "Saved as "+path)
	}, "and says where, in full")
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "readable by its owner only")
	top := u.Win.Canvas().Overlays().Top()
	top.Hide()
	u.Win.Canvas().Overlays().Remove(top)

	// The address labels come from the button beside it.
	path = filepath.Join(t.TempDir(), "labels.pdf")
	ed := u.Shell.Screens[kit.Letters].(*lettersScreen).news.editor
	test.Tap(uitest.FindButton(t, ed.side.Content(), "Address labels PDF"))
	require.Equal(t, "address-labels-issue-1.pdf", offered)
	uitest.Eventually(t, func() bool {
		b, err := os.ReadFile(path)
		return err == nil && strings.HasPrefix(string(b), "%PDF")
	}, "the labels are written")
}

func TestAnInvalidIssueDateIsShownAtTheFieldAndNothingIsLost(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	_, ed := newsletterTestIssue(t, u, "Some news.")
	require.True(t, ed.save(true))
	ed.date.SetText("2025-02-30")
	require.False(t, ed.save(false))
	require.True(t, ed.dateErr.Visible())
	require.Contains(t, ed.dateErr.Text, "not a real date")
	is, err := u.Sess.Letters.GetIssue(ed.is.ID)
	require.NoError(t, err)
	require.NotEqual(t, "2025-02-30", is.Date, "the bad date is not stored")
	_, ok, err := u.Sess.Notes.LoadDraft(ed.draftKey)
	require.NoError(t, err)
	require.True(t, ok, "what was typed is kept as a draft")

	// Opening the issue again puts the draft back.
	s := lettersTestScreen(t, u)
	s.news.closeEditor()
	s.news.open(is.ID)
	require.Equal(t, "2025-02-30", s.news.editor.date.Text)
	require.True(t, s.news.editor.dateErr.Visible())
}
