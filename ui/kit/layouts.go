package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Layouts shared by the screens.

// atLeastWidth lays out its objects on top of each other, at least width
// wide (wider when they need it or the space allows) and at their natural
// height: a date entry that needs no more room, a column of figures that
// lines up, a dialog's text that should not be squeezed.
type AtLeastWidth struct{ Width float32 }

func (l *AtLeastWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := l.Width, float32(0)
	for _, o := range objs {
		m := o.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (l *AtLeastWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// sized keeps o at least width wide.
func Sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.New(&AtLeastWidth{Width: width}, o)
}

// stackLayout stacks the visible objects top to bottom at their natural
// heights and the full width, gap apart. A negative gap pulls them
// together: -theme.Padding() keeps a caption close to its field,
// -2*theme.Padding() makes the lines of a list row read as one.
type StackLayout struct{ Gap float32 }

func (l *StackLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		if n > 0 {
			h += l.Gap
		}
		h += m.Height
		n++
	}
	return fyne.NewSize(w, h)
}

func (l *StackLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		if n > 0 {
			y += l.Gap
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
		n++
	}
}

// tightStack stacks objects with their padding pulled in, so that the
// lines of a list row read as one.
func TightStack(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&StackLayout{Gap: -2 * theme.Padding()}, objs...)
}

// insetLayout pads one object by x left and right and y above and below.
type insetLayout struct{ x, y float32 }

func (l *insetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(m.Width+2*l.x, m.Height+2*l.y)
}

func (l *insetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.x, l.y))
		o.Resize(fyne.NewSize(size.Width-2*l.x, size.Height-2*l.y))
	}
}

// tightRowsLayout stacks objects (labels) closer than a VBox, trimming
// the inner padding they share.
type TightRowsLayout struct{}

func (l *TightRowsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		s := o.MinSize()
		w = max(w, s.Width)
		h += s.Height
		if i > 0 {
			h -= 2 * theme.Padding()
		}
	}
	return fyne.NewSize(w, h)
}

func (l *TightRowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		if i > 0 {
			y -= 2 * theme.Padding()
		}
		o.Resize(fyne.NewSize(size.Width, h))
		o.Move(fyne.NewPos(0, y))
		y += h
	}
}

// personDataRowLayout stacks a list row's two lines close together.
type PersonDataRowLayout struct{}

func (l *PersonDataRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height-theme.InnerPadding())
}

func (l *PersonDataRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a := objs[0].MinSize()
	objs[0].Resize(fyne.NewSize(size.Width, a.Height))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(size.Width, objs[1].MinSize().Height))
	objs[1].Move(fyne.NewPos(0, a.Height-theme.InnerPadding()))
}

// GrowOnly keeps the space its object has needed since the last Reset:
// when a list above other controls gets shorter (a finding fixed, an
// error cleared), what sits below it stays under the pointer instead of
// moving up. Reset it when the screen shows a different record.
type GrowOnly struct{ height float32 }

func (g *GrowOnly) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	g.height = max(g.height, s.Height)
	return fyne.NewSize(s.Width, g.height)
}

func (g *GrowOnly) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
	}
}

// Reset lets the space shrink to what the object needs now.
func (g *GrowOnly) Reset() { g.height = 0 }

// ListPaneWidth is the width of the list beside a record on every screen
// that has one.
const ListPaneWidth float32 = 300

// ListPane lays a screen out as its list, ListPaneWidth wide, beside the
// record shown, which takes the rest: one list width for every screen,
// and a window that narrows gives the space up from the record, not the
// list.
func ListPane(list, detail fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil,
		container.NewHBox(Sized(list, ListPaneWidth), widget.NewSeparator()), nil, detail)
}

// flowLayout places its objects in a row at their natural sizes and wraps
// them onto further rows when the width runs out: a row of fields or
// buttons that gives way in a narrow window instead of widening it.
type flowLayout struct{ width float32 }

// Flow is a row of objects that wraps onto more rows when narrow.
func Flow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flowLayout{}, objs...)
}

func (l *flowLayout) rows(objs []fyne.CanvasObject, width float32, place bool) (w, h float32) {
	gap := theme.Padding()
	x, y, rowH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		if x > 0 && width > 0 && x+m.Width > width {
			x, y, rowH = 0, y+rowH+gap, 0
		}
		if place {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + gap
		rowH = max(rowH, m.Height)
	}
	return w, y + rowH
}

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := l.rows(objs, l.width, false)
	return fyne.NewSize(w, h)
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.rows(objs, size.Width, true)
}

// fillRowLayout lays out a field and a button beside it: the field takes
// the width the button leaves, and when the two do not fit side by side
// the button goes under the field instead of widening the window.
type fillRowLayout struct{ width float32 }

// FillRow is main filling the row with trailing at its right, or, when
// narrow, trailing under main.
func FillRow(main, trailing fyne.CanvasObject) *fyne.Container {
	return container.New(&fillRowLayout{}, main, trailing)
}

func (l *fillRowLayout) fits(objs []fyne.CanvasObject, width float32) bool {
	return width <= 0 || objs[0].MinSize().Width+theme.Padding()+objs[1].MinSize().Width <= width
}

func (l *fillRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	if l.fits(objs, l.width) {
		return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Padding()+b.Height)
}

func (l *fillRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	a, b := objs[0].MinSize(), objs[1].MinSize()
	if l.fits(objs, size.Width) {
		objs[0].Move(fyne.NewPos(0, 0))
		objs[0].Resize(fyne.NewSize(size.Width-b.Width-theme.Padding(), size.Height))
		objs[1].Move(fyne.NewPos(size.Width-b.Width, 0))
		objs[1].Resize(fyne.NewSize(b.Width, size.Height))
		return
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, a.Height))
	objs[1].Move(fyne.NewPos(0, a.Height+theme.Padding()))
	objs[1].Resize(b)
}
