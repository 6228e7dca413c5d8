package directory

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/ui/uitest"
)

// Tab leaves the agency's Services for the next field, and Shift+Tab comes
// back, without a tab typed into the text.
func TestTabLeavesTheAgencyServicesForTheNextField(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := directoryOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add an agency"))
	f := s.form
	c := u.Win.Canvas()

	uitest.TypeInto(u, f.services, "Drop-in and key work")
	uitest.PressTab(u, false)
	require.Same(t, f.keyContact, c.Focused(), "Tab moved on to Key contact")
	require.Equal(t, "Drop-in and key work", f.services.Text, "no tab was typed")

	uitest.PressTab(u, true)
	require.Same(t, f.services, c.Focused(), "Shift+Tab came back to Services")
	uitest.PressTab(u, true)
	require.Same(t, f.area, c.Focused(), "and on back to Area")
	require.Equal(t, "Drop-in and key work", f.services.Text)

	// Notes, the last field, hands Tab on too: to the Cancel button.
	c.Focus(f.notesText)
	uitest.PressTab(u, false)
	require.NotSame(t, f.notesText, c.Focused())
	require.Empty(t, f.notesText.Text)
}

// At 900×600 the agency form is taller than its scroll: Tab from the top
// to the last field and back brings each field wholly into view.
func TestTabbingThroughTheAgencyFormKeepsEachFieldInView(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := directoryOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add an agency"))
	u.Win.Resize(fyne.NewSize(900, 600))
	uitest.Relayout(u)
	f := s.form
	var sc *container.Scroll
	uitest.Walk(f.root, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*container.Scroll); ok && sc == nil {
			sc = x
		}
		return true
	})
	require.NotNil(t, sc)
	require.Greater(t, sc.Content.MinSize().Height, sc.Size().Height, "the form is taller than its view")
	d := fyne.CurrentApp().Driver()
	inView := func(o fyne.CanvasObject) bool {
		y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc).Y
		return y >= 0 && y+o.Size().Height <= sc.Size().Height
	}
	c := u.Win.Canvas()
	// tabTo presses Tab (or Shift+Tab) until want has the keyboard,
	// passing the buttons on the way (the category's list, "Checked
	// today").
	tabTo := func(want fyne.CanvasObject, back bool) {
		t.Helper()
		for range 3 {
			uitest.PressTab(u, back)
			if fo, ok := c.Focused().(fyne.CanvasObject); ok && fo == want {
				return
			}
		}
		require.Fail(t, "Tab did not reach the field")
	}
	c.Focus(f.name)
	require.True(t, inView(f.name))
	fields := []fyne.CanvasObject{f.category, f.area, f.services, f.keyContact, f.phone, f.email, f.website, f.lastChecked, f.notesText}
	for i, want := range fields {
		tabTo(want, false)
		require.True(t, inView(want), "field %d is in view", i)
	}
	require.True(t, inView(f.notesText), "Notes, at the bottom, is in view")
	require.Positive(t, sc.Offset.Y, "the form scrolled down")
	bottom := sc.Offset
	c.Focus(f.website)
	require.True(t, inView(f.website))
	require.Equal(t, bottom, sc.Offset, "a field already in view does not move the form")
	c.Focus(f.notesText)
	for i := len(fields) - 2; i >= 0; i-- {
		tabTo(fields[i], true)
		require.True(t, inView(fields[i]), "field %d is in view after Shift+Tab", i)
	}
	tabTo(f.name, true)
	require.True(t, inView(f.name), "and up to the name")
}
