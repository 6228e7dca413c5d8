package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"inreach/report"
	"inreach/schema"
)

func init() {
	register(verb{name: "report", usage: "monitoring --from D --to D [--format text|json|csv]",
		summary: "monitoring figures for a period, for funders", run: runReport})
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
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "monitoring" {
		return usagef("the report is: inreach report monitoring --from D --to D [--format text|json|csv]")
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
