package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
