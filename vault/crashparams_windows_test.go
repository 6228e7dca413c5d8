//go:build windows

package vault

import "time"

// How many kills the crash test makes on Windows, and how long it may take at
// most: starting a process costs far more on Windows (and more again under
// wine, where make test-windows runs it) than on Linux.
const (
	crashKills      = 60
	crashMidSave    = 20
	crashMidCompact = 10
	crashTestLimit  = 10 * time.Minute
)
