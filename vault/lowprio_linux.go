package vault

import (
	"runtime"
	"syscall"
)

// lowPriority runs f on a thread of its own at a lower scheduling priority
// (nice 10) and waits for it: a compaction's sealing then gives way to the
// app's reads on a busy machine instead of competing with them. The thread
// is never handed back: it ends with f's goroutine, so no other goroutine
// runs at the lower priority (and Go starts new threads from a clean
// template thread while this one is locked).
func lowPriority(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread()
		syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), 10) // best effort
		f()
	}()
	<-done
}
