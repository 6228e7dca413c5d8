package vault

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/owneronly"
)

func TestBackupsRotateToTheNewestNAndEachOpens(t *testing.T) {
	opts := testOpts()
	opts.Backups = 4
	v, path, rk := newVault(t, opts)
	for i := 1; i <= 7; i++ {
		putNote(t, v.DB(), 1, fmt.Sprintf("version %d", i))
		saveAndCompact(t, v)
	}
	backups, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, backups, 4)
	require.Equal(t, backupDir(path), filepath.Dir(backups[0]))

	// Newest first: the newest backup is the file the last compaction
	// replaced (its base and its journal), which held the last save.
	for i, b := range backups {
		want := fmt.Sprintf("version %d", 7-i)
		r, err := Open(b, testPass, Options{ReadOnly: true})
		require.NoError(t, err, b)
		require.Equal(t, want, getNote(t, r.DB(), 1), b)
		require.NoError(t, r.Close())
		r, err = OpenWithRecoveryKey(b, rk, Options{ReadOnly: true})
		require.NoError(t, err, b)
		require.NoError(t, r.Close())
		require.NoError(t, owneronly.Check(b), "a backup is the user's only")
	}
	require.NoError(t, owneronly.Check(backupDir(path)), "so is the backups folder")
}

func TestDefaultKeepsTenBackupsAndNegativeKeepsNone(t *testing.T) {
	v, _, _ := newVault(t, testOpts())
	for i := 0; i < 13; i++ {
		putNote(t, v.DB(), 1, fmt.Sprint(i))
		saveAndCompact(t, v)
	}
	b, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, b, 10)

	opts := testOpts()
	opts.Backups = -1
	w, path, _ := newVault(t, opts)
	for i := 0; i < 3; i++ {
		putNote(t, w.DB(), 1, fmt.Sprint(i))
		saveAndCompact(t, w)
	}
	b, err = w.Backups()
	require.NoError(t, err)
	require.Empty(t, b)
	require.NoDirExists(t, backupDir(path))
}

func TestBackupNamesSortByTimeAndIgnoreOtherFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "inreach.vault")
	bdir := backupDir(path)
	require.NoError(t, os.MkdirAll(bdir, 0o700))
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	// Two backups in the same millisecond get distinct, ordered names.
	b1, err := makeBackupFrom(t, path, now)
	require.NoError(t, err)
	b2, err := makeBackupFrom(t, path, now)
	require.NoError(t, err)
	require.NotEqual(t, b1, b2)
	for _, junk := range []string{"inreach-work-20260301T090000.000Z.vault", "inreach-notatime.vault", "other-20260301T090000.000Z.vault", "inreach-20260301T090000.000Z.vault.tmp"} {
		require.NoError(t, os.WriteFile(filepath.Join(bdir, junk), nil, 0o600))
	}
	list, err := listBackups(path)
	require.NoError(t, err)
	require.Equal(t, []string{b2, b1}, list)
}

// makeBackupFrom writes a stand-in vault file and backs it up at now.
func makeBackupFrom(t *testing.T, path string, now time.Time) (string, error) {
	require.NoError(t, os.WriteFile(path, []byte("sealed"), 0o600))
	return makeBackup(osFS{}, path, now)
}

func TestWriteBackupMakesACopyThatOpensWithTheSameKeys(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "saved")
	require.NoError(t, v.Save())
	putNote(t, v.DB(), 2, "not yet saved")

	out := filepath.Join(t.TempDir(), "copy.vault")
	require.NoError(t, v.WriteBackup(out))
	require.True(t, v.Changed(), "a backup copy is not a save")
	require.NoError(t, owneronly.Check(out), "a backup copy is the user's only")

	r, err := Open(out, testPass, Options{ReadOnly: true})
	require.NoError(t, err)
	require.Equal(t, "not yet saved", getNote(t, r.DB(), 2), "the copy holds the working database")
	require.NoError(t, r.Close())
	r, err = OpenWithRecoveryKey(out, rk, Options{ReadOnly: true})
	require.NoError(t, err)
	require.NoError(t, r.Close())

	require.Error(t, v.WriteBackup(path), "never over the vault itself")
	// Relative to the vault's folder: on Windows the working folder may be
	// on another drive, with no relative path to the vault at all.
	t.Chdir(filepath.Dir(path))
	require.Error(t, v.WriteBackup(filepath.Base(path)), "nor by a relative path")
	require.NoError(t, os.Link(path, path+".hard"))
	require.Error(t, v.WriteBackup(path+".hard"), "nor through a hard link")
	require.Error(t, v.WriteBackup(lockPath(path)), "nor over its lock file")
	require.Error(t, v.WriteBackup(t.TempDir()), "nor over a folder")
}

func TestBackupEveryKeepsOneBackupForSavesInQuickSuccession(t *testing.T) {
	opts := testOpts()
	opts.BackupEvery = time.Hour
	v, _, _ := newVault(t, opts)
	for i := 1; i <= 5; i++ {
		putNote(t, v.DB(), 1, fmt.Sprintf("version %d", i))
		saveAndCompact(t, v)
	}
	b, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, b, 1, "one backup at the first compaction, none for those within the hour")

	v.lastBackup = time.Now().Add(-2 * time.Hour)
	putNote(t, v.DB(), 1, "version 6")
	saveAndCompact(t, v)
	b, err = v.Backups()
	require.NoError(t, err)
	require.Len(t, b, 2, "a save after the interval keeps another backup")
}
