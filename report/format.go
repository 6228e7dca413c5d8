package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"inreach/schema"
)

// FigureRow is one line of the figures in their flat form: the key as in
// the CSV ("women_supported", "needs_by_area.housing",
// "items_provided.stamps") with its plain-English label and value.
type FigureRow struct {
	Key   string
	Label string
	Value int
}

// Rows flattens the figures in report order: the single figures, then every
// need area, then every item (zeros included, in the order of the
// enumerations).
func (f *Figures) Rows() []FigureRow {
	var out []FigureRow
	for _, k := range FigureList {
		v, _ := f.Value(k.Key)
		out = append(out, FigureRow{k.Key, k.Label, v})
	}
	for _, a := range schema.NeedArea.Values {
		out = append(out, FigureRow{"needs_by_area." + a, schema.NeedArea.Label(a), f.NeedsByArea[a]})
	}
	for _, it := range schema.Item.Values {
		out = append(out, FigureRow{"items_provided." + it, schema.Item.Label(it), f.ItemsProvided[it]})
	}
	return out
}

// WriteJSON writes the figures as one JSON object whose keys are those of
// DESIGN.md (plus from, to and contacts_per_month).
func WriteJSON(w io.Writer, f *Figures) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// WriteCSV writes the figures for a spreadsheet or a funder: a header
// "Figure,Value" and one row per figure, named in plain English as in the
// report ("Women supported"), in report order: the single figures, then
// "Needs by area: <area>", "Items provided: <item>", "Contacts in
// <Month YYYY>", then every outcome figure as "<its heading>: <its label>"
// (OutcomeLines; an average with two decimals). The keys stay in the JSON
// (WriteJSON), for programs.
func WriteCSV(w io.Writer, f *Figures) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"Figure", "Value"})
	for _, r := range f.Rows() {
		cw.Write([]string{CSVLabel(r), strconv.Itoa(r.Value)})
	}
	for _, m := range f.ContactsPerMonth {
		cw.Write([]string{"Contacts in " + MonthLabel(m.Month), strconv.Itoa(m.Contacts)})
	}
	for _, l := range f.OutcomeLines() {
		cw.Write([]string{l.Group + ": " + l.Label, l.CSVValue()})
	}
	cw.Flush()
	return cw.Error()
}

// CSVLabel is how the CSV names a figure row: its label, with the group
// before it for a need area or an item ("Needs by area: Housing").
func CSVLabel(r FigureRow) string {
	switch {
	case strings.HasPrefix(r.Key, "needs_by_area."):
		return "Needs by area: " + r.Label
	case strings.HasPrefix(r.Key, "items_provided."):
		return "Items provided: " + r.Label
	}
	return r.Label
}

// WriteText writes the figures for a person to read: a heading with the
// period, then aligned label and value columns in three groups.
func WriteText(w io.Writer, f *Figures) error {
	rows := f.Rows()
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r.Label)+2)
	}
	var b strings.Builder
	line := func(label string, v int) {
		fmt.Fprintf(&b, "%s%s%6d\n", label, strings.Repeat(" ", width-utf8.RuneCountInString(label)), v)
	}
	fmt.Fprintf(&b, "Monitoring figures, %s to %s\n\n", f.From, f.To)
	for _, r := range rows[:len(FigureList)] {
		line(r.Label, r.Value)
	}
	b.WriteString("\nNeeds by area (women supported with the need open or in progress)\n")
	for _, r := range rows[len(FigureList) : len(FigureList)+len(schema.NeedArea.Values)] {
		line("  "+r.Label, r.Value)
	}
	b.WriteString("\nItems provided (total quantity)\n")
	for _, r := range rows[len(FigureList)+len(schema.NeedArea.Values):] {
		line("  "+r.Label, r.Value)
	}
	b.WriteString("\nContacts per month\n")
	for _, m := range f.ContactsPerMonth {
		line("  "+MonthLabel(m.Month), m.Contacts)
	}
	writeOutcomeText(&b, f.PrintedOutcomeLines())
	_, err := io.WriteString(w, b.String())
	return err
}

// MonthLabel words a month "2025-07" as "July 2025".
func MonthLabel(month string) string {
	t, err := schema.ParseDate(month + "-01")
	if err != nil {
		return month
	}
	return t.Format("January 2006")
}

// writeOutcomeText writes the outcome lines under their headings, each
// value in words ("7 of 9 (78%)").
func writeOutcomeText(b *strings.Builder, lines []OutcomeLine) {
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(l.Label)+4)
	}
	group := ""
	for _, l := range lines {
		if l.Group != group {
			group = l.Group
			fmt.Fprintf(b, "\n%s\n", group)
		}
		fmt.Fprintf(b, "  %s%s%s\n", l.Label, strings.Repeat(" ", width-2-utf8.RuneCountInString(l.Label)), l.Words())
	}
}
