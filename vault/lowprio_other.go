//go:build !linux

package vault

// lowPriority runs f (only Linux lowers the priority of a compaction).
func lowPriority(f func()) { f() }
