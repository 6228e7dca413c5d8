// Package uifind finds widgets in a Fyne canvas for tests: the shell's own
// tests (package ui) and every section's (through ui/uitest) share it.
package uifind

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"
)

// walk visits every object under o, looking inside widgets through their
// renderers.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil {
		return true
	}
	if !visit(o) {
		return false
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if !Walk(c, visit) {
				return false
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if !Walk(c, visit) {
				return false
			}
		}
	}
	return true
}

// findButton finds a visible button whose text contains label.
func FindButton(t *testing.T, root fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	Walk(root, func(o fyne.CanvasObject) bool {
		if b := buttonOf(o); b != nil && strings.Contains(b.Text, label) && b.Visible() {
			found = b
			return false
		}
		return true
	})
	require.NotNil(t, found, "no button %q", label)
	return found
}

// entries returns the entries under root in order.
func Entries(root fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	Walk(root, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
		return true
	})
	return out
}

// hasText reports whether a visible label or text under root contains s.
func HasText(root fyne.CanvasObject, s string) bool {
	found := false
	Walk(root, func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return true
		}
		switch x := o.(type) {
		case *widget.Label:
			found = strings.Contains(x.Text, s)
		case *widget.RichText:
			found = strings.Contains(x.String(), s)
		}
		return !found
	})
	return found
}

// findCheck finds a check box whose text contains label.
func FindCheck(t *testing.T, root fyne.CanvasObject, label string) *widget.Check {
	t.Helper()
	var found *widget.Check
	Walk(root, func(o fyne.CanvasObject) bool {
		if c := checkOf(o); c != nil && strings.Contains(c.Text, label) {
			found = c
			return false
		}
		return true
	})
	require.NotNil(t, found, "no check box %q", label)
	return found
}

// checkOf is the check box o is, or the one it embeds (kit.Check), or nil.
func checkOf(o fyne.CanvasObject) *widget.Check { return embedded[widget.Check](o, "Check") }

// buttonOf is the button o is, or the one it embeds (kit.Button), or nil.
func buttonOf(o fyne.CanvasObject) *widget.Button { return embedded[widget.Button](o, "Button") }

// embedded is o as a *W, or the W that o embeds as its field name, or nil.
func embedded[W any](o fyne.CanvasObject, name string) *W {
	if w, ok := any(o).(*W); ok {
		return w
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName(name)
	if !f.IsValid() || f.Type() != reflect.TypeOf((*W)(nil)).Elem() || !f.CanAddr() {
		return nil
	}
	return f.Addr().Interface().(*W)
}
