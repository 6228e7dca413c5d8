package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"
)

// In a narrow window the footer gives way: Delete… and the secondary
// actions take a row of their own above the note and the primary action,
// which stays at the bottom right, instead of the footer widening the
// window. With room, all of it is one row.
func TestTheFooterTakesTwoRowsWhenNarrowInsteadOfWideningTheWindow(t *testing.T) {
	test.NewTempApp(t)
	f := NewFooter(FooterOptions{OnPrimary: func() {}, OnClose: func() {}, OnDelete: func() {},
		Secondary: []fyne.CanvasObject{widget.NewButton("Log a reply", nil), widget.NewButton("Visit PDF…", nil)}})
	row := f.root.(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	all := f.left.MinSize().Width + footerNoteRoom + f.Primary.MinSize().Width + f.Close.MinSize().Width

	right := row.Objects[2]
	mid := func(o fyne.CanvasObject) float32 { return o.Position().Y + o.Size().Height/2 }
	row.Resize(fyne.NewSize(all+200, row.MinSize().Height))
	require.InDelta(t, mid(f.left), mid(right), 0.5, "one row when there is room")
	oneRowHeight := row.MinSize().Height

	narrow := all - 150
	require.LessOrEqual(t, row.MinSize().Width, narrow, "the footer never needs more than its widest group")
	row.Resize(fyne.NewSize(narrow, row.MinSize().Height))
	row.Resize(fyne.NewSize(narrow, row.MinSize().Height)) // the height follows the rows
	require.Greater(t, row.MinSize().Height, oneRowHeight, "two rows")
	require.Greater(t, right.Position().Y, f.left.Position().Y, "the buttons on the left go above")
	require.InDelta(t, narrow, right.Position().X+right.Size().Width, 0.5, "the primary action stays at the right")
}
