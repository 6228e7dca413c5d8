package contacts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/ui/kit"
)

// Small widgets of the contacts screens: a multi-line note that lets Tab
// move on, the name box with its suggestions, and the quiet panel of one
// woman's part of a write-up. (Entries that check themselves as the user
// leaves them, and captions with an error line, are in forms.go.)

// contactNoteEntry is a multi-line entry in which Tab moves to the next field
// instead of typing a tab, so a whole write-up can be done by keyboard.
type contactNoteEntry struct {
	widget.Entry
}

func newContactNoteEntry(placeholder string, rows int) *contactNoteEntry {
	e := &contactNoteEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(rows)
	return e
}

// AcceptsTab is false: Tab moves on to the next field.
func (e *contactNoteEntry) AcceptsTab() bool { return false }

// FocusGained brings the note into view.
func (e *contactNoteEntry) FocusGained() {
	e.Entry.FocusGained()
	kit.Reveal(e)
}

// contactFocusCheck is a check box that runs onFocus when it gains the
// focus (the first field of a woman's card, to scroll her whole card into
// view).
type contactFocusCheck struct {
	widget.Check
	onFocus func()
}

func newContactFocusCheck(label string, changed func(bool)) *contactFocusCheck {
	c := &contactFocusCheck{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained brings the check box into view.
func (c *contactFocusCheck) FocusGained() {
	c.Check.FocusGained()
	if c.onFocus != nil {
		c.onFocus()
	}
}

// contactKeyEntry is a one-line entry that hands Up, Down and Escape to onKey
// (to move through suggestions) before acting on them itself.
type contactKeyEntry struct {
	widget.Entry
	onKey func(fyne.KeyName) bool // true: handled
}

func newContactKeyEntry(placeholder string) *contactKeyEntry {
	e := &contactKeyEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

// FocusGained brings the name box into view (Tab comes back to it from
// the last woman's note).
func (e *contactKeyEntry) FocusGained() {
	e.Entry.FocusGained()
	kit.Reveal(e)
}

// TypedKey lets onKey handle the arrows and Escape first.
func (e *contactKeyEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyEscape:
		if e.onKey != nil && e.onKey(k.Name) {
			return
		}
	}
	e.Entry.TypedKey(k)
}

// contactSuggestRow is one line of a list of suggestions under an entry: tapped
// with the mouse, or highlighted with the arrow keys and taken with Enter.
// It is not focusable, so Tab skips it.
type contactSuggestRow struct {
	widget.BaseWidget
	text      string
	onTap     func()
	highlight bool
	bg        *canvas.Rectangle
	label     *widget.Label
}

func newContactSuggestRow(text string, onTap func()) *contactSuggestRow {
	r := &contactSuggestRow{text: text, onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped takes the suggestion.
func (r *contactSuggestRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

func (r *contactSuggestRow) setHighlight(on bool) {
	r.highlight = on
	r.Refresh()
}

// CreateRenderer draws the row's text over a highlight.
func (r *contactSuggestRow) CreateRenderer() fyne.WidgetRenderer {
	r.bg = canvas.NewRectangle(color.Transparent)
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.label = widget.NewLabel(r.text)
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.applyHighlight()
	return &contactSuggestRenderer{r: r, objs: []fyne.CanvasObject{r.bg, r.label}}
}

func (r *contactSuggestRow) applyHighlight() {
	if r.bg == nil {
		return
	}
	if r.highlight {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
		r.label.TextStyle = fyne.TextStyle{Bold: true}
	} else {
		r.bg.FillColor = color.Transparent
		r.label.TextStyle = fyne.TextStyle{}
	}
	r.label.SetText(r.text)
	r.bg.Refresh()
}

type contactSuggestRenderer struct {
	r    *contactSuggestRow
	objs []fyne.CanvasObject
}

func (s *contactSuggestRenderer) Layout(size fyne.Size) {
	for _, o := range s.objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}
func (s *contactSuggestRenderer) MinSize() fyne.Size {
	m := s.r.label.MinSize()
	return fyne.NewSize(m.Width, m.Height)
}
func (s *contactSuggestRenderer) Refresh()                     { s.r.applyHighlight(); s.r.label.Refresh() }
func (s *contactSuggestRenderer) Objects() []fyne.CanvasObject { return s.objs }
func (s *contactSuggestRenderer) Destroy()                     {}

// contactPanel is a quiet rounded background behind content, to group one
// woman's part of a write-up without the weight of a card.
func contactPanel(content fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	return container.NewStack(bg, container.NewPadded(content))
}
