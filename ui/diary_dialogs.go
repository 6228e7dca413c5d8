package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// diaryConfirm asks a question with two plainly named answers; Escape
// answers no. A dangerous yes is shown in red.
func diaryConfirm(w fyne.Window, title, message, yes, no string, danger bool, answer func(bool)) {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, yes, no, container.New(&maxWidth{width: 420}, l), answer, w)
	if danger {
		d.SetConfirmImportance(widget.DangerImportance)
	}
	diaryEscapeCloses(w, d)
	d.Show()
}

// diaryEscapeCloses lets Escape close d while no field in it has the
// keyboard focus (Fyne's dialogs do not do this themselves). The window's
// key handler is put back when d closes.
func diaryEscapeCloses(w fyne.Window, d dialog.Dialog) {
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
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}

// diaryDialogEntry is a one-line entry in a dialog: Enter runs onEnter and
// Escape runs onEscape, so a dialog can be finished from the keyboard.
type diaryDialogEntry struct {
	diaryLeaveEntry
	onEnter, onEscape func()
}

func newDiaryDialogEntry(placeholder string) *diaryDialogEntry {
	e := &diaryDialogEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

// TypedKey handles Enter and Escape, and passes other keys on.
func (e *diaryDialogEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.onEnter != nil {
			e.onEnter()
			return
		}
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
			return
		}
	}
	e.diaryLeaveEntry.TypedKey(k)
}
