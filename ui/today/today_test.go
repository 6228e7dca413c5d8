package today

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
	"inreach/ui/women"
)

// todayOf returns the Today screen, showing it (which refreshes it).
func todayOf(t *testing.T, u *ui.UI) *todayScreen {
	t.Helper()
	u.Shell.Show(kit.Today)
	s, ok := u.Shell.Screens[kit.Today].(*todayScreen)
	require.True(t, ok)
	return s
}

// tickBeside finds the check box on the same row as a label containing
// text.
func tickBeside(t *testing.T, root fyne.CanvasObject, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			return true
		}
		row, ok := c.Objects[0].(*kit.TapRow)
		if !ok || !uitest.HasText(row.Body, text) {
			return true
		}
		if box, ok := c.Objects[1].(*fyne.Container); ok && len(box.Objects) == 1 {
			if k, ok := box.Objects[0].(*kit.Check); ok {
				found = &k.Check
			}
		}
		return found == nil
	})
	require.NotNil(t, found, "no tick beside %q", text)
	return found
}

// tapRowWith finds the row that opens a record and shows text.
func tapRowWith(t *testing.T, root fyne.CanvasObject, text string) *kit.TapRow {
	t.Helper()
	var found *kit.TapRow
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*kit.TapRow); ok && uitest.HasText(r.Body, text) {
			found = r
			return false
		}
		return true
	})
	require.NotNil(t, found, "no row showing %q", text)
	return found
}

func TestTodayIsTheFirstScreenAndSaysWhenNothingIsDue(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	require.Equal(t, kit.Today, u.Shell.Current)
	require.True(t, uitest.HasText(u.Win.Content(), "You are all caught up"))
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a woman"))
	require.Equal(t, kit.Women, u.Shell.Current)
	require.NotNil(t, u.Shell.Screens[kit.Women].(*women.WomenScreen).Adding, "the form to add a woman is open")
}

func TestTodayListsAnOverdueActionAndMarkingItDoneRemovesIt(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := todayOf(t, u)
	root := s.Content()
	require.True(t, uitest.HasText(root, "Overdue"))
	require.True(t, uitest.HasText(root, "Chase the housing assessment date"))
	require.True(t, uitest.HasText(root, "was due "+kit.DateWords(uitest.DayFrom(u, -3), uitest.DayFrom(u, 0))+" (3 days ago)"))
	require.True(t, uitest.HasText(root, "Send a visiting order request for her sister"), "due this week")
	require.False(t, uitest.HasText(root, "Post stamps and writing paper"), "done actions are not listed")

	test.Tap(tickBeside(t, root, "Chase the housing assessment date"))
	a, err := u.Sess.Notes.GetAction(ids.Overdue)
	require.NoError(t, err)
	require.Equal(t, uitest.DayFrom(u, 0), a.DoneOn)
	require.False(t, uitest.HasText(s.Content(), "Chase the housing assessment date"), "the action leaves the list")
	require.False(t, uitest.HasText(s.Content(), "Overdue"))
	require.True(t, uitest.HasText(s.Content(), "Send a visiting order request for her sister"))
}

func TestTodayShowsReleasesTheNextVisitAndLetters(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	uitest.SeedCasework(t, u)
	root := todayOf(t, u).Content()
	// Dana's release in nine days, not confirmed, with seven of ten plan
	// items missing; Mariam's is 40 days off.
	require.True(t, uitest.HasText(root, "Dana Whitfield"))
	require.True(t, uitest.HasText(root, "Date not confirmed · 7 plan items missing"))
	require.True(t, uitest.HasText(root, "(in 9 days)"))
	require.False(t, uitest.HasText(root, "in 40 days"))
	// The next visit with both women booked.
	require.True(t, uitest.HasText(root, "HMP Eastwood Vale"))
	require.True(t, uitest.HasText(root, "Booked (2):"))
	require.True(t, uitest.HasText(root, "Mariam Okafor · B1937MO"))
	// Her letter waits for a reply.
	require.True(t, uitest.HasText(root, "Her letter came "+kit.DateWords(uitest.DayFrom(u, -6), uitest.DayFrom(u, 0))))
}

func TestTodayRowsOpenHerPage(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	root := todayOf(t, u).Content()
	test.Tap(tapRowWith(t, root, "Date not confirmed"))
	require.Equal(t, kit.Women, u.Shell.Current)
	ws := u.Shell.Screens[kit.Women].(*women.WomenScreen)
	require.Equal(t, ids.Dana, ws.Selected)
	require.NotNil(t, ws.Page)

	// Enter on a focused row opens it too.
	root = todayOf(t, u).Content()
	row := tapRowWith(t, root, "Mariam Okafor · B1937MO")
	u.Win.Canvas().Focus(row)
	row.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	require.Equal(t, ids.Mariam, ws.Selected)
}

func TestTodayRefreshesWhenShownAgain(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := todayOf(t, u)
	u.Shell.Show(kit.Women)
	a := notes.Action{PersonID: ids.Jo, Text: "Ring her about the food bank voucher", Due: uitest.DayFrom(u, 1)}
	require.NoError(t, u.Sess.Notes.SaveAction(&a))
	u.Shell.Show(kit.Today)
	require.True(t, uitest.HasText(s.Content(), "Ring her about the food bank voucher"))
}

func TestTodayListsTheOldestOverdueFirstAndShowsTheRestOnRequest(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	for i := 0; i < todayLinesShown+3; i++ {
		a := notes.Action{PersonID: ids.Jo, Text: fmt.Sprintf("Overdue task number %02d", i), Due: uitest.DayFrom(u, -100+i)}
		require.NoError(t, u.Sess.Notes.SaveAction(&a))
	}
	s := todayOf(t, u)
	require.True(t, uitest.HasText(s.Content(), "Overdue task number 00"))
	require.False(t, uitest.HasText(s.Content(), "Chase the housing assessment date"), "the newest overdue waits behind Show more")
	test.Tap(uitest.FindButton(t, s.Content(), "Show 4 more overdue"))
	require.True(t, uitest.HasText(s.Content(), "Chase the housing assessment date"))
	require.True(t, uitest.HasText(s.Content(), "Overdue task number 12"))
}
