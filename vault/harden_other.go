//go:build !linux

package vault

// protectProcess does nothing here; see harden_linux.go. (macOS writes no
// core files unless asked to; Windows has no equivalent of PR_SET_DUMPABLE
// for a process's own memory.)
func protectProcess() {}
