//go:build windows

package vault

import (
	"errors"
	"syscall"

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
