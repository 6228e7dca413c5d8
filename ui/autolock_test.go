package ui

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWakingFromSleepLocks(t *testing.T) {
	u := newTestUI(t)
	OpenTestVault(t, u)
	u.stopIdleWatch()
	u.idle = &idleWatch{u: u, last: time.Now(), timeout: time.Hour}
	// The wall clock moved on an hour while the monotonic clock did not:
	// the machine was asleep.
	now := time.Now()
	u.idle.tickMono = now
	u.idle.tickWall = now.Round(0).Add(-time.Hour)
	u.idle.check()
	require.Nil(t, u.Sess)
}
