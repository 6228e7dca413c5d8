package kit

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// timersEnv is an Env with only a clock and timers; a screen's other
// needs panic if called.
type timersEnv struct {
	Env
	ts     *Timers
	locked bool
}

func (e *timersEnv) After(d time.Duration, f func()) *Timer { return e.ts.After(d, f) }
func (e *timersEnv) Locked() bool                           { return e.locked }

func TestAnEditorKeepsItsWorkOnlyAfterAPauseAndNeverOnceClosed(t *testing.T) {
	c := NewFakeClock(start)
	env := &timersEnv{ts: NewTimers(c)}
	delay := 2 * time.Second
	var kept int
	var ed Editor
	ed.Init(env, &delay, func() { kept++ })

	ed.Load(func() { require.False(t, ed.Edited(), "filling the fields is not an edit") })
	require.False(t, ed.Dirty)

	require.True(t, ed.Edited())
	c.Advance(time.Second)
	require.True(t, ed.Edited(), "typing again before the pause is over")
	c.Advance(time.Second + time.Second/2)
	require.Zero(t, kept, "the pause starts again at each change")
	c.Advance(time.Second)
	require.Equal(t, 1, kept)
	require.True(t, ed.Dirty, "kept, but still not saved until the editor says so")

	ed.Edited()
	ed.Close()
	c.Advance(time.Minute)
	require.Equal(t, 1, kept, "nothing runs once closed")
	require.False(t, ed.Edited(), "a closed editor takes no edits")

	var other Editor
	other.Init(env, &delay, func() { kept++ })
	other.Edited()
	env.locked = true
	c.Advance(time.Minute)
	require.Equal(t, 1, kept, "nothing runs once the session locked")
}
