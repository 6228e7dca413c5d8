package women

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// womanPlan is her release-day plan: each item ticked when it is in place,
// with a note. Ticks are saved at once, notes when the user leaves them.
type womanPlan struct {
	p        *womanPage
	items    []notes.PlanItem
	checks   []*kit.Check
	notes    []*kit.LeaveEntry
	progress *widget.ProgressBar
	about    *widget.Label
	list     *fyne.Container
	root     fyne.CanvasObject
}

func newWomanPlan(p *womanPage) *womanPlan {
	w := &womanPlan{p: p}
	w.progress = widget.NewProgressBar()
	w.progress.TextFormatter = func() string {
		done := 0
		for _, it := range w.items {
			if it.Done {
				done++
			}
		}
		return itemsInPlace(done, len(w.items))
	}
	w.about = kit.Muted("")
	w.list = container.New(layout.NewVBoxLayout())
	w.root = container.NewVBox(w.about, w.progress, w.list)
	w.reload()
	return w
}

func (w *womanPlan) Content() fyne.CanvasObject { return w.root }

// itemsInPlace says how much of the plan is done.
func itemsInPlace(done, all int) string {
	if done == all {
		return "Everything is in place"
	}
	return fmt.Sprintf("%d of %d in place", done, all)
}

// reload reads her plan again.
func (w *womanPlan) reload() {
	items, err := w.p.u.Notes().ReleasePlan(w.p.id)
	if err != nil {
		kit.ShowError(w.p.u.Window(), "Her release plan could not be read", err)
		return
	}
	w.items = items
	inCustody := schema.InCustody(w.p.person.Status)
	anyDone := false
	for _, it := range items {
		anyDone = anyDone || it.Done || it.Note != ""
	}
	switch {
	case inCustody && w.p.person.ReleaseDate != "":
		w.about.SetText("What must be in place for the day she is released (" + kit.DateWords(w.p.person.ReleaseDate, kit.TodayFor(w.p.u)) + "). Tick each item when it is arranged.")
	case inCustody:
		w.about.SetText("What must be in place for the day she is released. Her release date is not recorded yet (add it under Details).")
	case anyDone:
		w.about.SetText("She is not in custody now; this is the plan made for her release.")
	default:
		w.about.SetText("The release plan is for women in custody. She is recorded as " +
			strings.ToLower(schema.PersonStatus.Label(w.p.person.Status)) + ".")
		w.progress.Hide()
		w.list.Objects = nil
		w.list.Refresh()
		return
	}
	w.progress.Show()
	w.checks, w.notes = nil, nil
	var objs []fyne.CanvasObject
	for i, it := range items {
		i := i
		c := kit.NewCheck(it.Label, nil)
		c.Checked = it.Done
		c.OnChanged = func(bool) { w.saveItem(i) }
		e := kit.NewLeaveEntry("", nil)
		e.SetPlaceHolder("Who, where, when")
		e.SetText(it.Note)
		e.OnLeave = func() {
			if e.Text != w.items[i].Note {
				w.saveItem(i)
			}
		}
		w.checks = append(w.checks, c)
		w.notes = append(w.notes, e)
		objs = append(objs, c, e)
	}
	w.list.Objects = []fyne.CanvasObject{container.New(&planLayout{}, objs...)}
	w.list.Refresh()
	w.progress.SetValue(w.fraction())
}

func (w *womanPlan) fraction() float64 {
	if len(w.items) == 0 {
		return 0
	}
	done := 0
	for _, it := range w.items {
		if it.Done {
			done++
		}
	}
	return float64(done) / float64(len(w.items))
}

// saveItem stores one item as shown.
func (w *womanPlan) saveItem(i int) {
	it := w.items[i]
	done, note := w.checks[i].Checked, w.notes[i].Text
	if err := w.p.u.Notes().SetPlanItem(w.p.id, it.Item, done, note); err != nil {
		kit.ShowError(w.p.u.Window(), "Her release plan could not be saved", err)
		return
	}
	w.items[i].Done, w.items[i].Note = done, note
	w.progress.SetValue(w.fraction())
	w.p.u.Changed()
}

// flush saves notes still being typed.
func (w *womanPlan) flush() {
	for i := range w.notes {
		if w.notes[i].Text != w.items[i].Note {
			w.saveItem(i)
		}
	}
}

// planLayout lays out check/note pairs: the checks in a column as wide as
// the longest item, the notes filling the rest.
type planLayout struct{}

func (l *planLayout) checkWidth(objs []fyne.CanvasObject) float32 {
	var w float32
	for i := 0; i+1 < len(objs); i += 2 {
		w = max(w, objs[i].MinSize().Width)
	}
	return w
}

func (l *planLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, nw float32
	for i := 0; i+1 < len(objs); i += 2 {
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height) + theme.Padding()
		nw = max(nw, objs[i+1].MinSize().Width)
	}
	return fyne.NewSize(l.checkWidth(objs)+theme.Padding()+max(nw, 160), h)
}

func (l *planLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	cw := l.checkWidth(objs)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		c, e := objs[i], objs[i+1]
		ch, eh := c.MinSize().Height, e.MinSize().Height
		h := max(ch, eh)
		c.Resize(fyne.NewSize(cw, h))
		c.Move(fyne.NewPos(0, y))
		e.Resize(fyne.NewSize(size.Width-cw-pad, eh))
		e.Move(fyne.NewPos(cw+pad, y+(h-eh)/2))
		y += h + pad
	}
}
