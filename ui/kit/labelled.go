package kit

import (
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
