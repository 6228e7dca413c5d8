package kit

import (
	"sync"

	"fyne.io/fyne/v2"
)

// Jobs runs work off the UI goroutine and what follows it on the UI
// goroutine, and lets tests wait for all of it.
//
// In the app, then runs through fyne.Do. Under tests (NewTestJobs), then
// is queued and runs on the goroutine that calls Idle, the test's own: no
// background goroutine ever touches a widget while a test looks at it.
type Jobs struct {
	wg     sync.WaitGroup
	mu     sync.Mutex
	manual bool
	queued []func()
}

// NewTestJobs is Jobs for tests: then runs when the test calls Idle.
func NewTestJobs() *Jobs { return &Jobs{manual: true} }

// Go runs work on its own goroutine, then then (if not nil) on the UI
// goroutine.
func (j *Jobs) Go(work, then func()) {
	j.wg.Add(1)
	go func() {
		if work != nil {
			work()
		}
		if j.manual {
			if then != nil {
				j.mu.Lock()
				j.queued = append(j.queued, then)
				j.mu.Unlock()
			}
			j.wg.Done()
			return
		}
		if then == nil {
			j.wg.Done()
			return
		}
		fyne.Do(func() {
			defer j.wg.Done()
			then()
		})
	}()
}

// Idle waits until no work is running and nothing waits to run after it
// (for tests; in the app it must not be called on the UI goroutine).
func (j *Jobs) Idle() {
	for {
		j.wg.Wait()
		j.mu.Lock()
		q := j.queued
		j.queued = nil
		j.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}
