package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// withAlpha is c with alpha a (for soft tints of a theme colour).
func WithAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// pill is a short word on a soft coloured pill ("Overdue", "Sent",
// "For supervision"). It is a widget, so it takes the theme's colours again when the
// theme changes.
type Pill struct {
	widget.BaseWidget
	tint fyne.ThemeColorName
	bg   *canvas.Rectangle
	Text *canvas.Text
	box  *fyne.Container
	Wrap *fyne.Container
	// parent is the container the badge sits in, laid out again when the
	// badge changes size.
	parent *fyne.Container
}

// newPill makes an empty pill; set gives it its words and colour.
func NewPill() *Pill {
	b := &Pill{bg: canvas.NewRectangle(color.Transparent), Text: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	b.bg.CornerRadius = theme.InputRadiusSize() * 2
	b.bg.StrokeWidth = 1
	b.Text.TextSize = theme.CaptionTextSize()
	b.Text.TextStyle = fyne.TextStyle{Bold: true}
	pad := theme.Padding()
	b.box = container.NewStack(b.bg, container.New(&insetLayout{x: pad * 2, y: pad / 2}, b.Text))
	b.ExtendBaseWidget(b)
	b.Wrap = container.NewCenter(b)
	return b
}

// set shows text on a pill tinted with the theme colour tint ("" hides it).
func (b *Pill) Set(text string, tint fyne.ThemeColorName) {
	if text == "" {
		if b.Wrap.Visible() {
			b.Wrap.Hide()
			b.relayout()
		}
		return
	}
	resized := b.Text.Text != text || !b.Wrap.Visible()
	b.Text.Text = text
	b.tint = tint
	b.paint()
	b.Refresh()
	b.Wrap.Show()
	b.Wrap.Refresh()
	if resized {
		b.relayout()
	}
}

// relayout lays out the badge's container again, for its new size.
func (b *Pill) relayout() {
	if b.parent != nil {
		b.parent.Refresh()
	}
}

// in places the badge in c (which must hold b.object()) and returns c.
func (b *Pill) In(c *fyne.Container) *fyne.Container {
	b.parent = c
	return c
}

// paint takes the colours from the current theme.
func (b *Pill) paint() {
	c := theme.Color(b.tint)
	b.Text.Color = theme.Color(theme.ColorNameForeground)
	b.bg.FillColor = WithAlpha(c, 0x2e)
	b.bg.StrokeColor = WithAlpha(c, 0x80)
}

// CreateRenderer draws the pill.
func (b *Pill) CreateRenderer() fyne.WidgetRenderer {
	return &pillRenderer{b: b}
}

type pillRenderer struct{ b *Pill }

func (r *pillRenderer) Layout(s fyne.Size)           { r.b.box.Resize(s) }
func (r *pillRenderer) MinSize() fyne.Size           { return r.b.box.MinSize() }
func (r *pillRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.b.box} }
func (r *pillRenderer) Destroy()                     {}
func (r *pillRenderer) Refresh() {
	if r.b.tint != "" {
		r.b.paint()
	}
	r.b.bg.Refresh()
	r.b.Text.Refresh()
	r.b.box.Refresh()
}

// object is the badge to place, at its natural size.
func (b *Pill) Object() fyne.CanvasObject { return b.Wrap }
