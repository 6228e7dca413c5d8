//go:build unix

package pdf

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used so far (user and
// system, all threads): a measure of work that other programs sharing the
// machine do not inflate, as they do wall-clock time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
