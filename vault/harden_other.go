//go:build !linux && !unix

package vault

// protectProcess does nothing here; see harden_linux.go. (Windows has no
// equivalent of PR_SET_DUMPABLE for a process's own memory, and writes no
// core files; crash dumps are its own setting.)
func protectProcess() {}
