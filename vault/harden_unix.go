//go:build unix && !linux

package vault

import "golang.org/x/sys/unix"

// protectProcess keeps the vault out of core files (RLIMIT_CORE 0, soft
// and hard) from the first Create or Open until the process ends; see
// harden_linux.go, which also makes the process undumpable.
func protectProcess() {
	unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{Cur: 0, Max: 0})
}
