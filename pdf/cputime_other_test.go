//go:build !unix

package pdf

import "time"

var processStart = time.Now()

// cpuTime falls back to wall-clock time where rusage is not available.
func cpuTime() time.Duration { return time.Since(processStart) }
