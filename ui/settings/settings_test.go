package settings_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/schema"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/sections"
	"inreach/ui/uitest"
	"inreach/vault"
)

const (
	oldPass = "correct horse battery"
	newPass = "purple kettle orchard lantern"
)

var cheapKDF = vault.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

// openWithKey makes the app over a new vault holding one woman, opened with
// its passphrase, and returns the vault's recovery key.
func openWithKey(t *testing.T) (*ui.UI, string) {
	t.Helper()
	u := uitest.NewTestUI(t, sections.App)
	v, key, err := vault.Create(u.Path, []byte(oldPass), vault.Options{KDF: cheapKDF, Migrations: schema.Migrations})
	require.NoError(t, err)
	u.Opened(v)
	_, err = u.Sess.DB.Exec(`INSERT INTO people(id, name) VALUES ('p1', 'Dana Whitfield')`)
	require.NoError(t, err)
	require.NoError(t, u.Sess.Vault.Save())
	return u, key
}

// settingsButton taps a button of the Settings screen.
func settingsButton(t *testing.T, u *ui.UI, label string) {
	t.Helper()
	u.Shell.Show(kit.Settings)
	test.Tap(uitest.FindButton(t, u.Shell.Screens[kit.Settings].Content(), label))
}

func top(t *testing.T, u *ui.UI) fyne.CanvasObject {
	t.Helper()
	o := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, o, "a dialog is open")
	return o
}

// opensWith reports how a fresh, read-only open of the file goes with a
// passphrase or (when key is set) a recovery key.
func opensWith(path, pass, key string) error {
	opts := vault.Options{ReadOnly: true}
	var v *vault.Vault
	var err error
	if key != "" {
		v, err = vault.OpenWithRecoveryKey(path, key, opts)
	} else {
		v, err = vault.Open(path, []byte(pass), opts)
	}
	if err == nil {
		v.Close()
	}
	return err
}

func TestChangingThePassphraseAsksForTheRecoveryKeyAndRevokesTheOldOne(t *testing.T) {
	u, key := openWithKey(t)
	before, err := os.ReadFile(u.Path)
	require.NoError(t, err)

	settingsButton(t, u, "Change passphrase…")
	dlg := top(t, u)
	es := uitest.Entries(dlg)
	require.Len(t, es, 3, "new passphrase, again, and the recovery key")
	require.True(t, es[2].Password, "the recovery key is not echoed")

	test.Type(es[0], "12345678")
	require.True(t, labelShown(dlg, "very weak"), "a weak passphrase is warned about as it is typed")
	es[0].SetText("")
	test.Type(es[0], newPass)
	require.False(t, labelShown(dlg, "weak"), "and the warning goes for a strong one")
	test.Type(es[1], newPass)

	// a wrong recovery key changes nothing
	test.Type(es[2], strings.Repeat("A", len(key)))
	test.Tap(uitest.FindButton(t, dlg, "Change"))
	u.Idle()
	require.True(t, uitest.HasText(dlg, "not right"), "says the recovery key is wrong: %v", u.Win.Canvas().Overlays().List())
	after, err := os.ReadFile(u.Path)
	require.NoError(t, err)
	require.Equal(t, before, after, "the file is untouched")
	require.NoError(t, opensWith(u.Path, oldPass, ""))

	es[2].SetText(key)
	test.Tap(uitest.FindButton(t, dlg, "Change"))
	u.Idle()
	require.True(t, uitest.HasText(top(t, u), "Passphrase changed"))

	require.ErrorIs(t, opensWith(u.Path, oldPass, ""), vault.ErrWrongPassphrase, "the old passphrase is refused")
	require.NoError(t, opensWith(u.Path, newPass, ""), "the new one opens it")
	require.NoError(t, opensWith(u.Path, "", key), "and so does the same recovery key")
}

// labelShown reports whether a label whose text contains s is shown: it
// and every container it is in are visible.
func labelShown(root fyne.CanvasObject, s string) bool {
	if root == nil || !root.Visible() {
		return false
	}
	switch x := root.(type) {
	case *widget.Label:
		return strings.Contains(x.Text, s)
	case *fyne.Container:
		for _, c := range x.Objects {
			if labelShown(c, s) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if labelShown(c, s) {
				return true
			}
		}
	}
	return false
}

// shownKey is the recovery key shown in monospace under root.
func shownKey(root fyne.CanvasObject) string {
	var key string
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Monospace && l.Visible() {
			key = strings.ReplaceAll(l.Text, "\n", "")
			return false
		}
		return true
	})
	return key
}

func TestSomeoneKnowsMyPassphraseGivesANewRecoveryKeyShownOnce(t *testing.T) {
	u, oldKey := openWithKey(t)
	settingsButton(t, u, "Change passphrase…")
	dlg := top(t, u)
	var how *widget.RadioGroup
	uitest.Walk(dlg, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*widget.RadioGroup); ok {
			how = r
		}
		return how == nil
	})
	require.NotNil(t, how)
	how.SetSelected("I think someone knows my passphrase or recovery key")
	es := uitest.Entries(dlg)
	test.Type(es[0], newPass)
	test.Type(es[1], newPass)
	test.Tap(uitest.FindButton(t, dlg, "Change"))
	u.Idle()

	shown := top(t, u)
	require.True(t, uitest.HasText(shown, "shown only this once"))
	newKey := shownKey(shown)
	require.NotEmpty(t, newKey)
	require.NotEqual(t, oldKey, newKey)
	done := uitest.FindButton(t, shown, "Done")
	require.True(t, done.Disabled(), "not closed before the key is kept")
	test.Tap(uitest.FindCheck(t, shown, "I have printed or written down"))
	test.Tap(done)
	for _, o := range u.Win.Canvas().Overlays().List() {
		require.False(t, o.Visible() && uitest.HasText(o, newKey[:9]), "the key is not shown again")
	}
	require.False(t, uitest.HasText(u.Win.Content(), newKey[:9]), "nor on the screen")

	require.ErrorIs(t, opensWith(u.Path, oldPass, ""), vault.ErrWrongPassphrase, "the old passphrase is refused")
	err := opensWith(u.Path, "", oldKey)
	require.True(t, errors.Is(err, vault.ErrWrongRecoveryKey), "the old recovery key is refused: %v", err)
	require.NoError(t, opensWith(u.Path, newPass, ""))
	require.NoError(t, opensWith(u.Path, "", newKey), "the new recovery key opens it")
}

func TestABackupAndAnExportSavedFromSettingsAreOwnerOnlyAndWhole(t *testing.T) {
	u, _ := openWithKey(t)
	dir := t.TempDir()
	uitest.ReportsWriteTo(t, dir)
	day := u.Clock.Now().Format("2006-01-02")

	settingsButton(t, u, "Make a backup copy…")
	u.Idle()
	path := filepath.Join(dir, "inreach-backup-"+day+".vault")
	require.True(t, uitest.HasText(top(t, u), path), "the confirmation names the full path")
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	v, err := vault.Open(path, []byte(oldPass), vault.Options{ReadOnly: true})
	require.NoError(t, err, "the copy is whole and opens")
	var name string
	require.NoError(t, v.DB().QueryRow(`SELECT name FROM people WHERE id = 'p1'`).Scan(&name))
	require.Equal(t, "Dana Whitfield", name)
	v.Close()
	top(t, u).Hide()

	settingsButton(t, u, "Export everything (JSON)…")
	test.Tap(uitest.FindButton(t, top(t, u), "Yes"))
	u.Idle()
	path = filepath.Join(dir, "inreach-export-"+day+".json")
	require.True(t, uitest.HasText(top(t, u), path), "the confirmation names the full path")
	st, err = os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, json.Valid(b), "the export is whole")
	require.Contains(t, string(b), "Dana Whitfield")
}

// Fyne's save dialog opens, and so empties, the file chosen before Inreach
// sees the path: choosing the notebook itself as a backup's target must
// refuse and leave the notebook whole on disk.
func TestABackupOverTheNotebookItselfIsRefusedAndTheNotebookStaysWhole(t *testing.T) {
	u, _ := openWithKey(t)
	require.NoError(t, os.Truncate(u.Path, 0), "as the save dialog does to the file chosen")

	err := kit.WriteSealedCopy(u.Sess.Vault, u.Path)
	require.ErrorContains(t, err, "over the notebook itself")
	v, err := vault.Open(u.Path, []byte(oldPass), vault.Options{ReadOnly: true})
	require.NoError(t, err, "the notebook on disk is whole again and opens")
	defer v.Close()
	var name string
	require.NoError(t, v.DB().QueryRow(`SELECT name FROM people WHERE id = 'p1'`).Scan(&name))
	require.Equal(t, "Dana Whitfield", name)
}
