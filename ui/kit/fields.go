package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
)

// This file holds the labelled-field form of the women, Today and
// directory screens: labelled fields with their validation message
// underneath, in two columns. (The entry that reports when the user leaves
// it, leaveEntry, and dateProblem are in forms.go.)

// fieldRow is one labelled input of a form with a red message under it
// that is hidden while the field is fine.
type fieldRow struct {
	label   *widget.Label
	Input   fyne.CanvasObject
	Message *widget.Label
	Body    *fyne.Container
}

func newFieldRow(label string, input fyne.CanvasObject) *fieldRow {
	r := &fieldRow{label: widget.NewLabel(label), Input: input}
	r.label.Wrapping = fyne.TextWrapWord
	r.Message = ErrorLabel()
	r.Body = container.NewVBox(input, r.Message)
	return r
}

// setError shows msg under the field, or hides the message when msg is "".
func (r *fieldRow) SetError(msg string) {
	r.Message.SetText(msg)
	if msg == "" {
		r.Message.Hide()
	} else {
		r.Message.Show()
	}
	r.Body.Refresh()
}

// fieldForm is a set of labelled fields, grouped in parts, that shows the
// store's validation messages at each field.
type FieldForm struct {
	Rows    map[string]*fieldRow // by the Go field name the store reports
	Dates   map[string]*LeaveEntry
	order   []string
	General *widget.Label // problems that belong to no shown field
}

func NewFieldForm() *FieldForm {
	f := &FieldForm{Rows: map[string]*fieldRow{}, Dates: map[string]*LeaveEntry{}}
	f.General = ErrorLabel()
	return f
}

// field adds a labelled input for the store's field name and returns it.
func (f *FieldForm) Field(name, label string, input fyne.CanvasObject) *fieldRow {
	r := newFieldRow(label, input)
	f.Rows[name] = r
	f.order = append(f.order, name)
	return r
}

// entry adds a single-line entry.
func (f *FieldForm) Entry(name, label, placeholder string) *LeaveEntry {
	e := NewLeaveEntry("", nil)
	e.SetPlaceHolder(placeholder)
	f.Field(name, label, e)
	return e
}

// multiEntry adds a multi-line entry showing rows lines.
func (f *FieldForm) MultiEntry(name, label, placeholder string, rows int) *LeaveEntry {
	e := NewLeaveEntry("", nil).Lines(0)
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(rows)
	f.Field(name, label, e)
	return e
}

// date adds a date entry checked as the user leaves it. extra, if given,
// sits to the right of the entry (a "confirmed" tick, a "today" button).
func (f *FieldForm) Date(name, label string, extra ...fyne.CanvasObject) *LeaveEntry {
	e := NewLeaveEntry("", nil)
	e.SetPlaceHolder("YYYY-MM-DD")
	// The extras (a "Checked today" button) wrap below the date rather
	// than widen a narrow window.
	input := Flow(append([]fyne.CanvasObject{DateField(e, nil)}, extra...)...)
	r := f.Field(name, label, input)
	f.Dates[name] = e
	e.OnLeave = func() { r.SetError(DateProblem(e.Text, false)) }
	return e
}

// rowsFor lays out the named fields as a two-column form part.
func (f *FieldForm) RowsFor(names ...string) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, n := range names {
		r := f.Rows[n]
		objs = append(objs, r.label, r.Body)
	}
	return container.New(&labelColumnLayout{labelWidth: LabelWidth}, objs...)
}

// clearErrors hides every message.
func (f *FieldForm) ClearErrors() {
	for _, r := range f.Rows {
		r.SetError("")
	}
	f.General.SetText("")
	f.General.Hide()
}

// checkDates checks every date field before anything is saved and shows
// each problem at its field. It reports whether all dates are usable.
func (f *FieldForm) CheckDates() bool {
	ok := true
	for name, e := range f.Dates {
		msg := DateProblem(e.Text, false)
		f.Rows[name].SetError(msg)
		if msg != "" {
			ok = false
		}
	}
	return ok
}

// showProblems puts a store's validation messages at their fields and
// reports whether err was a validation error. Problems for fields the form
// does not show go in the general message.
func (f *FieldForm) ShowProblems(err error) bool {
	v, ok := notes.AsValidation(err)
	if !ok {
		return false
	}
	var other []string
	for _, name := range v.Fields() {
		base := name
		if i := strings.IndexAny(base, "[."); i >= 0 {
			base = base[:i]
		}
		if r, ok := f.Rows[name]; ok {
			r.SetError(v.Message(name))
		} else if r, ok := f.Rows[base]; ok {
			r.SetError(v.Message(name))
		} else {
			other = append(other, v.Message(name))
		}
	}
	if len(other) > 0 {
		f.General.SetText(strings.Join(other, " "))
		f.General.Show()
	}
	return true
}

// summarise adds to the general message which fields need correcting
// (they may be scrolled out of view): "Not saved yet: check Date of birth."
func (f *FieldForm) Summarise(prefix string) {
	var names []string
	seen := map[*fieldRow]bool{}
	for _, n := range f.order {
		r := f.Rows[n]
		if r.Message.Visible() && !seen[r] {
			seen[r] = true
			names = append(names, r.label.Text)
		}
	}
	if len(names) == 0 {
		return
	}
	msg := prefix + ": check " + strings.Join(names, ", ") + "."
	if f.General.Visible() && f.General.Text != "" {
		msg += " " + f.General.Text
	}
	f.General.SetText(msg)
	f.General.Show()
}

// firstProblem is the name of the first field showing a message, in form
// order, or "".
func (f *FieldForm) FirstProblem() string {
	for _, n := range f.order {
		if f.Rows[n].Message.Visible() {
			return n
		}
	}
	return ""
}

// dateInputLayout gives a date entry room for "YYYY-MM-DD" and no more.
type dateInputLayout struct{}

func (d *dateInputLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := objs[0].MinSize()
	w := fyne.MeasureText("0000-00-00000", theme.TextSize(), fyne.TextStyle{}).Width + 3*theme.InnerPadding()
	return fyne.NewSize(max(s.Width, w), s.Height)
}

func (d *dateInputLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// labelColumnLayout lays out label/content pairs in two columns with a
// fixed label width, so that every part of a long form lines up. Each label
// sits level with the first line of its content.
type labelColumnLayout struct{ labelWidth float32 }

func (l *labelColumnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	pad := theme.Padding()
	rows := 0
	for i := 0; i+1 < len(objs); i += 2 {
		if !objs[i+1].Visible() {
			continue
		}
		ls, cs := objs[i].MinSize(), objs[i+1].MinSize()
		w = max(w, cs.Width)
		h += max(ls.Height, cs.Height)
		rows++
	}
	if rows > 1 {
		h += pad * float32(rows-1)
	}
	return fyne.NewSize(l.labelWidth+pad+w, h)
}

func (l *labelColumnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		label, content := objs[i], objs[i+1]
		if !content.Visible() {
			label.Hide()
			continue
		}
		label.Show()
		label.Resize(fyne.NewSize(l.labelWidth, label.MinSize().Height))
		label.Move(fyne.NewPos(0, y))
		cs := content.MinSize()
		content.Resize(fyne.NewSize(size.Width-l.labelWidth-pad, cs.Height))
		content.Move(fyne.NewPos(l.labelWidth+pad, y))
		y += max(label.MinSize().Height, cs.Height) + pad
	}
}

// enumSelect is a select box showing an enumeration in words.
func EnumSelect(e schema.Enum, value string) *Select {
	s := NewSelect(e.LabelList(), nil)
	if value != "" {
		s.Selected = e.Label(value)
	}
	return s
}
