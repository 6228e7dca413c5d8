package kit

import (
	"sort"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// Clock is the time the session's timers run on: the system clock in the
// app, a FakeClock that tests move on by hand.
type Clock interface {
	Now() time.Time
	// AfterFunc calls f on the UI goroutine once d has passed, unless the
	// returned stop function is called first.
	AfterFunc(d time.Duration, f func()) (stop func())
}

// SystemClock is the real clock; its timers run through fyne.Do.
type SystemClock struct{}

// Now is time.Now.
func (SystemClock) Now() time.Time { return time.Now() }

// AfterFunc is time.AfterFunc, delivering f on the UI goroutine.
func (SystemClock) AfterFunc(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// FakeClock is a clock for tests: time moves only when Advance is called,
// and due timers run then, on the caller's goroutine.
type FakeClock struct {
	mu     sync.Mutex
	now    time.Time
	seq    int
	timers map[int]fakeTimer
}

type fakeTimer struct {
	at  time.Time
	seq int
	f   func()
}

// NewFakeClock is a clock standing at start.
func NewFakeClock(start time.Time) *FakeClock {
	return &FakeClock{now: start, timers: map[int]fakeTimer{}}
}

// Now is the clock's time.
func (c *FakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to t without running timers (tests fix the day).
func (c *FakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// AfterFunc schedules f at Now()+d.
func (c *FakeClock) AfterFunc(d time.Duration, f func()) func() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	id := c.seq
	c.timers[id] = fakeTimer{at: c.now.Add(d), seq: id, f: f}
	return func() {
		c.mu.Lock()
		delete(c.timers, id)
		c.mu.Unlock()
	}
}

// Advance moves the clock on by d, running every timer that falls due, in
// order, each at its own time (a timer set by one of them runs too when it
// falls within d).
func (c *FakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now.Add(d)
	c.mu.Unlock()
	for {
		c.mu.Lock()
		var due []fakeTimer
		for _, t := range c.timers {
			if !t.at.After(end) {
				due = append(due, t)
			}
		}
		if len(due) == 0 {
			c.now = end
			c.mu.Unlock()
			return
		}
		sort.Slice(due, func(i, j int) bool {
			if due[i].at.Equal(due[j].at) {
				return due[i].seq < due[j].seq
			}
			return due[i].at.Before(due[j].at)
		})
		next := due[0]
		delete(c.timers, next.seq)
		if next.at.After(c.now) {
			c.now = next.at
		}
		c.mu.Unlock()
		next.f()
	}
}

// Timers are the timers of one session (debounces, autosaves, the idle
// watch, clocks on screen): all on one clock, all stopped together when
// the session locks.
type Timers struct {
	clock   Clock
	mu      sync.Mutex
	live    map[*Timer]bool
	stopped bool
}

// Timer is one timer of Timers. A nil *Timer is a stopped one.
type Timer struct {
	ts   *Timers
	stop func()
	dead bool
}

// NewTimers makes the timers of a session on clock c.
func NewTimers(c Clock) *Timers { return &Timers{clock: c, live: map[*Timer]bool{}} }

// Clock is the clock the timers run on.
func (ts *Timers) Clock() Clock { return ts.clock }

// After runs f on the UI goroutine once d has passed, unless the timer or
// all the timers are stopped first.
func (ts *Timers) After(d time.Duration, f func()) *Timer {
	t := &Timer{ts: ts}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.stopped {
		t.dead = true
		return t
	}
	ts.live[t] = true
	t.stop = ts.clock.AfterFunc(d, func() {
		ts.mu.Lock()
		run := !t.dead && !ts.stopped
		t.dead = true
		delete(ts.live, t)
		ts.mu.Unlock()
		if run {
			f()
		}
	})
	return t
}

// Every runs f every d until stopped.
func (ts *Timers) Every(d time.Duration, f func()) *Timer {
	t := &Timer{ts: ts}
	var arm func()
	arm = func() {
		ts.mu.Lock()
		defer ts.mu.Unlock()
		if ts.stopped || t.dead {
			return
		}
		ts.live[t] = true
		t.stop = ts.clock.AfterFunc(d, func() {
			ts.mu.Lock()
			run := !t.dead && !ts.stopped
			ts.mu.Unlock()
			if run {
				f()
				arm()
			}
		})
	}
	arm()
	return t
}

// Stop stops the timer; f will not run (again).
func (t *Timer) Stop() {
	if t == nil || t.ts == nil {
		return
	}
	t.ts.mu.Lock()
	defer t.ts.mu.Unlock()
	t.dead = true
	delete(t.ts.live, t)
	if t.stop != nil {
		t.stop()
	}
}

// StopAll stops every timer, and any started later.
func (ts *Timers) StopAll() {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.stopped = true
	for t := range ts.live {
		t.dead = true
		if t.stop != nil {
			t.stop()
		}
	}
	ts.live = map[*Timer]bool{}
}
