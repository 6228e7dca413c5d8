package pdf

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/newsletter"
	"inreach/schema"
)

// newsletterVault is a database with two prisons, four women (three in
// custody) and the service's settings.
func newsletterVault(t *testing.T) *sql.DB {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		`INSERT INTO establishments(id, name, address) VALUES('e-b', 'HMP Bronzefield', 'Woodthorpe Road, Ashford, Middlesex, TW15 3JZ')`,
		`INSERT INTO establishments(id, name, address) VALUES('e-a', 'HMP Askham Grange', 'Askham Richard
York
YO23 3FT')`,
		`INSERT INTO people(id, name, pseudonym, prison_number, status, establishment_id) VALUES
			('p-mary', 'Mary Ellen Smith', 'Rosie', 'A1234BC', 'custody_sentenced', 'e-b'),
			('p-ann', 'Ann Jones', '', 'B2345CD', 'custody_remand', 'e-b'),
			('p-zoe', 'Zoë O''Neill', 'Star', 'C3456DE', 'custody_sentenced', 'e-a'),
			('p-kate', 'Kate Brown', '', 'D4567EF', 'released_licence', 'e-a')`,
		`INSERT INTO settings(key, value) VALUES('organisation', 'Women''s Inreach Service'),
			('org_address', 'Freepost RTKX-ABCD
Women''s Inreach Service
PO Box 123
Leeds LS1 4AP')`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err)
	}
	return db
}

// sampleIssue saves an issue with accents, £ and curly quotes, and a
// contributor who is a woman on record.
func sampleIssue(t *testing.T, db *sql.DB) newsletter.Issue {
	t.Helper()
	is := newsletter.Issue{
		Title: "Spring Café News",
		Date:  "2025-04-01",
		Sections: []newsletter.Section{
			{Heading: "Welcome to our spring issue", Body: "Hello everyone! Spring is here and the garden group has planted sweet peas.\n\nThank you for every letter you sent us this winter — we read them all.", Contributor: "Sam Worker", Consent: true},
			{Heading: "A poem: “Morning”", Body: "The sky through the window\nis still the sky.\nIt is still mine.", Contributor: "Mary Ellen Smith", Consent: true},
			{Heading: "Recipe: flapjack for £1.20", Body: "Oats, syrup and a little butter. Zoë’s tip: crème fraîche on top if the canteen has it.", Contributor: "Ann Jones", Consent: true},
			{Heading: "Quiz", Body: "1. What is the capital of France?\n2. How many days are in a leap year?"},
		},
		Checklist: append([]string(nil), schema.NewsletterCheck.Values...),
	}
	require.NoError(t, newsletter.New(db).SaveIssue(&is))
	return is
}

func TestNewsletterPDFHasTheMastheadSectionsAndReturnAddress(t *testing.T) {
	db := newsletterVault(t)
	is := sampleIssue(t, db)
	b, err := NewsletterPDF(context.Background(), db, is.ID, NewsletterOptions{GeneratedOn: "2025-04-02"})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(b), "%PDF-"))
	text := pdfText(t, b)
	all := squash(text)
	for _, want := range []string{
		"WOMEN'S INREACH SERVICE", "Spring Café News", "Issue 1 · 1 April 2025",
		"In this issue", "Welcome to our spring issue", "A poem: “Morning”", "Recipe: flapjack for £1.20",
		"Thank you for every letter you sent us this winter — we read them all.",
		"Zoë’s tip: crème fraîche on top",
		"By Sam", "By Rosie", "By " + newsletter.AnonymousContributor,
		"Write to us", "Freepost RTKX-ABCD", "PO Box 123", "Leeds LS1 4AP",
		"DRAFT — not yet checked",
	} {
		require.Contains(t, all, want)
	}
	// Full names of contributors are never printed.
	for _, never := range []string{"Worker", "Mary Ellen Smith", "Ann Jones", "Confidential"} {
		require.NotContains(t, all, never)
	}
	pages := pdfPages(text)
	for i, p := range pages {
		require.Contains(t, p, fmt.Sprintf("Page %d of %d", i+1, len(pages)))
		require.Contains(t, squash(p), "Spring Café News · Issue 1")
	}
	// The poem keeps its line breaks.
	require.Regexp(t, `The sky through the window\s*\n\s*is still the sky.`, text)
}

func TestNewsletterPDFOfAReadyIssueHasNoDraftMarkAndTakesOptions(t *testing.T) {
	db := newsletterVault(t)
	is := sampleIssue(t, db)
	s := newsletter.New(db)
	// "Zoë’s tip" names a woman by her first name, which the check refuses.
	is.Sections[2].Body = strings.Replace(is.Sections[2].Body, "Zoë’s tip", "Top tip", 1)
	require.NoError(t, s.SaveIssue(&is))
	require.NoError(t, s.SetStatus(is.ID, "ready"))
	b, err := NewsletterPDF(context.Background(), db, is.ID, NewsletterOptions{
		Organisation: "Second Chance Trust", ReturnAddress: "FREEPOST SECOND CHANCE, Bristol BS1 1AA"})
	require.NoError(t, err)
	all := squash(pdfText(t, b))
	require.NotContains(t, all, "DRAFT")
	require.Contains(t, all, "SECOND CHANCE TRUST")
	require.Contains(t, all, "FREEPOST SECOND CHANCE Bristol BS1 1AA")
	require.NotContains(t, all, "Leeds")

	again, err := NewsletterPDF(context.Background(), db, is.ID, NewsletterOptions{
		Organisation: "Second Chance Trust", ReturnAddress: "FREEPOST SECOND CHANCE, Bristol BS1 1AA"})
	require.NoError(t, err)
	require.Equal(t, b, again, "the same issue gives the same bytes")

	_, err = NewsletterPDF(context.Background(), db, "n-missing", NewsletterOptions{})
	require.ErrorIs(t, err, newsletter.ErrNotFound)
}

func TestNewsletterPDFLongIssueFlowsOverPagesAndMatchesThePageEstimate(t *testing.T) {
	db := newsletterVault(t)
	para := strings.Repeat("Every word of this paragraph is here to fill the page and test the flow. ", 6)
	is := newsletter.Issue{Title: "A long issue", Date: "2025-05-01"}
	for i := 0; i < 8; i++ {
		is.Sections = append(is.Sections, newsletter.Section{
			Heading: fmt.Sprintf("Section number %d", i+1),
			Body:    para + "\n\n" + para + "\n\n" + fmt.Sprintf("End of section %d.", i+1)})
	}
	require.NoError(t, newsletter.New(db).SaveIssue(&is))
	b, err := NewsletterPDF(context.Background(), db, is.ID, NewsletterOptions{})
	require.NoError(t, err)
	text := pdfText(t, b)
	pages := pdfPages(text)
	all := squash(text)
	for i := 0; i < 8; i++ {
		require.Contains(t, all, fmt.Sprintf("End of section %d.", i+1))
	}
	require.Equal(t, strings.Count(all, "Every word"), 8*2*6, "no text lost between pages")
	est := newsletter.PageEstimate(is)
	require.InDelta(t, len(pages), est, 1, "the estimate (%d) is within a page of the real count (%d)", est, len(pages))
	if os.Getenv("INREACH_KEEP_PDF") != "" {
		os.WriteFile("/tmp/newsletter-long.pdf", b, 0o644)
	}
}

func TestNewsletterPDFSample(t *testing.T) {
	if os.Getenv("INREACH_KEEP_PDF") == "" {
		t.Skip("set INREACH_KEEP_PDF=1 to write /tmp/newsletter.pdf and /tmp/labels.pdf for looking at")
	}
	db := newsletterVault(t)
	is := sampleIssue(t, db)
	b, err := NewsletterPDF(context.Background(), db, is.ID, NewsletterOptions{})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile("/tmp/newsletter.pdf", b, 0o644))
	for i := 0; i < 30; i++ {
		_, err := db.Exec(`INSERT INTO people(id, name, prison_number, status, establishment_id) VALUES(?,?,?,?,?)`,
			fmt.Sprintf("p-x%02d", i), fmt.Sprintf("Woman Number %02d Longsurname-Doublebarrel", i), fmt.Sprintf("X%04dYZ", i), "custody_remand", []string{"e-a", "e-b"}[i%2])
		require.NoError(t, err)
	}
	b, err = AddressLabels(context.Background(), db, is.ID)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile("/tmp/labels.pdf", b, 0o644))
}
