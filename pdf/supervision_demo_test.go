package pdf

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/diary"
	"inreach/schema"
)

// demoQuarter loads the small demo vault and returns the last three months
// of its diary, and the entries in them.
func demoQuarter(t *testing.T) (db *sql.DB, from, to string, entries []diary.Summary) {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	_, err = demo.Create(context.Background(), db, "small", 1)
	require.NoError(t, err)
	require.NoError(t, db.QueryRow(`SELECT max(date) FROM diary`).Scan(&to))
	end, err := schema.ParseDate(to)
	require.NoError(t, err)
	from = end.AddDate(0, -3, 1).Format(schema.DateLayout)
	entries, err = diary.New(db).List(diary.Filter{From: from, To: to})
	require.NoError(t, err)
	require.NotEmpty(t, entries, "the demo has diary entries in its last three months")
	return db, from, to, entries
}

func TestTheSupervisionPackOfDemoDataHoldsExactlyThePeriodsEntries(t *testing.T) {
	db, from, to, entries := demoQuarter(t)
	b, err := SupervisionPack(context.Background(), db, SupervisionOptions{From: from, To: to, GeneratedOn: to, CaseworkActions: true})
	require.NoError(t, err)
	text := pdfText(t, b)
	flat := squash(text)
	for _, h := range []string{"Supervision pack", "Contents", "Overview", "Diary entries", "Open actions"} {
		require.Contains(t, flat, h)
	}
	// Each entry's heading is listed in the contents and heads its page.
	headings := 0
	for _, e := range entries {
		tpl, _ := diary.TemplateByKey(e.Template)
		h := longDate(e.Date) + " — " + tpl.Name
		require.GreaterOrEqual(t, strings.Count(flat, h), 2, "%s in the contents and in the body", h)
		headings++
	}
	all, err := diary.New(db).List(diary.Filter{})
	require.NoError(t, err)
	for _, e := range all {
		if e.Date < from || e.Date > to {
			require.NotContains(t, flat, longDate(e.Date)+" —", "entry %s of %s is outside the period", e.ID, e.Date)
		}
	}
	require.Equal(t, len(entries), headings)
}

func TestARedactedPackOfDemoDataNamesNoWoman(t *testing.T) {
	db, from, to, entries := demoQuarter(t)
	start := time.Now()
	b, err := SupervisionPack(context.Background(), db, SupervisionOptions{From: from, To: to, Redact: true, GeneratedOn: to, CaseworkActions: true})
	require.NoError(t, err)
	t.Logf("%d entries, %d bytes, %v", len(entries), len(b), time.Since(start))
	text := pdfText(t, b)
	flat := squash(text)
	names, pseudonyms := realNames(t, db)
	// Words the pack prints whatever the data (dates, headings) are not
	// names even if a woman shares one ("May", "June").
	fixed := squash(strings.Join([]string{
		"January February March April May June July August September October November December",
		"Monday Tuesday Wednesday Thursday Friday Saturday Sunday Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec",
	}, " "))
	usedPseudonym := false
	for _, p := range pseudonyms {
		if wholeWord(flat, p) {
			usedPseudonym = true
		}
	}
	require.True(t, usedPseudonym, "the pack calls the women by their pseudonyms")
	for _, n := range names {
		if wholeWord(fixed, n) || isPseudonym(n, pseudonyms) {
			continue
		}
		require.False(t, wholeWord(text, n) || wholeWord(flat, n), "a real name (%d letters) is in the redacted pack", len([]rune(n)))
	}
}

func isPseudonym(name string, pseudonyms []string) bool {
	for _, p := range pseudonyms {
		if strings.EqualFold(p, name) || wholeWord(p, name) {
			return true
		}
	}
	return false
}
