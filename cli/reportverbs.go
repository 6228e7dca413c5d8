package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"inreach/pdf"
	"inreach/report"
	"inreach/schema"
)

func init() {
	register(verb{name: "report", usage: "monitoring --from D --to D [--format text|json|csv] | evaluation --start D --years N [--format text|json|csv] [-o F.pdf]",
		summary: "monitoring figures for a period, for funders; the evaluation's years side by side", run: runReport})
	register(verb{name: "search", usage: "QUERY [--format text|json] [--limit N]",
		summary: "find words across every record", run: runSearch})
}

// period reads and checks --from and --to.
func period(from, to string) error {
	if from == "" || to == "" {
		return usagef("give the period with --from YYYY-MM-DD --to YYYY-MM-DD")
	}
	f, err := schema.ParseDate(from)
	if err != nil {
		return usagef("--from: %v", err)
	}
	t, err := schema.ParseDate(to)
	if err != nil {
		return usagef("--to: %v", err)
	}
	if t.Before(f) {
		return usagef("the period ends (%s) before it starts (%s)", to, from)
	}
	return nil
}

func runReport(e *Env, args []string) error {
	fs := e.flags("report")
	from := fs.String("from", "", "first day of the period, YYYY-MM-DD")
	to := fs.String("to", "", "last day of the period, YYYY-MM-DD")
	format := fs.String("format", "text", "text, json or csv")
	start := fs.String("start", "", "evaluation: the first day of the first year, YYYY-MM-DD")
	years := fs.Int("years", 0, "evaluation: how many consecutive years")
	out := fs.String("o", "", "evaluation: write the table as a PDF to this file")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 1 && pos[0] == "evaluation" {
		return runEvaluation(e, *start, *years, *format, *out)
	}
	if len(pos) != 1 || pos[0] != "monitoring" {
		return usagef("the reports are: inreach report monitoring --from D --to D [--format text|json|csv]; inreach report evaluation --start D --years N [--format text|json|csv] [-o F.pdf]")
	}
	if err := period(*from, *to); err != nil {
		return err
	}
	switch *format {
	case "text", "json", "csv":
	default:
		return usagef("--format must be text, json or csv")
	}
	v, err := e.open(true)
	if err != nil {
		return err
	}
	defer v.Close()
	f, err := report.Monitoring(e.Context(), v.DB(), *from, *to)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		return report.WriteJSON(e.Stdout, f)
	case "csv":
		return report.WriteCSV(e.Stdout, f)
	}
	return report.WriteText(e.Stdout, f)
}

func runSearch(e *Env, args []string) error {
	fs := e.flags("search")
	format := fs.String("format", "text", "text or json")
	limit := fs.Int("limit", 20, "how many results")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("say what to search for: inreach search WORDS")
	}
	if *format != "text" && *format != "json" {
		return usagef("--format must be text or json")
	}
	if *limit < 1 || *limit > report.MaxSearchLimit {
		return usagef("--limit must be between 1 and %d", report.MaxSearchLimit)
	}
	v, err := e.open(true)
	if err != nil {
		return err
	}
	defer v.Close()
	q := strings.Join(pos, " ")
	hits, err := report.Search(e.Context(), v.DB(), q, *limit, 0)
	if err != nil {
		return err
	}
	if *format == "json" {
		out := struct {
			Query string       `json:"query"`
			Hits  []report.Hit `json:"hits"`
		}{q, hits}
		for i := range out.Hits {
			out.Hits[i].Snippet = report.RenderSnippet(out.Hits[i].Snippet, "[", "]")
		}
		if out.Hits == nil {
			out.Hits = []report.Hit{}
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(hits) == 0 {
		fmt.Fprintf(e.Stdout, "Nothing found for %q.\n", q)
		return nil
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	for _, h := range hits {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", h.Kind, h.Ref, h.Date, h.Title)
		fmt.Fprintf(tw, "\t\t\t%s\n", report.RenderSnippet(h.Snippet, "[", "]"))
	}
	return tw.Flush()
}

func runEvaluation(e *Env, start string, years int, format, out string) error {
	if start == "" {
		return usagef("give the first day with --start YYYY-MM-DD")
	}
	if _, err := schema.ParseDate(start); err != nil {
		return usagef("--start: %v", err)
	}
	if years < 1 || years > report.MaxEvaluationYears {
		return usagef("--years must be from 1 to %d", report.MaxEvaluationYears)
	}
	switch format {
	case "text", "json", "csv":
	default:
		return usagef("--format must be text, json or csv")
	}
	v, err := e.open(true)
	if err != nil {
		return err
	}
	defer v.Close()
	if out != "" {
		b, err := pdf.EvaluationPDF(e.Context(), v.DB(), start, years, pdf.MonitoringOptions{GeneratedOn: today()})
		if err != nil {
			return err
		}
		if err := writeOutput(out, b); err != nil {
			return err
		}
		fmt.Fprintf(e.Stderr, "Wrote %s.\n", out)
		return nil
	}
	t, err := report.EvaluationTable(e.Context(), v.DB(), start, years)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return report.WriteEvaluationJSON(e.Stdout, t)
	case "csv":
		return report.WriteEvaluationCSV(e.Stdout, t)
	}
	return report.WriteEvaluationText(e.Stdout, t)
}
