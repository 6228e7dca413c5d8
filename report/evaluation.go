package report

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"inreach/schema"
)

// MaxEvaluationYears is the most years one evaluation table holds.
const MaxEvaluationYears = 20

// An Evaluation is the evaluation's table: consecutive years side by side,
// a row per figure and a column per year, each year's figures exactly as
// Monitoring counts them for that year.
type Evaluation struct {
	Start   string             `json:"start"`
	Years   int                `json:"years"`
	Periods []EvaluationPeriod `json:"periods"`
	Rows    []EvaluationRow    `json:"rows"`
	// Figures are the monitoring figures of each year, in order (not
	// written in the JSON: the rows hold them).
	Figures []*Figures `json:"-"`
}

// An EvaluationPeriod is one year of the table: From is Start plus that
// many years, To the day before the next year starts.
type EvaluationPeriod struct {
	Label string `json:"label"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// An EvaluationRow is one figure over the years. Values[i] is its value in
// year i. For a share ("n of m"), OfKey names the row of the whole and
// Of[i] is that whole; for an average change, Averages[i] is the average
// (Values are then 0).
type EvaluationRow struct {
	Key      string    `json:"key"`
	Label    string    `json:"label"`
	Group    string    `json:"group"`
	Values   []int     `json:"values"`
	OfKey    string    `json:"of_key,omitempty"`
	Of       []int     `json:"of,omitempty"`
	Averages []float64 `json:"averages,omitempty"`
}

// Line is the row's figure in year i as an OutcomeLine (for its words).
func (r EvaluationRow) Line(i int) OutcomeLine {
	l := OutcomeLine{Key: r.Key, Label: r.Label, Group: r.Group, Value: r.Values[i], OfKey: r.OfKey}
	if r.OfKey != "" {
		l.Of = r.Of[i]
	}
	if r.Averages != nil {
		a := r.Averages[i]
		l.Average = &a
	}
	return l
}

// GroupCounts is the heading of the evaluation rows that are the
// monitoring figures' single counts.
const GroupCounts = "Women and contacts"

// EvaluationTable works out the evaluation's table for years consecutive
// years from start (YYYY-MM-DD): year i runs from start plus i years to the
// day before start plus i+1 years. The rows are the single monitoring
// figures (FigureList) then every outcome line (OutcomeLines).
func EvaluationTable(ctx context.Context, db *sql.DB, start string, years int) (*Evaluation, error) {
	t, err := schema.ParseDate(start)
	if err != nil {
		return nil, fmt.Errorf("start: %w", err)
	}
	if years < 1 || years > MaxEvaluationYears {
		return nil, fmt.Errorf("years: give from 1 to %d years", MaxEvaluationYears)
	}
	e := &Evaluation{Start: start, Years: years}
	for i := 0; i < years; i++ {
		from := t.AddDate(i, 0, 0).Format(schema.DateLayout)
		to := t.AddDate(i+1, 0, -1).Format(schema.DateLayout)
		label := from[:4]
		if from[5:] != "01-01" {
			label = from[:4] + "–" + to[2:4] // a year from April: "2025–26"
		}
		e.Periods = append(e.Periods, EvaluationPeriod{Label: label, From: from, To: to})
		f, err := Monitoring(ctx, db, from, to)
		if err != nil {
			return nil, err
		}
		e.Figures = append(e.Figures, f)
	}
	for _, fl := range FigureList {
		r := EvaluationRow{Key: fl.Key, Label: fl.Label, Group: GroupCounts}
		for _, f := range e.Figures {
			v, _ := f.Value(fl.Key)
			r.Values = append(r.Values, v)
		}
		e.Rows = append(e.Rows, r)
	}
	per := make([][]OutcomeLine, years)
	for i, f := range e.Figures {
		per[i] = f.OutcomeLines()
	}
	for j, l := range per[0] {
		r := EvaluationRow{Key: l.Key, Label: l.Label, Group: l.Group, OfKey: l.OfKey}
		for i := range per {
			x := per[i][j]
			r.Values = append(r.Values, x.Value)
			if x.OfKey != "" {
				r.Of = append(r.Of, x.Of)
			}
			if x.Average != nil {
				r.Averages = append(r.Averages, *x.Average)
			}
		}
		e.Rows = append(e.Rows, r)
	}
	return e, nil
}

// PrintedRows are the rows the text and PDF tables print: all, except the
// distance travelled of areas no woman has two readings of in any year
// (wellbeing is always printed).
func (e *Evaluation) PrintedRows() []EvaluationRow {
	var out []EvaluationRow
	for _, r := range e.Rows {
		keep := true
		for i, f := range e.Figures {
			keep = f.shownInText(r.Line(i))
			if keep {
				break
			}
		}
		if keep {
			out = append(out, r)
		}
	}
	return out
}

// WriteEvaluationJSON writes the table as one JSON object: start, years,
// periods (label, from, to) and rows (key, label, group, values, and of_key
// and of for a share, averages for an average change).
func WriteEvaluationJSON(w io.Writer, e *Evaluation) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(e)
}

// WriteEvaluationCSV writes a header "figure,of,<year label>…" and a row per
// figure: its key, the key of the row it is a share of ("" when none), and
// its value in each year (an average change with two decimals).
func WriteEvaluationCSV(w io.Writer, e *Evaluation) error {
	cw := csv.NewWriter(w)
	head := []string{"figure", "of"}
	for _, p := range e.Periods {
		head = append(head, p.From+" to "+p.To)
	}
	cw.Write(head)
	for _, r := range e.Rows {
		rec := []string{r.Key, r.OfKey}
		for i := range e.Periods {
			rec = append(rec, r.Line(i).CSVValue())
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WriteEvaluationText writes the table for a person to read: a heading,
// the years as columns, and under each group its figures, a share as
// "n of m (p%)".
func WriteEvaluationText(w io.Writer, e *Evaluation) error {
	rows := e.PrintedRows()
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, utf8.RuneCountInString(r.Label)+4)
	}
	colW := make([]int, len(e.Periods))
	for i, p := range e.Periods {
		colW[i] = utf8.RuneCountInString(p.Label)
		for _, r := range rows {
			colW[i] = max(colW[i], utf8.RuneCountInString(r.Line(i).Words()))
		}
	}
	pad := func(s string, n int) string {
		return strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s))) + s
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Evaluation, %d %s from %s to %s\n\n", e.Years, plural(e.Years, "year"), e.Start, e.Periods[len(e.Periods)-1].To)
	b.WriteString(strings.Repeat(" ", labelW))
	for i, p := range e.Periods {
		b.WriteString("  " + pad(p.Label, colW[i]))
	}
	b.WriteString("\n")
	group := ""
	for _, r := range rows {
		if r.Group != group {
			group = r.Group
			fmt.Fprintf(&b, "\n%s\n", group)
		}
		b.WriteString("  " + r.Label + strings.Repeat(" ", labelW-2-utf8.RuneCountInString(r.Label)))
		for i := range e.Periods {
			b.WriteString("  " + pad(r.Line(i).Words(), colW[i]))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
