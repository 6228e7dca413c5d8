package letters

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/schema"
	"inreach/ui/kit"
)

// Small pieces of the Letters and Newsletter tabs: short dates, issue
// statuses, the tinted tappable panel of the issue check, and a check box
// whose words wrap. The helpers every screen shares are in forms.go,
// dialogs.go, text.go, layouts.go, pill.go, rows.go and lists.go.

// lettersDayMonth shows a date as "12 Dec", with the year when it is not
// the year of today.
func lettersDayMonth(d, today string) string {
	t, err := time.Parse(schema.DateLayout, d)
	if err != nil {
		return d
	}
	if len(today) >= 4 && strings.HasPrefix(d, today[:4]) {
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}

// lettersAddDays is date d plus n days ("" when d is not a date).
func lettersAddDays(d string, n int) string {
	t, err := time.Parse(schema.DateLayout, d)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format(schema.DateLayout)
}

// newsletterStatusTint is the colour of an issue's status badge.
func newsletterStatusTint(status string) fyne.ThemeColorName {
	switch status {
	case "ready":
		return theme.ColorNamePrimary
	case "sent":
		return theme.ColorNameSuccess
	}
	return theme.ColorNameDisabled
}

// newsletterStatusWords is a status in words ("Draft").
func newsletterStatusWords(status string) string {
	if status == "" {
		status = "draft"
	}
	return schema.NewsletterStatus.Label(status)
}

// lettersLine is a label cut with "…" when it runs out of room.
func lettersLine(bold bool) *widget.Label {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// lettersTapRow is a row that lights up under the mouse and runs onTap
// when tapped, or when it has the keyboard focus and Enter or Space is
// pressed.
type lettersTapRow struct {
	widget.BaseWidget
	body    fyne.CanvasObject
	onTap   func()
	tint    fyne.ThemeColorName
	hovered bool
	focused bool
	bg      *canvas.Rectangle
}

func newLettersTapRow(body fyne.CanvasObject, tint fyne.ThemeColorName, onTap func()) *lettersTapRow {
	r := &lettersTapRow{body: body, onTap: onTap, tint: tint}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped runs the row's action.
func (r *lettersTapRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// Cursor is the pointing hand.
func (r *lettersTapRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn lights the row up.
func (r *lettersTapRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.paint() }

// MouseMoved does nothing.
func (r *lettersTapRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut dims the row again.
func (r *lettersTapRow) MouseOut() { r.hovered = false; r.paint() }

// FocusGained shows the row has the keyboard.
func (r *lettersTapRow) FocusGained() { r.focused = true; r.paint() }

// FocusLost dims the row.
func (r *lettersTapRow) FocusLost() { r.focused = false; r.paint() }

// TypedRune runs the action on Space.
func (r *lettersTapRow) TypedRune(c rune) {
	if c == ' ' {
		r.Tapped(nil)
	}
}

// TypedKey runs the action on Enter.
func (r *lettersTapRow) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		r.Tapped(nil)
	}
}

func (r *lettersTapRow) paint() {
	if r.bg == nil {
		return
	}
	a := uint8(0x14)
	if r.hovered || r.focused {
		a = 0x30
	}
	r.bg.FillColor = kit.WithAlpha(theme.Color(r.tint), a)
	r.bg.StrokeColor = kit.WithAlpha(theme.Color(r.tint), 0x60)
	if r.focused {
		r.bg.StrokeWidth = 2
	} else {
		r.bg.StrokeWidth = 0
	}
	r.bg.Refresh()
}

// CreateRenderer draws the body on a soft tinted panel.
func (r *lettersTapRow) CreateRenderer() fyne.WidgetRenderer {
	r.bg = canvas.NewRectangle(color.Transparent)
	r.bg.CornerRadius = theme.InputRadiusSize() * 2
	r.paint()
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.body))
}

// lettersCheck is a check box whose words wrap beside it (a plain check
// box never wraps, and is cut off in a narrow column). Tapping the words
// ticks it too.
type lettersCheck struct {
	widget.Check
	// Label is the words beside the box.
	Label string
}

// newLettersWrapCheck makes the check box and the row to place.
func newLettersWrapCheck(label string, changed func(bool)) (*lettersCheck, fyne.CanvasObject) {
	c := &lettersCheck{Label: label}
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	words := &lettersTapLabel{onTap: func() { c.SetChecked(!c.Checked) }}
	words.label = kit.Wrapped(label)
	words.ExtendBaseWidget(words)
	return c, container.NewBorder(nil, nil, container.NewVBox(c), nil, words)
}

// lettersTapLabel is wrapping text that runs onTap when tapped.
type lettersTapLabel struct {
	widget.BaseWidget
	label *widget.Label
	onTap func()
}

// Tapped runs onTap.
func (l *lettersTapLabel) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

// Cursor is the pointing hand.
func (l *lettersTapLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer draws the label.
func (l *lettersTapLabel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.label)
}
