//go:build linux

package vault

import (
	"sync"

	"golang.org/x/sys/unix"
)

var protectOnce sync.Once

// protectProcess keeps the vault's keys and contents out of core dumps and
// away from debuggers of the same user: no core files (RLIMIT_CORE 0, soft
// and hard) and PR_SET_DUMPABLE 0 (which also makes /proc/<pid>/mem and
// ptrace unavailable to other processes of the user). It is done before
// the first key is derived and kept until the process ends, since wiping
// memory is best effort and copies may outlive Close. Failures are ignored:
// they weaken nothing that worked before.
func protectProcess() {
	protectOnce.Do(func() {
		unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{Cur: 0, Max: 0})
		unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0)
	})
}
