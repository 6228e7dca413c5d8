package kit

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"
)

// inView reports whether o is drawn wholly inside sc's visible part.
func inView(sc *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc).Y
	return y >= 0 && y+o.Size().Height <= sc.Size().Height
}

// longForm is a scrolling form of single-line, multi-line, growing and
// date fields, taller than the window, inside a card and a two-column
// widget form as screens build them.
func longForm() (*container.Scroll, []fyne.Focusable) {
	var fields []fyne.Focusable
	box := container.NewVBox()
	for i := range 12 {
		var f fyne.Focusable
		var o fyne.CanvasObject
		switch i % 4 {
		case 0:
			e := NewLeaveEntry(fmt.Sprintf("Field %d", i), nil)
			f, o = e, e
		case 1:
			e := NewLeaveEntry(fmt.Sprintf("Notes %d", i), nil).Lines(3)
			f, o = e, e
		case 2:
			e := NewGrowingEntry(fmt.Sprintf("Growing %d", i), 2, 6)
			f, o = e, e
		case 3:
			e := NewLeaveEntry("", nil)
			f, o = e, DateField(e, nil)
		}
		fields = append(fields, f)
		box.Add(widget.NewCard("", "", widget.NewForm(widget.NewFormItem(fmt.Sprintf("Label %d", i), o))))
	}
	return container.NewVScroll(container.NewPadded(box)), fields
}

// Tab and Shift+Tab through a form taller than the window: each field the
// keyboard reaches is scrolled wholly into view.
func TestTabbingThroughALongFormScrollsEachFieldIntoView(t *testing.T) {
	test.NewTempApp(t)
	sc, fields := longForm()
	w := test.NewTempWindow(t, sc)
	w.Resize(fyne.NewSize(500, 300))
	c := w.Canvas()

	c.Focus(fields[0])
	require.Zero(t, sc.Offset.Y, "the first field is in view as it is")
	moved := false
	for i := 1; i < len(fields); i++ {
		c.FocusNext()
		require.Same(t, fields[i], c.Focused())
		require.True(t, inView(sc, fields[i].(fyne.CanvasObject)), "field %d is in view after Tab", i)
		moved = moved || sc.Offset.Y > 0
	}
	require.True(t, moved, "the form scrolled")
	for i := len(fields) - 2; i >= 0; i-- {
		c.FocusPrevious()
		require.Same(t, fields[i], c.Focused())
		require.True(t, inView(sc, fields[i].(fyne.CanvasObject)), "field %d is in view after Shift+Tab", i)
	}
	require.Less(t, sc.Offset.Y, theme.Padding()*4, "back near the top")
}

// A field already in view does not move the form.
func TestFocusingAFieldInViewLeavesTheScrollWhereItIs(t *testing.T) {
	test.NewTempApp(t)
	sc, fields := longForm()
	w := test.NewTempWindow(t, sc)
	w.Resize(fyne.NewSize(500, 300))
	c := w.Canvas()

	c.Focus(fields[5])
	off := sc.Offset
	require.Positive(t, off.Y)
	// Another field wholly in view: the one just before, if it is.
	for _, f := range fields {
		if f != fields[5] && inView(sc, f.(fyne.CanvasObject)) {
			c.Focus(f)
			require.Equal(t, off, sc.Offset, "nothing moved for a field in view")
		}
	}
	c.Focus(fields[5])
	require.Equal(t, off, sc.Offset)
}

// In a dialog over the window, the dialog's own scroll moves, not the
// window's.
func TestRevealScrollsTheDialogThatHoldsTheField(t *testing.T) {
	test.NewTempApp(t)
	back, _ := longForm()
	w := test.NewTempWindow(t, back)
	w.Resize(fyne.NewSize(600, 500))
	sc, fields := longForm()
	d := dialog.NewCustom("Long", "Close", container.New(&AtLeastWidth{Width: 400}, sc), w)
	d.Resize(fyne.NewSize(500, 400))
	d.Show()
	last := fields[len(fields)-1]
	w.Canvas().Focus(last)
	require.True(t, inView(sc, last.(fyne.CanvasObject)), "the dialog's field is in view")
	require.Zero(t, back.Offset.Y, "the window behind did not move")
}
