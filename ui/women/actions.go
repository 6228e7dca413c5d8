package women

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/ui/kit"
)

// womanActions lists what needs doing for her (open first) with a tick to
// mark each done, and a small form to add one, with the agency involved.
type womanActions struct {
	p        *womanPage
	form     *kit.FieldForm
	text     *kit.LeaveEntry
	due      *kit.LeaveEntry
	agency   *widget.Select
	agencies kit.AgencyChoices
	list     *fyne.Container
	root     fyne.CanvasObject
}

func newWomanActions(p *womanPage) *womanActions {
	a := &womanActions{p: p, form: kit.NewFieldForm()}
	a.text = a.form.Entry("Text", "To do", "A new action: what needs doing?")
	a.text.OnSubmitted = func(string) { a.add() }
	a.due = a.form.Date("Due", "Due by")
	a.agency = widget.NewSelect(nil, nil)
	a.agency.PlaceHolder = "Agency involved (optional)"
	a.form.Field("AgencyID", "Agency", a.agency)
	addButton := widget.NewButtonWithIcon("Add action", theme.ContentAddIcon(), a.add)
	rows := a.form.Rows
	addCard := widget.NewCard("", "", container.NewVBox(
		rows["Text"].Body,
		container.NewBorder(nil, nil,
			container.NewHBox(widget.NewLabel("Due by"), rows["Due"].Body),
			addButton, rows["AgencyID"].Body),
		a.form.General,
	))
	a.list = container.NewVBox()
	a.root = container.NewVBox(addCard, a.list)
	a.reload()
	return a
}

func (a *womanActions) Content() fyne.CanvasObject { return a.root }

// reload lists her actions again and the directory for the picker.
func (a *womanActions) reload() {
	st := a.p.u.Notes()
	if ag, err := kit.LoadAgencyChoices(st); err == nil {
		a.agencies = ag
		a.agency.Options = ag.Labels
		a.agency.Refresh()
	}
	list, err := st.ListActions(notes.ActionFilter{PersonID: a.p.id})
	if err != nil {
		kit.ShowError(a.p.u.Window(), "Her actions could not be read", err)
		return
	}
	today := kit.TodayFor(a.p.u)
	var objs []fyne.CanvasObject
	if len(list) == 0 {
		objs = append(objs, kit.Muted("No actions yet. Add what needs doing above; open actions with a due date also appear on Today."))
	}
	shownDone := false
	for _, act := range list {
		if act.DoneOn != "" && !shownDone {
			shownDone = true
			objs = append(objs, widget.NewSeparator(), kit.Subheading("Done"))
		}
		objs = append(objs, a.row(act, today))
	}
	a.list.Objects = objs
	a.list.Refresh()
}

// row is one action: its tick, its text and when it is due.
func (a *womanActions) row(act notes.Action, today string) fyne.CanvasObject {
	id := act.ID
	tick := widget.NewCheck("", nil)
	tick.Checked = act.DoneOn != ""
	tick.OnChanged = func(done bool) { a.setDone(id, done) }
	text := widget.NewLabel(act.Text)
	text.Wrapping = fyne.TextWrapWord
	if act.DoneOn != "" {
		text.Importance = widget.LowImportance
	}
	when := actionWhen(act, today)
	var lines []fyne.CanvasObject = []fyne.CanvasObject{text}
	if when.Text != "" {
		lines = append(lines, when)
	}
	return container.NewBorder(nil, nil, container.NewVBox(tick), nil, container.New(&kit.TightRowsLayout{}, lines...))
}

// actionWhen says when an action is due (in red when overdue), when it was
// done, and the agency involved.
func actionWhen(act notes.Action, today string) *widget.Label {
	var bits []string
	l := widget.NewLabel("")
	l.Importance = widget.MediumImportance
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	switch {
	case act.DoneOn != "":
		bits = append(bits, "Done "+kit.DateWords(act.DoneOn, today))
	case act.Due != "" && act.Due < today:
		bits = append(bits, "Overdue: was due "+kit.DateWords(act.Due, today)+" ("+kit.WhenWords(act.Due, today)+")")
		l.Importance = widget.DangerImportance
	case act.Due != "":
		bits = append(bits, "Due "+kit.DateWords(act.Due, today)+" ("+kit.WhenWords(act.Due, today)+")")
	}
	if act.AgencyName != "" {
		bits = append(bits, act.AgencyName)
	}
	l.SetText(strings.Join(bits, " · "))
	return l
}

// add saves the new action and clears the form.
func (a *womanActions) add() {
	a.form.ClearErrors()
	if !a.form.CheckDates() {
		return
	}
	act := notes.Action{PersonID: a.p.id, Text: strings.TrimSpace(a.text.Text),
		Due: strings.TrimSpace(a.due.Text), AgencyID: a.agencies.Id(a.agency.Selected)}
	if err := a.p.u.Notes().SaveAction(&act); err != nil {
		if !a.form.ShowProblems(err) {
			kit.ShowError(a.p.u.Window(), "The action could not be saved", err)
		}
		return
	}
	a.text.SetText("")
	a.due.SetText("")
	a.agency.ClearSelected()
	a.reload()
	a.p.afterChange()
	a.p.u.Window().Canvas().Focus(a.text)
}

// setDone ticks an action done today, or opens it again.
func (a *womanActions) setDone(id string, done bool) {
	st := a.p.u.Notes()
	var err error
	if done {
		err = st.MarkDone(id, kit.TodayFor(a.p.u))
	} else {
		var act *notes.Action
		if act, err = st.GetAction(id); err == nil {
			act.DoneOn = ""
			err = st.SaveAction(act)
		}
	}
	if err != nil {
		kit.ShowError(a.p.u.Window(), "The action could not be updated", err)
		return
	}
	a.reload()
	a.p.afterChange()
}
