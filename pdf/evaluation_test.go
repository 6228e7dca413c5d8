package pdf

import (
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/schema"
)

func TestEvaluationPDFPutsTheYearsSideBySideAndNamesNoWoman(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	_, err = demo.Create(context.Background(), db, "small", 1)
	require.NoError(t, err)
	b, err := EvaluationPDF(context.Background(), db, "2024-04-01", 3, MonitoringOptions{Organisation: "Women Ahead", GeneratedOn: demo.EndDate})
	require.NoError(t, err)
	flat := squash(pdfText(t, b))
	for _, want := range []string{"Evaluation: the years side by side", "2024–25", "2025–26", "2026–27",
		"From prison to the community", "of them, released in the period", "Distance travelled",
		"How the figures are counted"} {
		require.Contains(t, flat, want)
	}
	require.Regexp(t, `\d+ of \d+ \(\d+%\)`, flat)
	rows, err := db.Query(`SELECT name FROM people`)
	require.NoError(t, err)
	var names []string
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		names = append(names, n)
	}
	rows.Close()
	require.NotEmpty(t, names)
	for _, n := range names {
		require.NotRegexp(t, regexp.MustCompile(regexp.QuoteMeta(n)), flat)
	}
	_, err = EvaluationPDF(context.Background(), db, "2024-04-01", 0, MonitoringOptions{})
	require.ErrorContains(t, err, "years")
}
