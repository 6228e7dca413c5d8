package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// demoVault makes a small demo vault and returns the environment that
// opens it.
func demoVault(t *testing.T) map[string]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.vault")
	env := map[string]string{"INREACH_VAULT": path, "INREACH_PASSPHRASE": "correct horse battery"}
	code, _, errs := run(t, env, "demo", "--scale", "small", "--seed", "3")
	require.Equal(t, ExitOK, code, errs)
	return env
}

func TestReportEvaluationInTextJSONCSVAndPDF(t *testing.T) {
	env := demoVault(t)
	code, out, errs := run(t, env, "report", "evaluation", "--start", "2025-01-01", "--years", "2")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "Evaluation, 2 years from 2025-01-01 to 2026-12-31")
	require.Regexp(t, `of them, released in the period +\d+ of \d+`, out)

	code, out, errs = run(t, env, "report", "evaluation", "--start", "2025-01-01", "--years", "2", "--format", "json")
	require.Equal(t, ExitOK, code, errs)
	var obj struct {
		Periods []struct{ From, To string }
		Rows    []struct {
			Key    string
			Values []int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &obj))
	require.Len(t, obj.Periods, 2)
	require.NotEmpty(t, obj.Rows)
	for _, r := range obj.Rows {
		require.Len(t, r.Values, 2, r.Key)
	}

	code, out, errs = run(t, env, "report", "evaluation", "--start", "2025-01-01", "--years", "2", "--format", "csv")
	require.Equal(t, ExitOK, code, errs)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"figure", "of", "2025-01-01 to 2025-12-31", "2026-01-01 to 2026-12-31"}, recs[0])

	pdfPath := filepath.Join(t.TempDir(), "eval.pdf")
	code, _, errs = run(t, env, "report", "evaluation", "--start", "2025-01-01", "--years", "2", "-o", pdfPath)
	require.Equal(t, ExitOK, code, errs)
	b, err := os.ReadFile(pdfPath)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(b), "%PDF"))

	for _, args := range [][]string{
		{"report", "evaluation", "--years", "2"},
		{"report", "evaluation", "--start", "2025-02-30", "--years", "2"},
		{"report", "evaluation", "--start", "2025-01-01", "--years", "0"},
		{"report", "evaluation", "--start", "2025-01-01", "--years", "2", "--format", "xml"},
	} {
		code, _, _ := run(t, env, args...)
		require.Equal(t, ExitUsage, code, args)
	}

	// The monitoring report gives the outcome keys too.
	code, out, errs = run(t, env, "report", "monitoring", "--from", "2026-01-01", "--to", "2026-11-23", "--format", "json")
	require.Equal(t, ExitOK, code, errs)
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &m))
	for _, k := range []string{"release_journey", "reoffending_6m", "time_in_custody", "only_one_visit", "late_release_notice",
		"court", "offence_groups", "ethnicity", "age_bands", "previous_custody", "distance_travelled"} {
		require.Contains(t, m, k)
	}
}

func TestImportCSVPreviewsDryRunsAndImportsAllOrNothing(t *testing.T) {
	env, _ := newVault(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "women.csv")
	require.NoError(t, os.WriteFile(good, []byte("Who,DOB,Ethnic group\nAnn Smith,04/03/1990,White\nBea Jones,6 Dec 1985,\n"), 0o600))
	mapFile := filepath.Join(dir, "map.json")
	require.NoError(t, os.WriteFile(mapFile, []byte(`{"Who": "name"}`), 0o600))
	countWomen := func() string {
		code, out, errs := run(t, env, "export", "-o", filepath.Join(dir, "all.json"))
		require.Equal(t, ExitOK, code, errs)
		b, err := os.ReadFile(filepath.Join(dir, "all.json"))
		require.NoError(t, err)
		_ = out
		// exported_at is the time of the export: leave it out.
		return regexp.MustCompile(`"exported_at": "[^"]*"`).ReplaceAllString(string(b), "")
	}
	before := countWomen()

	code, out, errs := run(t, env, "import-csv", "women", good, "--map", mapFile, "--dry-run")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, `"Who"`)
	require.Contains(t, out, "→ name")
	require.Contains(t, out, "(from the map)")
	require.Contains(t, out, "row 2: Ann Smith | 04/03/1990 | White")
	require.Contains(t, out, "Nothing was written (--dry-run)")
	require.Equal(t, before, countWomen())

	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("Name,DOB\nAnn Smith,31/02/1990\nBea Jones,01/01/1980\n"), 0o600))
	code, out, errs = run(t, env, "import-csv", "women", bad)
	require.Equal(t, ExitFailed, code)
	require.Contains(t, out, `row 2, column "DOB": "31/02/1990" is not a real date`)
	require.Contains(t, errs, "nothing in the vault changed")
	require.Equal(t, before, countWomen())

	code, out, errs = run(t, env, "import-csv", "women", good, "--map", mapFile)
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "2 women")
	after := countWomen()
	require.Contains(t, after, `"name": "Ann Smith"`)
	require.Contains(t, after, `"date_of_birth": "1985-12-06"`)

	code, _, _ = run(t, env, "import-csv", "letters", good)
	require.Equal(t, ExitUsage, code)
	require.NoError(t, os.WriteFile(mapFile, []byte(`{"Who": "shoe_size"}`), 0o600))
	code, _, _ = run(t, env, "import-csv", "women", good, "--map", mapFile)
	require.Equal(t, ExitUsage, code)
}

func TestExportAnonymisedAsJSONAndCSVNamesNoWoman(t *testing.T) {
	env := demoVault(t)
	dir := t.TempDir()
	code, _, errs := run(t, env, "export", "-o", filepath.Join(dir, "all.json"))
	require.Equal(t, ExitOK, code, errs)
	var full struct {
		People []struct {
			Name         string  `json:"name"`
			PrisonNumber string  `json:"prison_number"`
			DateOfBirth  *string `json:"date_of_birth"`
		} `json:"people"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "all.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &full))

	code, _, errs = run(t, env, "export", "--anonymise", "--age-on", "2026-11-23", "-o", filepath.Join(dir, "anon.json"))
	require.Equal(t, ExitOK, code, errs)
	code, _, errs = run(t, env, "export", "--anonymise", "--with-text", "--format", "csv", "-o", filepath.Join(dir, "anon.csv"))
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, errs, "read them before sharing")
	var all strings.Builder
	for _, f := range []string{"anon.json", "anon-women.csv", "anon-contacts.csv", "anon-events.csv", "anon-readings.csv", "anon-letters.csv", "anon-actions.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err, f)
		all.Write(b)
	}
	for _, p := range full.People {
		require.NotContains(t, all.String(), p.Name)
		if p.PrisonNumber != "" {
			require.NotContains(t, all.String(), p.PrisonNumber)
		}
		if p.DateOfBirth != nil {
			require.NotContains(t, all.String(), *p.DateOfBirth)
		}
	}
	require.Contains(t, all.String(), `"format": "inreach-anonymised"`)

	for _, args := range [][]string{
		{"export", "--anonymise", "--person", "p1", "-o", filepath.Join(dir, "x.json")},
		{"export", "--anonymise", "--format", "xml", "-o", filepath.Join(dir, "x.json")},
		{"export", "--with-text", "-o", filepath.Join(dir, "x.json")},
	} {
		code, _, _ := run(t, env, args...)
		require.Equal(t, ExitUsage, code, args)
	}
}
