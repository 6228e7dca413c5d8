//go:build !windows

package vault

import "time"

// How many kills the crash test makes, and how long it may take at most.
const (
	crashKills      = 220
	crashMidSave    = 60
	crashMidCompact = 40
	crashTestLimit  = 120 * time.Second
)
