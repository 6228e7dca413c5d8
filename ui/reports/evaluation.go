package reports

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/pdf"
	"inreach/report"
	"inreach/schema"
	"inreach/ui/kit"
)

// evaluationTab shows the evaluation's table: consecutive years side by
// side, a row per figure and a column per year, exactly as
// report.EvaluationTable counts them (worked out off the UI goroutine).
// A cell opens the records behind that figure in that year. The table is
// saved as CSV, JSON or PDF.
type evaluationTab struct {
	u       kit.Env
	start   *kit.LeaveEntry
	years   *widget.Select
	msg     *widget.Label
	status  *widget.Label
	table   *widget.Table
	eval    *report.Evaluation
	cells   [][]string // the table's text: a header row, then a row per heading or figure
	keys    []string   // each row's figure key ("" for the header and headings)
	heading []bool     // rows that are the header or a heading
	gen     int
	body    fyne.CanvasObject
}

// evaluationYearsShown are the choices of how many years to set side by
// side.
const evaluationYearsShown = 5

func newEvaluationTab(u kit.Env) *evaluationTab {
	e := &evaluationTab{u: u}
	e.start = newReportsDateEntry(e.reload)
	var choices []string
	for i := 1; i <= min(evaluationYearsShown, report.MaxEvaluationYears); i++ {
		choices = append(choices, strconv.Itoa(i))
	}
	e.years = widget.NewSelect(choices, func(string) { e.reload() })
	e.msg = kit.ErrorLabel()
	e.status = kit.Muted("")
	e.table = widget.NewTable(e.size, e.newCell, e.updateCell)
	e.table.StickyRowCount = 1
	e.table.StickyColumnCount = 1
	e.table.OnSelected = e.selected

	pdfBtn := widget.NewButtonWithIcon("Evaluation PDF…", theme.DocumentPrintIcon(), e.exportPDF)
	pdfBtn.Importance = widget.HighImportance
	csvBtn := widget.NewButtonWithIcon("Export CSV…", theme.DownloadIcon(), func() { e.exportData("csv", report.WriteEvaluationCSV) })
	jsonBtn := widget.NewButtonWithIcon("Export JSON…", theme.DownloadIcon(), func() { e.exportData("json", report.WriteEvaluationJSON) })
	row := container.NewHBox(widget.NewLabel("Years from"), kit.DateField(e.start, func() string { return kit.TodayFor(e.u) }), widget.NewLabel("side by side:"),
		container.New(&kit.AtLeastWidth{Width: 80}, e.years))
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(pdfBtn, csvBtn, jsonBtn),
			kit.Heading("The evaluation's table")),
		row, e.msg,
		kit.Wrapped("Each year runs from the start date to the day before the next. Women are counted once in a year; tap a figure to see the records behind it."),
	)
	e.body = container.NewBorder(container.NewPadded(top), container.NewPadded(e.status), nil, nil, e.table)

	// First shown: the last three funding years, this one included.
	from, _ := report.Period("funder_year", u.Now())
	if t, err := schema.ParseDate(from); err == nil {
		from = t.AddDate(-2, 0, 0).Format(schema.DateLayout)
	}
	e.start.SetText(from)
	e.years.Selected = "3"
	return e
}

func (e *evaluationTab) Content() fyne.CanvasObject { return e.body }

// period is the typed start and the years chosen, or ok false with the
// problem shown.
func (e *evaluationTab) period() (start string, years int, ok bool) {
	start = strings.TrimSpace(e.start.Text)
	if p := reportsDateProblem("Start", start); p != "" {
		kit.SetError(e.msg, p)
		return "", 0, false
	}
	kit.SetError(e.msg, "")
	years, _ = strconv.Atoi(e.years.Selected)
	return start, years, years > 0
}

// reload works out the table for the period shown; a newer request makes
// an older one's answer be dropped.
func (e *evaluationTab) reload() {
	start, years, ok := e.period()
	if !ok || e.u.Locked() {
		return
	}
	if e.eval != nil && e.eval.Start == start && e.eval.Years == years {
		return
	}
	e.gen++
	gen, db, ctx := e.gen, e.u.DB(), e.u.Context()
	e.status.SetText("Counting…")
	var ev *report.Evaluation
	var err error
	e.u.Go(func() {
		ev, err = report.EvaluationTable(ctx, db, start, years)
	}, func() {
		if gen != e.gen || e.u.Locked() {
			return
		}
		if err != nil {
			e.status.SetText("The table could not be worked out. " + kit.Sentence(err))
			return
		}
		e.show(ev)
	})
}

// refresh works the shown table out again (records may have changed).
func (e *evaluationTab) refresh() {
	e.eval = nil
	e.reload()
}

// show puts the table on screen.
func (e *evaluationTab) show(ev *report.Evaluation) {
	e.eval = ev
	header := []string{"Figure"}
	for _, p := range ev.Periods {
		header = append(header, p.Label)
	}
	e.cells, e.keys, e.heading = [][]string{header}, []string{""}, []bool{true}
	group := ""
	for _, r := range ev.PrintedRows() {
		if r.Group != group {
			group = r.Group
			e.cells = append(e.cells, append([]string{group}, make([]string, len(ev.Periods))...))
			e.keys, e.heading = append(e.keys, ""), append(e.heading, true)
		}
		row := []string{r.Label}
		for i := range ev.Periods {
			row = append(row, r.Line(i).Words())
		}
		e.cells = append(e.cells, row)
		e.keys, e.heading = append(e.keys, r.Key), append(e.heading, false)
	}
	e.table.SetColumnWidth(0, 360)
	for i := range ev.Periods {
		e.table.SetColumnWidth(i+1, 130)
	}
	e.table.Refresh()
	e.status.SetText(ev.Periods[0].From + " to " + ev.Periods[len(ev.Periods)-1].To + ": " +
		kit.CountWords(len(ev.Periods), "year", "years") + " side by side. The exports hold every row by its report key.")
}

func (e *evaluationTab) size() (int, int) {
	if len(e.cells) == 0 {
		return 0, 0
	}
	return len(e.cells), len(e.cells[0])
}

func (e *evaluationTab) newCell() fyne.CanvasObject {
	l := widget.NewLabel("7 of 11 (64%)")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (e *evaluationTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(e.cells) || id.Col >= len(e.cells[id.Row]) {
		l.SetText("")
		return
	}
	l.TextStyle = fyne.TextStyle{Bold: e.heading[id.Row]}
	l.Alignment = fyne.TextAlignTrailing
	if id.Col == 0 {
		l.Alignment = fyne.TextAlignLeading
	}
	l.SetText(e.cells[id.Row][id.Col])
}

// selected opens the records behind the figure in that year.
func (e *evaluationTab) selected(id widget.TableCellID) {
	e.table.UnselectAll()
	if e.eval == nil || id.Row >= len(e.keys) || e.keys[id.Row] == "" || id.Col == 0 || e.u.Locked() {
		return
	}
	p := e.eval.Periods[id.Col-1]
	key := e.keys[id.Row]
	rows, err := report.Breakdown(e.u.Context(), e.u.DB(), p.From, p.To, key)
	if err != nil {
		kit.ShowError(e.u.Window(), "The records behind this figure could not be listed", err)
		return
	}
	showBreakdownDialog(e.u, e.cells[id.Row][0]+" ("+p.Label+")", p.From, p.To, rows)
}

// exportPDF saves the table as a PDF for the evaluators.
func (e *evaluationTab) exportPDF() {
	start, years, ok := e.period()
	if !ok || e.u.Locked() {
		return
	}
	db, ctx, today := e.u.DB(), e.u.Context(), kit.TodayFor(e.u)
	kit.ReportsSaveFile(e.u, "evaluation-"+start+"-"+strconv.Itoa(years)+"-years.pdf", "Making the evaluation PDF…",
		"The evaluation PDF could not be made", func() ([]byte, error) {
			return pdf.EvaluationPDF(ctx, db, start, years, pdf.MonitoringOptions{GeneratedOn: today})
		}, func(path string) string {
			return "The evaluation's table was saved as " + path + ".\nIt names no woman."
		})
}

// exportData saves the table as CSV or JSON.
func (e *evaluationTab) exportData(ext string, write func(io.Writer, *report.Evaluation) error) {
	start, years, ok := e.period()
	if !ok || e.u.Locked() {
		return
	}
	db, ctx := e.u.DB(), e.u.Context()
	kit.ReportsSaveFile(e.u, "evaluation-"+start+"-"+strconv.Itoa(years)+"-years."+ext, "Counting the figures…",
		"The table could not be exported", func() ([]byte, error) {
			ev, err := report.EvaluationTable(ctx, db, start, years)
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			err = write(&buf, ev)
			return buf.Bytes(), err
		}, func(path string) string {
			return "The evaluation's table was saved as " + path + ". It holds counts only and names no woman."
		})
}
