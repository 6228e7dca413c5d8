package kit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/schema"
)

// DateField is a date entry with a calendar button beside it. Typing still
// works: as the user leaves the entry, a date typed as 6/12/2026 (day
// first) or "today" is rewritten as YYYY-MM-DD (schema.ParseFormDate)
// before the entry's own check runs. today gives the session's date; nil
// uses the computer's.
func DateField(e *LeaveEntry, today func() string) *fyne.Container {
	if today == nil {
		today = func() string { return time.Now().Format(schema.DateLayout) }
	}
	e.today = today
	if e.PlaceHolder == "" {
		e.SetPlaceHolder("YYYY-MM-DD")
	}
	btn := &CalendarButton{}
	btn.ExtendBaseWidget(btn)
	btn.onTap = func() { showCalendar(e, btn, today) }
	return container.NewBorder(nil, nil, nil, btn, container.New(&dateInputLayout{}, e))
}

// IsDate reports whether e is the entry of a DateField.
func (e *LeaveEntry) IsDate() bool { return e.today != nil }

// CalendarButton is the calendar icon beside a date field. It is clicked,
// not tabbed to: Tab goes from field to field, and the keyboard types the
// date.
type CalendarButton struct {
	widget.BaseWidget
	onTap func()
}

func (b *CalendarButton) Tapped(*fyne.PointEvent) { b.onTap() }

func (b *CalendarButton) CreateRenderer() fyne.WidgetRenderer {
	icon := widget.NewIcon(theme.CalendarIcon())
	return widget.NewSimpleRenderer(container.NewPadded(icon))
}

// showCalendar opens a calendar under btn at the entry's date (or today);
// picking a day puts it in the entry, checks it and closes the calendar.
func showCalendar(e *LeaveEntry, btn fyne.CanvasObject, today func() string) {
	c := fyne.CurrentApp().Driver().CanvasForObject(btn)
	if c == nil {
		return
	}
	start, err := time.Parse(schema.DateLayout, e.Text)
	if err != nil {
		start, _ = time.Parse(schema.DateLayout, today())
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		e.SetText(t.Format(schema.DateLayout))
		pop.Hide()
		if e.OnLeave != nil {
			e.OnLeave()
		}
		c.Focus(e)
	})
	pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(btn)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, btn.Size().Height)))
}

// Normalise rewrites a date typed in another accepted form as
// YYYY-MM-DD; text that is not a date is left for the field's check.
func (e *LeaveEntry) Normalise() {
	if e.today == nil || e.Text == "" {
		return
	}
	if iso, err := schema.ParseFormDate(e.Text, e.today()); err == nil && iso != e.Text {
		e.SetText(iso)
	}
}
