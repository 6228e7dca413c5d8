package vault

import (
	"runtime"
	"runtime/debug"
)

// releaseMemory hands the big transient buffers of an open or a save (the
// file, the image, the sealed copy: each the size of the database) back to
// the system at once, so that peak memory stays near one copy of the
// database rather than several. It costs a garbage collection of a small
// heap (the database itself lives in SQLite's memory, not Go's).
func releaseMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}
