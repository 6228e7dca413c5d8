package cli

import (
	"fmt"

	"inreach/notes"
	"inreach/pdf"
	"inreach/report"
	"inreach/vault"
)

func init() {
	register(verb{name: "erase", usage: "person ID --yes",
		summary: "remove a woman and every record about her (her name in shared notes becomes [erased])", run: runErase})
	morePDFs["monitoring"] = func(e *Env, rest []string, from, to string) (func(v *vault.Vault, s *notes.Store) ([]byte, error), error) {
		if err := period(from, to); err != nil {
			return nil, err
		}
		return func(v *vault.Vault, s *notes.Store) ([]byte, error) {
			return pdf.MonitoringPDF(e.Context(), v.DB(), from, to, pdf.MonitoringOptions{GeneratedOn: today()})
		}, nil
	}
	morePDFs["person"] = func(e *Env, rest []string, from, to string) (func(v *vault.Vault, s *notes.Store) ([]byte, error), error) {
		if len(rest) != 1 {
			return nil, usagef("inreach pdf person needs her id: inreach pdf person ID -o F.pdf")
		}
		id := rest[0]
		return func(v *vault.Vault, s *notes.Store) ([]byte, error) {
			if err := mustPerson(e, v, id); err != nil {
				return nil, err
			}
			return pdf.PersonPDF(e.Context(), v.DB(), id, pdf.PersonOptions{GeneratedOn: today()})
		}, nil
	}
}

func runErase(e *Env, args []string) error {
	fs := e.flags("erase")
	yes := fs.Bool("yes", false, "confirm: this cannot be undone")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "person" {
		return usagef("to erase a woman: inreach erase person ID --yes")
	}
	if !*yes {
		return usagef("erasing cannot be undone; add --yes to confirm")
	}
	v, err := e.open(false)
	if err != nil {
		return err
	}
	defer v.Close()
	if err := mustPerson(e, v, pos[1]); err != nil {
		return err
	}
	rep, err := report.ErasePerson(e.Context(), v.DB(), pos[1])
	if err != nil {
		return err
	}
	if err := v.Save(); err != nil {
		return fmt.Errorf("she was erased in memory but the vault could not be saved, so nothing changed on disk: %w", err)
	}
	fmt.Fprintf(e.Stdout, "Erased %s:\n", pos[1])
	for _, l := range rep.Lines() {
		fmt.Fprintf(e.Stdout, "  %s\n", l)
	}
	fmt.Fprintln(e.Stdout, "Older encrypted backups beside the vault still hold her until they are rotated out (the newest 10 are kept).")
	return nil
}
