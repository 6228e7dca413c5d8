package diary

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// Typing in a stored entry and waiting stores the change, in the diary's
// tables only, with the kit's note; a date taken out says it is needed,
// stores nothing in the entry (the typing is kept as a draft) and keeps
// the typing.
func TestDiaryAnEntrySavesItselfWithTheSameNoteAndSaysWhatIsMissing(t *testing.T) {
	uitest.SetFor(t, &diaryAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	id := diaryTestEntry(t, u, daysAgo(u, 2), "draft", "Slow down at the gate.")
	s := diaryTestScreen(t, u)
	u.Shell.Open(kit.Record(kit.Diary, id))
	ed := s.Editor
	require.NotNil(t, ed)
	require.Equal(t, kit.AutosaveNote, ed.savedNote.String())
	learning := -1
	for i, k := range ed.sectionKeys {
		if k == "learning" {
			learning = i
		}
	}
	require.GreaterOrEqual(t, learning, 0)
	before := uitest.Tables(t, u)

	ed.sections[learning].SetText("Slow down at the gate; book the longer slot.")
	uitest.Eventually(t, func() bool {
		e, err := u.Sess.Diary.Get(id)
		return err == nil && e.Section("learning") == "Slow down at the gate; book the longer slot."
	}, "the entry saves itself")
	require.Equal(t, kit.SavedNote(u.Env()), ed.savedNote.String())
	for _, table := range uitest.ChangedTables(before, uitest.Tables(t, u)) {
		require.Contains(t, []string{"diary", "diary_sections"}, table, "only the entry changed")
	}

	before = uitest.Tables(t, u)
	ed.date.SetText("")
	ed.sections[learning].SetText("Slow down at the gate; book the longer slot. Ask for a room.")
	want := kit.NotSavedNote("the date is needed")
	uitest.Eventually(t, func() bool { return ed.savedNote.String() == want }, "the note says the date is needed")
	require.Equal(t, []string{"drafts"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "the entry is untouched; the typing is kept as a draft")
	e, err := u.Sess.Diary.Get(id)
	require.NoError(t, err)
	require.Equal(t, "Slow down at the gate; book the longer slot.", e.Section("learning"))
}
