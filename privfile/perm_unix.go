//go:build unix

package privfile

import (
	"os"
	"syscall"
)

// restrict makes f readable and writable by its owner only, whatever the
// umask. It is the one place owner-only access is enforced.
func restrict(f *os.File) error { return f.Chmod(0o600) }

// alive reports whether the process pid is running (a process of another
// user counts as running).
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

// syncDir flushes a folder's entries, so a rename in it is durable.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
