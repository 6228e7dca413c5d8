package diary

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// A supervisor's comment that wraps onto more lines keeps its box's size
// (it scrolls inside), so "Add action" below it stays under the pointer.
func TestAWrappingSupervisorCommentLeavesAddActionWhereItWas(t *testing.T) {
	diarySlowAutosave(t)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	date := daysAgo(u, 7)
	id := diaryTestEntry(t, u, date, "for_supervision", "Plan the release day earlier.")

	s := supervisionTestScreen(t, u)
	test.Tap(uitest.FindButton(t, s.Content(), "New session"))
	f := s.Form
	test.Tap(uitest.FindCheck(t, f.Content(), kit.ShortDate(date)))
	add := uitest.FindButton(t, f.Content(), "Add action")
	before := uitest.ScreenPos(u, add)

	test.Type(f.Picks[id].Comment, strings.Repeat("A long and careful comment that wraps onto the next line. ", 12))
	require.Equal(t, before, uitest.ScreenPos(u, add), "Add action did not move")
}
