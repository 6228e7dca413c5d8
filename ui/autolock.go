package ui

import (
	"reflect"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/ui/kit"
)

// idleTick is how often the idle watch looks for activity.
const IdleTick = time.Second

// sleepGap is how much more wall-clock time than monotonic time must pass
// between two ticks for the watch to decide the machine slept. Go's
// monotonic clock stops while the machine is suspended; the wall clock
// does not.
const sleepGap = 30 * time.Second

// idleWatch locks the vault after a period without input, and when the
// machine wakes from sleep. It ticks on the session's timers, so locking
// stops it and tests drive it with their clock.
//
// Fyne has no global input hook, so activity is what the watch can see:
// the mouse moving over the window's background (a hover layer under the
// content), a change of keyboard focus, the focused entry's text or cursor
// changing (typing), navigation, and every save of a change. A practitioner
// who is reading without touching anything is idle, as in a password
// manager.
type idleWatch struct {
	u    *UI
	tick *kit.Timer

	last    time.Time
	timeout time.Duration

	focus     fyne.Focusable
	entryMark string

	tickWall time.Time // wall-clock reading (no monotonic part)
	tickMono time.Time // with the monotonic reading
}

func (u *UI) StartIdleWatch() {
	u.stopIdleWatch()
	if u.Sess == nil {
		return
	}
	mins := kit.DefaultLockMinutes
	if m, err := strconv.Atoi(u.Sess.Notes.GetSetting(notes.SettingLockMinutes, "")); err == nil && m > 0 {
		mins = m
	}
	timeout := time.Duration(mins) * time.Minute
	if u.LockAfter > 0 {
		timeout = u.LockAfter
	}
	now := u.Clock.Now()
	w := &idleWatch{u: u, last: now, timeout: timeout, tickWall: now.Round(0), tickMono: now}
	u.idle = w
	w.tick = u.Sess.timers.Every(IdleTick, w.check)
}

func (u *UI) stopIdleWatch() {
	if u.idle != nil {
		u.idle.tick.Stop()
		u.idle = nil
	}
}

// activity records input now.
func (u *UI) activity() {
	if u.idle != nil {
		u.idle.last = u.Clock.Now()
	}
}

// check runs on the UI goroutine.
func (w *idleWatch) check() {
	if w.u.idle != w || w.u.Sess == nil || w.u.hidden {
		return
	}
	now := w.u.Clock.Now()
	wall := now.Round(0).Sub(w.tickWall)
	mono := now.Sub(w.tickMono)
	w.tickWall, w.tickMono = now.Round(0), now
	if wall-mono > sleepGap {
		w.u.lock(true)
		return
	}
	f := w.u.Win.Canvas().Focused()
	if f != w.focus {
		w.focus = f
		w.last = now
	}
	if mark, ok := entryMark(f); ok && mark != w.entryMark {
		w.entryMark = mark
		w.last = now
	}
	if now.Sub(w.last) >= w.timeout {
		w.u.lock(true)
	}
}

// entryMark sums up the state of a focused entry (a widget.Entry, or a
// widget that embeds one): its text and cursor. A change means typing.
func entryMark(f fyne.Focusable) (string, bool) {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return "", false
	}
	s := v.Elem()
	text, row, col := s.FieldByName("Text"), s.FieldByName("CursorRow"), s.FieldByName("CursorColumn")
	if !text.IsValid() || text.Kind() != reflect.String || !row.IsValid() || row.Kind() != reflect.Int || !col.IsValid() || col.Kind() != reflect.Int {
		return "", false
	}
	return strconv.Itoa(int(row.Int())) + ":" + strconv.Itoa(int(col.Int())) + ":" + text.String(), true
}

// activityLayer sits under the main content and counts mouse movement over
// the window's background as activity.
type activityLayer struct {
	widget.BaseWidget
	u *UI
}

func newActivityLayer(u *UI) *activityLayer {
	a := &activityLayer{u: u}
	a.ExtendBaseWidget(a)
	return a
}

func (a *activityLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(kit.Container0())
}

func (a *activityLayer) MouseIn(*desktop.MouseEvent)    { a.u.activity() }
func (a *activityLayer) MouseMoved(*desktop.MouseEvent) { a.u.activity() }
func (a *activityLayer) MouseOut()                      {}

var _ desktop.Hoverable = (*activityLayer)(nil)
