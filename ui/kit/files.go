package kit

import (
	"os"
	"path/filepath"
	"strings"

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

// The save dialogs start, for each kind of file (".pdf", ".csv", ".json",
// ".vault" backups, ".copy" sealed copies), in the folder a file of that
// kind was last saved to. The folder is kept in the app's preferences, so
// it is remembered across restarts; a folder path is not sensitive, and
// no file name is ever kept.
const prefSaveFolder = "save_folder"

// saveKind is the kind of file name is: its extension, lower case.
func saveKind(name string) string { return strings.ToLower(filepath.Ext(name)) }

// RememberSaveFolder keeps dir as the folder to start in the next time a
// file of name's kind is saved.
func RememberSaveFolder(p fyne.Preferences, name, dir string) {
	p.SetString(prefSaveFolder+saveKind(name), dir)
}

// SaveFolderFor is the folder a save dialog for a file called name starts
// in: the one a file of its kind was last saved to, while it is still a
// folder, else the default (DefaultSaveFolder).
func SaveFolderFor(p fyne.Preferences, name string) fyne.ListableURI {
	if loc := folderURI(p.String(prefSaveFolder + saveKind(name))); loc != nil {
		return loc
	}
	return DefaultSaveFolder()
}

// DefaultSaveFolder is where a kind of file never saved before is saved:
// the user's Documents folder, or her home folder when there is none; nil
// when neither can be found (the dialog then picks). Fyne's dialog would
// otherwise start wherever any file dialog was last used (an import, a
// backup), so kinds are kept apart.
func DefaultSaveFolder() fyne.ListableURI {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	if loc := folderURI(filepath.Join(home, "Documents")); loc != nil {
		return loc
	}
	return folderURI(home)
}

// folderURI is dir as a location for a file dialog, or nil when dir is
// empty or not a folder (any more).
func folderURI(dir string) fyne.ListableURI {
	if dir == "" {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	loc, err := ListableURI(dir)
	if err != nil {
		return nil
	}
	return loc
}

// ReportsChooseFile asks where to save a file with the suggested name and
// hands the open writer (or nil when the user cancelled) to got. The
// dialog starts in the folder last used for that kind of file, and
// remembers the folder chosen. Tests replace it to write without a dialog.
var ReportsChooseFile = func(w fyne.Window, name string, got func(fyne.URIWriteCloser)) {
	prefs := fyne.CurrentApp().Preferences()
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			ShowError(w, "The file could not be opened for writing", err)
			return
		}
		if wc != nil {
			if wc.URI().Scheme() == "file" {
				RememberSaveFolder(prefs, name, filepath.Dir(wc.URI().Path()))
			}
			KeepPrivate(wc)
			got(wc)
		}
	}, w)
	d.SetFileName(name)
	if loc := SaveFolderFor(prefs, name); loc != nil {
		d.SetLocation(loc)
	}
	d.Resize(fyne.NewSize(max(600, w.Canvas().Size().Width*0.8), max(440, w.Canvas().Size().Height*0.8)))
	d.Show()
	// Nothing in the dialog has the keyboard, so Escape reaches the window
	// and closes it.
	w.Canvas().Unfocus()
}
