//go:build unix

package vault

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// acquireLock takes the exclusive flock on "<vault>.lock", writing this
// process's id into it. A second holder gets ErrInUse. flock is released by
// the kernel when the process dies, so a lock file left by a crash is simply
// taken over.
func acquireLock(vaultPath string) (*fileLock, error) {
	lp := lockPath(vaultPath)
	for attempt := 0; attempt < 10; attempt++ {
		// O_NOFOLLOW: a symbolic link planted at the lock path must not
		// make Inreach create or truncate a file somewhere else.
		f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE|unix.O_NOFOLLOW, 0o600)
		if errors.Is(err, unix.ELOOP) {
			return nil, lockIsALink(lp)
		}
		if err != nil {
			return nil, fmt.Errorf("could not make the lock file %s: %w", lp, err)
		}
		fd := int(f.Fd())
		for {
			err = unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB)
			if !errors.Is(err, unix.EINTR) {
				break
			}
		}
		if err != nil {
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, ErrInUse
			}
			return nil, fmt.Errorf("could not lock the vault (%s): %w", lp, err)
		}
		// The holder before us may have removed the file between our open
		// and our flock; then we hold a lock on a file nobody else sees.
		var held, now unix.Stat_t
		if unix.Fstat(fd, &held) != nil || unix.Lstat(lp, &now) != nil || held.Dev != now.Dev || held.Ino != now.Ino {
			f.Close()
			continue
		}
		f.Truncate(0)
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		return &fileLock{path: lp, release: func() {
			os.Remove(lp) // remove first, then unlock (closing drops the flock)
			f.Close()
		}}, nil
	}
	return nil, ErrInUse
}
