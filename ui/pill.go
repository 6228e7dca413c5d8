package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// withAlpha is c with alpha a (for soft tints of a theme colour).
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// pill is a short word on a soft coloured pill ("Overdue", "Sent",
// "For supervision"). It is a widget, so it takes the theme's colours again when the
// theme changes.
type pill struct {
	widget.BaseWidget
	tint fyne.ThemeColorName
	bg   *canvas.Rectangle
	text *canvas.Text
	box  *fyne.Container
	wrap *fyne.Container
	// parent is the container the badge sits in, laid out again when the
	// badge changes size.
	parent *fyne.Container
}

// newPill makes an empty pill; set gives it its words and colour.
func newPill() *pill {
	b := &pill{bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	b.bg.CornerRadius = theme.InputRadiusSize() * 2
	b.bg.StrokeWidth = 1
	b.text.TextSize = theme.CaptionTextSize()
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	pad := theme.Padding()
	b.box = container.NewStack(b.bg, container.New(&insetLayout{x: pad * 2, y: pad / 2}, b.text))
	b.ExtendBaseWidget(b)
	b.wrap = container.NewCenter(b)
	return b
}

// set shows text on a pill tinted with the theme colour tint ("" hides it).
func (b *pill) set(text string, tint fyne.ThemeColorName) {
	if text == "" {
		if b.wrap.Visible() {
			b.wrap.Hide()
			b.relayout()
		}
		return
	}
	resized := b.text.Text != text || !b.wrap.Visible()
	b.text.Text = text
	b.tint = tint
	b.paint()
	b.Refresh()
	b.wrap.Show()
	b.wrap.Refresh()
	if resized {
		b.relayout()
	}
}

// relayout lays out the badge's container again, for its new size.
func (b *pill) relayout() {
	if b.parent != nil {
		b.parent.Refresh()
	}
}

// in places the badge in c (which must hold b.object()) and returns c.
func (b *pill) in(c *fyne.Container) *fyne.Container {
	b.parent = c
	return c
}

// paint takes the colours from the current theme.
func (b *pill) paint() {
	c := theme.Color(b.tint)
	b.text.Color = theme.Color(theme.ColorNameForeground)
	b.bg.FillColor = withAlpha(c, 0x2e)
	b.bg.StrokeColor = withAlpha(c, 0x80)
}

// CreateRenderer draws the pill.
func (b *pill) CreateRenderer() fyne.WidgetRenderer {
	return &pillRenderer{b: b}
}

type pillRenderer struct{ b *pill }

func (r *pillRenderer) Layout(s fyne.Size)           { r.b.box.Resize(s) }
func (r *pillRenderer) MinSize() fyne.Size           { return r.b.box.MinSize() }
func (r *pillRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.b.box} }
func (r *pillRenderer) Destroy()                     {}
func (r *pillRenderer) Refresh() {
	if r.b.tint != "" {
		r.b.paint()
	}
	r.b.bg.Refresh()
	r.b.text.Refresh()
	r.b.box.Refresh()
}

// object is the badge to place, at its natural size.
func (b *pill) object() fyne.CanvasObject { return b.wrap }
