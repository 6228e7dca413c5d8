package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"inreach/anonymise"
	"inreach/demo"
	"inreach/exchange"
	"inreach/identity"
	"inreach/schema"
	"inreach/vault"
)

func init() {
	register(verb{name: "demo", usage: "[--vault P] [--scale small|decade|org] [--seed N] [--end D]",
		summary: "create a new vault full of fictional, realistic data", run: runDemo})
	register(verb{name: "import", usage: "FILE.json",
		summary: "merge an interchange file into the vault (all or nothing)", run: runImport})
	register(verb{name: "export", usage: "-o FILE.json [--person ID] | --anonymise -o F.json|F.csv [--format json|csv] [--with-text] [--age-on D]",
		summary: "write the vault (or one woman's records) as an interchange file, or anonymised for evaluators", run: runExport})
}

func runDemo(e *Env, args []string) error {
	fs := e.flags("demo")
	scale := fs.String("scale", "small", "how much data: small (a year), decade (one practitioner over ten years) or org (nine practitioners)")
	seed := fs.Int64("seed", 1, "the same seed always gives the same data")
	end := fs.String("end", demo.EndDate, "the day the story ends (YYYY-MM-DD); \"today\" for today")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *end == "today" {
		*end = today()
	}
	if _, err := schema.ParseDate(*end); err != nil {
		return usagef("--end: %v", err)
	}
	switch *scale {
	case "small", "decade", "org":
	default:
		return usagef("--scale must be small, decade or org, not %q", *scale)
	}
	path, err := e.vaultPath()
	if err != nil {
		return err
	}
	if vault.Exists(path) {
		return fmt.Errorf("a vault already exists at %s; demo data goes only into a new vault (use --vault to choose another file)", path)
	}
	if others, err := vault.BackupsBeside(path); err == nil && len(others) > 0 {
		return fmt.Errorf("%w\nDemo data goes only into a new folder: use --vault to choose another file", othersBackupsError(path, others, nil, false))
	}
	pass, err := e.newPassphraseForVault()
	if err != nil {
		return err
	}
	defer wipe(pass)
	doc, err := demo.GenerateEnding(*scale, *seed, *end)
	if err != nil {
		return err
	}
	v, key, err := vault.Create(path, pass, options(false))
	if err != nil {
		return err
	}
	defer v.Close()
	res, err := exchange.Import(e.Context(), v.DB(), doc)
	if err != nil {
		v.Close()
		os.Remove(path)
		return fmt.Errorf("the demo data could not be stored: %w", err)
	}
	if _, err := identity.Ensure(v.DB()); err != nil {
		return err
	}
	if err := v.Save(); err != nil {
		return err
	}
	t := res.Total()
	fmt.Fprintf(e.Stdout, "Created the demo vault %s (scale %s, seed %d) with %d records.\n", path, *scale, *seed, t.Added+t.Replaced)
	fmt.Fprintf(e.Stdout, "Every name and detail in it is invented.\nRecovery key: %s\n", key)
	return nil
}

func runImport(e *Env, args []string) error {
	fs := e.flags("import")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("name one interchange file to import: inreach import FILE.json")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("could not open %s: %w", pos[0], unwrapPath(err))
	}
	doc, err := exchange.Read(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s was not imported; nothing in the vault changed:\n%w", pos[0], err)
	}
	v, err := e.open(false)
	if err != nil {
		return err
	}
	defer v.Close()
	res, err := exchange.Import(e.Context(), v.DB(), doc)
	if err != nil {
		return fmt.Errorf("%s was not imported; nothing in the vault changed:\n%w", pos[0], err)
	}
	if err := v.Save(); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Imported %s:\n%s\n", pos[0], res.String())
	return nil
}

func runExport(e *Env, args []string) error {
	fs := e.flags("export")
	out := fs.String("o", "", "the file to write")
	person := fs.String("person", "", "only the records about this woman (by id), for a subject access request")
	anon := fs.Bool("anonymise", false, "for evaluators: women by number, no names, prison numbers or dates of birth (age bands instead), no free text")
	withText := fs.Bool("with-text", false, "with --anonymise: include notes and summaries, every woman's name replaced by her number")
	format := fs.String("format", "json", "with --anonymise: json, or csv (one file per table beside -o)")
	ageOn := fs.String("age-on", "", "with --anonymise: the day ages are counted on (default today)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("say where to write the export with -o FILE.json")
	}
	if *anon {
		if *person != "" {
			return usagef("--anonymise exports every woman; --person is for a subject access request")
		}
		return runAnonymisedExport(e, *out, *format, *ageOn, *withText)
	}
	if *withText || *ageOn != "" || *format != "json" {
		return usagef("--with-text, --age-on and --format go with --anonymise")
	}
	v, err := e.open(true)
	if err != nil {
		return err
	}
	defer v.Close()
	if *person != "" {
		if err := mustPerson(e, v, *person); err != nil {
			return err
		}
	}
	doc, err := exchange.Export(e.Context(), v.DB(), exchange.ExportOptions{PersonID: *person})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := exchange.Write(&buf, doc); err != nil {
		return err
	}
	if err := writeOutput(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "Wrote %s (%s bytes). It is not encrypted: keep it safe and delete it when done.\n", *out, strconv.Itoa(buf.Len()))
	return nil
}

// mustPerson checks a woman's id exists.
func mustPerson(e *Env, v *vault.Vault, id string) error {
	var n int
	if err := v.DB().QueryRowContext(e.Context(), `SELECT count(*) FROM people WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("there is no woman with the id %q (inreach search NAME shows ids)", id)
	}
	return nil
}

// unwrapPath drops the *PathError's repetition of the path.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// runAnonymisedExport writes the anonymised export: one JSON file, or with
// --format csv one file per table named after -o (anon.csv →
// anon-women.csv, anon-contacts.csv …).
func runAnonymisedExport(e *Env, out, format, ageOn string, withText bool) error {
	if ageOn == "" {
		ageOn = today()
	}
	if _, err := schema.ParseDate(ageOn); err != nil {
		return usagef("--age-on: %v", err)
	}
	if format != "json" && format != "csv" {
		return usagef("--format must be json or csv")
	}
	v, err := e.open(true)
	if err != nil {
		return err
	}
	defer v.Close()
	d, err := anonymise.Export(e.Context(), v.DB(), anonymise.Options{AgeOn: ageOn, WithText: withText})
	if err != nil {
		return err
	}
	warn := ""
	if withText {
		warn = " Names in the notes were replaced, but read them before sharing: an address or telephone number typed into a note is not."
	}
	if format == "json" {
		var buf bytes.Buffer
		if err := anonymise.WriteJSON(&buf, d); err != nil {
			return err
		}
		if err := writeOutput(out, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(e.Stderr, "Wrote %s (anonymised, %d women).%s\n", out, len(d.Women), warn)
		return nil
	}
	base := strings.TrimSuffix(out, filepath.Ext(out))
	var names []string
	for _, t := range anonymise.Tables(d) {
		var buf bytes.Buffer
		if err := anonymise.WriteCSV(&buf, t); err != nil {
			return err
		}
		name := base + "-" + t.Name + ".csv"
		if err := writeOutput(name, buf.Bytes()); err != nil {
			return err
		}
		names = append(names, name)
	}
	fmt.Fprintf(e.Stderr, "Wrote %s (anonymised, %d women).%s\n", strings.Join(names, ", "), len(d.Women), warn)
	return nil
}
