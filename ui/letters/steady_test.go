package letters

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/ui/uitest"
)

// Ticking the prison-mail checklist fixes findings in the check above it;
// the list of findings must not shrink and pull the next tick up under
// the pointer.
func TestTickingTheChecklistLeavesTheNextTickWhereItWas(t *testing.T) {
	uitest.SetFor(t, &issueAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	_, ed := newsletterTestIssue(t, u, "A short note from the team.")
	uitest.Eventually(t, func() bool { return ed.is.ID != "" && !ed.Dirty && len(ed.side.report.Findings) > 1 }, "the check lists the unticked checklist")
	require.GreaterOrEqual(t, len(ed.side.checks), 2)

	for i := 0; i+1 < len(ed.side.checks); i++ {
		next := ed.side.checks[i+1]
		before := uitest.ScreenPos(u, next)
		found := len(ed.side.report.Findings)
		test.Tap(ed.side.checks[i])
		uitest.Eventually(t, func() bool { return !ed.Dirty && len(ed.side.report.Findings) < found }, "the check re-runs with one finding fewer")
		require.Equal(t, before, uitest.ScreenPos(u, next), "tick %d did not move after tick %d", i+2, i+1)
	}
}
