package letters

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/newsletter"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// Typing in a logged letter and waiting stores the change and nothing
// else; a date taken out says it is needed, stores nothing in the letter
// (the typing is kept as a draft) and keeps the typing.
func TestALetterSavesItselfAsYouTypeAndSaysWhatIsMissing(t *testing.T) {
	uitest.SetFor(t, &letterAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	dana, _ := lettersTestWomen(t, u)
	lt := &newsletter.Letter{PersonID: dana, Date: kit.TodayFor(u.Env()), Direction: "in", Channel: "letter", Summary: "Asks about a pen pal"}
	require.NoError(t, u.Sess.Letters.SaveLetter(lt))
	s := lettersTestScreen(t, u)
	s.log.showLetter(lt.ID)
	f := s.log.form
	require.NotNil(t, f)
	require.Equal(t, kit.AutosaveNote, f.note.String())
	before := uitest.Tables(t, u)

	f.summary.SetText("Asks about a pen pal and the newsletter")
	uitest.Eventually(t, func() bool {
		got, err := u.Sess.Letters.GetLetter(lt.ID)
		return err == nil && got.Summary == "Asks about a pen pal and the newsletter"
	}, "the summary saves itself")
	require.Equal(t, kit.SavedNote(u.Env()), f.note.String())
	require.False(t, f.Dirty)
	require.Equal(t, []string{"letters"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "only the letter changed")

	before = uitest.Tables(t, u)
	f.date.SetText("")
	f.summary.SetText("Asks about a pen pal and the newsletter.")
	want := kit.NotSavedNote("the date is needed")
	uitest.Eventually(t, func() bool { return f.note.String() == want }, "the note says the date is needed")
	require.Equal(t, []string{"drafts"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "the letter is untouched; the typing is kept as a draft")
	require.Equal(t, "Asks about a pen pal and the newsletter.", f.summary.Text)

	f.date.SetText(kit.TodayFor(u.Env()))
	uitest.Eventually(t, func() bool {
		got, err := u.Sess.Letters.GetLetter(lt.ID)
		return err == nil && got.Summary == "Asks about a pen pal and the newsletter."
	}, "the letter saves once the date is back")
	_, ok, err := u.Sess.Notes.LoadDraft(letterDraftKey)
	require.NoError(t, err)
	require.False(t, ok, "the draft is gone")
}
