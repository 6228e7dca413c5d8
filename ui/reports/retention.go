package reports

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/report"
	"inreach/ui/kit"
)

// retentionTab is the Retention review tab of the Reports screen: the
// closed records kept longer than the retention period (the setting
// retention_years, 6 years by default), oldest first. Each is erased (with
// the same typed-name confirmation as the Data protection tab) or kept with
// a reason, which is shown.
type retentionTab struct {
	u      kit.Env
	erased func()

	items []report.RetentionItem
	years int
	intro *widget.Label
	list  *widget.List
	stack *fyne.Container
	empty fyne.CanvasObject
	body  fyne.CanvasObject
}

func newRetentionTab(u kit.Env, erased func()) *retentionTab {
	t := &retentionTab{u: u, erased: erased}
	t.intro = widget.NewLabel("")
	t.intro.Wrapping = fyne.TextWrapWord
	change := widget.NewButtonWithIcon("Change the period…", theme.SettingsIcon(), t.changeYears)
	t.list = widget.NewList(
		func() int { return len(t.items) },
		t.newRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { t.updateRow(i, o) })
	t.empty = kit.EmptyState("Nothing to review", "")
	t.stack = container.NewStack(t.list)
	top := container.NewVBox(kit.Heading("Retention review"), container.NewBorder(nil, nil, nil, change, t.intro))
	t.body = container.NewBorder(container.NewPadded(top), nil, nil, nil, t.stack)
	return t
}

func (t *retentionTab) Content() fyne.CanvasObject { return t.body }

// newRow is one closed record: name and dates, the reason she is kept (or
// that a decision is needed), and the two actions.
func (t *retentionTab) newRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	dates := widget.NewLabel("Closed 1 Jan 2019, due for review 1 Jan 2025")
	dates.Importance = widget.LowImportance
	dates.Truncation = fyne.TextTruncateEllipsis
	note := widget.NewLabel("Kept: reason")
	note.Truncation = fyne.TextTruncateEllipsis
	keep := widget.NewButtonWithIcon("Keep…", theme.DocumentCreateIcon(), nil)
	erase := widget.NewButtonWithIcon("Erase…", theme.DeleteIcon(), nil)
	erase.Importance = widget.DangerImportance
	text := container.New(&kit.PersonDataRowLayout{}, name, dates)
	return container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(keep, erase)),
		container.NewVBox(text, note))
}

func (t *retentionTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	it := t.items[i]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	two := texts.Objects[0].(*fyne.Container)
	two.Objects[0].(*widget.Label).SetText(retentionName(it))
	two.Objects[1].(*widget.Label).SetText("Closed " + kit.ShortDate(it.ClosedOn) +
		", due for review " + kit.ShortDate(it.DueOn))
	note := texts.Objects[1].(*widget.Label)
	if it.Note != "" {
		note.SetText("Kept: " + strings.Join(strings.Fields(it.Note), " "))
		note.Importance = widget.MediumImportance
	} else {
		note.SetText("Needs a decision: erase her record, or say why it is kept.")
		note.Importance = widget.WarningImportance
	}
	note.Refresh()
	buttons := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	buttons.Objects[0].(*widget.Button).OnTapped = func() { t.keep(it) }
	buttons.Objects[1].(*widget.Button).OnTapped = func() {
		confirmErase(t.u, it.PersonID, it.Name, t.erased)
	}
}

// retentionName is her name with her pseudonym, if any.
func retentionName(it report.RetentionItem) string {
	if it.Pseudonym != "" {
		return it.Name + " (“" + it.Pseudonym + "”)"
	}
	return it.Name
}

// reload lists the records due for review today.
func (t *retentionTab) reload() {
	if t.u.Locked() {
		return
	}
	ctx, db := t.u.Context(), t.u.DB()
	years, err := report.RetentionYears(ctx, db)
	if err == nil {
		t.years = years
		t.items, err = report.RetentionReview(ctx, db, kit.TodayFor(t.u))
	}
	if err != nil {
		kit.ShowError(t.u.Window(), "The retention review could not be read", err)
		return
	}
	period := kit.CountWords(t.years, "year", "years")
	undecided := 0
	for _, it := range t.items {
		if it.Note == "" {
			undecided++
		}
	}
	switch {
	case len(t.items) == 0:
		t.intro.SetText(fmt.Sprintf("A closed record comes up for review %s after it was closed.", period))
	case undecided == 0:
		t.intro.SetText(fmt.Sprintf("%s closed more than %s ago, each kept for the reason shown.",
			retentionRecords(len(t.items)), period))
	default:
		t.intro.SetText(fmt.Sprintf("%s closed more than %s ago. %s a decision: erase the record, "+
			"or say why it is kept.", retentionRecords(len(t.items)), period, retentionNeed(undecided)))
	}
	if len(t.items) == 0 {
		t.empty = kit.EmptyState("Nothing to review",
			fmt.Sprintf("No record was closed more than %s ago. A woman's record is closed on her page "+
				"when the service ends; it comes up here %s later.", period, period))
		t.stack.Objects = []fyne.CanvasObject{t.empty}
	} else {
		t.stack.Objects = []fyne.CanvasObject{t.list}
	}
	t.stack.Refresh()
	t.list.Refresh()
}

func retentionRecords(n int) string {
	if n == 1 {
		return "1 record was"
	}
	return strconv.Itoa(n) + " records were"
}

func retentionNeed(n int) string {
	if n == 1 {
		return "1 needs"
	}
	return strconv.Itoa(n) + " need"
}

// keep asks why her record is kept and stores the reason.
func (t *retentionTab) keep(it report.RetentionItem) {
	reason := kit.NewLeaveEntry("For example: a safeguarding review is still open", nil).Lines(3)
	reason.SetText(it.Note)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Hide()
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon("Keep her record", theme.ConfirmIcon(), func() {
		r := strings.TrimSpace(reason.Text)
		if r == "" {
			msg.SetText("Reason: say why her record is kept past the retention period.")
			msg.Show()
			return
		}
		if err := report.KeepWithReason(t.u.Context(), t.u.DB(), it.PersonID, r); err != nil {
			msg.SetText(kit.Sentence(err))
			msg.Show()
			return
		}
		t.u.Changed()
		d.Hide()
		t.reload()
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	body := container.NewVBox(
		widget.NewLabel("Why is "+it.Name+"'s record kept past the retention period?"),
		reason, msg,
		kit.Muted("The reason is shown here at every review, and is part of what is held about her."))
	d = dialog.NewCustomWithoutButtons("Keep her record", body, t.u.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, save})
	d.Resize(fyne.NewSize(min(520, t.u.Window().Canvas().Size().Width-40), 320))
	d.Show()
	t.u.Window().Canvas().Focus(reason)
}

// changeYears sets how many years closed records are kept before review.
func (t *retentionTab) changeYears() {
	years := widget.NewEntry()
	years.SetText(strconv.Itoa(t.years))
	years.Validator = func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 100 {
			return errors.New("write a number of years from 1 to 100")
		}
		return nil
	}
	item := widget.NewFormItem("Years", years)
	item.HintText = "How long after closing a record comes up for review (often 6 years)."
	d := dialog.NewForm("Retention period", "Save", "Cancel", []*widget.FormItem{item}, func(ok bool) {
		if !ok {
			return
		}
		n, _ := strconv.Atoi(strings.TrimSpace(years.Text))
		if err := report.SetRetentionYears(t.u.Context(), t.u.DB(), n); err != nil {
			kit.ShowError(t.u.Window(), "The retention period was not changed", err)
			return
		}
		t.u.Changed()
		t.reload()
	}, t.u.Window())
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
}
