package reports

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"inreach/report"
	"inreach/ui/kit"
)

// showBreakdownDialog lists the records behind one monitoring figure, so
// that a manager can check it: women by pseudonym (or initials), contacts,
// events, letters and diary entries by date. The list is virtual: a figure
// over a decade can stand on thousands of records.
func showBreakdownDialog(u kit.Env, label, from, to string, rows []report.BreakdownRow) {
	total := 0
	for _, r := range rows {
		total += r.Count
	}
	intro := fmt.Sprintf("%d in all, %s to %s.", total, reportsDateWords(from), reportsDateWords(to))
	if len(rows) > 0 && rows[0].Kind == "person" {
		intro += " Women are shown by pseudonym, or by initials when they have none, never by name."
	}
	var body fyne.CanvasObject
	if len(rows) == 0 {
		body = kit.EmptyState("Nothing counted", "No record is counted in this figure for the period.")
	} else {
		list := widget.NewList(
			func() int { return len(rows) },
			func() fyne.CanvasObject {
				who := widget.NewLabelWithStyle("Pseudonym", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
				who.Truncation = fyne.TextTruncateEllipsis
				detail := widget.NewLabel("detail")
				detail.Truncation = fyne.TextTruncateEllipsis
				date := widget.NewLabel("30 Sep 2025")
				count := widget.NewLabelWithStyle("× 10", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
				right := container.NewHBox(date, container.New(&kit.AtLeastWidth{Width: 48}, count))
				return container.NewBorder(nil, nil, container.New(&kit.AtLeastWidth{Width: 170}, who), right, detail)
			},
			func(i widget.ListItemID, o fyne.CanvasObject) {
				r := rows[i]
				c := o.(*fyne.Container)
				who := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
				detail := c.Objects[0].(*widget.Label)
				right := c.Objects[2].(*fyne.Container)
				date := right.Objects[0].(*widget.Label)
				count := right.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
				name := r.Label
				if name == "" {
					name = "Record " + r.ID
				}
				who.SetText(name)
				detail.SetText(r.Detail)
				date.SetText(kit.ShortDate(r.Date))
				if r.Count == 1 {
					count.SetText("")
				} else {
					count.SetText(fmt.Sprintf("× %d", r.Count))
				}
			})
		body = list
	}
	head := widget.NewLabel(intro)
	head.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(label, "Close", container.NewBorder(head, nil, nil, nil, body), u.Window())
	size := u.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(720, size.Width-60), min(520, size.Height-60)))
	d.Show()
}
