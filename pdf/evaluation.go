package pdf

import (
	"context"
	"database/sql"
	"fmt"

	"inreach/notes"
	"inreach/report"
	"inreach/schema"
)

// EvaluationPDF prints the evaluation's table (report.EvaluationTable) for
// years consecutive years from start: a row per figure, a column per year,
// shares as "n of m (p%)", on landscape pages, with how the figures are
// counted. It names no woman.
func EvaluationPDF(ctx context.Context, db *sql.DB, start string, years int, opts MonitoringOptions) ([]byte, error) {
	if opts.GeneratedOn != "" {
		if _, err := schema.ParseDate(opts.GeneratedOn); err != nil {
			return nil, fmt.Errorf("evaluation: the generated-on date: %w", err)
		}
	}
	e, err := report.EvaluationTable(ctx, db, start, years)
	if err != nil {
		return nil, fmt.Errorf("evaluation: %w", err)
	}
	org := opts.Organisation
	if org == "" {
		org = notes.New(db).GetSetting(notes.SettingOrganisation, "")
	}
	last := e.Periods[len(e.Periods)-1].To
	created := opts.GeneratedOn
	if created == "" {
		created = last
	}
	d, err := New(Options{
		Title:     "Evaluation " + start + " to " + last,
		Subject:   "Evaluation figures, year by year",
		Author:    org,
		Footer:    "Evaluation, " + shortDate(start) + " to " + shortDate(last),
		CreatedOn: created,
		Landscape: true,
	})
	if err != nil {
		return nil, err
	}
	if org != "" {
		d.Muted(org)
	}
	d.Title("Evaluation: the years side by side")
	d.Subtitle(longDate(start) + " to " + longDate(last))
	if opts.GeneratedOn != "" {
		d.Muted("Prepared on " + longDate(opts.GeneratedOn))
	}
	cols := []Column{{Header: "Figure"}}
	w := 34.0
	if len(e.Periods) > 5 {
		w = 24
	}
	for _, p := range e.Periods {
		cols = append(cols, Column{Header: p.Label, Width: w, Align: "R"})
	}
	var rows [][]string
	group := ""
	for _, r := range e.PrintedRows() {
		if r.Group != group {
			group = r.Group
			row := []string{group}
			for range e.Periods {
				row = append(row, "")
			}
			rows = append(rows, row)
		}
		row := []string{"    " + r.Label}
		for i := range e.Periods {
			row = append(row, r.Line(i).Words())
		}
		rows = append(rows, row)
	}
	d.Table(cols, rows)
	d.Heading(3, "How the figures are counted")
	d.font("", smallSize, mutedGrey)
	for _, line := range append(append([]string{}, monitoringNotes...), outcomeNotes...) {
		d.flow(d.wrap(line, d.ContentWidth()), d.left, d.ContentWidth(), smallLineH, "L")
	}
	d.font("", bodySize, inkGrey)
	return d.Bytes()
}
