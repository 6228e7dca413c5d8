package women

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// womanEvents lists the outcomes in her story (remanded, sentenced,
// released, housed…) that the monitoring figures count, newest first. A
// release can say how many days' notice the service had, and a court
// outcome what the court decided: those fields show only for those kinds.
type womanEvents struct {
	p       *womanPage
	form    *kit.FieldForm
	kind    *kit.Select
	date    *kit.LeaveEntry
	note    *kit.LeaveEntry
	notice  *kit.LeaveEntry
	outcome *kit.Select
	extra   *fyne.Container // the notice or the outcome row, when it applies
	list    *fyne.Container
	root    fyne.CanvasObject
}

func newWomanEvents(p *womanPage) *womanEvents {
	e := &womanEvents{p: p, form: kit.NewFieldForm()}
	e.kind = kit.EnumSelect(schema.EventKind, "")
	e.kind.PlaceHolder = "What happened?"
	e.form.Field("Kind", "What happened", e.kind)
	e.date = e.form.Date("Date", "Date")
	e.note = e.form.Entry("Note", "Note", "Note, e.g. the court, the address, the new service")
	e.note.OnSubmitted = func(string) { e.add() }
	e.notice = e.form.Entry("NoticeDays", "Days of notice", "0 if told on the day; empty if not known")
	e.notice.OnLeave = func() { e.form.Rows["NoticeDays"].SetError(noticeProblem(e.notice.Text)) }
	e.outcome = kit.EnumSelect(schema.CourtOutcome, "")
	e.outcome.PlaceHolder = "Not recorded"
	e.form.Field("Outcome", "What the court decided", e.outcome)
	e.extra = container.NewVBox()
	e.kind.OnChanged = func(string) { e.showExtra() }
	addButton := widget.NewButtonWithIcon("Add outcome", theme.ContentAddIcon(), e.add)
	rows := e.form.Rows
	addCard := widget.NewCard("", "", container.NewVBox(
		kit.Muted("Outcomes such as released, housed or recalled are counted in the monitoring figures."),
		container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("on"), rows["Date"].Body), rows["Kind"].Body),
		e.extra,
		container.NewBorder(nil, nil, nil, addButton, rows["Note"].Body),
		e.form.General,
	))
	e.list = container.NewVBox()
	e.root = container.NewVBox(addCard, e.list)
	e.reload()
	return e
}

func (e *womanEvents) Content() fyne.CanvasObject { return e.root }

// showExtra shows the days of notice for a release and the court's
// decision for a court outcome (and neither for other kinds).
func (e *womanEvents) showExtra() {
	rows := e.form.Rows
	var objs []fyne.CanvasObject
	switch kit.EnumValue(schema.EventKind, e.kind) {
	case "released":
		objs = append(objs, container.NewBorder(nil, nil, widget.NewLabel("Days of notice we had"), nil, rows["NoticeDays"].Body))
	case "court_outcome":
		objs = append(objs, container.NewBorder(nil, nil, widget.NewLabel("What the court decided"), nil, rows["Outcome"].Body))
	}
	e.extra.Objects = objs
	e.extra.Refresh()
}

// reload lists her events again.
func (e *womanEvents) reload() {
	list, err := e.p.u.Notes().ListEvents(e.p.id)
	if err != nil {
		kit.ShowError(e.p.u.Window(), "Her outcomes could not be read", err)
		return
	}
	today := kit.TodayFor(e.p.u)
	var objs []fyne.CanvasObject
	if len(list) == 0 {
		objs = append(objs, kit.Muted("No outcomes recorded yet."))
	}
	for _, ev := range list {
		ev := ev
		title := widget.NewLabelWithStyle(schema.EventKind.Label(ev.Kind), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		date := widget.NewLabel(kit.DateWords(ev.Date, today))
		date.Importance = widget.LowImportance
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.remove(ev) })
		del.Importance = widget.LowImportance
		lines := []fyne.CanvasObject{container.NewBorder(nil, nil, date, nil, title)}
		if w := eventFactWords(ev); w != "" {
			lines = append(lines, kit.Muted(w))
		}
		if ev.Note != "" {
			n := widget.NewLabel(ev.Note)
			n.Wrapping = fyne.TextWrapWord
			lines = append(lines, n)
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, del, container.New(&kit.TightRowsLayout{}, lines...)))
	}
	e.list.Objects = objs
	e.list.Refresh()
}

// eventFactWords says the days of notice of a release or the court's
// decision, when recorded.
func eventFactWords(ev notes.Event) string {
	switch {
	case ev.NoticeDays != nil && *ev.NoticeDays == 0:
		return "Notice of release: told on the day"
	case ev.NoticeDays != nil && *ev.NoticeDays == 1:
		return "Notice of release: 1 day"
	case ev.NoticeDays != nil:
		return "Notice of release: " + countText(ev.NoticeDays) + " days"
	case ev.Outcome != "":
		return "The court decided: " + schema.CourtOutcome.Label(ev.Outcome)
	}
	return ""
}

// noticeProblem says what is wrong with the typed days of notice, or "".
func noticeProblem(s string) string {
	if _, ok := typedCount(s); !ok {
		return "Enter the days of notice as a whole number, 0 if told on the day, or leave it empty."
	}
	return ""
}

// add saves the new event and clears the form.
func (e *womanEvents) add() {
	e.form.ClearErrors()
	ok := e.form.CheckDates()
	kind := kit.EnumValue(schema.EventKind, e.kind)
	ev := notes.Event{PersonID: e.p.id, Kind: kind, Date: strings.TrimSpace(e.date.Text), Note: e.note.Text}
	// Only the field shown for the kind is read: a number typed for a
	// release and then the kind changed is not saved on the other kind.
	switch kind {
	case "released":
		n, good := typedCount(e.notice.Text)
		if !good {
			e.form.Rows["NoticeDays"].SetError(noticeProblem(e.notice.Text))
			ok = false
		}
		ev.NoticeDays = n
	case "court_outcome":
		ev.Outcome = kit.EnumValue(schema.CourtOutcome, e.outcome)
	}
	if !ok {
		return
	}
	if err := e.p.u.Notes().SaveEvent(&ev); err != nil {
		if !e.form.ShowProblems(err) {
			kit.ShowError(e.p.u.Window(), "The outcome could not be saved", err)
		}
		return
	}
	e.kind.ClearSelected()
	e.date.SetText("")
	e.note.SetText("")
	e.notice.SetText("")
	e.outcome.ClearSelected()
	e.reload()
	e.p.afterChange()
}

// remove deletes an event after asking.
func (e *womanEvents) remove(ev notes.Event) {
	dialog.ShowConfirm("Delete this outcome?",
		"“"+schema.EventKind.Label(ev.Kind)+"” on "+kit.DateWords(ev.Date, "")+" will be removed from her record and from the monitoring figures.",
		func(ok bool) {
			if !ok {
				return
			}
			if err := e.p.u.Notes().DeleteEvent(ev.ID); err != nil {
				kit.ShowError(e.p.u.Window(), "The outcome could not be deleted", err)
				return
			}
			e.reload()
			e.p.afterChange()
		}, e.p.u.Window())
}
