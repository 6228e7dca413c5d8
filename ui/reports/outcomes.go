package reports

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/report"
	"inreach/ui/kit"
)

// outcomesView shows the outcome figures of the monitoring tab: every line
// the printed report has (report.Figures.PrintedOutcomeLines), under its
// heading, with "n of m (p%)" where the figure is a share, and the distance
// travelled as a table (report.Figures.DistanceByArea). Every figure opens
// the records behind it, as the other figures do. Nothing is counted here.
type outcomesView struct {
	open     func(key, label string) // the monitoring tab's breakdown
	lines    *fyne.Container
	distance *fyne.Container
	root     fyne.CanvasObject
}

func newOutcomesView(open func(key, label string)) *outcomesView {
	v := &outcomesView{open: open, lines: container.NewGridWithColumns(2), distance: container.NewVBox()}
	v.root = container.NewVBox(
		// Card subtitles do not wrap: the words go in the card, wrapped.
		kit.TitledCard("Outcomes", "", container.NewVBox(
			kit.Wrapped("The journey from prison, re-offending, custody, court and who the service supports. Tap a figure to see the records behind it."),
			v.lines)),
		kit.TitledCard("Distance travelled", "", container.NewVBox(
			kit.Wrapped("Her own readings, 1 (worst) to 10 (best): her latest reading in the period against her first, for women with two or more. Tap a number to see the women."),
			v.distance)),
	)
	return v
}

func (v *outcomesView) Content() fyne.CanvasObject { return v.root }

// show puts f's outcome figures on screen.
func (v *outcomesView) show(f *report.Figures) {
	var groups []fyne.CanvasObject
	var box *fyne.Container
	group, stripe := "", 0
	for _, l := range f.PrintedOutcomeLines() {
		if l.Group == report.GroupDistance {
			continue // the table below
		}
		if l.Group != group {
			group, stripe = l.Group, 0
			h := kit.Subheading(group)
			h.Wrapping = fyne.TextWrapWord // long headings in a narrow window
			box = container.NewVBox(h)
			groups = append(groups, box)
		}
		box.Add(v.lineRow(l, stripe%2 == 0))
		stripe++
	}
	v.lines.Objects = groups
	v.lines.Refresh()
	v.showDistance(f)
}

// lineRow is one outcome figure: its words and its value, opening its
// records.
func (v *outcomesView) lineRow(l report.OutcomeLine, stripe bool) fyne.CanvasObject {
	key, label := l.Key, l.Group+": "+l.Label
	value := widget.NewLabelWithStyle(l.Words(), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(l.Label)
	text.Wrapping = fyne.TextWrapWord
	right := container.NewHBox(container.New(&kit.AtLeastWidth{Width: 56}, value), widget.NewIcon(theme.NavigateNextIcon()))
	return kit.NewTapRow(container.NewBorder(nil, nil, nil, right, text), func() { v.open(key, label) }).Striped(stripe)
}

// distanceColumns are the table's number columns: their heading and the
// last part of their breakdown key.
var distanceColumns = []struct{ Heading, Key string }{
	{"Women", "women"}, {"Improved", "improved"}, {"Same", "same"}, {"Worse", "worse"},
}

// showDistance fills the distance travelled table: a row per area, a
// column per outcome, and the average change.
func (v *outcomesView) showDistance(f *report.Figures) {
	cols := len(distanceColumns) + 2
	heading := func(s string, align fyne.TextAlign) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(s, align, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord // the table fits a narrow window
		return l
	}
	head := []fyne.CanvasObject{heading("Area", fyne.TextAlignLeading)}
	for _, c := range distanceColumns {
		head = append(head, heading(c.Heading, fyne.TextAlignTrailing))
	}
	head = append(head, heading("Average change", fyne.TextAlignTrailing))
	cells := head
	rows := f.DistanceByArea()
	for _, d := range rows {
		area := widget.NewLabel(d.Label)
		area.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, area)
		for i, n := range []int{d.Women, d.Improved, d.Same, d.Worse} {
			key := "distance_travelled." + d.Area + "." + distanceColumns[i].Key
			label := "Distance travelled, " + d.Label + ": " + distanceColumns[i].Heading
			num := widget.NewLabelWithStyle(strconv.Itoa(n), fyne.TextAlignTrailing, fyne.TextStyle{})
			cells = append(cells, kit.NewTapRow(num, func() { v.open(key, label) }))
		}
		avg := d.AverageChange
		line := report.OutcomeLine{Average: &avg}
		cells = append(cells, widget.NewLabelWithStyle(line.Words(), fyne.TextAlignTrailing, fyne.TextStyle{}))
	}
	objs := []fyne.CanvasObject{container.NewGridWithColumns(cols, cells...)}
	if len(rows) == 1 && rows[0].Women == 0 {
		objs = append(objs, kit.Muted("No woman has two readings of any area in this period. Readings are taken with her at a contact or on her page, under How she is doing."))
	}
	v.distance.Objects = objs
	v.distance.Refresh()
}
