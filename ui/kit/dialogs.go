package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Questions and Escape handling shared by every screen's dialogs.

// confirm asks a question with two plainly named answers and shows it.
// body is at least 420 wide (a wrapped label: wrapped(text)). A dangerous
// yes is shown in red; Escape answers no. answer gets true for yes.
func Confirm(w fyne.Window, title string, body fyne.CanvasObject, yes, no string, danger bool, answer func(bool)) dialog.Dialog {
	d := dialog.NewCustomConfirm(title, yes, no, container.New(&AtLeastWidth{Width: 420}, body), answer, w)
	if danger {
		d.SetConfirmImportance(widget.DangerImportance)
	} else {
		d.SetConfirmImportance(widget.HighImportance)
	}
	EscapeCloses(w, d, nil)
	d.Show()
	return d
}

// ifYes is an answer for confirm that runs do only when the user says yes.
func IfYes(do func()) func(bool) {
	return func(yes bool) {
		if yes {
			do()
		}
	}
}

// escapeCloses lets Escape close d while nothing in it has the keyboard
// focus (Fyne's dialogs do not do this themselves). The focus leaves the
// form underneath; the window's key handler is put back when d closes, and
// then closed runs (when not nil).
func EscapeCloses(w fyne.Window, d dialog.Dialog, closed func()) {
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
