package women

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// womanReadings is her "distance travelled": her own ratings, 1 (the worst
// things could be) to 10 (the best), of her wellbeing and her need areas
// over time. A small form adds one; a chart per area shows them over time
// (notes.ReadingSeries); the list under it can remove one typed in error.
type womanReadings struct {
	p      *womanPage
	form   *kit.FieldForm
	area   *kit.Select
	date   *kit.LeaveEntry
	score  *widget.RadioGroup
	charts *fyne.Container
	list   *fyne.Container
	root   fyne.CanvasObject
}

// scoreOptions are the choices of the score, 1 to 10.
func scoreOptions() []string {
	var out []string
	for i := schema.MinScore; i <= schema.MaxScore; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

func newWomanReadings(p *womanPage) *womanReadings {
	r := &womanReadings{p: p, form: kit.NewFieldForm()}
	r.area = kit.EnumSelect(schema.ReadingArea, "wellbeing")
	r.form.Field("Area", "Area", r.area)
	r.date = r.form.Date("Date", "Date")
	r.date.SetText(kit.TodayFor(p.u))
	r.score = widget.NewRadioGroup(scoreOptions(), nil)
	r.score.Horizontal = true
	worst, best := widget.NewLabel("Worst"), widget.NewLabel("Best")
	worst.Importance, best.Importance = widget.LowImportance, widget.LowImportance
	scale := container.NewHBox(worst, r.score, best)
	r.form.Field("Score", "Her score", container.NewHScroll(scale))
	add := widget.NewButtonWithIcon("Add reading", theme.ContentAddIcon(), r.add)
	rows := r.form.Rows
	addCard := widget.NewCard("", "", container.NewVBox(
		kit.Subheading("How is she doing?"),
		kit.Wrapped(schema.ScaleExplained+" Higher is better."),
		container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("on"), rows["Date"].Body), rows["Area"].Body),
		rows["Score"].Body,
		container.NewBorder(nil, nil, nil, add, r.form.General),
	))
	r.charts = container.NewVBox()
	r.list = container.NewVBox()
	r.root = container.NewVBox(r.charts, addCard, r.list)
	r.reload()
	return r
}

func (r *womanReadings) Content() fyne.CanvasObject { return r.root }

// reload draws her charts and lists her readings again.
func (r *womanReadings) reload() {
	st := r.p.u.Notes()
	series, err := st.ReadingSeries(r.p.id, "", "")
	if err != nil {
		kit.ShowError(r.p.u.Window(), "Her readings could not be read", err)
		return
	}
	today := kit.TodayFor(r.p.u)
	var charts []fyne.CanvasObject
	if len(series) == 0 {
		charts = append(charts, kit.Muted("No readings yet. Ask her how things are at a contact, or add one above; her readings over time will show here."))
	}
	var cards []fyne.CanvasObject
	for _, s := range series {
		cards = append(cards, seriesCard(s, today))
	}
	// One chart a row: her page is narrow beside the list of women.
	charts = append(charts, cards...)
	r.charts.Objects = charts
	r.charts.Refresh()

	all, err := st.ListReadings(r.p.id)
	if err != nil {
		kit.ShowError(r.p.u.Window(), "Her readings could not be read", err)
		return
	}
	var rows []fyne.CanvasObject
	if len(all) > 0 {
		rows = append(rows, kit.Subheading("Every reading, newest first"))
	}
	for i := len(all) - 1; i >= 0; i-- {
		rd := all[i]
		text := widget.NewLabel(fmt.Sprintf("%s: %d out of 10", schema.ReadingArea.Label(rd.Area), rd.Score))
		date := widget.NewLabel(kit.DateWords(rd.Date, today))
		date.Importance = widget.LowImportance
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { r.remove(rd) })
		del.Importance = widget.LowImportance
		var where fyne.CanvasObject = layoutSpacer()
		if rd.ContactID != "" {
			where = kit.Muted("at a contact")
		}
		rows = append(rows, container.NewBorder(nil, nil, date, container.NewHBox(where, del), text))
	}
	r.list.Objects = rows
	r.list.Refresh()
}

// layoutSpacer is nothing, in a row's place for "at a contact".
func layoutSpacer() fyne.CanvasObject { return container.NewHBox() }

// seriesCard is one area's chart: a column per reading on a fixed 1–10
// scale, dated underneath, with her first and latest score in words.
func seriesCard(s notes.AreaSeries, today string) fyne.CanvasObject {
	chart := kit.NewReportsColumnChart(nil)
	chart.Peak = schema.MaxScore
	chart.Empty = "No readings"
	var bars []kit.ReportsBar
	for _, pt := range s.Points {
		bars = append(bars, kit.ReportsBar{Label: kit.DateWords(pt.Date, today), Value: pt.Score})
	}
	chart.SetBars(bars)
	return widget.NewCard("", "", container.NewVBox(
		kit.Subheading(s.Label), kit.Muted(seriesWords(s)),
		chart))
}

// seriesWords says her first and latest score and the change between.
func seriesWords(s notes.AreaSeries) string {
	if len(s.Points) == 1 {
		return fmt.Sprintf("One reading so far: %d out of 10 (10 is the best).", s.Latest)
	}
	change := "no change"
	switch {
	case s.Change > 0:
		change = fmt.Sprintf("up %d, better", s.Change)
	case s.Change < 0:
		change = fmt.Sprintf("down %d, worse", -s.Change)
	}
	return fmt.Sprintf("%d readings: first %d, latest %d out of 10 (%s; 10 is the best).", len(s.Points), s.First, s.Latest, change)
}

// add saves the reading typed and keeps the area and date for the next.
func (r *womanReadings) add() {
	r.form.ClearErrors()
	if !r.form.CheckDates() {
		return
	}
	score, _ := strconv.Atoi(r.score.Selected) // 0, refused by the store, when none is chosen
	rd := notes.Reading{PersonID: r.p.id, Date: strings.TrimSpace(r.date.Text),
		Area: kit.EnumValue(schema.ReadingArea, r.area), Score: score}
	if err := r.p.u.Notes().SaveReading(&rd); err != nil {
		if !r.form.ShowProblems(err) {
			kit.ShowError(r.p.u.Window(), "The reading could not be saved", err)
		}
		return
	}
	r.score.SetSelected("")
	r.reload()
	r.p.afterChange()
}

// remove deletes a reading after asking.
func (r *womanReadings) remove(rd notes.Reading) {
	dialog.ShowConfirm("Delete this reading?",
		fmt.Sprintf("Her %s reading of %d on %s will be removed from her record and from the distance travelled.",
			strings.ToLower(schema.ReadingArea.Label(rd.Area)), rd.Score, kit.DateWords(rd.Date, "")),
		func(ok bool) {
			if !ok {
				return
			}
			if err := r.p.u.Notes().DeleteReading(rd.ID); err != nil {
				kit.ShowError(r.p.u.Window(), "The reading could not be deleted", err)
				return
			}
			r.reload()
			r.p.afterChange()
		}, r.p.u.Window())
}
