package ui

import (
	"time"

	"inreach/ui/kit"
)

// These are for tests (ui/uitest and the sections' tests): they look into
// the running app and move its test clock.

// Env is the environment the open session's screens see.
func (u *UI) Env() kit.Env { return u.Shell.Env }

// Fake is the test clock (NewUI with a kit.FakeClock).
func (u *UI) Fake() *kit.FakeClock { return u.Clock.(*kit.FakeClock) }

// Wait lets d pass on the test clock, then waits for the work that started.
func (u *UI) Wait(d time.Duration) {
	u.Idle()
	u.Fake().Advance(d)
	u.Idle()
}
