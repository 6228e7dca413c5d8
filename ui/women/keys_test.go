package women

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// At 900×600 the woman form is much taller than its view: Tab from her
// name to the last field brings every field the keyboard reaches (select
// boxes and ticks too) wholly into view.
func TestTabbingThroughTheWomanFormKeepsEveryFieldInView(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := womenOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a woman"))
	u.Win.Resize(fyne.NewSize(900, 600))
	uitest.Relayout(u)
	f := s.Adding
	c := u.Win.Canvas()
	d := fyne.CurrentApp().Driver()

	// scrollOf is the innermost scroll holding o.
	scrollOf := func(o fyne.CanvasObject) *container.Scroll {
		var inner *container.Scroll
		uitest.Walk(u.Win.Content(), func(x fyne.CanvasObject) bool {
			if sc, ok := x.(*container.Scroll); ok {
				uitest.Walk(sc.Content, func(y fyne.CanvasObject) bool {
					if y == o {
						inner = sc
					}
					return inner != sc
				})
			}
			return true
		})
		return inner
	}
	c.Focus(f.name)
	form := scrollOf(f.name)
	require.NotNil(t, form)
	require.Greater(t, form.Content.MinSize().Height, 2*form.Size().Height, "the form is over two views tall")

	selects, checks, entries := 0, 0, 0
	for range 60 {
		uitest.PressTab(u, false)
		o, ok := c.Focused().(fyne.CanvasObject)
		require.True(t, ok)
		if scrollOf(o) != form {
			break // out of the form, to the buttons under it
		}
		y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(form).Y
		require.True(t, y >= 0 && y+o.Size().Height <= form.Size().Height, "%T at %.0f (view %.0f, scrolled %.0f) is in view",
			o, y, form.Size().Height, form.Offset.Y)
		switch o.(type) {
		case *kit.Select:
			selects++
		case *kit.Check:
			checks++
		case *kit.LeaveEntry:
			entries++
		}
	}
	require.Positive(t, form.Offset.Y, "the form scrolled")
	require.GreaterOrEqual(t, selects, 4, "her status, place, referral, ethnicity, offence")
	require.GreaterOrEqual(t, checks, 3, "the release date's tick and her sensitive flags")
	require.GreaterOrEqual(t, entries, 6)
}
