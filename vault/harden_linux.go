//go:build linux

package vault

import "golang.org/x/sys/unix"

// protectProcess keeps the vault's keys and contents out of core dumps and
// away from debuggers of the same user: no core files (RLIMIT_CORE 0, soft
// and hard) and PR_SET_DUMPABLE 0 (which also makes /proc/<pid>/mem and
// ptrace unavailable to other processes of the user). It is done before
// the first key is derived and kept until the process ends, since wiping
// memory is best effort and copies may outlive Close. It is done at every
// Create and Open (two cheap system calls). Failures are ignored: they
// weaken nothing that worked before.
func protectProcess() {
	unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{Cur: 0, Max: 0})
	unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0)
}
