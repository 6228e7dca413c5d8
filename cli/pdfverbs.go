package cli

import (
	"fmt"
	"strings"

	"inreach/notes"
	"inreach/pdf"
	"inreach/vault"
)

func init() {
	register(verb{name: "pdf", usage: "supervision|visit|newsletter|monitoring|person … -o F.pdf",
		summary: "make a PDF: supervision --from D --to D [--redact] [--supervisor NAME]; visit ID; newsletter ID [--labels]; monitoring --from D --to D; person ID",
		run:     runPDF})
}

func runPDF(e *Env, args []string) error {
	fs := e.flags("pdf")
	out := fs.String("o", "", "the PDF file to write")
	from := fs.String("from", "", "first day of the period, YYYY-MM-DD")
	to := fs.String("to", "", "last day of the period, YYYY-MM-DD")
	supervisor := fs.String("supervisor", "", "supervision: the supervisor named on the cover (default: the supervisor setting, else the latest session's)")
	redact := fs.Bool("redact", false, "replace every woman's name with her pseudonym and leave out sensitive details")
	labels := fs.Bool("labels", false, "newsletter: the address labels for the distribution list instead of the issue")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("say which PDF: supervision, visit, newsletter, monitoring or person")
	}
	kind, rest := pos[0], pos[1:]
	if *out == "" {
		return usagef("say where to write the PDF with -o FILE.pdf")
	}
	needID := func() (string, error) {
		if len(rest) != 1 {
			return "", usagef("inreach pdf %s needs one id, for example: inreach pdf %s ID -o F.pdf", kind, kind)
		}
		return rest[0], nil
	}
	var build func(v *vault.Vault, s *notes.Store) ([]byte, error)
	switch kind {
	case "supervision":
		if err := period(*from, *to); err != nil {
			return err
		}
		build = func(v *vault.Vault, s *notes.Store) ([]byte, error) {
			return pdf.SupervisionPack(e.Context(), v.DB(), pdf.SupervisionOptions{
				From: *from, To: *to, Redact: *redact,
				Practitioner:    s.GetSetting(notes.SettingPractitioner, ""),
				Supervisor:      firstNonEmpty(*supervisor, s.GetSetting(notes.SettingSupervisor, "")),
				Organisation:    s.GetSetting(notes.SettingOrganisation, ""),
				GeneratedOn:     today(),
				CaseworkActions: true,
			})
		}
	case "visit":
		id, err := needID()
		if err != nil {
			return err
		}
		build = func(v *vault.Vault, s *notes.Store) ([]byte, error) {
			return pdf.VisitPDF(e.Context(), v.DB(), id, pdf.VisitOptions{Redact: *redact, GeneratedOn: today()})
		}
	case "newsletter":
		id, err := needID()
		if err != nil {
			return err
		}
		build = func(v *vault.Vault, s *notes.Store) ([]byte, error) {
			if *labels {
				return pdf.AddressLabels(e.Context(), v.DB(), id)
			}
			return pdf.NewsletterPDF(e.Context(), v.DB(), id, pdf.NewsletterOptions{})
		}
	default:
		if m, ok := morePDFs[kind]; ok {
			build, err = m(e, rest, *from, *to)
			if err != nil {
				return err
			}
			break
		}
		return usagef("there is no PDF called %q: choose supervision, visit, newsletter, monitoring or person", kind)
	}
	v, err := e.open(true)
	if err != nil {
		return err
	}
	defer v.Close()
	b, err := build(v, notes.New(v.DB()))
	if err != nil {
		return err
	}
	if err := writeOutput(*out, b); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "Wrote %s.\n", *out)
	return nil
}

// morePDFs are the PDF kinds registered by other files.
var morePDFs = map[string]func(e *Env, rest []string, from, to string) (func(v *vault.Vault, s *notes.Store) ([]byte, error), error){}

// firstNonEmpty is the first of vs that is not blank, trimmed, or "".
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
