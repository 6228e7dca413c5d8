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

func TestFailedAppendLeavesTheVaultAsItWas(t *testing.T) {
	cases := []struct {
		name    string
		fs      *faultyFS
		problem string
		step    string
	}{
		{"disk full while writing", &faultyFS{writeErr: syscall.ENOSPC}, "the disk is full", "writing the change to the journal"},
		{"disk full at fsync", &faultyFS{syncErr: syscall.ENOSPC}, "the disk is full", "flushing the change to the disk"},
		{"i/o error at fsync", &faultyFS{syncErr: syscall.EIO}, "the disk reported a read or write error", "flushing the change to the disk"},
		{"quota at write", &faultyFS{writeErr: syscall.EDQUOT}, "the disk quota is used up", "writing the change to the journal"},
		{"nothing works", &faultyFS{failAll: true}, "the disk reported a read or write error", "opening it to add the change"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, path, _ := newVault(t, testOpts())
			putNote(t, v.DB(), 1, "old content")
			putNote(t, v.DB(), 2, "another note")
			require.NoError(t, v.Save())
			before, err := os.ReadFile(path)
			require.NoError(t, err)
			j := v.Journal()

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
			require.Equal(t, j, v.Journal(), "the journal's position did not move")

			after, err := os.ReadFile(path)
			require.NoError(t, err)
			require.Equal(t, before, after, "the half-written record was cut off; the file is as it was")
			requireNoTempFiles(t, filepath.Dir(path))
			b, err := v.Backups()
			require.NoError(t, err)
			require.Empty(t, b)

			// Nothing was lost: once the disk has room, the same change saves.
			v.fs = osFS{}
			require.NoError(t, v.Save())
			require.False(t, v.Changed())
			w := reopen(t, v, path, testOpts())
			require.Equal(t, "new content", getNote(t, w.DB(), 1))
			require.Equal(t, "another note", getNote(t, w.DB(), 2))
		})
	}
}

func TestAFailedAppendThatCannotBeCutOffIsDroppedAtOpenAndOverwrittenBySaving(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "old content")
	require.NoError(t, v.Save())
	before, err := os.ReadFile(path)
	require.NoError(t, err)

	putNote(t, v.DB(), 1, "new content")
	v.fs = &faultyFS{writeErr: syscall.ENOSPC, truncErr: syscall.EIO}
	require.Error(t, v.Save())
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Greater(t, len(after), len(before), "half a record is left behind")
	require.Equal(t, before, after[:len(before)], "the saved part is untouched")

	// Another process opening it now sees the old state and the torn tail.
	r, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
	require.NoError(t, err)
	require.Equal(t, "old content", getNote(t, r.DB(), 1))
	require.Equal(t, int64(len(after)-len(before)), r.Journal().TornBytes)
	require.NoError(t, r.Close())

	// The next save cuts it off first.
	v.fs = osFS{}
	putNote(t, v.DB(), 2, "later")
	require.NoError(t, v.Save())
	w := reopen(t, v, path, testOpts())
	require.Zero(t, w.Journal().TornBytes)
	require.Equal(t, "new content", getNote(t, w.DB(), 1))
	require.Equal(t, "later", getNote(t, w.DB(), 2))
}

func TestFailedCompactionLeavesTheVaultFileAsItWas(t *testing.T) {
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
			saveAndCompact(t, v)
			putNote(t, v.DB(), 1, "new content")
			require.NoError(t, v.Save())
			before, err := os.ReadFile(path)
			require.NoError(t, err)
			backups, err := v.Backups()
			require.NoError(t, err)

			v.fs = c.fs
			err = v.Compact()
			require.Error(t, err)
			var se *SaveError
			require.True(t, errors.As(err, &se))
			require.Contains(t, err.Error(), "could not save the vault: "+c.problem)
			require.Contains(t, err.Error(), c.step)
			require.Contains(t, err.Error(), "unchanged")

			after, err := os.ReadFile(path)
			require.NoError(t, err)
			require.Equal(t, before, after, "the vault file is untouched")
			requireNoTempFiles(t, filepath.Dir(path))
			again, err := v.Backups()
			require.NoError(t, err)
			require.Equal(t, backups, again, "no half-made backup is left")

			// Close compacts too; it fails the same way and loses nothing.
			require.NoError(t, v.Close())
			w, err := Open(path, testPass, testOpts())
			require.NoError(t, err)
			defer w.Close()
			require.Equal(t, "new content", getNote(t, w.DB(), 1), "the journal still holds the save")
		})
	}
}

func TestFolderFlushFailureSaysTheSaveIsUnconfirmed(t *testing.T) {
	opts := testOpts()
	opts.Backups = -1
	v, path, _ := newVault(t, opts)
	putNote(t, v.DB(), 1, "new")
	require.NoError(t, v.Save())
	v.fs = &faultyFS{syncDirErr: syscall.EIO}
	err := v.Compact()
	require.Error(t, err)
	require.Contains(t, err.Error(), "did not confirm")
	require.Zero(t, v.Journal().Records, "the compacted file is in place")
	v.fs = osFS{}
	putNote(t, v.DB(), 2, "after")
	require.NoError(t, v.Save())
	w := reopen(t, v, path, testOpts())
	require.Equal(t, "new", getNote(t, w.DB(), 1))
	require.Equal(t, "after", getNote(t, w.DB(), 2))
}

func TestBackupByCopyWhenHardLinksAreRefused(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "first")
	v.fs = &faultyFS{linkErr: syscall.EPERM}
	saveAndCompact(t, v)
	b, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, b, 1)
	st1, _ := os.Stat(b[0])
	requireNoTempFiles(t, filepath.Dir(path))
	putNote(t, v.DB(), 1, "second")
	saveAndCompact(t, v)
	st2, _ := os.Stat(path)
	require.False(t, os.SameFile(st1, st2))
	require.NoError(t, owneronly.Check(b[0]), "a copied backup is the user's only")
	r, err := Open(b[len(b)-1], testPass, Options{ReadOnly: true})
	require.NoError(t, err)
	defer r.Close()
	require.Equal(t, "first", getNote(t, r.DB(), 1), "the backup holds the file the first compaction replaced")
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
