package letters

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// A newsletter issue saves itself with the kit's note; a title taken out
// says it is needed, stores nothing in the issue (the typing is kept as a
// draft) and keeps the typing.
func TestAnIssueSavesItselfWithTheSameNoteAndSaysWhatIsMissing(t *testing.T) {
	uitest.SetFor(t, &issueAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	_, ed := newsletterTestIssue(t, u, "Warm wishes from the team.")
	uitest.Eventually(t, func() bool { return ed.is.ID != "" && !ed.Dirty }, "the issue saves itself")
	require.Equal(t, kit.SavedNote(u.Env()), ed.savedNote.String())

	before := uitest.Tables(t, u)
	ed.title.SetText("")
	ed.cards[0].body.SetText("Warm wishes from all the team.")
	want := kit.NotSavedNote("the title is needed")
	uitest.Eventually(t, func() bool { return ed.savedNote.String() == want }, "the note says the title is needed")
	require.Equal(t, []string{"drafts"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "the issue is untouched; the typing is kept as a draft")
	require.Equal(t, "Warm wishes from all the team.", ed.cards[0].body.Text)
}
