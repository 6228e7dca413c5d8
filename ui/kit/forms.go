package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/schema"
)

// Form pieces shared by every screen: the red line under a field, a
// caption over a field, and the check of a typed date.

// errorLabel is the red line under a field saying what is wrong with it,
// hidden while there is nothing to say.
func ErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setError shows msg in l, or hides l when msg is "".
func SetError(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// captioned is a small bold caption over a field and, when errLabel is not
// nil, the field's error line under it.
func Captioned(caption string, field fyne.CanvasObject, errLabel *widget.Label) fyne.CanvasObject {
	c := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.SizeName = theme.SizeNameCaptionText
	objs := []fyne.CanvasObject{c, field}
	if errLabel != nil {
		objs = append(objs, errLabel)
	}
	return container.New(&StackLayout{Gap: -theme.Padding()}, objs...)
}

// dateProblem says what is wrong with a typed date: "" when it is a real
// YYYY-MM-DD date, or empty and not required.
func DateProblem(s string, required bool) string {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			return "Enter a date as YYYY-MM-DD, for example 2025-07-04."
		}
		return ""
	}
	if _, err := schema.ParseDate(s); err != nil {
		if de, ok := err.(*schema.DateError); ok && strings.Contains(de.Reason, "does not exist") {
			return s + " is not a real date: that day does not exist."
		}
		return "Write the date as YYYY-MM-DD, for example 2025-07-04."
	}
	return ""
}

// leaveEntry is a one-line entry that runs onLeave as the user leaves it
// (to check a date or a time there and then), onEnter on Enter and
// onEscape on Escape (in a dialog, to finish it from the keyboard). Each
// may be nil; a nil onEnter or onEscape leaves the key to the entry.
type LeaveEntry struct {
	widget.Entry
	today    func() string // set by DateField: the entry holds a date
	OnLeave  func()
	OnEnter  func()
	OnEscape func()
}

// newLeaveEntry makes a one-line entry showing placeholder while empty.
func NewLeaveEntry(placeholder string, onLeave func()) *LeaveEntry {
	e := &LeaveEntry{OnLeave: onLeave}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

// Lines makes e a word-wrapping multi-line entry showing at least rows
// lines (0 keeps Fyne's default) and returns it. It is the one way the app
// makes a multi-line field (GrowingEntry is one that also grows): like
// every LeaveEntry it lets Tab and Shift+Tab move to the next or previous
// field, so a tab is never typed into the text.
func (e *LeaveEntry) Lines(rows int) *LeaveEntry {
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	if rows > 0 {
		e.SetMinRowsVisible(rows)
	}
	return e
}

// AcceptsTab is false: Tab moves on to the next field, in a multi-line
// entry too.
func (e *LeaveEntry) AcceptsTab() bool { return false }

// FocusGained scrolls the field into view.
func (e *LeaveEntry) FocusGained() {
	e.Entry.FocusGained()
	Reveal(e)
}

// FocusLost checks the field as the user leaves it.
func (e *LeaveEntry) FocusLost() {
	e.Entry.FocusLost()
	e.Normalise()
	if e.OnLeave != nil {
		e.OnLeave()
	}
}

// TypedKey runs onEnter on Enter and onEscape on Escape, and passes every
// other key (and those two when they have nothing to run) to the entry.
func (e *LeaveEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.OnEnter != nil:
		e.OnEnter()
		return
	case k.Name == fyne.KeyEscape && e.OnEscape != nil:
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// growingEntry is a multi-line, word-wrapping entry that grows with its
// text (between minRows and maxRows lines) and lets Tab move on to the
// next field, so a whole piece of writing can be done by keyboard.
type GrowingEntry struct {
	widget.Entry
	minRows, maxRows, rows int
}

func NewGrowingEntry(placeholder string, minRows, maxRows int) *GrowingEntry {
	e := &GrowingEntry{minRows: minRows, maxRows: maxRows, rows: minRows}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(minRows)
	return e
}

// AcceptsTab is false: Tab moves on to the next field.
func (e *GrowingEntry) AcceptsTab() bool { return false }

// FocusGained scrolls the field into view.
func (e *GrowingEntry) FocusGained() {
	e.Entry.FocusGained()
	Reveal(e)
}

// Resize re-measures the rows the text needs at the new width.
func (e *GrowingEntry) Resize(s fyne.Size) {
	e.Entry.Resize(s)
	e.Fit()
}

// fit sets the visible rows to about what the text needs at the entry's
// width (an estimate: wrapping is by word), within minRows and maxRows.
func (e *GrowingEntry) Fit() {
	width := e.Size().Width - 4*theme.InnerPadding()
	perRow := 60
	if width > 0 {
		char := fyne.MeasureText("abcdefghijklmnopqrstuvwxyz ", theme.TextSize(), fyne.TextStyle{}).Width / 27
		if char > 0 {
			perRow = max(10, int(width/char))
		}
	}
	rows := 0
	for _, para := range strings.Split(e.Text, "\n") {
		rows += max(1, (len([]rune(para))+perRow-1)/perRow)
	}
	rows = min(max(rows+1, e.minRows), e.maxRows)
	if rows != e.rows {
		e.rows = rows
		e.SetMinRowsVisible(rows)
	}
}

// searchBox is the filter box at the top of a list: a one-line entry with
// a magnifier that runs changed on every key typed.
func SearchBox(placeholder string, changed func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.ActionItem = widget.NewIcon(theme.SearchIcon())
	e.OnChanged = func(string) { changed() }
	return e
}
