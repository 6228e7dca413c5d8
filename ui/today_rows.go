package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tapRow is a line of a card that opens a record: it lights up under the
// mouse, can be reached with Tab and opened with Enter or Space.
type tapRow struct {
	widget.BaseWidget
	body    fyne.CanvasObject
	onTap   func()
	hovered bool
	focused bool
}

// newTapRow makes a row of body that calls onTap.
func newTapRow(body fyne.CanvasObject, onTap func()) *tapRow {
	r := &tapRow{body: body, onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped opens the record.
func (r *tapRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// Cursor is the pointing hand, as for a link.
func (r *tapRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn lights the row up.
func (r *tapRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.Refresh() }

// MouseMoved does nothing.
func (r *tapRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut dims the row again.
func (r *tapRow) MouseOut() { r.hovered = false; r.Refresh() }

// FocusGained shows the row has the keyboard.
func (r *tapRow) FocusGained() { r.focused = true; r.Refresh() }

// FocusLost hides the focus mark.
func (r *tapRow) FocusLost() { r.focused = false; r.Refresh() }

// TypedRune opens the record on Space.
func (r *tapRow) TypedRune(c rune) {
	if c == ' ' {
		r.Tapped(nil)
	}
}

// TypedKey opens the record on Enter.
func (r *tapRow) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		r.Tapped(nil)
	}
}

// CreateRenderer draws the body over a background that shows hover and
// focus.
func (r *tapRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.Hide()
	return &tapRowRenderer{r: r, bg: bg, box: container.NewStack(bg, r.body)}
}

type tapRowRenderer struct {
	r   *tapRow
	bg  *canvas.Rectangle
	box *fyne.Container
}

func (t *tapRowRenderer) Layout(s fyne.Size)           { t.box.Resize(s) }
func (t *tapRowRenderer) MinSize() fyne.Size           { return t.box.MinSize() }
func (t *tapRowRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{t.box} }
func (t *tapRowRenderer) Destroy()                     {}
func (t *tapRowRenderer) Refresh() {
	switch {
	case t.r.focused:
		t.bg.FillColor = theme.Color(theme.ColorNameFocus)
		t.bg.Show()
	case t.r.hovered:
		t.bg.FillColor = theme.Color(theme.ColorNameHover)
		t.bg.Show()
	default:
		t.bg.Hide()
	}
	t.bg.Refresh()
	t.r.body.Refresh()
}

var (
	_ fyne.Tappable      = (*tapRow)(nil)
	_ fyne.Focusable     = (*tapRow)(nil)
	_ desktop.Hoverable  = (*tapRow)(nil)
	_ desktop.Cursorable = (*tapRow)(nil)
)

// twoLines is a bold first line and a quieter second line, close together.
// A second line of "" is left out.
func twoLines(first, second string, secondImportance widget.Importance) fyne.CanvasObject {
	a := widget.NewLabelWithStyle(first, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.Wrapping = fyne.TextWrapWord
	if second == "" {
		return a
	}
	b := widget.NewLabel(second)
	b.Wrapping = fyne.TextWrapWord
	b.Importance = secondImportance
	return container.New(&tightRowsLayout{}, a, b)
}
