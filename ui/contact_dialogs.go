package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// contactConfirm asks before something that cannot be undone; the
// dangerous choice is red, and Escape keeps things as they are.
func contactConfirm(w fyne.Window, title, message, yes, no string, onYes func()) {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, yes, no, container.New(&maxWidth{width: 420}, l), func(ok bool) {
		if ok {
			onYes()
		}
	}, w)
	d.SetConfirmImportance(widget.DangerImportance)
	contactEscapeCloses(w, d, nil)
	d.Show()
}

// contactEscapeCloses lets Escape close d while nothing in it has the
// keyboard focus (Fyne's dialogs do not do this themselves): the focus
// leaves the form underneath, and the window's key handler is restored
// when d closes, then closed runs (if not nil).
func contactEscapeCloses(w fyne.Window, d dialog.Dialog, closed func()) {
	c := w.Canvas()
	prev := c.OnTypedKey()
	c.Unfocus()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			d.Hide()
			return
		}
		if prev != nil {
			prev(k)
		}
	})
	d.SetOnClosed(func() {
		c.SetOnTypedKey(prev)
		if closed != nil {
			closed()
		}
	})
}

// contactDialogCheck is a check box in a dialog: Escape or Enter on it
// closes the dialog, so choosing by keyboard ends where it started.
type contactDialogCheck struct {
	widget.Check
	close func()
}

func newContactDialogCheck(label string, changed func(bool)) *contactDialogCheck {
	c := &contactDialogCheck{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey closes the dialog on Escape or Enter.
func (c *contactDialogCheck) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		if c.close != nil {
			c.close()
			return
		}
	}
	c.Check.TypedKey(k)
}
