package reports

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/anonymise"
	"inreach/privfile"
	"inreach/ui/kit"
)

// anonymisedExport is the "Export anonymised data for evaluators" card:
// every woman by a number, no names, prison numbers or dates of birth (an
// age band instead), and free text only when asked for, then with names
// replaced (anonymise.Export). JSON is one file; CSV is one file per table.
type anonymisedExport struct {
	u        kit.Env
	withText *widget.Check
	warning  *widget.Label
	root     fyne.CanvasObject
}

// anonymisedTextWarning is said beside the with-text option and after a
// file with text is saved.
const anonymisedTextWarning = "Names in the notes are replaced by her number, but an address, a telephone number or a detail that identifies her typed into a note is not: read the file before it is shared."

func newAnonymisedExport(u kit.Env) *anonymisedExport {
	a := &anonymisedExport{u: u}
	a.warning = kit.Wrapped(anonymisedTextWarning)
	a.warning.Importance = widget.WarningImportance
	a.warning.Hide()
	a.withText = widget.NewCheck("Include notes and summaries (redacted)", func(on bool) {
		if on {
			a.warning.Show()
		} else {
			a.warning.Hide()
		}
	})
	jsonBtn := widget.NewButtonWithIcon("Export anonymised data (JSON)…", theme.DownloadIcon(), a.exportJSON)
	csvBtn := widget.NewButtonWithIcon("Export as CSV tables…", theme.DownloadIcon(), a.exportCSV)
	a.root = kit.TitledCard("Export anonymised data for evaluators", "",
		container.NewVBox(
			kit.Wrapped("Each woman is called by a number (W0001…). Names, pseudonyms, prison numbers, dates of birth, safety notes, "+
				"sensitive flags and diary entries are never written; her age band on today's date is written instead of her date of birth. "+
				"Contacts, outcomes, readings and letters keep their dates."),
			a.withText, a.warning,
			container.NewHBox(jsonBtn, csvBtn),
		))
	return a
}

func (a *anonymisedExport) Content() fyne.CanvasObject { return a.root }

func (a *anonymisedExport) options() anonymise.Options {
	return anonymise.Options{AgeOn: kit.TodayFor(a.u), WithText: a.withText.Checked}
}

// savedWords says what was saved, with the warning when it holds text.
func (a *anonymisedExport) savedWords(what string, women int, text bool) string {
	s := fmt.Sprintf("%s (anonymised, %s).", what, kit.CountWords(women, "woman", "women"))
	if text {
		s += "\n" + anonymisedTextWarning
	}
	return s
}

// exportJSON saves the anonymised export as one JSON file.
func (a *anonymisedExport) exportJSON() {
	if a.u.Locked() {
		return
	}
	db, ctx, opts := a.u.DB(), a.u.Context(), a.options()
	women := 0
	kit.ReportsSaveFile(a.u, "anonymised-"+opts.AgeOn+".json", "Making the anonymised export…",
		"The anonymised export could not be made", func() ([]byte, error) {
			d, err := anonymise.Export(ctx, db, opts)
			if err != nil {
				return nil, err
			}
			women = len(d.Women)
			var buf bytes.Buffer
			err = anonymise.WriteJSON(&buf, d)
			return buf.Bytes(), err
		}, func(path string) string {
			return a.savedWords("Saved as "+path, women, opts.WithText)
		})
}

// exportCSV saves one CSV file per table: the women table where the user
// chose, the others beside it (…-women.csv, …-contacts.csv, …).
func (a *anonymisedExport) exportCSV() {
	if a.u.Locked() {
		return
	}
	db, ctx, opts, win := a.u.DB(), a.u.Context(), a.options(), a.u.Window()
	kit.ReportsChooseFile(win, "anonymised-"+opts.AgeOn+"-women.csv", func(wc fyne.URIWriteCloser) {
		bar := widget.NewProgressBarInfinite()
		prog := dialog.NewCustomWithoutButtons("Making the anonymised export…", container.NewPadded(bar), win)
		prog.Show()
		var names []string
		var err error
		women := 0
		dir := filepath.Dir(wc.URI().Path())
		a.u.Go(func() {
			names, women, err = writeAnonymisedTables(ctx, db, opts, wc)
		}, func() {
			bar.Stop()
			prog.Hide()
			if err != nil {
				kit.ShowError(win, "The anonymised export could not be made", err)
				return
			}
			dialog.ShowInformation("Saved", a.savedWords("Saved in "+dir+": "+strings.Join(names, ", "), women, opts.WithText), win)
		})
	})
}

// csvSibling names a table's file beside the women table's path.
func csvSibling(womenPath, table string) string {
	base := strings.TrimSuffix(womenPath, filepath.Ext(womenPath))
	base = strings.TrimSuffix(base, "-women")
	return base + "-" + table + ".csv"
}

// writeAnonymisedTables exports and writes every table: the women table
// to wc (closed here), the others beside it. It returns the file names.
func writeAnonymisedTables(ctx context.Context, db *sql.DB, opts anonymise.Options, wc fyne.URIWriteCloser) (names []string, women int, err error) {
	d, err := anonymise.Export(ctx, db, opts)
	if err != nil {
		wc.Close()
		return nil, 0, err
	}
	path := wc.URI().Path()
	for i, t := range anonymise.Tables(d) {
		var buf bytes.Buffer
		if err := anonymise.WriteCSV(&buf, t); err != nil {
			wc.Close()
			return names, 0, err
		}
		if i == 0 { // the women table, where the user chose
			_, err = wc.Write(buf.Bytes())
			if cerr := wc.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return names, 0, err
			}
			names = append(names, filepath.Base(path))
			continue
		}
		name := csvSibling(path, t.Name)
		if err := privfile.Write(name, buf.Bytes()); err != nil {
			return names, 0, err
		}
		names = append(names, filepath.Base(name))
	}
	return names, len(d.Women), nil
}
