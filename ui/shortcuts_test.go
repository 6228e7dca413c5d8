package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"github.com/stretchr/testify/require"

	"inreach/notes"
)

func press(u *UI, key fyne.KeyName, mod fyne.KeyModifier) {
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
}

func TestShortcutsDispatchTheRightActions(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ctrl := fyne.KeyModifierShortcutDefault

	press(u, fyne.KeyN, ctrl)
	require.Equal(t, Contacts, u.shell.current, "Ctrl+N goes to Contacts")
	require.NotNil(t, u.shell.screens[Contacts].(*contactsScreen).form, "with a new contact form open")

	press(u, fyne.KeyN, ctrl|fyne.KeyModifierShift)
	require.Equal(t, Diary, u.shell.current, "Ctrl+Shift+N goes to the Diary")
	require.NotNil(t, u.shell.screens[Diary].(*diaryScreen).editor, "with a new entry open")

	press(u, fyne.KeyF, ctrl)
	require.Same(t, u.shell.search, u.win.Canvas().Focused(), "Ctrl+F focuses the search box")

	// Ctrl+S saves the vault at once.
	u.shell.show(Settings)
	require.NoError(t, u.sess.Notes.SetSetting(notes.SettingOrganisation, "Women's Inreach Project"))
	require.True(t, u.sess.Vault.Changed())
	press(u, fyne.KeyS, ctrl)
	require.False(t, u.sess.Vault.Changed(), "Ctrl+S saved")

	// Ctrl+P prints the open woman's record.
	p := &notes.Person{Name: "Tess Marlow", Pseudonym: "Kestrel", Status: "community"}
	require.NoError(t, u.sess.Notes.SavePerson(p))
	dir := t.TempDir()
	reportsWriteTo(t, dir)
	u.shell.open(Record(Women, p.ID))
	press(u, fyne.KeyP, ctrl)
	eventually(t, func() bool {
		m, _ := filepath.Glob(filepath.Join(dir, "her-record-*.pdf"))
		return len(m) == 1 && fileHas(m[0], "%PDF")
	}, "Ctrl+P wrote her PDF")

	press(u, fyne.KeyL, ctrl)
	require.Nil(t, u.sess, "Ctrl+L locks")
}

func TestKeepPrivateMakesASavedFileReadableByTheUserOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	w, err := storage.Writer(storage.NewFileURI(path))
	require.NoError(t, err)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.NotEqual(t, os.FileMode(0o600), fi.Mode().Perm(), "Fyne's writer makes a file others can read")
	keepPrivate(w)
	_, err = w.Write([]byte("{}"))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	fi, err = os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}
