package vault

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// format1 fixtures: made by the Inreach of before format 2 (see testdata).
const (
	format1Pass = "format one passphrase"
	format1RK   = "YNKM-9W5W-BJ1R-3CFR-4HBE-BG54-D1EM-EDWV-X8KR-XRBS-5G1S-SJPG-WCY0-M1JE"
	format1NFD  = "Cafe\u0301 au lait" // the passphrase of format1-nfd.vault, as typed then
)

// copyFixture copies a testdata file into a fresh folder as inreach.vault.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "inreach.vault")
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return path
}

func headerOf(t *testing.T, path string) *header {
	t.Helper()
	h, err := readHeaderFile(path)
	require.NoError(t, err)
	return h
}

func TestFormat1FileOpensAndGetsAVaultIDAtItsNextSave(t *testing.T) {
	path := copyFixture(t, "format1.vault")
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, uint16(1), headerOf(t, path).Version)

	r, err := Open(path, []byte(format1Pass), Options{ReadOnly: true})
	require.NoError(t, err)
	require.Equal(t, "written by format 1", getNote(t, r.DB(), 1))
	require.False(t, r.Changed(), "read-only: nothing to save")
	require.NoError(t, r.Close())
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.Equal(before, after), "a read-only open writes nothing")

	v, err := Open(path, []byte(format1Pass), testOpts())
	require.NoError(t, err)
	h := headerOf(t, path)
	require.Equal(t, uint16(formatVersion), h.Version, "saved as format 2 at once")
	require.Len(t, h.VaultID, vaultIDLen)
	require.NotEqual(t, make([]byte, vaultIDLen), h.VaultID)
	require.False(t, v.Changed())
	backups, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, backups, 1, "the format-1 file is kept as a backup")
	require.Equal(t, uint16(1), headerOf(t, backups[0]).Version)
	require.NoError(t, v.Close())

	for _, open := range []func() (*Vault, error){
		func() (*Vault, error) { return Open(path, []byte(format1Pass), Options{ReadOnly: true}) },
		func() (*Vault, error) { return OpenWithRecoveryKey(path, format1RK, Options{ReadOnly: true}) },
	} {
		w, err := open()
		require.NoError(t, err)
		require.Equal(t, "written by format 1", getNote(t, w.DB(), 1))
		require.NoError(t, w.Close())
	}
	require.Equal(t, h.VaultID, headerOf(t, path).VaultID, "the id stays")
}

func TestVaultIDIsAuthenticated(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "x")
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	h, n, err := parseHeader(data)
	require.NoError(t, err)
	h.VaultID[0] ^= 1 // another vault's id, with a correct checksum
	forged := append(h.marshal(), data[n:]...)
	require.NoError(t, os.WriteFile(path, forged, 0o600))
	_, err = Open(path, testPass, Options{ReadOnly: true})
	require.ErrorIs(t, err, ErrDamaged)
}

func TestAnotherVaultsBackupsAreNeverPruned(t *testing.T) {
	opts := testOpts()
	opts.Backups = 3
	a, path, _ := newVault(t, opts)
	for i := 0; i < 5; i++ {
		putNote(t, a.DB(), 1, fmt.Sprint("A", i))
		saveAndCompact(t, a)
	}
	aBackups, err := a.Backups()
	require.NoError(t, err)
	require.Len(t, aBackups, 3)
	require.NoError(t, a.Close())
	require.NoError(t, os.Remove(path)) // the vault file is lost

	b, _, err := Create(path, []byte("a different passphrase"), opts)
	require.NoError(t, err)
	defer b.Close()
	for i := 0; i < 10; i++ {
		putNote(t, b.DB(), 1, fmt.Sprint("B", i))
		saveAndCompact(t, b)
	}
	bBackups, err := b.Backups()
	require.NoError(t, err)
	require.Len(t, bBackups, 3, "the new vault keeps its own three")
	for _, p := range aBackups {
		require.FileExists(t, p, "the old vault's backup is still there")
		r, err := Open(p, testPass, Options{ReadOnly: true})
		require.NoError(t, err)
		require.NoError(t, r.Close())
	}
	require.Len(t, listDir(t, backupDir(path)), 6)
}

func TestAClockSetBackwardsDoesNotPruneTheNewestBackup(t *testing.T) {
	opts := testOpts()
	opts.Backups = 3
	v, path, _ := newVault(t, opts)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	v.clock = func() time.Time { return now }
	for i := 1; i <= 3; i++ {
		now = now.Add(time.Hour)
		putNote(t, v.DB(), 1, fmt.Sprint("version ", i))
		saveAndCompact(t, v)
	}
	now = now.AddDate(-1, 0, 0) // the clock is set a year back
	for i := 4; i <= 6; i++ {
		now = now.Add(time.Hour)
		putNote(t, v.DB(), 1, fmt.Sprint("version ", i))
		saveAndCompact(t, v)
	}
	backups, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, backups, 3)
	require.NoError(t, v.Close())
	// The three newest backups are the files the compactions after saves
	// 6, 5 and 4 replaced.
	for i, b := range backups {
		r, err := Open(b, testPass, Options{ReadOnly: true})
		require.NoError(t, err)
		require.Equal(t, fmt.Sprint("version ", 6-i), getNote(t, r.DB(), 1), b)
		require.NoError(t, r.Close())
	}
	require.Len(t, listDir(t, backupDir(path)), 3)
}

func TestMissingVaultNamesTheNewestBackupThatOpens(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	for i := 0; i < 3; i++ {
		putNote(t, v.DB(), 1, fmt.Sprint(i))
		saveAndCompact(t, v)
	}
	backups, err := v.Backups()
	require.NoError(t, err)
	require.NoError(t, v.Close())
	require.NoError(t, os.Remove(path))

	_, err = Open(path, testPass, testOpts())
	require.ErrorIs(t, err, fs.ErrNotExist)
	var nv *NoVaultError
	require.True(t, errors.As(err, &nv))
	require.Equal(t, backups[0], nv.NewestBackup)
	require.Contains(t, err.Error(), "inreach restore "+backups[0]+" --vault "+path)
	require.NoFileExists(t, path, "opening made no vault")

	// With a passphrase that opens none of them, none is named.
	require.Empty(t, NoVault(path, []byte("not the passphrase")).NewestBackup)
	// Without a passphrase, the newest sound one is.
	require.Equal(t, backups[0], NoVault(path, nil).NewestBackup)
	b0, err := os.ReadFile(backups[0])
	require.NoError(t, err)
	b0[len(b0)-3] ^= 1 // the newest is damaged: the next one opens
	require.NoError(t, os.WriteFile(backups[0], b0, 0o600))
	require.Equal(t, backups[1], NewestBackup(path, testPass))
}

func TestRestorePutsTheBackupBackAndKeepsTheDamagedFileAside(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "first")
	saveAndCompact(t, v) // a backup holding "first"
	putNote(t, v.DB(), 1, "good")
	saveAndCompact(t, v) // a backup holding "good"
	putNote(t, v.DB(), 1, "newer")
	require.NoError(t, v.Save())
	backups, err := v.Backups()
	require.NoError(t, err)
	require.NoError(t, v.Close())
	damaged, err := os.ReadFile(path)
	require.NoError(t, err)
	damaged[len(damaged)-7] ^= 1
	require.NoError(t, os.WriteFile(path, damaged, 0o600))
	backupBytes, err := os.ReadFile(backups[0])
	require.NoError(t, err)

	// A wrong passphrase or a damaged backup restores nothing.
	_, err = Restore(backups[0], path, []byte("wrong passphrase"))
	require.ErrorIs(t, err, ErrWrongPassphrase)
	bad := filepath.Join(t.TempDir(), "bad.vault")
	require.NoError(t, os.WriteFile(bad, damaged, 0o600))
	_, err = Restore(bad, path, testPass)
	require.ErrorIs(t, err, ErrDamaged)
	now, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.Equal(damaged, now), "nothing changed")

	aside, err := Restore(backups[0], path, testPass)
	require.NoError(t, err)
	require.NotEmpty(t, aside)
	kept, err := os.ReadFile(aside)
	require.NoError(t, err)
	require.True(t, bytes.Equal(damaged, kept), "the damaged file is kept aside, unchanged")
	require.Equal(t, filepath.Dir(path), filepath.Dir(aside))
	restored, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.Equal(backupBytes, restored))
	still, err := os.ReadFile(backups[0])
	require.NoError(t, err)
	require.True(t, bytes.Equal(backupBytes, still), "the backup stays where it was")
	requireNoTempFiles(t, filepath.Dir(path))

	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err)
	require.Equal(t, "good", getNote(t, w.DB(), 1))
	// The restored vault saves as the newest of its line: nothing it saves
	// is pruned before the older backups.
	putNote(t, w.DB(), 1, "after the restore")
	saveAndCompact(t, w)
	nb, err := w.Backups()
	require.NoError(t, err)
	require.Greater(t, headerOf(t, path).Seq, headerOf(t, nb[0]).Seq, "the vault is newer than every backup")
	keptAsBackup := false
	for _, b := range nb {
		keptAsBackup = keptAsBackup || bytes.HasPrefix(mustRead(t, b), restored)
	}
	require.True(t, keptAsBackup, "the restored file (and the save after it, in its journal) is kept as a backup")

	// While the vault is open, a restore waits its turn.
	_, err = RestoreWithRecoveryKey(backups[1], path, rk)
	require.ErrorIs(t, err, ErrInUse)
	require.NoError(t, w.Close())
	_, err = RestoreWithRecoveryKey(backups[1], path, rk)
	require.NoError(t, err)
	asides := 0
	for _, n := range listDir(t, filepath.Dir(path)) {
		if strings.Contains(n, "set-aside") {
			asides++
		}
	}
	require.Equal(t, 2, asides, "each restore keeps the file it replaced")
}

func TestRestoreWithNoVaultFileThere(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "kept")
	saveAndCompact(t, v)
	backups, err := v.Backups()
	require.NoError(t, err)
	require.NoError(t, v.Close())
	require.NoError(t, os.Remove(path))
	aside, err := Restore(backups[0], path, testPass)
	require.NoError(t, err)
	require.Empty(t, aside)
	w, err := Open(path, testPass, Options{ReadOnly: true})
	require.NoError(t, err)
	require.NoError(t, w.Close())
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return b
}

func TestBackupsBesideNamesAnotherVaultsBackups(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "x")
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())
	require.NoError(t, os.Remove(path))
	got, err := BackupsBeside(path)
	require.NoError(t, err)
	require.Len(t, got, 1)
	got, err = BackupsBeside(filepath.Join(t.TempDir(), "inreach.vault"))
	require.NoError(t, err)
	require.Empty(t, got)
}

func TestFormat1BackupsAreKeptUnlessTheyProveToBeThisVaults(t *testing.T) {
	opts := testOpts()
	opts.Backups = 3
	dir := t.TempDir()
	path := filepath.Join(dir, "inreach.vault")
	bdir := backupDir(path)
	require.NoError(t, os.MkdirAll(bdir, 0o700))
	// Two format-1 backups of this vault (the fixture itself) and one of
	// another vault, all named as backups.
	mine := mustRead(t, filepath.Join("testdata", "format1.vault"))
	other := mustRead(t, filepath.Join("testdata", "format1-nfd.vault"))
	names := map[string][]byte{
		"inreach-20200101T000000.000Z.vault": mine,
		"inreach-20200102T000000.000Z.vault": mine,
		"inreach-20300101T000000.000Z.vault": other, // a name far in the future
	}
	for n, b := range names {
		require.NoError(t, os.WriteFile(filepath.Join(bdir, n), b, 0o600))
	}
	require.NoError(t, os.WriteFile(path, mine, 0o600))

	v, err := Open(path, []byte(format1Pass), opts) // upgraded and saved: one more backup
	require.NoError(t, err)
	defer v.Close()
	for i := 0; i < 4; i++ {
		putNote(t, v.DB(), 1, fmt.Sprint("v", i))
		saveAndCompact(t, v)
	}
	own, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, own, 3)
	for _, b := range own {
		require.Equal(t, uint16(formatVersion), headerOf(t, b).Version, "the format-1 ones, oldest, went first")
	}
	require.FileExists(t, filepath.Join(bdir, "inreach-20300101T000000.000Z.vault"), "another vault's format-1 backup is kept")
	require.NoFileExists(t, filepath.Join(bdir, "inreach-20200101T000000.000Z.vault"))
	require.NoFileExists(t, filepath.Join(bdir, "inreach-20200102T000000.000Z.vault"))
	require.Len(t, listDir(t, bdir), 4)
}
