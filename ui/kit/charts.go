package kit

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The two small charts of the Reports screen, drawn with rectangles and
// text: columns (contacts per month) and horizontal bars with their labels
// and numbers (the women with each area of need). A bar can be tapped to
// list the records behind it.

// A reportsBar is one bar: its label, its value and the breakdown key the
// screen opens when it is tapped.
type ReportsBar struct {
	Label string
	Value int
	Key   string
}

// barColour is the bars' fill: the accent colour, a little softened.
func barColour() color.Color {
	c := color.NRGBAModel.Convert(theme.Color(theme.ColorNamePrimary)).(color.NRGBA)
	c.A = 0xd0
	return c
}

// ---- columns ----

// reportsColumnChart draws one column per bar, bottom-aligned, with the
// value above each column when there is room and the labels underneath
// (every few labels when they would crowd).
type ReportsColumnChart struct {
	widget.BaseWidget
	bars    []ReportsBar
	version int // counts SetBars, so the renderer rebuilds only for new data
	onTap   func(ReportsBar)
	// Peak, when above 0, is the value of a full-height column (a fixed
	// scale such as 10 for scores); otherwise the tallest column is.
	Peak int
	// Empty is what the chart says with no bars ("No contacts in this
	// period" when "").
	Empty string
}

func NewReportsColumnChart(onTap func(ReportsBar)) *ReportsColumnChart {
	c := &ReportsColumnChart{onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars shows new data.
func (c *ReportsColumnChart) SetBars(bars []ReportsBar) {
	c.bars = bars
	c.version++
	c.Refresh()
}

// Tapped opens the records behind the column under the pointer.
func (c *ReportsColumnChart) Tapped(e *fyne.PointEvent) {
	if c.onTap == nil || len(c.bars) == 0 || e == nil {
		return
	}
	slot := c.Size().Width / float32(len(c.bars))
	i := int(e.Position.X / slot)
	if i >= 0 && i < len(c.bars) {
		c.onTap(c.bars[i])
	}
}

// Cursor is the pointing hand: the columns open their records.
func (c *ReportsColumnChart) Cursor() desktop.Cursor {
	if c.onTap == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// CreateRenderer draws the chart.
func (c *ReportsColumnChart) CreateRenderer() fyne.WidgetRenderer {
	r := &columnRenderer{c: c, axis: canvas.NewLine(theme.Color(theme.ColorNameSeparator))}
	r.rebuild()
	return r
}

type columnRenderer struct {
	c       *ReportsColumnChart
	version int
	axis    *canvas.Line
	rects   []*canvas.Rectangle
	values  []*canvas.Text
	labels  []*canvas.Text
	empty   *canvas.Text
}

func (r *columnRenderer) rebuild() {
	r.version = r.c.version
	r.rects, r.values, r.labels = nil, nil, nil
	for _, b := range r.c.bars {
		rect := canvas.NewRectangle(barColour())
		rect.CornerRadius = 2
		r.rects = append(r.rects, rect)
		v := canvas.NewText(strconv.Itoa(b.Value), theme.Color(theme.ColorNameForeground))
		v.TextSize = theme.CaptionTextSize()
		v.Alignment = fyne.TextAlignCenter
		r.values = append(r.values, v)
		l := canvas.NewText(b.Label, theme.Color(theme.ColorNamePlaceHolder))
		l.TextSize = theme.CaptionTextSize()
		l.Alignment = fyne.TextAlignCenter
		r.labels = append(r.labels, l)
	}
	r.empty = nil
	if len(r.c.bars) == 0 {
		msg := r.c.Empty
		if msg == "" {
			msg = "No contacts in this period"
		}
		r.empty = canvas.NewText(msg, theme.Color(theme.ColorNamePlaceHolder))
		r.empty.TextSize = theme.CaptionTextSize()
	}
}

func (r *columnRenderer) MinSize() fyne.Size {
	return fyne.NewSize(max(200, float32(len(r.c.bars))*6), 150)
}

func (r *columnRenderer) Layout(size fyne.Size) {
	textH := fyne.MeasureText("0", theme.CaptionTextSize(), fyne.TextStyle{}).Height
	top, bottom := textH+2, textH+4
	plot := size.Height - top - bottom
	base := top + plot
	r.axis.Position1 = fyne.NewPos(0, base)
	r.axis.Position2 = fyne.NewPos(size.Width, base)
	r.axis.StrokeWidth = 1
	if r.empty != nil {
		s := r.empty.MinSize()
		r.empty.Move(fyne.NewPos((size.Width-s.Width)/2, base-s.Height-theme.Padding()))
	}
	n := len(r.c.bars)
	if n == 0 {
		return
	}
	peak := max(1, r.c.Peak)
	for _, b := range r.c.bars {
		peak = max(peak, b.Value)
	}
	slot := size.Width / float32(n)
	barW := min(max(1, slot*0.7), 56) // a few columns stay columns, not slabs
	// Show every step-th label so that they never overlap, and the values
	// only when they fit over their column.
	widest, widestValue := float32(0), float32(0)
	for i := range r.labels {
		widest = max(widest, r.labels[i].MinSize().Width)
		widestValue = max(widestValue, r.values[i].MinSize().Width)
	}
	step := int(math.Ceil(float64((widest + 6) / slot)))
	showValues := widestValue+2 <= slot
	for i, b := range r.c.bars {
		h := plot * float32(b.Value) / float32(peak)
		x := float32(i)*slot + (slot-barW)/2
		r.rects[i].Resize(fyne.NewSize(barW, h))
		r.rects[i].Move(fyne.NewPos(x, base-h))
		r.values[i].Resize(fyne.NewSize(slot, textH))
		r.values[i].Move(fyne.NewPos(float32(i)*slot, base-h-textH-1))
		if showValues && b.Value > 0 {
			r.values[i].Show()
		} else {
			r.values[i].Hide()
		}
		r.labels[i].Resize(fyne.NewSize(slot, textH))
		r.labels[i].Move(fyne.NewPos(float32(i)*slot, base+3))
		if step <= 1 || i%step == 0 {
			r.labels[i].Show()
		} else {
			r.labels[i].Hide()
		}
	}
	if !showValues {
		// Name the tallest column's value so the scale can be read.
		for i, b := range r.c.bars {
			if b.Value == peak {
				r.values[i].Show()
				break
			}
		}
	}
}

func (r *columnRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.axis}
	for i := range r.rects {
		objs = append(objs, r.rects[i], r.values[i], r.labels[i])
	}
	if r.empty != nil {
		objs = append(objs, r.empty)
	}
	return objs
}

func (r *columnRenderer) Refresh() {
	if r.version != r.c.version {
		r.rebuild()
	}
	// Follow the theme (light or dark) as well as the data.
	for i := range r.rects {
		r.rects[i].FillColor = barColour()
		r.values[i].Color = theme.Color(theme.ColorNameForeground)
		r.labels[i].Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	r.axis.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *columnRenderer) Destroy() {}

// ---- horizontal bars ----

// reportsBarList draws one row per bar: the label, a bar in proportion to
// the largest value, and the value. A row lights up under the pointer and
// opens the records behind it when tapped.
type ReportsBarList struct {
	widget.BaseWidget
	Bars    []ReportsBar
	version int // counts SetBars, so the renderer rebuilds only for new data
	onTap   func(ReportsBar)
	hover   int // row under the pointer, or -1
}

func NewReportsBarList(onTap func(ReportsBar)) *ReportsBarList {
	l := &ReportsBarList{onTap: onTap, hover: -1}
	l.ExtendBaseWidget(l)
	return l
}

// SetBars shows new data.
func (l *ReportsBarList) SetBars(bars []ReportsBar) {
	l.Bars = bars
	l.version++
	l.hover = -1
	l.Refresh()
}

func barRowHeight() float32 {
	return fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()/2 + 2
}

func (l *ReportsBarList) rowAt(y float32) int {
	i := int(y / barRowHeight())
	if i < 0 || i >= len(l.Bars) {
		return -1
	}
	return i
}

// Tapped opens the records behind the row under the pointer.
func (l *ReportsBarList) Tapped(e *fyne.PointEvent) {
	if l.onTap == nil || e == nil {
		return
	}
	if i := l.rowAt(e.Position.Y); i >= 0 {
		l.onTap(l.Bars[i])
	}
}

// Cursor is the pointing hand: the rows open their records.
func (l *ReportsBarList) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn lights up the row under the pointer.
func (l *ReportsBarList) MouseIn(e *desktop.MouseEvent) { l.MouseMoved(e) }

// MouseMoved follows the pointer from row to row.
func (l *ReportsBarList) MouseMoved(e *desktop.MouseEvent) {
	if i := l.rowAt(e.Position.Y); i != l.hover {
		l.hover = i
		l.Refresh()
	}
}

// MouseOut dims the rows again.
func (l *ReportsBarList) MouseOut() { l.hover = -1; l.Refresh() }

// CreateRenderer draws the rows.
func (l *ReportsBarList) CreateRenderer() fyne.WidgetRenderer {
	r := &barListRenderer{l: l, hover: canvas.NewRectangle(theme.Color(theme.ColorNameHover))}
	r.hover.CornerRadius = theme.InputRadiusSize()
	r.rebuild()
	return r
}

type barListRenderer struct {
	l       *ReportsBarList
	version int
	hover   *canvas.Rectangle
	labels  []*canvas.Text
	rects   []*canvas.Rectangle
	values  []*canvas.Text
}

func (r *barListRenderer) rebuild() {
	r.version = r.l.version
	r.labels, r.rects, r.values = nil, nil, nil
	for _, b := range r.l.Bars {
		t := canvas.NewText(b.Label, theme.Color(theme.ColorNameForeground))
		r.labels = append(r.labels, t)
		rect := canvas.NewRectangle(barColour())
		rect.CornerRadius = 2
		r.rects = append(r.rects, rect)
		v := canvas.NewText(strconv.Itoa(b.Value), theme.Color(theme.ColorNameForeground))
		v.TextStyle = fyne.TextStyle{Bold: true}
		r.values = append(r.values, v)
	}
}

// columns are the widths of the label and value columns.
func (r *barListRenderer) columns() (label, value float32) {
	for i := range r.labels {
		label = max(label, r.labels[i].MinSize().Width)
		value = max(value, r.values[i].MinSize().Width)
	}
	return label, value
}

func (r *barListRenderer) MinSize() fyne.Size {
	lw, vw := r.columns()
	return fyne.NewSize(lw+vw+80+4*theme.Padding(), float32(len(r.l.Bars))*barRowHeight())
}

func (r *barListRenderer) Layout(size fyne.Size) {
	rowH := barRowHeight()
	pad := theme.Padding()
	lw, vw := r.columns()
	track := max(20, size.Width-lw-vw-4*pad)
	peak := 1
	for _, b := range r.l.Bars {
		peak = max(peak, b.Value)
	}
	for i, b := range r.l.Bars {
		y := float32(i) * rowH
		th := r.labels[i].MinSize().Height
		r.labels[i].Move(fyne.NewPos(pad, y+(rowH-th)/2))
		w := track * float32(b.Value) / float32(peak)
		barH := rowH * 0.55
		r.rects[i].Resize(fyne.NewSize(w, barH))
		r.rects[i].Move(fyne.NewPos(lw+2*pad, y+(rowH-barH)/2))
		r.values[i].Move(fyne.NewPos(lw+2*pad+w+pad, y+(rowH-th)/2))
	}
	if h := r.l.hover; h >= 0 && h < len(r.l.Bars) {
		r.hover.Resize(fyne.NewSize(size.Width, rowH))
		r.hover.Move(fyne.NewPos(0, float32(h)*rowH))
		r.hover.Show()
	} else {
		r.hover.Hide()
	}
}

func (r *barListRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.hover}
	for i := range r.labels {
		objs = append(objs, r.labels[i], r.rects[i], r.values[i])
	}
	return objs
}

func (r *barListRenderer) Refresh() {
	if r.version != r.l.version {
		r.rebuild()
	}
	for i := range r.rects {
		r.labels[i].Color = theme.Color(theme.ColorNameForeground)
		r.rects[i].FillColor = barColour()
		r.values[i].Color = theme.Color(theme.ColorNameForeground)
	}
	r.hover.FillColor = theme.Color(theme.ColorNameHover)
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

func (r *barListRenderer) Destroy() {}

var (
	_ fyne.Tappable      = (*ReportsColumnChart)(nil)
	_ fyne.Tappable      = (*ReportsBarList)(nil)
	_ desktop.Hoverable  = (*ReportsBarList)(nil)
	_ desktop.Cursorable = (*ReportsBarList)(nil)
)
