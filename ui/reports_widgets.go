package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/schema"
)

// Widgets and helpers shared by the Reports, data-protection, retention and
// search screens.

// reportsDateEntry is a YYYY-MM-DD entry that is checked as the user leaves
// it (and on Enter).
type reportsDateEntry struct {
	widget.Entry
	onLeave func()
}

func newReportsDateEntry() *reportsDateEntry {
	e := &reportsDateEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("YYYY-MM-DD")
	e.OnSubmitted = func(string) {
		if e.onLeave != nil {
			e.onLeave()
		}
	}
	return e
}

// FocusLost checks the field as the user leaves it.
func (e *reportsDateEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// MinSize leaves room for a whole date and no more.
func (e *reportsDateEntry) MinSize() fyne.Size {
	s := e.Entry.MinSize()
	w := fyne.MeasureText("0000-00-0000", theme.TextSize(), fyne.TextStyle{}).Width + 3*theme.InnerPadding()
	return fyne.NewSize(max(s.Width, w), s.Height)
}

// reportsDateProblem says what is wrong with a typed date ("" when it is a
// real date). field names the entry in the message.
func reportsDateProblem(field, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return field + ": write a date, for example 2025-04-01."
	}
	if _, err := schema.ParseDate(s); err != nil {
		if de, ok := err.(*schema.DateError); ok && strings.Contains(de.Reason, "does not exist") {
			return fmt.Sprintf("%s: %s is not a real date, that day does not exist.", field, s)
		}
		return field + ": write the date as YYYY-MM-DD, for example 2025-04-01."
	}
	return ""
}

// reportsDateWords writes a YYYY-MM-DD date as "1 April 2025" (or returns
// it as it is when it is not a date).
func reportsDateWords(d string) string {
	t, err := schema.ParseDate(d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}

// reportsChooseFile asks where to save a file with the suggested name and
// hands the open writer (or nil when the user cancelled) to got. Tests
// replace it to write without a dialog.
var reportsChooseFile = func(w fyne.Window, name string, got func(fyne.URIWriteCloser)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(w, "The file could not be opened for writing", err)
			return
		}
		if wc != nil {
			keepPrivate(wc)
			got(wc)
		}
	}, w)
	d.SetFileName(name)
	d.Resize(fyne.NewSize(max(600, w.Canvas().Size().Width*0.8), max(440, w.Canvas().Size().Height*0.8)))
	d.Show()
}

// reportsSaveFile asks where to save, then makes the file's bytes off the
// UI goroutine behind a progress dialog and writes them. busy titles the
// progress dialog; done says what was written where.
func reportsSaveFile(u Env, name, busy, failed string, make func() ([]byte, error), done func(path string) string) {
	reportsChooseFile(u.Window(), name, func(wc fyne.URIWriteCloser) {
		bar := widget.NewProgressBarInfinite()
		prog := dialog.NewCustomWithoutButtons(busy, container.NewPadded(bar), u.Window())
		prog.Show()
		var err error
		var path string
		u.Go(func() {
			b, err2 := make()
			err = err2
			if err == nil {
				_, err = wc.Write(b)
			}
			if cerr := wc.Close(); err == nil {
				err = cerr
			}
			path = wc.URI().Path()
		}, func() {
			bar.Stop()
			prog.Hide()
			if err != nil {
				showError(u.Window(), failed, err)
				return
			}
			dialog.ShowInformation("Saved", done(path), u.Window())
		})
	})
}
