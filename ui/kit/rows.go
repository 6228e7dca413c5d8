package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tapRow is a line of a card or a figures table that opens a record: it
// lights up under the mouse, can be reached with Tab and is opened with
// Enter or Space. A striped row is shaded, so that a long table is easy to
// follow. With a nil onTap the row only shows something and does not light
// up.
type TapRow struct {
	widget.BaseWidget
	Body    fyne.CanvasObject
	onTap   func()
	stripe  bool
	hovered bool
	focused bool
}

// newTapRow makes a row of body that calls onTap.
func NewTapRow(body fyne.CanvasObject, onTap func()) *TapRow {
	r := &TapRow{Body: body, onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

// striped shades the row when stripe is true (every other row of a
// table) and returns it.
func (r *TapRow) Striped(stripe bool) *TapRow {
	r.stripe = stripe
	return r
}

// Tapped opens the record.
func (r *TapRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// Cursor is the pointing hand, as for a link, when the row can be opened.
func (r *TapRow) Cursor() desktop.Cursor {
	if r.onTap == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// MouseIn lights the row up.
func (r *TapRow) MouseIn(*desktop.MouseEvent) { r.hovered = r.onTap != nil; r.Refresh() }

// MouseMoved does nothing.
func (r *TapRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut dims the row again.
func (r *TapRow) MouseOut() { r.hovered = false; r.Refresh() }

// FocusGained shows the row has the keyboard.
func (r *TapRow) FocusGained() { r.focused = true; r.Refresh() }

// FocusLost hides the focus mark.
func (r *TapRow) FocusLost() { r.focused = false; r.Refresh() }

// TypedRune opens the record on Space.
func (r *TapRow) TypedRune(c rune) {
	if c == ' ' {
		r.Tapped(nil)
	}
}

// TypedKey opens the record on Enter.
func (r *TapRow) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		r.Tapped(nil)
	}
}

// CreateRenderer draws the body over a background that shows the stripe,
// hover and focus.
func (r *TapRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	bg.CornerRadius = theme.InputRadiusSize()
	t := &tapRowRenderer{r: r, bg: bg, box: container.NewStack(bg, r.Body)}
	t.paint()
	return t
}

type tapRowRenderer struct {
	r   *TapRow
	bg  *canvas.Rectangle
	box *fyne.Container
}

func (t *tapRowRenderer) Layout(s fyne.Size)           { t.box.Resize(s) }
func (t *tapRowRenderer) MinSize() fyne.Size           { return t.box.MinSize() }
func (t *tapRowRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{t.box} }
func (t *tapRowRenderer) Destroy()                     {}
func (t *tapRowRenderer) Refresh() {
	t.paint()
	t.bg.Refresh()
	t.r.Body.Refresh()
}

// paint colours (or hides) the background for the row's state.
func (t *tapRowRenderer) paint() {
	t.bg.Show()
	switch {
	case t.r.focused:
		t.bg.FillColor = theme.Color(theme.ColorNameFocus)
	case t.r.hovered:
		t.bg.FillColor = theme.Color(theme.ColorNameHover)
	case t.r.stripe:
		t.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	default:
		t.bg.Hide()
	}
}

var (
	_ fyne.Tappable      = (*TapRow)(nil)
	_ fyne.Focusable     = (*TapRow)(nil)
	_ desktop.Hoverable  = (*TapRow)(nil)
	_ desktop.Cursorable = (*TapRow)(nil)
)
