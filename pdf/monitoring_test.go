package pdf

import (
	"context"
	"database/sql"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/schema"
)

// monitoringFixture: two women supported in April–June 2025 at two prison
// visits and a release day, with needs, items, a release and letters.
func monitoringFixture(t *testing.T) *sql.DB {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		`INSERT INTO settings(key, value) VALUES ('organisation', 'Women Ahead Leeds')`,
		`INSERT INTO people(id, name, pseudonym, referral_date) VALUES
			('p1', 'Ann Smith', 'Rose', '2025-04-02'), ('p2', 'Bea Jones', 'Lily', '2025-01-01')`,
		`INSERT INTO person_needs(person_id, area, status) VALUES
			('p1', 'housing', 'open'), ('p2', 'housing', 'in_progress'), ('p2', 'mental_health', 'open'), ('p1', 'bereavement', 'met')`,
		`INSERT INTO contacts(id, date, kind) VALUES
			('c1', '2025-04-10', 'prison_visit'), ('c2', '2025-05-15', 'prison_visit'), ('c3', '2025-06-20', 'release_day')`,
		`INSERT INTO contact_people(contact_id, person_id, seen) VALUES
			('c1', 'p1', 1), ('c1', 'p2', 0), ('c2', 'p1', 1), ('c3', 'p2', 1)`,
		`INSERT INTO contact_items(contact_id, person_id, item, quantity) VALUES
			('c1', 'p1', 'stamps', 6), ('c3', 'p2', 'travel', 1), ('c3', 'p2', 'phone_credit', 2)`,
		`INSERT INTO events(id, person_id, date, kind) VALUES ('v1', 'p2', '2025-06-20', 'released')`,
		`INSERT INTO letters(id, person_id, date, direction) VALUES ('l1', 'p1', '2025-05-01', 'in'), ('l2', 'p1', '2025-05-02', 'out')`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
	return db
}

func TestMonitoringPDFShowsEveryFigureWithPlainLabels(t *testing.T) {
	db := monitoringFixture(t)
	b, err := MonitoringPDF(context.Background(), db, "2025-04-01", "2025-06-30", MonitoringOptions{GeneratedOn: "2025-07-02"})
	require.NoError(t, err)
	text := pdfText(t, b)
	pages := pdfPages(text)
	require.LessOrEqual(t, len(pages), 4, "the counts in one or two pages, then the outcomes")
	require.NotContains(t, squash(pages[0]), "From prison to the community", "the outcomes start on a page of their own")
	flat := squash(text)
	for _, want := range []string{
		"Women Ahead Leeds", "Monitoring report", "Tuesday 1 April 2025 to Monday 30 June 2025",
		"Prepared on Wednesday 2 July 2025",
		"Figures for the period",
		"Women supported 2", "Women engaged (seen, not referred on) 2", "New referrals 1",
		"Prison visits (sessions) 2", "Women seen in prison 1", "One-to-one meetings in prison 2",
		"Releases 1", "Women given release-day support 1",
		"Women released who have not re-offended (as recorded) 1",
		"Letters and messages received 1", "Letters and messages sent 1",
		"Contacts per month", "Needs by area", "Housing 2", "Mental health 1",
		"Items provided", "Stamps 6", "Phone credit 2", "Travel 1",
		"How the figures are counted", "Page 1 of",
		"Outcomes", "From prison to the community",
		"of them, released in the period 0 of 1 (0%)", "Releases notified 2 days or less before 0 of 1 (0%)",
		"Distance travelled", "Wellbeing 0 0 0 0 +0.00", "How the outcomes are counted",
	} {
		require.Contains(t, flat, want)
	}
	require.NotContains(t, flat, "Bereavement", "a need that is met is not counted, and empty rows are left out")
	for _, name := range []string{"Ann", "Smith", "Bea", "Jones", "Rose", "Lily"} {
		require.NotRegexp(t, regexp.MustCompile(`\b`+name+`\b`), flat, "the report names no woman")
	}
	// the month chart labels every month with its count
	require.Regexp(t, `Apr 25\s+May\s+Jun`, flat)
}

func TestMonitoringPDFRefusesABadPeriod(t *testing.T) {
	db := monitoringFixture(t)
	_, err := MonitoringPDF(context.Background(), db, "2025-06-30", "2025-04-01", MonitoringOptions{})
	require.ErrorContains(t, err, "before its start")
	_, err = MonitoringPDF(context.Background(), db, "2025-04-01", "2025-06-31", MonitoringOptions{})
	require.ErrorContains(t, err, "to")
	_, err = MonitoringPDF(context.Background(), db, "2025-04-01", "2025-06-30", MonitoringOptions{GeneratedOn: "today"})
	require.ErrorContains(t, err, "generated-on")
}

func TestMonitoringPDFOfAYearOfTheDemoFitsFourPages(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	_, err = demo.Create(context.Background(), db, "small", 1)
	require.NoError(t, err)
	for _, p := range [][2]string{{"2025-11-24", demo.EndDate}, {"2016-01-01", "2026-12-31"}} {
		b, err := MonitoringPDF(context.Background(), db, p[0], p[1], MonitoringOptions{Organisation: "Women Ahead", GeneratedOn: demo.EndDate})
		require.NoError(t, err)
		if dir := os.Getenv("INREACH_PDF_OUT"); dir != "" {
			require.NoError(t, os.WriteFile(dir+"/monitoring-"+p[0]+".pdf", b, 0o600))
		}
		text := pdfText(t, b)
		require.LessOrEqual(t, len(pdfPages(text)), 4, p)
		if p[0] == "2016-01-01" {
			require.Contains(t, squash(text), "Contacts per year", "a long period is charted by year")
		}
		require.True(t, strings.HasPrefix(string(b), "%PDF"))
	}
}
