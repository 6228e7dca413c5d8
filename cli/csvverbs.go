package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"inreach/csvimport"
)

func init() {
	register(verb{name: "import-csv", usage: "women|contacts FILE.csv [--map MAP.json] [--dry-run]",
		summary: "bring women or contacts in from a spreadsheet saved as CSV: a preview and every problem first, then all rows or none",
		run:     runImportCSV})
}

func runImportCSV(e *Env, args []string) error {
	fs := e.flags("import-csv")
	mapFile := fs.String("map", "", "a JSON file {\"column header\": \"field\"} that changes the guessed columns (\"\" leaves a column out)")
	dry := fs.Bool("dry-run", false, "only show the preview and the problems; write nothing")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || csvimport.FieldsOf(pos[0]) == nil {
		return usagef("say what the file holds and name it: inreach import-csv women|contacts FILE.csv [--map MAP.json] [--dry-run]")
	}
	kind, path := pos[0], pos[1]
	var m csvimport.Map
	if *mapFile != "" {
		f, err := os.Open(*mapFile)
		if err != nil {
			return fmt.Errorf("could not open the map %s: %w", *mapFile, unwrapPath(err))
		}
		m, err = csvimport.ReadMap(f, kind)
		f.Close()
		if err != nil {
			return usagef("%s: %v", *mapFile, err)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("could not open %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	v, err := e.open(*dry)
	if err != nil {
		return err
	}
	defer v.Close()
	p, err := csvimport.Prepare(e.Context(), v.DB(), kind, f, m)
	if err != nil {
		return fmt.Errorf("%s was not imported; nothing in the vault changed: %w", path, err)
	}
	writePreview(e.Stdout, p)
	if !p.OK() {
		return fmt.Errorf("%s was not imported; nothing in the vault changed: correct the %d %s above (or change the columns with --map) and try again",
			path, len(p.Problems), plural(len(p.Problems), "problem"))
	}
	if *dry {
		fmt.Fprintf(e.Stdout, "\nNo problems. Nothing was written (--dry-run).\n")
		return nil
	}
	res, err := p.Import(e.Context(), v.DB())
	if err != nil {
		return err
	}
	if err := v.Save(); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "\nImported %s: %d women, %d contacts added.\n", path, res.Women, res.Contacts)
	return nil
}

func plural(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// writePreview prints the columns and their fields, the first rows and the
// problems.
func writePreview(w io.Writer, p *csvimport.Preview) {
	fmt.Fprintf(w, "%d %s of %s. Columns:\n", p.Total, plural(p.Total, "row"), p.Kind)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range p.Columns {
		field, how := c.Field, "guessed"
		if field == "" {
			field = "(left out)"
		}
		if !c.Guessed {
			how = "from the map"
		}
		fmt.Fprintf(tw, "  %q\t→ %s\t(%s)\n", c.Header, field, how)
	}
	tw.Flush()
	if len(p.Rows) > 0 {
		fmt.Fprintf(w, "First %d %s:\n", len(p.Rows), plural(len(p.Rows), "row"))
		for i, r := range p.Rows {
			fmt.Fprintf(w, "  row %d: %s\n", i+2, strings.Join(r, " | "))
		}
	}
	if len(p.Problems) > 0 {
		fmt.Fprintf(w, "%d %s:\n", len(p.Problems), plural(len(p.Problems), "problem"))
		for _, pr := range p.Problems {
			fmt.Fprintf(w, "  %s\n", pr)
		}
	}
}
