//go:build windows

package vault

import (
	"errors"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/windows"
)

// syncDir does nothing on Windows, which offers no way to flush a folder;
// the file itself is fsynced before os.Rename (MoveFileEx) replaces the vault.
func syncDir(dir string) error { return nil }

func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) ||
		errors.Is(err, windows.ERROR_DISK_FULL) ||
		errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}

// renameWaits are the pauses between attempts to rename over a file that
// another program holds open: Inreach reading the vault in another window
// (a report), an antivirus scanning the new file, a backup or sync program.
// They add up to about three seconds; then the save fails and says why.
var renameWaits = []time.Duration{
	5 * time.Millisecond, 10 * time.Millisecond, 20 * time.Millisecond, 40 * time.Millisecond,
	80 * time.Millisecond, 150 * time.Millisecond, 250 * time.Millisecond, 400 * time.Millisecond,
	500 * time.Millisecond, 750 * time.Millisecond, 750 * time.Millisecond,
}

// renameBlocked, when set (by tests), is called each time a rename was
// blocked by another program, before the pause.
var renameBlocked func(attempt int, err error)

// renameFile is os.Rename, retried while another program holds either file
// open without sharing it for deletion (Windows then refuses MoveFileEx with
// a sharing violation or "access denied").
func renameFile(oldpath, newpath string) error {
	err := os.Rename(oldpath, newpath)
	for i, wait := range renameWaits {
		if err == nil || !heldOpen(err) {
			return err
		}
		if renameBlocked != nil {
			renameBlocked(i+1, err)
		}
		time.Sleep(wait)
		err = os.Rename(oldpath, newpath)
	}
	return err
}

// heldOpen reports whether err is Windows refusing a file operation because
// another program has the file open.
func heldOpen(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED) ||
		errors.Is(err, windows.ERROR_USER_MAPPED_FILE)
}

// platformProblem names, in plain words, the Windows causes of a file error
// that the generic ones would get wrong: a file held open by another program
// looks like "access denied".
func platformProblem(err error) string {
	switch {
	case errors.Is(err, windows.ERROR_ACCESS_DENIED):
		return "Windows refused access: another program may be keeping the file open (an antivirus, a backup or sync program, or Inreach in another window), or you may not be allowed to change this folder; wait a moment and try again"
	case heldOpen(err):
		return "another program kept the file open (an antivirus, a backup or sync program, or Inreach in another window); wait a moment and try again"
	}
	return ""
}
