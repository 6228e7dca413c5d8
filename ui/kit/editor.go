package kit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
)

// Editor is the lifecycle every editor shares (a contact write-up, a diary
// entry, a supervision session, a letter, a newsletter issue): whether it
// has changes not yet saved, filling its fields without that counting as
// an edit, keeping it (autosave or a draft) a short while after the last
// change, and closing once. Embed it and call Init.
type Editor struct {
	Dirty   bool // changed since opened or last saved
	Loading bool // filling the widgets, not the user typing
	Closed  bool // saved and closed, thrown away, or parked as a draft

	env   Env
	delay *time.Duration
	keep  func()
	timer *Timer
	gen   int // bumps on every change, so a stale timer does nothing
}

// Init sets the editor up: keep runs on the UI goroutine once *delay (read
// at each change, so tests can change it) has passed without a change,
// unless the editor closed or the session locked meanwhile.
func (e *Editor) Init(env Env, delay *time.Duration, keep func()) {
	e.env, e.delay, e.keep = env, delay, keep
}

// Load runs fill (putting a record into the widgets) without counting the
// changes it makes as edits.
func (e *Editor) Load(fill func()) {
	was := e.Loading
	e.Loading = true
	defer func() { e.Loading = was }()
	fill()
}

// Edited records a change by the user: the editor is dirty and will be
// kept shortly. It returns false (and does nothing) while loading or once
// closed.
func (e *Editor) Edited() bool {
	if e.Loading || e.Closed {
		return false
	}
	e.Dirty = true
	e.gen++
	gen := e.gen
	e.timer.Stop()
	if e.keep == nil {
		return true
	}
	e.timer = e.env.After(*e.delay, func() {
		if gen == e.gen && !e.Closed && !e.env.Locked() {
			e.keep()
		}
	})
	return true
}

// StopTimer cancels the pending keep.
func (e *Editor) StopTimer() {
	e.timer.Stop()
	e.timer = nil
}

// Close marks the editor closed and cancels the pending keep.
func (e *Editor) Close() {
	e.Closed = true
	e.StopTimer()
}

// CarryOn is the "Carry on: …" buttons for the drafts of kind that keep
// accepts (at most max; 0 for all), each opening its draft with open.
func CarryOn(drafts []notes.DraftInfo, kind string, keep func(notes.DraftInfo) bool, max int, open func(key string)) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, d := range drafts {
		if d.Kind != kind || (keep != nil && !keep(d)) {
			continue
		}
		key := d.Key
		b := widget.NewButtonWithIcon("Carry on: "+d.Title, theme.DocumentCreateIcon(), func() { open(key) })
		b.Alignment = widget.ButtonAlignLeading
		objs = append(objs, b)
		if len(objs) == max {
			break
		}
	}
	return objs
}
