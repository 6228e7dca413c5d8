package kit

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showError shows an error as a dialog in plain words, with a title saying
// what was being done.
func ShowError(w fyne.Window, what string, err error) {
	dialog.ShowError(errors.New(what+".\n\n"+Sentence(err)), w)
}
