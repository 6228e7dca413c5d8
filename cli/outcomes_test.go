package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
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
