package demo

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/exchange"
	"inreach/schema"
)

func text(t *testing.T, d *exchange.Document) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, exchange.Write(&b, d))
	return b.String()
}

func TestTheSameSeedGivesTheSameDocumentAndAnotherSeedAnother(t *testing.T) {
	a, err := Generate("small", 42)
	require.NoError(t, err)
	b, err := Generate("small", 42)
	require.NoError(t, err)
	c, err := Generate("small", 43)
	require.NoError(t, err)
	require.True(t, text(t, a) == text(t, b), "same seed, different documents")
	require.False(t, text(t, a) == text(t, c), "different seeds, same document")
}

func TestAnUnknownScaleIsRefused(t *testing.T) {
	_, err := Generate("huge", 1)
	require.ErrorContains(t, err, `"huge"`)
	_, err = GenerateEnding("small", 1, "2026-02-30")
	require.Error(t, err)
}

func TestTheStoryEndsOnTheEndDate(t *testing.T) {
	d, err := GenerateEnding("small", 1, "2025-03-31")
	require.NoError(t, err)
	for _, c := range d.Contacts {
		require.LessOrEqual(t, c.Date, "2025-03-31")
		require.GreaterOrEqual(t, c.Date, "2024-04-01")
	}
	for _, e := range d.Events {
		require.LessOrEqual(t, e.Date, "2025-03-31")
	}
	for _, l := range d.Letters {
		require.LessOrEqual(t, l.Date, "2025-03-31")
	}
}

// within requires got to be within frac of want.
func within(t *testing.T, what string, got, want int, frac float64) {
	t.Helper()
	lo, hi := float64(want)*(1-frac), float64(want)*(1+frac)
	require.True(t, float64(got) >= lo && float64(got) <= hi, "%s: %d, want about %d", what, got, want)
}

func TestScalesHaveTheSizesOfTheDesign(t *testing.T) {
	small, err := Generate("small", 1)
	require.NoError(t, err)
	require.Len(t, small.People, 25)
	within(t, "small contacts", len(small.Contacts), 180, 0.25)
	within(t, "small diary", len(small.Diary), 40, 0.1)
	within(t, "small letters", len(small.Letters), 80, 0.25)
	within(t, "small actions", len(small.Actions), 240, 0.05)
	require.Len(t, small.Newsletters, 12)

	if testing.Short() {
		t.Skip("the decade and org scales take a few seconds")
	}
	decade, err := Generate("decade", 1)
	require.NoError(t, err)
	require.Len(t, decade.People, 400)
	within(t, "decade contacts", len(decade.Contacts), 6000, 0.1)
	within(t, "decade diary entries", len(decade.Diary), 1200, 0.02)
	within(t, "decade newsletters", len(decade.Newsletters), 120, 0.02)
	within(t, "decade letters", len(decade.Letters), 3000, 0.1)
	within(t, "decade actions", len(decade.Actions), 8000, 0.02)
	within(t, "decade supervision", len(decade.Supervision), 120, 0.05)
	require.Equal(t, "2016", decade.Contacts[0].Date[:4], "ten years back from 2026")

	org, err := Generate("org", 1)
	require.NoError(t, err)
	require.Len(t, org.People, 4000)
	within(t, "org contacts", len(org.Contacts), 60000, 0.1)
	within(t, "org diary entries", len(org.Diary), 12000, 0.02)
	within(t, "org letters", len(org.Letters), 30000, 0.1)
	within(t, "org actions", len(org.Actions), 80000, 0.02)
	within(t, "org newsletters", len(org.Newsletters), 1080, 0.02)
}

var phoneLike = regexp.MustCompile(`(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b`)
var dramaRange = regexp.MustCompile(`^(?:01632 960\d{3}|07700 900\d{3})$`)
var emailLike = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+`)

func TestEveryPhoneNumberIsInTheDramaRangesAndEveryEmailAtExampleOrg(t *testing.T) {
	for _, scale := range []string{"small", "decade"} {
		if scale == "decade" && testing.Short() {
			continue
		}
		d, err := Generate(scale, 9)
		require.NoError(t, err)
		s := text(t, d)
		phones := phoneLike.FindAllString(s, -1)
		require.NotEmpty(t, phones)
		for _, p := range phones {
			require.Regexp(t, dramaRange, p, "a phone number outside the drama ranges")
		}
		emails := emailLike.FindAllString(s, -1)
		require.NotEmpty(t, emails)
		for _, e := range emails {
			require.True(t, strings.HasSuffix(e, "example.org"), "email %q is not at example.org", e)
		}
	}
}

func TestNoTemplateSlotIsLeftUnfilled(t *testing.T) {
	d, err := Generate("small", 11)
	require.NoError(t, err)
	s := text(t, d)
	for _, bad := range []string{"{first}", "{name}", "{agency}", "{prison}", "[in]", "[out]", "{area}", "{court}", "{place}"} {
		require.NotContains(t, s, bad)
	}
	require.NotRegexp(t, regexp.MustCompile(`\{[a-z]+\}`), s)
}

func TestNamesArePartsOfTheListsCombined(t *testing.T) {
	d, err := Generate("small", 12)
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, p := range d.People {
		first, last, ok := strings.Cut(p.Name, " ")
		require.True(t, ok)
		require.Contains(t, firstNames, first)
		require.Contains(t, surnames, last)
		require.False(t, seen[p.Name], "two women with the same name")
		seen[p.Name] = true
		if p.Pseudonym != "" {
			word, _, _ := strings.Cut(p.Pseudonym, " ")
			require.Contains(t, pseudonymWords, word)
		}
	}
}

func TestCreateImportsTheDemoIntoAVault(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	res, err := Create(context.Background(), db, "small", 1)
	require.NoError(t, err)
	d, err := Generate("small", 1)
	require.NoError(t, err)
	require.Equal(t, exchange.Counts{Added: len(d.People)}, res.People)
	require.Equal(t, exchange.Counts{Added: len(d.Contacts)}, res.Contacts)
	require.Equal(t, exchange.Counts{Added: len(d.Letters)}, res.Letters)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM contact_people`).Scan(&n))
	require.Greater(t, n, len(d.Contacts))
}

func TestTheDecadeCorpusImportsInAFewSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("the decade corpus takes a few seconds")
	}
	d, err := Generate("decade", 1)
	require.NoError(t, err)
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	start := time.Now()
	_, err = exchange.Import(context.Background(), db, d)
	took := time.Since(start)
	require.NoError(t, err)
	var pages, size int
	require.NoError(t, db.QueryRow(`PRAGMA page_count`).Scan(&pages))
	require.NoError(t, db.QueryRow(`PRAGMA page_size`).Scan(&size))
	mb := float64(pages*size) / 1e6
	t.Logf("decade import: %v; database %.1f MB", took, mb)
	require.True(t, mb > 15 && mb < 40, "decade database %.1f MB", mb)
}
