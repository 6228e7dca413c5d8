package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Layouts shared by the screens.

// atLeastWidth lays out its objects on top of each other, at least width
// wide (wider when they need it or the space allows) and at their natural
// height: a date entry that needs no more room, a column of figures that
// lines up, a dialog's text that should not be squeezed.
type atLeastWidth struct{ width float32 }

func (l *atLeastWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := l.width, float32(0)
	for _, o := range objs {
		m := o.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (l *atLeastWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// sized keeps o at least width wide.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.New(&atLeastWidth{width: width}, o)
}
