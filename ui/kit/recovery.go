package kit

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/pdf"
	"inreach/vault"
)

// RecoveryKeyBox shows a recovery key the one time it is shown: the key,
// what it is for, a button to save the printable recovery sheet (written
// with WritePrivate), and a check "I have printed or written down the
// recovery key" that enables the button labelled next, which runs done.
// today is the date printed on the sheet.
func RecoveryKeyBox(w fyne.Window, key, vaultPath, today, next string, done func()) fyne.CanvasObject {
	keyLabel := widget.NewLabelWithStyle(RecoveryKeyLines(key), fyne.TextAlignCenter, fyne.TextStyle{Monospace: true, Bold: true})
	keyLabel.SizeName = theme.SizeNameSubHeadingText
	explain := Wrapped("This recovery key opens your notebook if the passphrase is ever forgotten. " +
		"It is shown only this once. Print it or write it down, and keep it locked away, apart from this computer.")

	save := widget.NewButtonWithIcon("Save recovery sheet as PDF…", theme.DocumentSaveIcon(), func() {
		ReportsChooseFile(w, "inreach-recovery-sheet.pdf", func(wc fyne.URIWriteCloser) {
			b, err := pdf.RecoverySheet(key, vaultPath, today)
			var path string
			if err == nil {
				path, err = WritePrivate(wc, b)
			} else {
				path = wc.URI().Path()
				wc.Close()
			}
			if err != nil {
				RemoveIfEmpty(path)
				ShowError(w, "The recovery sheet could not be saved", err)
				return
			}
			dialog.ShowInformation("Recovery sheet saved", "It is at "+path+
				".\nPrint it, keep the paper somewhere safe, then delete the file.", w)
		})
	})
	cont := widget.NewButtonWithIcon(next, theme.NavigateNextIcon(), done)
	cont.Importance = widget.HighImportance
	cont.Disable()
	check := widget.NewCheck("I have printed or written down the recovery key", func(on bool) {
		if on {
			cont.Enable()
		} else {
			cont.Disable()
		}
	})
	return container.NewVBox(
		Heading("Your recovery key"),
		explain,
		widget.NewCard("", "", keyLabel),
		save,
		widget.NewSeparator(),
		check,
		cont,
	)
}

// RecoveryKeyLines breaks a recovery key into two lines at a group
// boundary, so that no group of four is split when it is copied down by
// hand.
func RecoveryKeyLines(key string) string {
	groups := strings.Split(key, "-")
	if len(groups) < 8 {
		return key
	}
	half := (len(groups) + 1) / 2
	return strings.Join(groups[:half], "-") + "-\n" + strings.Join(groups[half:], "-")
}

// PassphraseWarning is a label that shows, as a new passphrase is typed,
// how weak it is (vault.EstimatePassphrase): a warning, never a block.
// Call its update with the passphrase typed so far.
func PassphraseWarning() (*widget.Label, func(string)) {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	l.Hide()
	return l, func(p string) {
		w := ""
		if len(p) >= vault.MinPassphraseLength {
			w = vault.EstimatePassphrase([]byte(p)).Warning()
		}
		if w == "" {
			l.Hide()
			return
		}
		l.SetText(fmt.Sprintf("A warning: %s You can still use it.", w))
		l.Show()
	}
}
