package anonymise

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/exchange"
	"inreach/schema"
)

var ctx = context.Background()

func demoDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	_, err = demo.Create(ctx, db, "small", 5)
	require.NoError(t, err)
	return db
}

// everything renders the export as JSON and as every CSV table, with the
// establishments' names (public places, some sharing a word with a
// surname, such as Hall) taken out.
func everything(t *testing.T, d *Document) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, d))
	for _, tb := range Tables(d) {
		require.NoError(t, WriteCSV(&b, tb))
	}
	s := b.String()
	for _, e := range d.Establishments {
		s = strings.ReplaceAll(s, e.Name, "")
	}
	return s
}

// requireNothingIdentifying scans out for every woman's full name (any
// case, any spacing), every part of her name of three letters or more as a
// capitalised whole word, her prison number and her date of birth (as
// YYYY-MM-DD and DD/MM/YYYY).
func requireNothingIdentifying(t *testing.T, db *sql.DB, out string) int {
	t.Helper()
	d, err := exchange.Export(ctx, db, exchange.ExportOptions{})
	require.NoError(t, err)
	checked := 0
	for _, p := range d.People {
		full := `(?i)` + strings.Join(mapQuote(strings.Fields(p.Name)), `\s+`)
		require.NotRegexp(t, full, out, "her full name")
		for _, part := range strings.Fields(p.Name) {
			if len([]rune(part)) < 3 {
				continue
			}
			re := regexp.MustCompile(`(^|[^\pL\pN])` + regexp.QuoteMeta(part) + `($|[^\pL\pN])`)
			require.False(t, re.MatchString(out), "the part %q of a name", part)
		}
		if p.PrisonNumber != "" {
			require.NotContains(t, out, p.PrisonNumber)
			checked++
		}
		if p.DateOfBirth != nil {
			dob := *p.DateOfBirth
			require.NotContains(t, out, dob)
			require.NotContains(t, out, dob[8:10]+"/"+dob[5:7]+"/"+dob[:4])
			checked++
		}
		checked++
	}
	return checked
}

func mapQuote(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = regexp.QuoteMeta(w)
	}
	return out
}

func TestTheAnonymisedExportHoldsNoNamePrisonNumberOrBirthDate(t *testing.T) {
	db := demoDB(t)
	d, err := Export(ctx, db, Options{AgeOn: demo.EndDate})
	require.NoError(t, err)
	out := everything(t, d)
	n := requireNothingIdentifying(t, db, out)
	require.Greater(t, n, 50, "the scan looked at the demo's women")
	require.NotEmpty(t, d.Women)
	require.Regexp(t, `^W\d{4}$`, d.Women[0].ID)
	for _, w := range d.Contacts {
		for _, r := range w.People {
			require.Empty(t, r.Note, "no text unless asked for")
		}
	}
	// The facts the evaluation needs are all there.
	full, err := exchange.Export(ctx, db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Len(t, d.Women, len(full.People))
	require.Len(t, d.Contacts, len(full.Contacts))
	require.Len(t, d.Events, len(full.Events))
	require.Len(t, d.Readings, len(full.Readings))
	bands := map[string]bool{}
	for _, w := range d.Women {
		require.True(t, schema.AgeBand.Valid(w.AgeBand), w.AgeBand)
		bands[w.AgeBand] = true
	}
	require.Greater(t, len(bands), 2)
}

func TestWithTextTheNotesAreThereWithEveryNameReplaced(t *testing.T) {
	db := demoDB(t)
	// A note naming two women, in odd case and spacing.
	var a, b, cid string
	require.NoError(t, db.QueryRow(`SELECT p.name, cp.contact_id FROM people p JOIN contact_people cp ON cp.person_id = p.id ORDER BY p.id LIMIT 1`).Scan(&a, &cid))
	require.NoError(t, db.QueryRow(`SELECT name FROM people ORDER BY id DESC LIMIT 1`).Scan(&b))
	note := "Spoke with " + strings.ToUpper(a) + " about " + strings.ReplaceAll(b, " ", "\n ") + "'s hostel."
	_, err := db.Exec(`UPDATE contact_people SET note = ? WHERE contact_id = ?`, note, cid)
	require.NoError(t, err)

	d, err := Export(ctx, db, Options{AgeOn: demo.EndDate, WithText: true})
	require.NoError(t, err)
	out := everything(t, d)
	requireNothingIdentifying(t, db, out)
	require.Contains(t, out, "Spoke with W0")
	require.Regexp(t, `about W\d{4}'s hostel`, out)
	notes := 0
	for _, c := range d.Contacts {
		for _, r := range c.People {
			if r.Note != "" {
				notes++
			}
		}
	}
	require.Greater(t, notes, 10, "the notes are kept")
}

func TestTheJSONAndCSVCarryTheSameWomen(t *testing.T) {
	db := demoDB(t)
	d, err := Export(ctx, db, Options{AgeOn: "2026-01-01"})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, d))
	var back Document
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	require.Equal(t, d.Women, back.Women)
	tables := Tables(d)
	require.Equal(t, "women", tables[0].Name)
	require.Len(t, tables[0].Rows, len(d.Women)+1)
	require.NotContains(t, tables[0].Rows[0], "sentence", "no text column without text")
	_, err = Export(ctx, db, Options{AgeOn: "soon"})
	require.Error(t, err)
}
