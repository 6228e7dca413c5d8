package kit

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var start = time.Date(2025, 6, 15, 10, 0, 0, 0, time.UTC)

func TestAFakeClockRunsDueTimersInTheirOrderAndNoOthers(t *testing.T) {
	c := NewFakeClock(start)
	var ran []string
	c.AfterFunc(3*time.Second, func() { ran = append(ran, "3s") })
	c.AfterFunc(time.Second, func() {
		ran = append(ran, "1s")
		c.AfterFunc(time.Second, func() { ran = append(ran, "1s+1s") }) // set by a timer, due within the advance
	})
	c.AfterFunc(10*time.Second, func() { ran = append(ran, "10s") })
	c.Advance(3 * time.Second)
	require.Equal(t, []string{"1s", "1s+1s", "3s"}, ran)
	require.Equal(t, start.Add(3*time.Second), c.Now())
	c.Advance(6 * time.Second)
	require.Len(t, ran, 3, "the 10 s timer is not due yet")
}

func TestStoppingTimersStopsThemAndEveryTimerStartedAfterwards(t *testing.T) {
	c := NewFakeClock(start)
	ts := NewTimers(c)
	var once, every, stopped, late int
	ts.After(time.Second, func() { once++ })
	ts.Every(time.Second, func() { every++ })
	s := ts.After(time.Second, func() { stopped++ })
	s.Stop()
	c.Advance(3 * time.Second)
	require.Equal(t, 1, once)
	require.Equal(t, 3, every)
	require.Zero(t, stopped, "a stopped timer never runs")

	ts.StopAll()
	ts.After(time.Second, func() { late++ })
	c.Advance(5 * time.Second)
	require.Equal(t, 3, every, "the ticker stopped with the others")
	require.Zero(t, late, "a timer started after StopAll never runs")
	var nilTimer *Timer
	nilTimer.Stop() // a nil timer is a stopped one
}

func TestIdleWaitsForTheWorkAndRunsWhatFollowsOnTheCaller(t *testing.T) {
	j := NewTestJobs()
	done := make(chan struct{})
	var worked, followed bool
	j.Go(func() { <-done; worked = true }, func() {
		followed = true
		j.Go(func() {}, func() { followed = worked }) // work started by what follows is waited for too
	})
	close(done)
	j.Idle()
	require.True(t, worked)
	require.True(t, followed)
}
