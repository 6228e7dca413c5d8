package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Reveal scrolls the innermost scroll container that holds obj, in its
// window's content or in a dialog over it, so that obj is wholly in view
// with a little margin around it. It does nothing when obj is already in
// view, or is not in a scroll container. kit's entries call it as they get
// the keyboard, so the field Tab, Shift+Tab or a form's "first problem"
// moves to is never out of sight.
func Reveal(obj fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(obj)
	if c == nil {
		return
	}
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	// The topmost layer first: a dialog over the window holds the focus.
	for i := len(roots) - 1; i >= 0; i-- {
		if sc, found := scrollHolding(roots[i], obj, nil, false); found {
			if sc != nil {
				scrollInto(sc, obj)
			}
			return
		}
	}
	// obj is inside a widget whose parts Reveal cannot list (a form, a
	// list): the scroll holding that widget, found by where it is drawn.
	for i := len(roots) - 1; i >= 0; i-- {
		if sc, found := scrollHolding(roots[i], obj, nil, true); found {
			if sc != nil {
				scrollInto(sc, obj)
			}
			return
		}
	}
}

// scrollHolding looks for obj under o, and reports the innermost vertical
// scroll container on the way to it (inner is the innermost one above o).
// With byPlace, a widget whose parts are not listed counts as holding obj
// when obj is drawn inside it.
func scrollHolding(o, obj fyne.CanvasObject, inner *container.Scroll, byPlace bool) (*container.Scroll, bool) {
	if o == nil || !o.Visible() {
		return nil, false
	}
	if o == obj {
		return inner, true
	}
	if sc, ok := o.(*container.Scroll); ok && sc.Direction != container.ScrollHorizontalOnly && sc.Direction != container.ScrollNone {
		inner = sc
	}
	kids, known := parts(o)
	for _, k := range kids {
		if sc, found := scrollHolding(k, obj, inner, byPlace); found {
			return sc, true
		}
	}
	if !known && byPlace {
		if _, isWidget := o.(fyne.Widget); isWidget && drawnInside(obj, o) {
			return inner, true
		}
	}
	return nil, false
}

// parts are the objects a container or a known widget shows; known is
// false for a widget whose parts are its own.
func parts(o fyne.CanvasObject) ([]fyne.CanvasObject, bool) {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects, true
	case *container.Scroll:
		return []fyne.CanvasObject{x.Content}, true
	case *widget.Card:
		return []fyne.CanvasObject{x.Content}, true
	case *widget.PopUp:
		return []fyne.CanvasObject{x.Content}, true
	case *container.Split:
		return []fyne.CanvasObject{x.Leading, x.Trailing}, true
	case *container.AppTabs:
		if sel := x.Selected(); sel != nil {
			return []fyne.CanvasObject{sel.Content}, true
		}
		return nil, true
	case *container.DocTabs:
		if sel := x.Selected(); sel != nil {
			return []fyne.CanvasObject{sel.Content}, true
		}
		return nil, true
	case *widget.Form:
		var out []fyne.CanvasObject
		for _, it := range x.Items {
			out = append(out, it.Widget)
		}
		return out, true
	}
	return nil, false
}

// drawnInside reports whether obj is drawn within the bounds of o.
func drawnInside(obj, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	p, q := d.AbsolutePositionForObject(obj), d.AbsolutePositionForObject(o)
	return p.X >= q.X && p.Y >= q.Y &&
		p.X+obj.Size().Width <= q.X+o.Size().Width+1 && p.Y+obj.Size().Height <= q.Y+o.Size().Height+1
}

// scrollInto scrolls sc as little as it can so that o (inside it) is in
// view with a margin; nothing moves when it already is.
func scrollInto(sc *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	margin := 2 * theme.Padding()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc.Content).Y
	bottom := top + o.Size().Height
	view := sc.Size().Height
	y := sc.Offset.Y
	switch {
	case top-margin < y:
		y = top - margin
	case bottom+margin > y+view:
		y = min(top-margin, bottom+margin-view)
	default:
		return
	}
	y = max(0, min(y, sc.Content.Size().Height-view))
	if y != sc.Offset.Y {
		sc.ScrollToOffset(fyne.NewPos(sc.Offset.X, y))
	}
}

// SelectEntry is an entry with a list of choices that scrolls itself into
// view as it gets the keyboard, as kit's other entries do. (Fyne gives no
// way to follow the focus from outside a widget, so a plain Select or
// Check box does not.)
type SelectEntry struct{ widget.SelectEntry }

// NewSelectEntry is a SelectEntry offering options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	return e
}

// FocusGained scrolls the field into view.
func (e *SelectEntry) FocusGained() {
	e.SelectEntry.FocusGained()
	Reveal(e)
}

// Select is a select box that scrolls itself into view as it gets the
// keyboard (see SelectEntry).
type Select struct{ widget.Select }

// NewSelect is a Select of options that runs changed when one is chosen.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained scrolls the select box into view.
func (s *Select) FocusGained() {
	s.Select.FocusGained()
	Reveal(s)
}

// Check is a check box that scrolls itself into view as it gets the
// keyboard (see SelectEntry).
type Check struct{ widget.Check }

// NewCheck is a Check labelled label that runs changed when ticked or
// unticked.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained scrolls the check box into view.
func (c *Check) FocusGained() {
	c.Check.FocusGained()
	Reveal(c)
}

// Button is a button that scrolls itself into view as it gets the
// keyboard (see SelectEntry): one inside a form, such as "Add new…" under
// a field that has wrapped in a narrow window.
type Button struct{ widget.Button }

// NewButton is a Button with an icon (nil for none) that runs tapped.
func NewButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained scrolls the button into view.
func (b *Button) FocusGained() {
	b.Button.FocusGained()
	Reveal(b)
}
