package ui

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
func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setError shows msg in l, or hides l when msg is "".
func setError(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// captioned is a small bold caption over a field and, when errLabel is not
// nil, the field's error line under it.
func captioned(caption string, field fyne.CanvasObject, errLabel *widget.Label) fyne.CanvasObject {
	c := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.SizeName = theme.SizeNameCaptionText
	objs := []fyne.CanvasObject{c, field}
	if errLabel != nil {
		objs = append(objs, errLabel)
	}
	return container.New(&stackLayout{gap: -theme.Padding()}, objs...)
}

// dateProblem says what is wrong with a typed date: "" when it is a real
// YYYY-MM-DD date, or empty and not required.
func dateProblem(s string, required bool) string {
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
