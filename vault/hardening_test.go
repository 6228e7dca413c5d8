package vault

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/internal/wine"
)

func TestAFlippedMagicByteOrAZeroedFileNamesTheNewestBackup(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "x")
	saveAndCompact(t, v)
	backups, err := v.Backups()
	require.NoError(t, err)
	require.NoError(t, v.Close())
	good, err := os.ReadFile(path)
	require.NoError(t, err)

	flipped := append([]byte(nil), good...)
	flipped[0] ^= 0x20
	for name, content := range map[string][]byte{
		"flipped magic": flipped,
		"zeroed":        make([]byte, len(good)),
	} {
		require.NoError(t, os.WriteFile(path, content, 0o600))
		_, err := Open(path, testPass, testOpts())
		require.ErrorIs(t, err, ErrNotVault, name)
		var de *DamagedError
		require.True(t, errors.As(err, &de), name)
		require.Equal(t, backups[0], de.NewestBackup, name)
		require.Contains(t, err.Error(), "not an Inreach vault", name)
		require.Contains(t, err.Error(), RestoreCommand(backups[0], path), name)
	}
}

func TestASymlinkAtTheLockPathIsRefusedAndNotFollowed(t *testing.T) {
	if wine.Detected() {
		t.Skip("wine 8's CreateSymbolicLink reports success but makes no link")
	}
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	victim := filepath.Join(t.TempDir(), "precious.txt")
	require.NoError(t, os.WriteFile(victim, []byte("do not truncate me"), 0o600))
	if err := os.Symlink(victim, lockPath(path)); err != nil && runtime.GOOS == "windows" {
		t.Skipf("this Windows account cannot make symbolic links (it needs the privilege or developer mode): %v", err)
	} else {
		require.NoError(t, err)
	}

	_, err := Open(path, testPass, testOpts())
	require.Error(t, err)
	require.Contains(t, err.Error(), "symbolic link")
	require.Contains(t, err.Error(), lockPath(path))
	got, err := os.ReadFile(victim)
	require.NoError(t, err)
	require.Equal(t, "do not truncate me", string(got), "the link's target is untouched")
	// A dangling link is not followed to create a file either.
	require.NoError(t, os.Remove(lockPath(path)))
	elsewhere := filepath.Join(t.TempDir(), "made-by-inreach")
	require.NoError(t, os.Symlink(elsewhere, lockPath(path)))
	_, err = Open(path, testPass, testOpts())
	require.Error(t, err)
	require.NoFileExists(t, elsewhere)
}

func TestBackupsFolderThatCannotBeWrittenIsNamed(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "old")
	saveAndCompact(t, v)
	putNote(t, v.DB(), 1, "new")
	require.NoError(t, v.Save())
	before := mustRead(t, path)
	// No hard links here, and the backups folder refuses new files: the
	// compaction cannot keep the file it replaces.
	v.fs = &faultyFS{linkErr: syscall.EXDEV, createErrIn: backupDir(path)}
	err := v.Compact()
	require.Error(t, err)
	require.Contains(t, err.Error(), "permission was refused")
	require.Contains(t, err.Error(), "backups folder "+backupDir(path))
	require.NotContains(t, err.Error(), "beside it")
	require.Equal(t, before, mustRead(t, path))
	requireNoTempFiles(t, filepath.Dir(path))
}
