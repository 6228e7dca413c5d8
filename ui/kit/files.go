package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// ReportsSaveFile asks where to save, then makes the file's bytes off the
// UI goroutine behind a progress dialog and writes them with WritePrivate
// (owner-only, whole or not at all). busy titles the progress dialog; done
// says what was written where (the full path).
func ReportsSaveFile(u Env, name, busy, failed string, make func() ([]byte, error), done func(path string) string) {
	ReportsChooseFile(u.Window(), name, func(wc fyne.URIWriteCloser) {
		bar := widget.NewProgressBarInfinite()
		prog := dialog.NewCustomWithoutButtons(busy, container.NewPadded(bar), u.Window())
		prog.Show()
		var err error
		var path string
		u.Go(func() {
			b, err2 := make()
			err = err2
			if err == nil {
				path, err = WritePrivate(wc, b)
			} else {
				path = wc.URI().Path()
				wc.Close()
			}
		}, func() {
			bar.Stop()
			prog.Hide()
			if err != nil {
				RemoveIfEmpty(path)
				ShowError(u.Window(), failed, err)
				return
			}
			dialog.ShowInformation("Saved", done(path), u.Window())
		})
	})
}

// reportsChooseFile asks where to save a file with the suggested name and
// hands the open writer (or nil when the user cancelled) to got. Tests
// replace it to write without a dialog.
var ReportsChooseFile = func(w fyne.Window, name string, got func(fyne.URIWriteCloser)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			ShowError(w, "The file could not be opened for writing", err)
			return
		}
		if wc != nil {
			KeepPrivate(wc)
			got(wc)
		}
	}, w)
	d.SetFileName(name)
	d.Resize(fyne.NewSize(max(600, w.Canvas().Size().Width*0.8), max(440, w.Canvas().Size().Height*0.8)))
	d.Show()
}
