package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// LabelWidth is the width of the label column of a labelled form, so the
// fields of every part of a screen start at the same place.
const LabelWidth float32 = 150

// Row is one labelled field of LabelColumns: its label, the field, and an
// optional hint shown quietly under the field.
type Row struct {
	Label string
	Field fyne.CanvasObject
	Hint  string
}

// LabelColumns lays rows out with their labels in one column LabelWidth
// wide and their fields beside them. Separate LabelColumns on one screen
// line up with each other.
func LabelColumns(rows ...Row) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, r := range rows {
		l := widget.NewLabel(r.Label)
		l.Wrapping = fyne.TextWrapWord
		field := r.Field
		if r.Hint != "" {
			field = container.NewVBox(r.Field, Muted(r.Hint))
		}
		objs = append(objs, l, field)
	}
	return container.New(&labelColumnLayout{labelWidth: LabelWidth}, objs...)
}

// Missing says, for NotSavedNote, what the first field showing a problem
// lacks ("the name is needed"), or MarkedInRed when no field says.
func (f *FieldForm) Missing() string {
	n := f.FirstProblem()
	if n == "" {
		return MarkedInRed
	}
	what := "the " + strings.ToLower(f.Rows[n].label.Text)
	var typed string
	if e, ok := f.Dates[n]; ok {
		typed = e.Text
	} else if e, ok := f.Rows[n].Input.(*LeaveEntry); ok {
		typed = e.Text
	} else {
		return what + " is not right yet"
	}
	if strings.TrimSpace(typed) == "" {
		return what + " is needed"
	}
	return what + " is not right yet"
}
