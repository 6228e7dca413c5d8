//go:build windows

package vault

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/windows"

	"inreach/owneronly"
)

// acquireLock takes an exclusive LockFileEx lock on "<vault>.lock", writing
// this process's id into it. A second holder gets ErrInUse. Windows releases
// the lock when the process dies. The lock file is left in place on release
// (removing a file another process may have open is unreliable on Windows).
func acquireLock(vaultPath string) (*fileLock, error) {
	lp := lockPath(vaultPath)
	// A symbolic link or junction planted at the lock path is refused, not
	// followed, as on Unix.
	f, err := owneronly.OpenNoFollow(lp, os.O_RDWR|os.O_CREATE)
	if errors.Is(err, owneronly.ErrLink) {
		return nil, lockIsALink(lp)
	}
	if err != nil {
		return nil, fmt.Errorf("could not make the lock file %s: %w", lp, err)
	}
	h := windows.Handle(f.Fd())
	// Windows locks are mandatory: other handles cannot read a locked byte.
	// Lock one byte far beyond the PID (at 4 GiB; a lock may lie past the
	// end of the file), so that the PID stays readable to everyone.
	ol := &windows.Overlapped{OffsetHigh: 1}
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_SHARING_VIOLATION) {
			return nil, ErrInUse
		}
		return nil, fmt.Errorf("could not lock the vault (%s): %w", lp, err)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\r\n"), 0)
	return &fileLock{path: lp, release: func() {
		windows.UnlockFileEx(h, 0, 1, 0, ol)
		f.Close()
	}}, nil
}
