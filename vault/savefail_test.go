package vault

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/owneronly"
)

// requireNoTempFiles fails if a save left a temporary file anywhere in dir.
func requireNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		require.NotContains(t, d.Name(), ".tmp-", "temporary file left: %s", p)
		return nil
	})
}

func TestFailedSaveLeavesTheOldVaultIntact(t *testing.T) {
	cases := []struct {
		name    string
		fs      *faultyFS
		problem string
		step    string
	}{
		{"disk full while writing", &faultyFS{writeErr: syscall.ENOSPC}, "the disk is full", "writing the new file"},
		{"disk full at fsync", &faultyFS{syncErr: syscall.ENOSPC}, "the disk is full", "flushing the new file"},
		{"i/o error at fsync", &faultyFS{syncErr: syscall.EIO}, "the disk reported a read or write error", "flushing the new file"},
		{"disk full at rename", &faultyFS{renameErr: syscall.ENOSPC}, "the disk is full", "putting the new file in place"},
		{"permission refused at rename", &faultyFS{renameErr: syscall.EACCES}, "permission was refused", "putting the new file in place"},
		{"quota at write", &faultyFS{writeErr: syscall.EDQUOT}, "the disk quota is used up", "writing the new file"},
		{"nothing works", &faultyFS{failAll: true}, "the disk reported a read or write error", "creating a new file"},
		{"backups folder cannot be flushed", &faultyFS{syncDirErr: syscall.EIO}, "the disk reported a read or write error", "flushing the backups folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, path, _ := newVault(t, testOpts())
			putNote(t, v.DB(), 1, "old content")
			require.NoError(t, v.Save())
			before, err := os.ReadFile(path)
			require.NoError(t, err)
			backups, err := v.Backups()
			require.NoError(t, err)

			putNote(t, v.DB(), 1, "new content")
			v.fs = c.fs
			err = v.Save()
			require.Error(t, err)
			var se *SaveError
			require.True(t, errors.As(err, &se))
			require.Contains(t, err.Error(), "could not save the vault: "+c.problem)
			require.Contains(t, err.Error(), c.step)
			require.Contains(t, err.Error(), "unchanged")
			require.True(t, v.Changed(), "the change is still unsaved")

			after, err := os.ReadFile(path)
			require.NoError(t, err)
			require.Equal(t, before, after, "the vault file is untouched")
			requireNoTempFiles(t, filepath.Dir(path))
			again, err := v.Backups()
			require.NoError(t, err)
			require.Equal(t, backups, again, "no half-made backup is left")

			require.NoError(t, v.Close())
			w, err := Open(path, testPass, testOpts())
			require.NoError(t, err)
			defer w.Close()
			require.Equal(t, "old content", getNote(t, w.DB(), 1))
		})
	}
}

func TestFolderFlushFailureSaysTheSaveIsUnconfirmed(t *testing.T) {
	opts := testOpts()
	opts.Backups = -1
	v, path, _ := newVault(t, opts)
	putNote(t, v.DB(), 1, "new")
	v.fs = &faultyFS{syncDirErr: syscall.EIO}
	err := v.Save()
	require.Error(t, err)
	require.Contains(t, err.Error(), "did not confirm")
	require.True(t, v.Changed(), "the next save tries again")
	v.fs = osFS{}
	require.NoError(t, v.Save())
	w := reopen(t, v, path, testOpts())
	require.Equal(t, "new", getNote(t, w.DB(), 1))
}

func TestBackupByCopyWhenHardLinksAreRefused(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "first")
	v.fs = &faultyFS{linkErr: syscall.EPERM}
	require.NoError(t, v.Save())
	b, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, b, 1)
	st1, _ := os.Stat(b[0])
	requireNoTempFiles(t, filepath.Dir(path))
	putNote(t, v.DB(), 1, "second")
	require.NoError(t, v.Save())
	st2, _ := os.Stat(path)
	require.False(t, os.SameFile(st1, st2))
	require.NoError(t, owneronly.Check(b[0]), "a copied backup is the user's only")
	r, err := Open(b[0], testPass, Options{ReadOnly: true})
	require.NoError(t, err)
	defer r.Close()
	var n int
	require.NoError(t, r.DB().QueryRow(`SELECT count(*) FROM notes`).Scan(&n))
	require.Equal(t, 0, n, "the backup holds the state before the first save")
}

func TestFailedWriteBackupSaysSoAndLeavesNoTempFile(t *testing.T) {
	v, _, _ := newVault(t, testOpts())
	dir := t.TempDir()
	v.fs = &faultyFS{writeErr: syscall.ENOSPC}
	err := v.WriteBackup(filepath.Join(dir, "copy.vault"))
	require.Error(t, err)
	require.True(t, strings.HasPrefix(err.Error(), "could not write the backup: the disk is full"), err.Error())
	require.Empty(t, listDir(t, dir))
}

func TestOpenRemovesTempFilesLeftByACutOffSave(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "x")
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())
	dir := filepath.Dir(path)
	left := []string{
		filepath.Join(dir, ".inreach.vault.tmp-123"),
		filepath.Join(backupDir(path), ".inreach-20260101T000000.000Z.vault.tmp-9"),
	}
	kept := []string{
		filepath.Join(dir, ".other.vault.tmp-123"),
		filepath.Join(backupDir(path), ".inreach-work-20260101T000000.000Z.vault.tmp-9"),
	}
	for _, p := range append(append([]string{}, left...), kept...) {
		require.NoError(t, os.WriteFile(p, []byte("sealed"), 0o600))
	}
	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err)
	defer w.Close()
	for _, p := range left {
		require.NoFileExists(t, p)
	}
	for _, p := range kept {
		require.FileExists(t, p, "another vault's file is left alone")
	}
}
