package reports

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/pdf"
	"inreach/report"
	"inreach/schema"
	"inreach/ui/kit"
)

// periodCustom is the period menu's choice for dates typed by hand.
const periodCustom = "Custom dates"

// periodDefault is the period shown first: funders usually ask for the
// funding year.
const periodDefault = "funder_year"

// monitoringTab shows the monitoring figures for a period: the single
// figures as a table, contacts per month as columns, the women with each
// area of need as bars, and the items provided. Every figure opens the
// records behind it. The figures are counted off the UI goroutine.
type monitoringTab struct {
	u kit.Env

	period   *widget.Select
	from, to *kit.LeaveEntry
	dateMsg  *widget.Label
	title    *widget.Label
	status   *widget.Label

	values    map[string]*widget.Label // FigureList key → its value
	itemRows  map[string]*widget.Label // item → its quantity
	months    *kit.ReportsColumnChart
	monthNote *widget.Label
	needs     *kit.ReportsBarList
	needsNote *widget.Label
	outcomes  *outcomesView

	// figs are the figures shown, for the period [shownFrom, shownTo].
	figs               *report.Figures
	shownFrom, shownTo string
	gen                int  // counts requests; only the latest is shown
	settingPeriod      bool // the period menu is being set by code

	body fyne.CanvasObject
}

func newMonitoringTab(u kit.Env) *monitoringTab {
	m := &monitoringTab{u: u, values: map[string]*widget.Label{}, itemRows: map[string]*widget.Label{}}
	var labels []string
	for _, n := range report.PeriodNames {
		labels = append(labels, report.PeriodLabels[n])
	}
	labels = append(labels, periodCustom)
	m.period = widget.NewSelect(labels, func(label string) {
		if !m.settingPeriod {
			m.choosePeriod(label)
		}
	})
	m.from = newReportsDateEntry(m.datesTyped)
	m.to = newReportsDateEntry(m.datesTyped)
	m.dateMsg = widget.NewLabel("")
	m.dateMsg.Importance = widget.DangerImportance
	m.dateMsg.Wrapping = fyne.TextWrapWord
	m.dateMsg.Hide()
	m.title = widget.NewLabel("")
	m.title.Wrapping = fyne.TextWrapWord
	m.status = kit.Muted("")

	pdfBtn := widget.NewButtonWithIcon("Monitoring PDF…", theme.DocumentPrintIcon(), m.exportPDF)
	pdfBtn.Importance = widget.HighImportance
	csvBtn := widget.NewButtonWithIcon("Export CSV…", theme.DownloadIcon(), m.exportCSV)
	jsonBtn := widget.NewButtonWithIcon("Export JSON…", theme.DownloadIcon(), m.exportJSON)

	today := func() string { return kit.TodayFor(m.u) }
	periodRow := kit.Flow(
		container.NewHBox(widget.NewLabel("Period"), container.New(&kit.AtLeastWidth{Width: periodMenuWidth()}, m.period)),
		container.NewHBox(widget.NewLabel("from"), kit.DateField(m.from, today)),
		container.NewHBox(widget.NewLabel("to"), kit.DateField(m.to, today)),
	)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(pdfBtn, csvBtn, jsonBtn), kit.Heading("Monitoring figures")),
		m.title,
		periodRow,
		m.dateMsg,
	)

	m.months = kit.NewReportsColumnChart(func(b kit.ReportsBar) { m.showBreakdown(b.Key, "Contacts in "+b.Label) })
	m.monthNote = personDataText("")
	m.needs = kit.NewReportsBarList(func(b kit.ReportsBar) { m.showBreakdown(b.Key, "Women with a need: "+b.Label) })
	m.needsNote = personDataText("")

	figures := kit.TitledCard("Figures", "Select a figure to see the records behind it.", m.figureTable())
	months := kit.TitledCard("Contacts per month", "", container.NewVBox(m.months, m.monthNote))
	items := kit.TitledCard("Items provided", "Total quantity given at contacts.", m.itemTable())
	needs := kit.TitledCard("Needs by area",
		"Women supported in the period whose need in the area is open or in progress.",
		container.NewVBox(m.needs, m.needsNote))

	m.outcomes = newOutcomesView(m.showBreakdown)

	grid := container.NewGridWithColumns(2, figures, container.NewVBox(months, items))
	scroll := container.NewVScroll(container.NewVBox(grid, needs, m.outcomes.Content(), m.status))
	m.body = container.NewBorder(container.NewPadded(top), nil, nil, nil, scroll)

	m.setPeriod(periodDefault)
	return m
}

func (m *monitoringTab) Content() fyne.CanvasObject { return m.body }

// figureTable is one row per single-number figure: its plain label and its
// value, striped, each opening its breakdown.
func (m *monitoringTab) figureTable() fyne.CanvasObject {
	box := container.NewVBox()
	for i, f := range report.FigureList {
		key, label := f.Key, f.Label
		v := widget.NewLabelWithStyle("…", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		m.values[key] = v
		l := widget.NewLabel(label)
		l.Wrapping = fyne.TextWrapWord
		right := container.NewHBox(container.New(&kit.AtLeastWidth{Width: 56}, v), widget.NewIcon(theme.NavigateNextIcon()))
		box.Add(kit.NewTapRow(container.NewBorder(nil, nil, nil, right, l), func() { m.showBreakdown(key, label) }).Striped(i%2 == 0))
	}
	return box
}

// itemTable is one row per item with the quantity given.
func (m *monitoringTab) itemTable() fyne.CanvasObject {
	box := container.NewVBox()
	for i, it := range schema.Item.Values {
		key, label := "items_provided."+it, schema.Item.Label(it)
		v := widget.NewLabelWithStyle("…", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		m.itemRows[it] = v
		right := container.NewHBox(container.New(&kit.AtLeastWidth{Width: 56}, v), widget.NewIcon(theme.NavigateNextIcon()))
		box.Add(kit.NewTapRow(container.NewBorder(nil, nil, nil, right, widget.NewLabel(label)), func() { m.showBreakdown(key, "Items provided: "+label) }).Striped(i%2 == 0))
	}
	return box
}

// setPeriod shows a preset period (a report.PeriodNames word).
func (m *monitoringTab) setPeriod(name string) {
	m.settingPeriod = true
	m.period.SetSelected(report.PeriodLabels[name])
	m.settingPeriod = false
	m.choosePeriod(report.PeriodLabels[name])
}

// choosePeriod fills the dates from the chosen preset and counts; "Custom
// dates" leaves them for the user to type.
func (m *monitoringTab) choosePeriod(label string) {
	if label == periodCustom {
		m.u.Window().Canvas().Focus(m.from)
		return
	}
	for _, n := range report.PeriodNames {
		if report.PeriodLabels[n] == label {
			from, to := report.Period(n, m.u.Now())
			m.from.SetText(from)
			m.to.SetText(to)
			m.dateMsg.Hide()
			m.count(from, to)
			return
		}
	}
}

// checkDates checks the typed period and shows what is wrong under the
// dates. It returns the period when it is usable.
func (m *monitoringTab) checkDates() (from, to string, ok bool) {
	from, to = strings.TrimSpace(m.from.Text), strings.TrimSpace(m.to.Text)
	var problems []string
	if p := reportsDateProblem("From", from); p != "" {
		problems = append(problems, p)
	}
	if p := reportsDateProblem("To", to); p != "" {
		problems = append(problems, p)
	}
	if len(problems) == 0 && to < from {
		problems = append(problems, "To: the end of the period is before its start.")
	}
	if len(problems) > 0 {
		m.dateMsg.SetText(strings.Join(problems, "\n"))
		m.dateMsg.Show()
		return "", "", false
	}
	m.dateMsg.Hide()
	return from, to, true
}

// datesTyped counts the period typed by hand, once both dates are right.
func (m *monitoringTab) datesTyped() {
	from, to, ok := m.checkDates()
	if !ok || (from == m.shownFrom && to == m.shownTo && m.figs != nil) {
		return
	}
	m.settingPeriod = true
	m.period.SetSelected(periodCustom)
	for _, n := range report.PeriodNames {
		if f, t := report.Period(n, m.u.Now()); f == from && t == to {
			m.period.SetSelected(report.PeriodLabels[n])
		}
	}
	m.settingPeriod = false
	m.count(from, to)
}

// reload counts the shown period again.
func (m *monitoringTab) reload() {
	if from, to, ok := m.checkDates(); ok {
		m.count(from, to)
	}
}

// count computes the figures for [from, to] off the UI goroutine; a newer
// request makes an older one's answer be dropped.
func (m *monitoringTab) count(from, to string) {
	if m.u.Locked() {
		return
	}
	m.gen++
	gen, db, ctx := m.gen, m.u.DB(), m.u.Context()
	m.title.SetText(reportsDateWords(from) + " to " + reportsDateWords(to))
	m.status.SetText("Counting…")
	var f *report.Figures
	var err error
	m.u.Go(func() {
		f, err = report.Monitoring(ctx, db, from, to)
	}, func() {
		if gen != m.gen || m.u.Locked() {
			return
		}
		if err != nil {
			m.status.SetText("The figures could not be counted. " + kit.Sentence(err))
			return
		}
		m.show(f)
	})
}

// show puts the figures on screen.
func (m *monitoringTab) show(f *report.Figures) {
	m.figs, m.shownFrom, m.shownTo = f, f.From, f.To
	for key, l := range m.values {
		v, _ := f.Value(key)
		l.SetText(strconv.Itoa(v))
	}
	for it, l := range m.itemRows {
		l.SetText(strconv.Itoa(f.ItemsProvided[it]))
	}

	var bars []kit.ReportsBar
	total := 0
	for _, mc := range f.ContactsPerMonth {
		label := mc.Month
		if t, err := time.Parse("2006-01", mc.Month); err == nil {
			label = t.Format("Jan")
		}
		bars = append(bars, kit.ReportsBar{Label: label, Value: mc.Contacts, Key: "contacts_per_month." + mc.Month})
		total += mc.Contacts
	}
	if total == 0 {
		bars = nil
	}
	m.months.SetBars(bars)
	if n := len(f.ContactsPerMonth); n > 0 && total > 0 {
		m.monthNote.SetText(fmt.Sprintf("%s in all, %s to %s. Tap a column to list its contacts.",
			kit.CountWords(total, "contact", "contacts"),
			report.MonthLabel(f.ContactsPerMonth[0].Month), report.MonthLabel(f.ContactsPerMonth[n-1].Month)))
	} else {
		m.monthNote.SetText("No contacts are recorded in this period.")
	}

	bars = nil
	var none []string
	for _, a := range schema.NeedArea.Values {
		if n := f.NeedsByArea[a]; n > 0 {
			bars = append(bars, kit.ReportsBar{Label: schema.NeedArea.Label(a), Value: n, Key: "needs_by_area." + a})
		} else {
			none = append(none, schema.NeedArea.Label(a))
		}
	}
	sort.SliceStable(bars, func(i, j int) bool { return bars[i].Value > bars[j].Value })
	m.needs.SetBars(bars)
	switch {
	case len(bars) == 0:
		m.needsNote.SetText("No woman supported in this period has an open need recorded.")
	case len(none) > 0:
		m.needsNote.SetText("No woman with an open need in: " + strings.Join(none, ", ") + ".")
	default:
		m.needsNote.SetText("")
	}
	m.outcomes.show(f)
	m.status.SetText("Women are counted once however many contacts they had. " +
		"Export CSV or JSON gives these figures by their report keys.")
}

// showBreakdown lists the records behind one figure in a dialog.
func (m *monitoringTab) showBreakdown(key, label string) {
	if m.u.Locked() || m.figs == nil {
		return
	}
	from, to := m.shownFrom, m.shownTo
	rows, err := report.Breakdown(m.u.Context(), m.u.DB(), from, to, key)
	if err != nil {
		kit.ShowError(m.u.Window(), "The records behind this figure could not be listed", err)
		return
	}
	showBreakdownDialog(m.u, label, from, to, rows)
}

// exportPeriod is the period to export, or ok false (with the problem shown at
// the dates) when the typed dates are not usable.
func (m *monitoringTab) exportPeriod() (from, to string, ok bool) {
	return m.checkDates()
}

// exportPDF prints the monitoring report for funders.
func (m *monitoringTab) exportPDF() {
	from, to, ok := m.exportPeriod()
	if !ok || m.u.Locked() {
		return
	}
	db, ctx, today := m.u.DB(), m.u.Context(), kit.TodayFor(m.u)
	kit.ReportsSaveFile(m.u, "monitoring-"+from+"-to-"+to+".pdf", "Making the monitoring PDF…",
		"The monitoring PDF could not be made", func() ([]byte, error) {
			return pdf.MonitoringPDF(ctx, db, from, to, pdf.MonitoringOptions{GeneratedOn: today})
		}, func(path string) string {
			return "The monitoring report for " + reportsDateWords(from) + " to " + reportsDateWords(to) +
				" was saved as " + path + ".\nIt names no woman."
		})
}

// exportCSV writes the figures as figure,value lines.
func (m *monitoringTab) exportCSV() { m.exportData("csv", report.WriteCSV) }

// exportJSON writes the figures as one JSON object.
func (m *monitoringTab) exportJSON() { m.exportData("json", report.WriteJSON) }

func (m *monitoringTab) exportData(ext string, write func(io.Writer, *report.Figures) error) {
	from, to, ok := m.exportPeriod()
	if !ok || m.u.Locked() {
		return
	}
	db, ctx := m.u.DB(), m.u.Context()
	kit.ReportsSaveFile(m.u, "monitoring-"+from+"-to-"+to+"."+ext, "Counting the figures…",
		"The figures could not be exported", func() ([]byte, error) {
			f, err := report.Monitoring(ctx, db, from, to)
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			err = write(&buf, f)
			return buf.Bytes(), err
		}, func(path string) string {
			return "The figures for " + reportsDateWords(from) + " to " + reportsDateWords(to) +
				" were saved as " + path + ". They are counts only and name no woman."
		})
}

// periodMenuWidth fits the longest period name in the menu.
func periodMenuWidth() float32 {
	w := float32(0)
	for _, l := range report.PeriodLabels {
		w = max(w, fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + 2*theme.IconInlineSize() + 2*theme.InnerPadding()
}
