package sections

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui"
	"inreach/ui/contacts"
	"inreach/ui/diary"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

func press(u *ui.UI, key fyne.KeyName, mod fyne.KeyModifier) {
	u.Win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
}

func TestShortcutsDispatchTheRightActions(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ctrl := fyne.KeyModifierShortcutDefault

	press(u, fyne.KeyN, ctrl)
	require.Equal(t, kit.Contacts, u.Shell.Current, "Ctrl+N goes to Contacts")
	require.NotNil(t, u.Shell.Screens[kit.Contacts].(*contacts.ContactsScreen).Form, "with a new contact form open")

	press(u, fyne.KeyN, ctrl|fyne.KeyModifierShift)
	require.Equal(t, kit.Diary, u.Shell.Current, "Ctrl+Shift+N goes to the Diary")
	require.NotNil(t, u.Shell.Screens[kit.Diary].(*diary.DiaryScreen).Editor, "with a new entry open")

	press(u, fyne.KeyF, ctrl)
	require.Same(t, u.Shell.Search, u.Win.Canvas().Focused(), "Ctrl+F focuses the search box")

	// Ctrl+S saves the vault at once.
	u.Shell.Show(kit.Settings)
	require.NoError(t, u.Sess.Notes.SetSetting(notes.SettingOrganisation, "Women's Inreach Project"))
	require.True(t, u.Sess.Vault.Changed())
	press(u, fyne.KeyS, ctrl)
	require.False(t, u.Sess.Vault.Changed(), "Ctrl+S saved")

	// Ctrl+P prints the open woman's record.
	p := &notes.Person{Name: "Tess Marlow", Pseudonym: "Kestrel", Status: "community"}
	require.NoError(t, u.Sess.Notes.SavePerson(p))
	dir := t.TempDir()
	uitest.ReportsWriteTo(t, dir)
	u.Shell.Open(kit.Record(kit.Women, p.ID))
	press(u, fyne.KeyP, ctrl)
	uitest.Eventually(t, func() bool {
		m, _ := filepath.Glob(filepath.Join(dir, "her-record-*.pdf"))
		return len(m) == 1 && uitest.FileHas(m[0], "%PDF")
	}, "Ctrl+P wrote her PDF")

	press(u, fyne.KeyL, ctrl)
	require.Nil(t, u.Sess, "Ctrl+L locks")
}

func TestKeepPrivateMakesASavedFileReadableByTheUserOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	w, err := storage.Writer(storage.NewFileURI(path))
	require.NoError(t, err)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.NotEqual(t, os.FileMode(0o600), fi.Mode().Perm(), "Fyne's writer makes a file others can read")
	kit.KeepPrivate(w)
	_, err = w.Write([]byte("{}"))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	fi, err = os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}
