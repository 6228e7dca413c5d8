package pdf

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"inreach/notes"
	"inreach/report"
	"inreach/schema"
)

// MonitoringOptions say how the monitoring report is printed.
type MonitoringOptions struct {
	// Organisation is printed above the title ("" uses the organisation
	// setting).
	Organisation string
	// GeneratedOn (YYYY-MM-DD) is printed as the date the report was
	// prepared and is the PDF's creation date; "" prints no date and uses
	// the end of the period as the creation date.
	GeneratedOn string
}

// MonitoringPDF prints the monitoring figures for the period [from, to] for
// funders, in one or two pages: the organisation, the period and the date
// prepared; the figures with plain labels; the items provided; contacts
// per month (per year for a period over two years) as a bar chart; the
// women with each area of need as a table with bars; and how the figures
// are counted. It names no woman.
func MonitoringPDF(ctx context.Context, db *sql.DB, from, to string, opts MonitoringOptions) ([]byte, error) {
	if opts.GeneratedOn != "" {
		if _, err := schema.ParseDate(opts.GeneratedOn); err != nil {
			return nil, fmt.Errorf("monitoring report: the generated-on date: %w", err)
		}
	}
	f, err := report.Monitoring(ctx, db, from, to)
	if err != nil {
		return nil, fmt.Errorf("monitoring report: %w", err)
	}
	org := opts.Organisation
	if org == "" {
		org = notes.New(db).GetSetting(notes.SettingOrganisation, "")
	}
	created := opts.GeneratedOn
	if created == "" {
		created = to
	}
	period := longDate(from) + " to " + longDate(to)
	d, err := New(Options{
		Title:     "Monitoring report " + from + " to " + to,
		Subject:   "Monitoring figures",
		Author:    org,
		Footer:    "Monitoring report, " + shortDate(from) + " to " + shortDate(to),
		CreatedOn: created,
	})
	if err != nil {
		return nil, err
	}
	drawMonitoring(d, f, org, period, opts.GeneratedOn)
	return d.Bytes()
}

func drawMonitoring(d *Doc, f *report.Figures, org, period, generated string) {
	if org != "" {
		d.Muted(org)
	}
	d.Title("Monitoring report")
	d.Subtitle(period)
	if generated != "" {
		d.Muted("Prepared on " + longDate(generated))
	}

	d.Heading(2, "Figures for the period")
	var rows [][]string
	for _, r := range f.Rows()[:len(report.FigureList)] {
		rows = append(rows, []string{r.Label, strconv.Itoa(r.Value)})
	}
	d.Table([]Column{{Header: "Figure"}, {Header: "Number", Width: 30, Align: "R"}}, rows)

	d.Heading(2, "Items provided")
	var items []monBar
	for _, it := range schema.Item.Values {
		if n := f.ItemsProvided[it]; n > 0 {
			items = append(items, monBar{schema.Item.Label(it), n})
		}
	}
	if len(items) == 0 {
		d.Italic("No items were recorded as given in this period.")
	} else {
		monBarTable(d, "Item", "Quantity", items)
	}

	months := f.ContactsPerMonth
	title, bars := "Contacts per month", monMonthBars(months)
	if len(months) > 24 {
		title, bars = "Contacts per year", monYearBars(months)
	}
	const chartH = 46
	d.EnsureSpace(chartH + 30) // keep the heading with its chart
	d.Heading(2, title)
	monColumnChart(d, bars, chartH)

	d.Heading(2, "Needs by area")
	d.Muted("Women supported in the period whose need in each area is open or in progress.")
	var needs []monBar
	for _, a := range schema.NeedArea.Values {
		if n := f.NeedsByArea[a]; n > 0 {
			needs = append(needs, monBar{schema.NeedArea.Label(a), n})
		}
	}
	if len(needs) == 0 {
		d.Italic("No open needs were recorded for the women supported in this period.")
	} else {
		monBarTable(d, "Area of need", "Women", needs)
	}

	d.Heading(3, "How the figures are counted")
	d.font("", smallSize, mutedGrey)
	for _, line := range monitoringNotes {
		d.flow(d.wrap(line, d.ContentWidth()), d.left, d.ContentWidth(), smallLineH, "L")
	}
	d.font("", bodySize, inkGrey)

	drawOutcomes(d, f)
}

// drawOutcomes prints the outcome figures (DESIGN.md "Outcomes and the
// evaluation's tables") from a new page, one table per heading, each share
// as "n of m (p%)"; the distance travelled only for wellbeing and the areas
// with readings. It names no woman.
func drawOutcomes(d *Doc, f *report.Figures) {
	d.PageBreak()
	d.Heading(2, "Outcomes")
	d.Muted("Shares are written \"n of m (p%)\": n women (or releases) out of the m in the line it follows or names.")
	var rows [][]string
	group := ""
	for _, l := range f.PrintedOutcomeLines() {
		if (l.Value == 0 && listedOnlyIfSome(l.Group)) || l.Group == report.GroupDistance {
			continue
		}
		if l.Group != group {
			group = l.Group
			rows = append(rows, []string{group, ""})
		}
		rows = append(rows, []string{"    " + l.Label, l.Words()})
	}
	d.Table([]Column{{Header: "Figure"}, {Header: "Number", Width: 42, Align: "R"}}, rows)

	d.Heading(3, report.GroupDistance)
	var dist [][]string
	for _, a := range schema.ReadingArea.Values {
		x := f.DistanceTravelled[a]
		if x.Women == 0 && a != "wellbeing" {
			continue
		}
		share := func(n int) string {
			if x.Women == 0 {
				return "0"
			}
			return fmt.Sprintf("%d (%d%%)", n, report.Percent(n, x.Women))
		}
		dist = append(dist, []string{schema.ReadingArea.Label(a), strconv.Itoa(x.Women), share(x.Improved),
			share(x.Same), share(x.Worse), fmt.Sprintf("%+.2f", x.AverageChange)})
	}
	d.Table([]Column{{Header: "Area"}, {Header: "Women", Width: 16, Align: "R"}, {Header: "Improved", Width: 24, Align: "R"},
		{Header: "Same", Width: 24, Align: "R"}, {Header: "Worse", Width: 24, Align: "R"}, {Header: "Average", Width: 18, Align: "R"}}, dist)
	d.Heading(3, "How the outcomes are counted")
	d.font("", smallSize, mutedGrey)
	for _, line := range outcomeNotes {
		d.flow(d.wrap(line, d.ContentWidth()), d.left, d.ContentWidth(), smallLineH, "L")
	}
	d.font("", bodySize, inkGrey)
}

// listedOnlyIfSome says the groups whose empty rows the PDF leaves out
// (offence groups, ethnicity and age bands no woman supported is in).
func listedOnlyIfSome(group string) bool {
	return group == report.GroupOffence || group == report.GroupEthnicity || group == report.GroupAge
}

// outcomeNotes explain the outcome figures in plain words (the full rules
// are in the report package, outcomes.go).
var outcomeNotes = []string{
	"From prison to the community: women seen at a prison visit in the period; of them, those released in the period; of them, those seen at a release-day contact within 14 days of a release; of them, those seen at any contact more than 14 days after release.",
	"Re-offending within six months: each release is followed in the period in which its 183rd day falls, counting re-offending, recall or a new sentence recorded in those 183 days. Women released in the last six months of the period are shown apart, as far as known so far.",
	"Time in custody counts from her first remand or sentence after her previous release to her first release in the period. Late notice: releases with 2 days' notice or less.",
	"Distance travelled compares each woman's first and latest rating (1 worst to 10 best) of an area in the period, for women with two or more.",
}

// monitoringNotes explain the figures in plain words (shared/DESIGN.md).
var monitoringNotes = []string{
	"Women supported: each woman at a contact in the period, counted once. Women engaged: of those, the women seen at least once and not referred on to another service in the period.",
	"Prison visits are sessions; one-to-one meetings count each woman seen at each session. Releases count release events; women released counts each woman once.",
	"Not re-offended: women released in the period with no re-offending, recall or new sentence recorded after that release, up to the end of the period.",
	"Letters and messages include emails and phone calls logged as correspondence. Figures are as recorded by the service.",
}

// A monBar is one labelled value of a chart.
type monBar struct {
	label string
	value int
}

func monMonthBars(months []report.MonthCount) []monBar {
	out := make([]monBar, len(months))
	for i, m := range months {
		label := report.MonthLabel(m.Month)
		if t, err := schema.ParseDate(m.Month + "-01"); err == nil {
			label = t.Format("Jan")
			if i == 0 || t.Month() == 1 {
				label = t.Format("Jan 06")
			}
		}
		out[i] = monBar{label, m.Contacts}
	}
	return out
}

func monYearBars(months []report.MonthCount) []monBar {
	var out []monBar
	for _, m := range months {
		y := m.Month[:4]
		if len(out) == 0 || out[len(out)-1].label != y {
			out = append(out, monBar{y, 0})
		}
		out[len(out)-1].value += m.Contacts
	}
	return out
}

// monNiceMax rounds v up to a round number for the top of a chart's scale
// (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten).
func monNiceMax(v int) float64 {
	if v <= 0 {
		return 1
	}
	for p := 1.0; ; p *= 10 {
		for _, m := range []float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8} {
			if m*p >= float64(v) {
				return m * p
			}
		}
	}
}

// monColumnChart draws vertical bars (grey rectangles) of height up to h mm
// with each value above its bar and its label below, and a base line.
func monColumnChart(d *Doc, bars []monBar, h float64) {
	if len(bars) == 0 {
		return
	}
	labelH, valueH := 5.0, 4.0
	d.EnsureSpace(h + labelH + valueH + 4)
	f := d.Fpdf()
	top := f.GetY() + valueH
	base := top + h
	w := d.ContentWidth()
	slot := w / float64(len(bars))
	barW := slot * 0.62
	scale := monNiceMax(monMaxValue(bars))
	// faint guide lines at the top and the middle of the scale
	f.SetDrawColor(225, 225, 225)
	f.SetLineWidth(0.15)
	f.Line(d.left, top, d.left+w, top)
	f.Line(d.left, top+h/2, d.left+w, top+h/2)
	size := 7.5
	if slot < 9 {
		size = 6
	}
	for i, b := range bars {
		x := d.left + float64(i)*slot + (slot-barW)/2
		bh := h * float64(b.value) / scale
		if bh > 0 {
			f.SetFillColor(110, 110, 110)
			f.Rect(x, base-bh, barW, bh, "F")
		}
		d.font("", size, inkGrey)
		f.SetXY(d.left+float64(i)*slot, base-bh-valueH)
		f.CellFormat(slot, valueH, strconv.Itoa(b.value), "", 0, "C", false, 0, "")
		d.font("", size, mutedGrey)
		f.SetXY(d.left+float64(i)*slot, base+0.8)
		f.CellFormat(slot, labelH-1, fitText(f, b.label, slot), "", 0, "C", false, 0, "")
	}
	f.SetFillColor(255, 255, 255)
	f.SetDrawColor(60, 60, 60)
	f.SetLineWidth(0.3)
	f.Line(d.left, base, d.left+w, base)
	f.SetLineWidth(0.2)
	f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
	d.font("", bodySize, inkGrey)
	f.SetXY(d.left, base+labelH+2)
}

// monBarTable draws a table of labels and values with a horizontal bar
// (a grey rectangle) beside each value, longest bar for the largest value.
func monBarTable(d *Doc, labelHead, valueHead string, bars []monBar) {
	f := d.Fpdf()
	w := d.ContentWidth()
	labelW, valueW := 62.0, 18.0
	barX := d.left + labelW + valueW + 4
	barMax := w - labelW - valueW - 4
	rowH := tableLineH + 1.2
	scale := monMaxValue(bars)
	d.EnsureSpace(rowH * float64(min(len(bars)+1, 4)))
	head := func() {
		y := f.GetY()
		f.SetFillColor(fillGrey, fillGrey, fillGrey)
		f.Rect(d.left, y, w, rowH, "F")
		d.font("B", tableSize, inkGrey)
		f.SetXY(d.left+tablePadX, y+0.6)
		f.CellFormat(labelW-2*tablePadX, tableLineH, labelHead, "", 0, "L", false, 0, "")
		f.SetXY(d.left+labelW, y+0.6)
		f.CellFormat(valueW, tableLineH, valueHead, "", 0, "R", false, 0, "")
		f.SetXY(d.left, y+rowH)
	}
	head()
	for _, b := range bars {
		if d.Remaining() < rowH {
			d.PageBreak()
			head()
		}
		y := f.GetY()
		d.font("", tableSize, inkGrey)
		f.SetXY(d.left+tablePadX, y+0.6)
		f.CellFormat(labelW-2*tablePadX, tableLineH, fitText(f, clean(b.label), labelW-2*tablePadX), "", 0, "L", false, 0, "")
		f.SetXY(d.left+labelW, y+0.6)
		f.CellFormat(valueW, tableLineH, strconv.Itoa(b.value), "", 0, "R", false, 0, "")
		if scale > 0 && b.value > 0 {
			f.SetFillColor(110, 110, 110)
			f.Rect(barX, y+1.2, barMax*float64(b.value)/float64(scale), rowH-2.4, "F")
		}
		f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
		f.Line(d.left, y+rowH, d.left+w, y+rowH)
		f.SetXY(d.left, y+rowH)
	}
	f.SetFillColor(255, 255, 255)
	d.font("", bodySize, inkGrey)
	d.Spacer(paraGap + 1)
}

func monMaxValue(bars []monBar) int {
	m := 0
	for _, b := range bars {
		m = max(m, b.value)
	}
	return m
}
