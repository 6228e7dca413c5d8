package ui

import (
	"fyne.io/fyne/v2"
)

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
