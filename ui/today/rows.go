package today

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"inreach/ui/kit"
)

// twoLines is a bold first line and a quieter second line, close together.
// A second line of "" is left out.
func twoLines(first, second string, secondImportance widget.Importance) fyne.CanvasObject {
	a := widget.NewLabelWithStyle(first, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.Wrapping = fyne.TextWrapWord
	if second == "" {
		return a
	}
	b := widget.NewLabel(second)
	b.Wrapping = fyne.TextWrapWord
	b.Importance = secondImportance
	return container.New(&kit.TightRowsLayout{}, a, b)
}
