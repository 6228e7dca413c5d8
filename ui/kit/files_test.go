package kit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"
)

// saveDialogButtons are the texts of the buttons of the save dialog open
// over w, in order: the folder it shows as a trail ("/", "tmp", …), then
// Cancel and Save.
func saveDialogButtons(t *testing.T, w fyne.Window) []*widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	require.NotNil(t, top, "a save dialog is open")
	var out []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text != "" {
				out = append(out, x)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return out
}

// dialogFolder is the folder the open save dialog shows: the last step of
// its trail, before Cancel and Save.
func dialogFolder(t *testing.T, w fyne.Window) string {
	t.Helper()
	b := saveDialogButtons(t, w)
	require.GreaterOrEqual(t, len(b), 3)
	require.Equal(t, "Save", b[len(b)-1].Text)
	return b[len(b)-3].Text
}

func tapDialogButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	for _, b := range saveDialogButtons(t, w) {
		if b.Text == text {
			test.Tap(b)
			return
		}
	}
	require.Fail(t, "no button "+text)
}

// withHome gives the test a home folder of its own, with a Documents
// folder in it, and returns it.
func withHome(t *testing.T) string {
	home := filepath.Join(t.TempDir(), "home")
	require.NoError(t, os.MkdirAll(filepath.Join(home, "Documents"), 0o700))
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	return home
}

// A save dialog starts in the folder a file of its kind was last saved to
// through the dialog, remembered in the app's preferences (the folder, not
// the file's name); another kind of file is not affected.
func TestTheSaveDialogStartsWhereThatKindOfFileWasLastSaved(t *testing.T) {
	home := withHome(t)
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	dir := filepath.Join(t.TempDir(), "reports-folder")
	inner := filepath.Join(dir, "inner")
	require.NoError(t, os.MkdirAll(inner, 0o700))
	w := test.NewTempWindow(t, widget.NewLabel("Reports"))
	w.Resize(fyne.NewSize(900, 700))

	RememberSaveFolder(prefs, "earlier.pdf", inner)
	var got fyne.URIWriteCloser
	ReportsChooseFile(w, "figures.pdf", func(wc fyne.URIWriteCloser) { got = wc })
	require.Equal(t, "inner", dialogFolder(t, w), "it starts where the last PDF went")

	// Up one folder in the dialog, and save there.
	tapDialogButton(t, w, "reports-folder")
	require.Equal(t, "reports-folder", dialogFolder(t, w))
	tapDialogButton(t, w, "Save")
	require.NotNil(t, got, "the file was chosen")
	require.Equal(t, filepath.Join(dir, "figures.pdf"), got.URI().Path())
	require.NoError(t, got.Close())
	require.Equal(t, dir, prefs.String("save_folder.pdf"), "the folder is remembered")
	for _, k := range []string{"save_folder.pdf", "save_folder.csv", "save_folder.json", "save_folder"} {
		require.NotContains(t, prefs.String(k), "figures", "no file name is kept")
	}

	// The next PDF starts there; a CSV does not.
	ReportsChooseFile(w, "monitoring.pdf", func(fyne.URIWriteCloser) {})
	require.Equal(t, "reports-folder", dialogFolder(t, w))
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	ReportsChooseFile(w, "monitoring.csv", func(fyne.URIWriteCloser) {})
	require.Equal(t, "Documents", dialogFolder(t, w), "a CSV starts at the default")
	require.Equal(t, filepath.Join(home, "Documents"), SaveFolderFor(prefs, "x.csv").Path())
	require.Empty(t, prefs.String("save_folder.csv"))
}

// A remembered folder that has gone (deleted, or a USB stick taken out)
// leaves the dialog at its default, with no error.
func TestASaveFolderThatNoLongerExistsFallsBackToTheDefault(t *testing.T) {
	home := withHome(t)
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	gone := filepath.Join(t.TempDir(), "stick")
	require.NoError(t, os.Mkdir(gone, 0o700))
	RememberSaveFolder(prefs, "x.json", gone)
	require.Equal(t, gone, SaveFolderFor(prefs, "export.json").Path())
	require.NoError(t, os.Remove(gone))
	require.Equal(t, filepath.Join(home, "Documents"), SaveFolderFor(prefs, "export.json").Path(), "the folder has gone")

	// A file where the folder was is not a folder either.
	require.NoError(t, os.WriteFile(gone, []byte("x"), 0o600))
	require.Equal(t, filepath.Join(home, "Documents"), SaveFolderFor(prefs, "export.json").Path())

	// With no Documents folder, her home folder.
	require.NoError(t, os.Remove(filepath.Join(home, "Documents")))
	require.Equal(t, home, SaveFolderFor(prefs, "export.json").Path())

	w := test.NewTempWindow(t, widget.NewLabel("Settings"))
	w.Resize(fyne.NewSize(900, 700))
	ReportsChooseFile(w, "export.json", func(fyne.URIWriteCloser) {})
	require.Equal(t, filepath.Base(home), dialogFolder(t, w))
	require.Len(t, w.Canvas().Overlays().List(), 1, "the save dialog alone, no error")
}

// Kinds are told apart by extension, whatever its case.
func TestSaveFoldersAreKeptPerKindOfFile(t *testing.T) {
	withHome(t)
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	pdfs, backups := t.TempDir(), t.TempDir()
	RememberSaveFolder(prefs, "a.PDF", pdfs)
	RememberSaveFolder(prefs, "inreach-backup-2026-12-07.vault", backups)
	require.Equal(t, pdfs, SaveFolderFor(prefs, "b.pdf").Path())
	require.Equal(t, backups, SaveFolderFor(prefs, "inreach-backup-2026-12-08.vault").Path())
	require.NotEqual(t, pdfs, SaveFolderFor(prefs, "c.csv").Path())
	require.True(t, strings.HasPrefix(prefs.String("save_folder.vault"), backups))
}
