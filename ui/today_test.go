package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
)

// todayOf returns the Today screen, showing it (which refreshes it).
func todayOf(t *testing.T, u *UI) *todayScreen {
	t.Helper()
	u.shell.show(Today)
	s, ok := u.shell.screens[Today].(*todayScreen)
	require.True(t, ok)
	return s
}

// tickBeside finds the check box on the same row as a label containing
// text.
func tickBeside(t *testing.T, root fyne.CanvasObject, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	walk(root, func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			return true
		}
		row, ok := c.Objects[0].(*tapRow)
		if !ok || !hasText(row.body, text) {
			return true
		}
		if box, ok := c.Objects[1].(*fyne.Container); ok && len(box.Objects) == 1 {
			found, _ = box.Objects[0].(*widget.Check)
		}
		return found == nil
	})
	require.NotNil(t, found, "no tick beside %q", text)
	return found
}

// tapRowWith finds the row that opens a record and shows text.
func tapRowWith(t *testing.T, root fyne.CanvasObject, text string) *tapRow {
	t.Helper()
	var found *tapRow
	walk(root, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*tapRow); ok && hasText(r.body, text) {
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
	openTestVault(t, u)
	require.Equal(t, Today, u.shell.current)
	require.True(t, hasText(u.win.Content(), "You are all caught up"))
	test.Tap(findButton(t, u.win.Content(), "Add a woman"))
	require.Equal(t, Women, u.shell.current)
	require.NotNil(t, u.shell.screens[Women].(*womenScreen).adding, "the form to add a woman is open")
}

func TestTodayListsAnOverdueActionAndMarkingItDoneRemovesIt(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := todayOf(t, u)
	root := s.Content()
	require.True(t, hasText(root, "Overdue"))
	require.True(t, hasText(root, "Chase the housing assessment date"))
	require.True(t, hasText(root, "was due "+dateWords(dayFrom(u, -3), dayFrom(u, 0))+" (3 days ago)"))
	require.True(t, hasText(root, "Send a visiting order request for her sister"), "due this week")
	require.False(t, hasText(root, "Post stamps and writing paper"), "done actions are not listed")

	test.Tap(tickBeside(t, root, "Chase the housing assessment date"))
	a, err := u.sess.Notes.GetAction(ids.overdue)
	require.NoError(t, err)
	require.Equal(t, dayFrom(u, 0), a.DoneOn)
	require.False(t, hasText(s.Content(), "Chase the housing assessment date"), "the action leaves the list")
	require.False(t, hasText(s.Content(), "Overdue"))
	require.True(t, hasText(s.Content(), "Send a visiting order request for her sister"))
}

func TestTodayShowsReleasesTheNextVisitAndLetters(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	seedCasework(t, u)
	root := todayOf(t, u).Content()
	// Dana's release in nine days, not confirmed, with seven of ten plan
	// items missing; Mariam's is 40 days off.
	require.True(t, hasText(root, "Dana Whitfield"))
	require.True(t, hasText(root, "Date not confirmed · 7 plan items missing"))
	require.True(t, hasText(root, "(in 9 days)"))
	require.False(t, hasText(root, "in 40 days"))
	// The next visit with both women booked.
	require.True(t, hasText(root, "HMP Eastwood Vale"))
	require.True(t, hasText(root, "Booked (2):"))
	require.True(t, hasText(root, "Mariam Okafor · B1937MO"))
	// Her letter waits for a reply.
	require.True(t, hasText(root, "Her letter came "+dateWords(dayFrom(u, -6), dayFrom(u, 0))))
}

func TestTodayRowsOpenHerPage(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	root := todayOf(t, u).Content()
	test.Tap(tapRowWith(t, root, "Date not confirmed"))
	require.Equal(t, Women, u.shell.current)
	ws := u.shell.screens[Women].(*womenScreen)
	require.Equal(t, ids.dana, ws.selected)
	require.NotNil(t, ws.page)

	// Enter on a focused row opens it too.
	root = todayOf(t, u).Content()
	row := tapRowWith(t, root, "Mariam Okafor · B1937MO")
	u.win.Canvas().Focus(row)
	row.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	require.Equal(t, ids.mariam, ws.selected)
}

func TestTodayRefreshesWhenShownAgain(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := todayOf(t, u)
	u.shell.show(Women)
	a := notes.Action{PersonID: ids.jo, Text: "Ring her about the food bank voucher", Due: dayFrom(u, 1)}
	require.NoError(t, u.sess.Notes.SaveAction(&a))
	u.shell.show(Today)
	require.True(t, hasText(s.Content(), "Ring her about the food bank voucher"))
}

func TestTodayListsTheOldestOverdueFirstAndShowsTheRestOnRequest(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	for i := 0; i < todayLinesShown+3; i++ {
		a := notes.Action{PersonID: ids.jo, Text: fmt.Sprintf("Overdue task number %02d", i), Due: dayFrom(u, -100+i)}
		require.NoError(t, u.sess.Notes.SaveAction(&a))
	}
	s := todayOf(t, u)
	require.True(t, hasText(s.Content(), "Overdue task number 00"))
	require.False(t, hasText(s.Content(), "Chase the housing assessment date"), "the newest overdue waits behind Show more")
	test.Tap(findButton(t, s.Content(), "Show 4 more overdue"))
	require.True(t, hasText(s.Content(), "Chase the housing assessment date"))
	require.True(t, hasText(s.Content(), "Overdue task number 12"))
}
