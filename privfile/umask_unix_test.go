//go:build unix

package privfile

import "syscall"

// openUmask sets the umask to 0 (so that only Inreach's own care makes files
// private) and returns what restores it.
func openUmask() func() {
	old := syscall.Umask(0)
	return func() { syscall.Umask(old) }
}
