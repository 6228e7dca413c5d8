package cli

import (
	"fmt"
	"strconv"
	"strings"

	"inreach/notes"
	"inreach/pdf"
	"inreach/report"
	"inreach/vault"
)

func init() {
	register(verb{name: "erase", usage: "person ID (--review | --yes [--review-code CODE --erase-mentions 1,3|all])",
		summary: "remove a woman and every record about her; --review first lists the possible mentions of her name that need a decision", run: runErase})
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

// eraseUsage explains the two steps of an erasure.
const eraseUsage = `to erase a woman, first review, then erase:
  inreach erase person ID --review
      lists what would be removed and every possible mention of her name in
      records that stay that needs a decision (numbered); changes nothing
  inreach erase person ID --yes
      removes her records and replaces her name where it is certainly hers;
      every mention under review is left as it is
  inreach erase person ID --yes --review-code CODE --erase-mentions 1,3,5
      the same, and also erases the mentions with those numbers ("all" for
      every one, "none" for none); CODE is the one --review printed, so the
      numbers mean what you saw (if the records changed since, nothing is
      erased and you are asked to review again)`

func runErase(e *Env, args []string) error {
	fs := e.flags("erase")
	yes := fs.Bool("yes", false, "confirm: this cannot be undone")
	review := fs.Bool("review", false, "list what would be erased and the mentions that need a decision; change nothing")
	code := fs.String("review-code", "", "the code printed by --review (needed with --erase-mentions)")
	mentions := fs.String("erase-mentions", "", `numbers from --review to erase as well: "1,3,5", "all" or "none"`)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "person" {
		return usagef("%s", eraseUsage)
	}
	if *review && *yes {
		return usagef("--review changes nothing and --yes erases: give one of them\n%s", eraseUsage)
	}
	if !*review && !*yes {
		return usagef("erasing cannot be undone; review first with --review, then add --yes to confirm\n%s", eraseUsage)
	}
	if *review && (*code != "" || *mentions != "") {
		return usagef("--review-code and --erase-mentions go with --yes, after a review")
	}
	m := strings.TrimSpace(*mentions)
	if m != "" && m != "none" && *code == "" {
		return usagef("--erase-mentions needs the --review-code that --review printed, so the numbers mean what you saw")
	}
	v, err := e.open(*review)
	if err != nil {
		return err
	}
	defer v.Close()
	id := pos[1]
	if err := mustPerson(e, v, id); err != nil {
		return err
	}
	plan, err := report.PlanErasure(e.Context(), v.DB(), id)
	if err != nil {
		return err
	}
	if *review {
		printErasureReview(e, id, plan)
		return nil
	}
	var chosen []int
	switch m {
	case "", "none":
	case "all":
		if *code != plan.Code {
			return fmt.Errorf("erasing person %s: %w", id, report.ErrReviewChanged)
		}
		for _, x := range plan.Review {
			chosen = append(chosen, x.N)
		}
	default:
		for _, f := range strings.Split(m, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 {
				return usagef("--erase-mentions takes numbers from --review, such as 1,3,5, or all, or none: %q is not one", f)
			}
			chosen = append(chosen, n)
		}
	}
	rep, err := report.ErasePersonReviewed(e.Context(), v.DB(), id, *code, chosen)
	if err != nil {
		return err
	}
	if err := v.Save(); err != nil {
		return fmt.Errorf("she was erased in memory but the vault could not be saved, so nothing changed on disk: %w", err)
	}
	fmt.Fprintf(e.Stdout, "Erased %s:\n", id)
	for _, l := range rep.Lines() {
		fmt.Fprintf(e.Stdout, "  %s\n", l)
	}
	fmt.Fprintln(e.Stdout, "Older encrypted backups beside the vault still hold her until they are rotated out (the newest 10 are kept).")
	return nil
}

// printErasureReview prints what erasing her would do, and the numbered
// mentions under review with each mention marked «thus».
func printErasureReview(e *Env, id string, plan *report.ErasurePlan) {
	w := e.Stdout
	fmt.Fprintf(w, "Nothing has been changed. Erasing %s would do this:\n", id)
	for i, l := range plan.Removes.PlanLines() {
		if i == 0 {
			fmt.Fprintf(w, "  %s\n", l)
		} else {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
	places := fmt.Sprintf("%d places", len(plan.Certain))
	if len(plan.Certain) == 1 {
		places = "1 place"
	}
	fmt.Fprintf(w, "and replace her name with %s in %s where it is certainly hers.\n\n", report.ErasedMark, places)
	if len(plan.Review) == 0 {
		fmt.Fprintf(w, "No other possible mention of her name was found.\nTo erase her: inreach erase person %s --yes\n", id)
		return
	}
	if len(plan.Review) == 1 {
		fmt.Fprintf(w, "1 possible mention needs a decision (review code %s):\n\n", plan.Code)
	} else {
		fmt.Fprintf(w, "%d possible mentions need a decision (review code %s):\n\n", len(plan.Review), plan.Code)
	}
	for _, m := range plan.Review {
		fmt.Fprintf(w, "%4d. %s %s, %s — %s\n      %s«%s»%s\n", m.N, m.Kind, oneLine(m.Record), m.Field, m.Reason,
			oneLine(m.Before), oneLine(m.Match), oneLine(m.After))
	}
	fmt.Fprintf(w, "\nTo erase her and leave all of these as they are:\n  inreach erase person %s --yes\n", id)
	fmt.Fprintf(w, "To erase her and also some of these (here 1 and 3), or all:\n  inreach erase person %s --yes --review-code %s --erase-mentions 1,3\n  inreach erase person %s --yes --review-code %s --erase-mentions all\n",
		id, plan.Code, id, plan.Code)
}
