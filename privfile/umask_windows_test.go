//go:build windows

package privfile

// openUmask: Windows has no umask.
func openUmask() func() { return func() {} }
