package reports

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/schema"
)

// Widgets and helpers shared by the Reports, data-protection, retention and
// search screens.

// reportsDateEntry is a YYYY-MM-DD entry that is checked as the user leaves
// it (and on Enter).
type reportsDateEntry struct {
	widget.Entry
	onLeave func()
}

func newReportsDateEntry() *reportsDateEntry {
	e := &reportsDateEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("YYYY-MM-DD")
	e.OnSubmitted = func(string) {
		if e.onLeave != nil {
			e.onLeave()
		}
	}
	return e
}

// FocusLost checks the field as the user leaves it.
func (e *reportsDateEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// MinSize leaves room for a whole date and no more.
func (e *reportsDateEntry) MinSize() fyne.Size {
	s := e.Entry.MinSize()
	w := fyne.MeasureText("0000-00-0000", theme.TextSize(), fyne.TextStyle{}).Width + 3*theme.InnerPadding()
	return fyne.NewSize(max(s.Width, w), s.Height)
}

// reportsDateProblem says what is wrong with a typed date ("" when it is a
// real date). field names the entry in the message.
func reportsDateProblem(field, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return field + ": write a date, for example 2025-04-01."
	}
	if _, err := schema.ParseDate(s); err != nil {
		if de, ok := err.(*schema.DateError); ok && strings.Contains(de.Reason, "does not exist") {
			return fmt.Sprintf("%s: %s is not a real date, that day does not exist.", field, s)
		}
		return field + ": write the date as YYYY-MM-DD, for example 2025-04-01."
	}
	return ""
}

// reportsDateWords writes a YYYY-MM-DD date as "1 April 2025" (or returns
// it as it is when it is not a date).
func reportsDateWords(d string) string {
	t, err := schema.ParseDate(d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}
