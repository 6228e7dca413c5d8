package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The virtual record lists on the left of the list-and-detail screens.

// recordList is a virtual list of *items (a reload may replace the
// slice): create makes an empty row, fill shows one record in it, and pick
// runs with the record the user selects. Rows past the end of the slice
// are left alone, as a reload can shorten it while the list is drawn.
func RecordList[T any](items *[]T, create func() fyne.CanvasObject, fill func(fyne.CanvasObject, T), pick func(T)) *widget.List {
	l := widget.NewList(
		func() int { return len(*items) },
		create,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(*items) {
				fill(o, (*items)[i])
			}
		},
	)
	l.OnSelected = func(i widget.ListItemID) {
		if i < len(*items) {
			pick((*items)[i])
		}
	}
	return l
}

// indexOfID is the position in items of the record whose id (idOf) is id,
// or -1; an empty id is never found.
func IndexOfID[T any](items []T, id string, idOf func(T) string) int {
	if id == "" {
		return -1
	}
	for i, it := range items {
		if idOf(it) == id {
			return i
		}
	}
	return -1
}
