//go:build windows

package vault

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/windows"

	"inreach/owneronly"
)

// onRenameBlocked sets the hook renameFile calls when another program blocks
// a rename, and short pauses, for one test.
func onRenameBlocked(t *testing.T, waits []time.Duration, f func(attempt int, err error)) {
	oldWaits, oldHook := renameWaits, renameBlocked
	if waits != nil {
		renameWaits = waits
	}
	renameBlocked = f
	t.Cleanup(func() { renameWaits, renameBlocked = oldWaits, oldHook })
}

func TestWindowsSaveSucceedsWhileAReaderHasTheVaultOpen(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "before")
	require.NoError(t, v.Save())
	old, err := os.ReadFile(path)
	require.NoError(t, err)

	// A reader (inreach report, in another window) in the middle of reading
	// the vault file: opened as os.ReadFile opens it, which does not share
	// the file for deletion, so Windows refuses to rename over it.
	r, err := os.Open(path)
	require.NoError(t, err)
	half := make([]byte, len(old)/2)
	_, err = io.ReadFull(r, half)
	require.NoError(t, err)
	var read []byte
	finish := func() {
		rest, err := io.ReadAll(r)
		require.NoError(t, err)
		read = append(half, rest...)
		require.NoError(t, r.Close())
	}
	blocked := 0
	onRenameBlocked(t, nil, func(attempt int, err error) {
		blocked++
		if attempt == 1 {
			finish() // the reader finishes while the save waits
		}
	})

	putNote(t, v.DB(), 1, "after")
	require.NoError(t, v.Save())
	if blocked == 0 {
		// Windows let the rename through (POSIX rename semantics): the
		// reader still reads the old file to its end.
		finish()
	}
	t.Logf("the save was blocked %d times by the reader", blocked)
	// A save appends its change to the vault file's journal (it renames a
	// new file in only when it compacts), so the reader finds the old
	// vault whole, with at most a newer record after it (a reader that
	// stops short of a record's end drops it as torn).
	require.GreaterOrEqual(t, len(read), len(old))
	require.Equal(t, old, read[:len(old)], "the reader read the whole old vault, untouched")
	w := reopen(t, v, path, testOpts())
	require.Equal(t, "after", getNote(t, w.DB(), 1))
	requireNoTempFiles(t, filepath.Dir(path))
}

func TestWindowsSaveBlockedByAnotherProgramFailsPlainlyAndKeepsTheOldVault(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "kept")
	require.NoError(t, v.Save())
	old, err := os.ReadFile(path)
	require.NoError(t, err)
	backupsBefore, err := listBackups(path)
	require.NoError(t, err)

	// An antivirus (or a backup or sync program) holds the vault open and
	// does not let go within the retries.
	p, err := windows.UTF16PtrFromString(path)
	require.NoError(t, err)
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, 0, 0)
	require.NoError(t, err)
	attempts := 0
	waits := []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}
	onRenameBlocked(t, waits, func(int, error) { attempts++ })

	putNote(t, v.DB(), 1, "not yet saved")
	err = v.Save()
	var se *SaveError
	require.ErrorAs(t, err, &se)
	require.False(t, se.Replaced)
	// The save appends to the vault file itself; a program holding it
	// without sharing writes stops that at once (no rename to retry).
	require.Equal(t, "opening it to add the change", se.Step)
	require.Contains(t, err.Error(), "another program")
	require.Contains(t, err.Error(), "the vault file on disk is unchanged")
	require.NotContains(t, err.Error(), filepath.Dir(path), "plain words, no paths")
	_ = attempts // renames are retried only when a compaction puts a new file in place
	require.NoError(t, windows.CloseHandle(h))

	now, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.Equal(old, now), "the old vault is byte for byte as it was")
	requireNoTempFiles(t, filepath.Dir(path))
	// The backup made for the failed save is a hard link to the vault
	// file, which the other program still held when the save gave up, so
	// Windows may refuse to remove it: then it is left, a second name for
	// the unchanged vault, and pruned with the others later.
	backupsAfter, err := listBackups(path)
	require.NoError(t, err)
	vst, err := os.Stat(path)
	require.NoError(t, err)
	for _, b := range backupsAfter {
		if !slices.Contains(backupsBefore, b) {
			bst, err := os.Stat(b)
			require.NoError(t, err)
			require.True(t, os.SameFile(vst, bst), "a backup left by the failed save is the unchanged vault: %s", b)
		}
	}
	require.LessOrEqual(t, len(backupsAfter), len(backupsBefore)+1)
	require.True(t, v.Changed(), "the change is still waiting to be saved")

	require.NoError(t, v.Save(), "once the program lets go, the save goes through")
	w := reopen(t, v, path, testOpts())
	require.Equal(t, "not yet saved", getNote(t, w.DB(), 1))
}

func TestWindowsDefaultVaultLivesInAppDataInreach(t *testing.T) {
	appData := filepath.Join(t.TempDir(), "Roaming")
	require.NoError(t, os.Mkdir(appData, 0o700))
	t.Setenv("APPDATA", appData)
	t.Setenv("INREACH_VAULT", "")
	p, err := DefaultPath()
	require.NoError(t, err)
	require.Equal(t, filepath.Join(appData, "Inreach", "inreach.vault"), p)

	v, _, err := Create(p, testPass, testOpts())
	require.NoError(t, err)
	t.Cleanup(func() { v.Close() })
	require.NoError(t, owneronly.Check(filepath.Dir(p)), "the Inreach folder is the user's only")
	require.NoError(t, owneronly.Check(p))
}

func TestWindowsLockIsLockFileExAndLeavesThePIDReadable(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	// Another handle (another process would be the same) cannot take the
	// lock while the vault is open...
	f, err := os.OpenFile(lockPath(path), os.O_RDWR, 0)
	require.NoError(t, err)
	defer f.Close()
	h := windows.Handle(f.Fd())
	ol := &windows.Overlapped{OffsetHigh: 1}
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	require.ErrorIs(t, err, windows.ERROR_LOCK_VIOLATION)
	// ...but can read the PID in it (Windows locks are mandatory, so the
	// locked byte lies past it).
	b, err := io.ReadAll(f)
	require.NoError(t, err)
	require.Equal(t, strconv.Itoa(os.Getpid()), strings.TrimSpace(string(b)))
	require.NoError(t, owneronly.Check(lockPath(path)), "the lock file is the user's only")

	require.NoError(t, v.Close())
	require.NoError(t, windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol),
		"Close let the lock go")
	require.NoError(t, windows.UnlockFileEx(h, 0, 1, 0, ol))
}
