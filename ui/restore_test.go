package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/schema"
	"inreach/vault"
)

const restorePass = "correct horse battery"

// lastRecoveryKey is the recovery key of the vault vaultWithBackups made.
var lastRecoveryKey string

// vaultWithBackups makes a vault at u.Path with a woman in it, saved twice
// more after that so that its backups hold her, and closes it. It returns
// the backups beside it, newest first. extra more saves make more backups.
func vaultWithBackups(t *testing.T, u *UI, extra int) []string {
	t.Helper()
	opts := vault.Options{KDF: cheapKDF, Migrations: schema.Migrations}
	v, key, err := vault.Create(u.Path, []byte(restorePass), opts)
	lastRecoveryKey = key
	require.NoError(t, err)
	_, err = v.DB().Exec(`INSERT INTO people(id, name) VALUES ('p1', 'Dana Whitfield')`)
	require.NoError(t, err)
	require.NoError(t, v.Save())
	require.NoError(t, v.Compact()) // a compaction keeps the file it replaces as a backup
	for i := range 2 + extra {
		_, err = v.DB().Exec(`INSERT INTO people(id, name) VALUES (?, 'Jo Pearce')`, fmt.Sprint("q", i))
		require.NoError(t, err)
		require.NoError(t, v.Save())
		require.NoError(t, v.Compact())
	}
	require.NoError(t, v.Close())
	backups, err := vault.BackupsBeside(u.Path)
	require.NoError(t, err)
	require.NotEmpty(t, backups)
	return backups
}

// people counts the women in the open vault.
func people(t *testing.T, u *UI) int {
	t.Helper()
	var n int
	require.NoError(t, u.Sess.DB.QueryRow(`SELECT count(*) FROM people`).Scan(&n))
	return n
}

func TestTheDamageDialogRestoresTheNewestBackupAndKeepsTheDamagedFileAside(t *testing.T) {
	u := newTestUI(t)
	vaultWithBackups(t, u, 0)
	b, err := os.ReadFile(u.Path)
	require.NoError(t, err)
	b[len(b)-1] ^= 0xff // one flipped byte in the sealed body
	require.NoError(t, os.WriteFile(u.Path, b, 0o600))
	u.showStart()

	test.Type(Entries(u.Win.Content())[0], restorePass)
	test.Tap(FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	require.Nil(t, u.Sess, "a damaged file does not open")
	dlg := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, dlg, "the damage dialog")
	require.True(t, HasText(dlg, "damaged"))
	test.Tap(FindButton(t, dlg, "Restore the newest backup"))
	u.Idle()

	require.NotNil(t, u.Sess, "the restored notebook is open")
	require.GreaterOrEqual(t, people(t, u), 1, "with what the backup held")
	done := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, done)
	require.True(t, HasText(done, "kept aside, unchanged, at "), "says where the damaged file is")
	matches, err := filepath.Glob(filepath.Join(filepath.Dir(u.Path), "*"))
	require.NoError(t, err)
	var aside string
	for _, m := range matches {
		if m != u.Path && HasText(done, m) {
			aside = m
		}
	}
	require.NotEmpty(t, aside, "the dialog names the kept file by its full path")
	kept, err := os.ReadFile(aside)
	require.NoError(t, err)
	require.Equal(t, b, kept, "the damaged file is kept aside byte for byte")
}

func TestTheRecoveryKeyDialogRestoresTheNewestBackupOfADamagedFile(t *testing.T) {
	u := newTestUI(t)
	vaultWithBackups(t, u, 0)
	b, err := os.ReadFile(u.Path)
	require.NoError(t, err)
	b[len(b)-1] ^= 0xff
	require.NoError(t, os.WriteFile(u.Path, b, 0o600))
	u.showStart()

	test.Tap(FindButton(t, u.Win.Content(), "Use the recovery key"))
	dlg := u.Win.Canvas().Overlays().Top()
	es := Entries(dlg)
	require.Len(t, es, 3)
	require.True(t, es[0].Password, "the recovery key is not echoed")
	test.Type(es[0], lastRecoveryKey)
	test.Type(es[1], "a brand new passphrase")
	test.Type(es[2], "a brand new passphrase")
	test.Tap(FindButton(t, dlg, "Unlock"))
	u.Idle()
	require.Nil(t, u.Sess)
	dmg := u.Win.Canvas().Overlays().Top()
	require.True(t, HasText(dmg, "damaged"))
	test.Tap(FindButton(t, dmg, "Restore the newest backup"))
	u.Idle()
	require.NotNil(t, u.Sess, "the restored notebook is open")
	require.GreaterOrEqual(t, people(t, u), 1)
	require.True(t, u.Sess.Vault.PassphraseOpens([]byte("a brand new passphrase")), "with the new passphrase")
}

func TestAMissingVaultWithBackupsBesideItOffersToRestoreThem(t *testing.T) {
	u := newTestUI(t)
	backups := vaultWithBackups(t, u, 0)
	require.NoError(t, os.Remove(u.Path))
	u.showStart()
	root := u.Win.Content()
	require.True(t, HasText(root, "Your notebook is missing"), "the restore is offered, not a new notebook")
	require.Len(t, Entries(root), 1)

	test.Type(Entries(root)[0], "wrong horse battery")
	test.Tap(FindButton(t, root, "Restore the newest backup"))
	u.Idle()
	require.True(t, HasText(u.Win.Content(), "None of the"), "a wrong passphrase says so")
	require.False(t, vault.Exists(u.Path), "and changes nothing")

	test.Type(Entries(root)[0], restorePass)
	test.Tap(FindButton(t, root, "Restore the newest backup"))
	u.Idle()
	require.NotNil(t, u.Sess, "the restored notebook is open")
	require.GreaterOrEqual(t, people(t, u), 1)
	done := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, done)
	require.True(t, HasText(done, "restored from the backup "+filepath.Dir(backups[0])), "names the backup in full")
	for _, b := range backups {
		_, err := os.Stat(b)
		require.NoError(t, err, "the backups stay: %s", b)
	}
}

func TestStartingANewNotebookBesideAnothersBackupsKeepsThem(t *testing.T) {
	u := newTestUI(t)
	backups := vaultWithBackups(t, u, 8)
	// the new notebook's own first backup would be the eleventh: pruning
	// by count alone would take the oldest of these
	require.Len(t, backups, 10)
	require.NoError(t, os.Remove(u.Path))
	u.showStart()
	test.Tap(FindButton(t, u.Win.Content(), "Start a new, empty notebook instead"))
	require.True(t, HasText(u.Win.Content(), "stay where they are"), "says the backups are kept")
	createVault(t, u, "another horse battery")
	test.Tap(FindCheck(t, u.Win.Content(), "recovery key"))
	test.Tap(FindButton(t, u.Win.Content(), "Continue"))
	require.NotNil(t, u.Sess)
	require.Zero(t, people(t, u), "a new, empty notebook")
	for range 3 {
		_, err := u.Sess.DB.Exec(`INSERT INTO people(id, name) VALUES (hex(randomblob(4)), 'Ann Lee')`)
		require.NoError(t, err)
		require.NoError(t, u.Sess.Vault.Save())
		require.NoError(t, u.Sess.Vault.Compact())
	}
	all, err := vault.BackupsBeside(u.Path)
	require.NoError(t, err)
	require.Greater(t, len(all), len(backups), "the new notebook made a backup of its own")
	for _, b := range backups {
		_, err := os.Stat(b)
		require.NoError(t, err, "another notebook's backup is never pruned: %s", b)
	}
}

// TestRestoreScreenshots writes PNGs of the first-run screen offering to
// restore a missing vault's backups and of the damage dialog, for a person
// to look at. It runs only when INREACH_SHOTS names a folder.
func TestRestoreScreenshots(t *testing.T) {
	dir := os.Getenv("INREACH_SHOTS")
	if dir == "" {
		t.Skip("set INREACH_SHOTS=/some/folder to write screenshots")
	}
	u := newTestUI(t)
	shoot := func(name string) {
		for _, sz := range []fyne.Size{{Width: 1180, Height: 760}, {Width: 900, Height: 600}} {
			u.Win.Resize(sz)
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%.0fx%.0f.png", name, sz.Width, sz.Height)))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, u.Win.Canvas().Capture()))
			require.NoError(t, f.Close())
		}
	}
	vaultWithBackups(t, u, 0)
	b, err := os.ReadFile(u.Path)
	require.NoError(t, err)
	require.NoError(t, os.Remove(u.Path))
	u.showStart()
	shoot("start-restore-offer")
	b[len(b)-1] ^= 0xff
	require.NoError(t, os.WriteFile(u.Path, b, 0o600))
	u.showStart()
	test.Type(Entries(u.Win.Content())[0], restorePass)
	test.Tap(FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	shoot("start-damaged")
	test.Tap(FindButton(t, u.Win.Canvas().Overlays().Top(), "Restore the newest backup"))
	u.Idle()
	shoot("start-restored")
}
