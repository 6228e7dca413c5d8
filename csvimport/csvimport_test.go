package csvimport

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/exchange"
	"inreach/schema"
)

var ctx = context.Background()

func newDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	_, err = db.Exec(`INSERT INTO establishments(id, name, kind) VALUES ('e1', 'HMP Styal', 'prison'), ('e2', 'Manchester Crown Court', 'court')`)
	require.NoError(t, err)
	return db
}

func exportText(t *testing.T, db *sql.DB) string {
	t.Helper()
	d, err := exchange.Export(ctx, db, exchange.ExportOptions{})
	require.NoError(t, err)
	d.ExportedAt = ""
	var b strings.Builder
	require.NoError(t, exchange.Write(&b, d))
	return b.String()
}

func TestDatesAreReadAsAUKSpreadsheetHoldsThem(t *testing.T) {
	for in, want := range map[string]string{
		"06/12/2026": "2026-12-06", "6/12/2026": "2026-12-06", "06.12.2026": "2026-12-06",
		"06-12-2026": "2026-12-06", "2026-12-06": "2026-12-06", "6 Dec 2026": "2026-12-06",
		"6 December 2026": "2026-12-06", "06-Dec-2026": "2026-12-06", "6th December 2026": "2026-12-06",
		" 29/02/2024 ": "2024-02-29", "1 Sept 2025": "2025-09-01",
	} {
		got, err := ParseDate(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for in, why := range map[string]string{
		"31/02/2026": "does not exist", "29/02/2025": "does not exist", "06/13/2026": "does not exist",
		"06/12/26": "two-digit year", "6 Foo 2026": "not a month", "next Tuesday": "not a date",
		"2026/12/06": "not a date", "": "not a date",
	} {
		_, err := ParseDate(in)
		require.ErrorContains(t, err, why, in)
	}
}

func TestColumnsAreGuessedFromTheirHeaders(t *testing.T) {
	for h, want := range map[string]string{
		"Name": "name", "DOB": "date_of_birth", "Date of Birth (DD/MM/YYYY)": "date_of_birth",
		"Prison No.": "prison_number", "NOMIS number": "prison_number", "Surname": "last_name",
		"Forename": "first_name", "Ethnic group": "ethnicity", "Offence": "offence_group",
		"Previous custodial sentences": "previous_custodial_sentences", "Favourite colour": "",
		"release_date": "release_date", "Referral date": "referral_date",
	} {
		require.Equal(t, want, guess(WomenFields, h), h)
	}
	require.Equal(t, "woman", guess(ContactFields, "Client name"))
	require.Equal(t, "kind", guess(ContactFields, "Type of contact"))
}

const womenCSV = "\xef\xbb\xbfFirst name,Surname,DOB,Prison No.,Prison,Status,Release date,Ethnic group,Offence,Previous custodial sentences,Colour\n" +
	"Ann,Smith,04/03/1990,A1234BC,HMP Styal,In custody (sentenced),6 Dec 2030,White,Theft,2,red\n" +
	"Bea,Jones,1985-07-01,,,community,,black,drugs,0,blue\n" +
	",,,,,,,,,,\n" +
	"Cara,Brown,,,,referred,,,,,\n"

func TestAGoodWomenFileIsPreviewedThenImportedWhole(t *testing.T) {
	db := newDB(t)
	before := exportText(t, db)
	p, err := Prepare(ctx, db, "women", strings.NewReader(womenCSV), nil)
	require.NoError(t, err)
	require.Empty(t, p.Problems)
	require.Equal(t, 4, p.Total)
	require.Len(t, p.Rows, 4)
	require.Equal(t, "Ann", p.Rows[0][0])
	fields := []string{}
	for _, c := range p.Columns {
		fields = append(fields, c.Field)
	}
	require.Equal(t, []string{"first_name", "last_name", "date_of_birth", "prison_number", "establishment", "status",
		"release_date", "ethnicity", "offence_group", "previous_custodial_sentences", ""}, fields)
	require.Equal(t, before, exportText(t, db), "a preview writes nothing")

	res, err := p.Import(ctx, db)
	require.NoError(t, err)
	require.Equal(t, Result{Women: 3}, res)
	d, err := exchange.Export(ctx, db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Len(t, d.People, 3)
	ann := d.People[0]
	require.Equal(t, "Ann Smith", ann.Name)
	require.Equal(t, "1990-03-04", *ann.DateOfBirth)
	require.Equal(t, "e1", *ann.Establishment)
	require.Equal(t, "custody_sentenced", ann.Status)
	require.Equal(t, "2030-12-06", *ann.ReleaseDate)
	require.Equal(t, "white", ann.Ethnicity)
	require.Equal(t, "theft", ann.OffenceGroup)
	require.Equal(t, 2, *ann.PreviousCustodialSentences)
	require.Equal(t, "Cara Brown", d.People[2].Name)
	require.Equal(t, "not_recorded", d.People[2].Ethnicity)
	require.Nil(t, d.People[2].PreviousCustodialSentences)
}

func TestEveryProblemIsListedByRowAndColumnAndNothingIsWritten(t *testing.T) {
	db := newDB(t)
	before := exportText(t, db)
	bad := "Name,DOB,Prison,Status,Release date,Ethnicity,Previous custodial sentences\n" +
		"Ann Smith,31/02/1990,HMP Nowhere,jailed,06/12/26,martian,-1\n" +
		"Bea Jones,01/01/1980,HMP Styal,In custody (sentenced),01/01/2020,,\n" +
		"Good Woman,01/01/1980,,,,,\n" +
		",01/01/1980,,,,,\n"
	p, err := Prepare(ctx, db, "women", strings.NewReader(bad), nil)
	require.NoError(t, err)
	var got []string
	for _, pr := range p.Problems {
		got = append(got, pr.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`row 2, column "DOB": "31/02/1990" is not a real date`,
		`row 2, column "Prison": "HMP Nowhere" is not an establishment in the vault`,
		`row 2, column "Status": "jailed" is not a person status`,
		`row 2, column "Release date": "06/12/26" has a two-digit year`,
		`row 2, column "Ethnicity": "martian" is not an ethnicity`,
		`row 2, column "Previous custodial sentences": "-1" should be a whole number from 0`,
		`row 3, column "Release date": The release date 2020-01-01 has passed but she is recorded as in custody`,
		`row 5: her name is empty`,
	} {
		require.Contains(t, all, want)
	}
	require.NotContains(t, all, "row 4", "the good row has no problem")
	require.False(t, p.OK())
	_, err = p.Import(ctx, db)
	require.ErrorContains(t, err, "nothing was imported")
	require.Equal(t, before, exportText(t, db))
}

func TestAMapChangesTheGuessAndABadMapIsRefused(t *testing.T) {
	db := newDB(t)
	file := "Who,Born,Notes\nAnn Smith,04/03/1990,keep out\n"
	p, err := Prepare(ctx, db, "women", strings.NewReader(file), nil)
	require.NoError(t, err)
	require.Contains(t, p.Problems[0].String(), "no column holds her name")

	m, err := ReadMap(strings.NewReader(`{"Who": "name", "Born": "date_of_birth", "Notes": ""}`), "women")
	require.NoError(t, err)
	p, err = Prepare(ctx, db, "women", strings.NewReader(file), m)
	require.NoError(t, err)
	require.Empty(t, p.Problems)
	require.Equal(t, Column{Index: 0, Header: "Who", Field: "name"}, p.Columns[0])
	res, err := p.Import(ctx, db)
	require.NoError(t, err)
	require.Equal(t, 1, res.Women)

	_, err = ReadMap(strings.NewReader(`{"Who": "shoe_size"}`), "women")
	require.ErrorContains(t, err, `"shoe_size"`)
	p, err = Prepare(ctx, db, "women", strings.NewReader(file), Map{"Whom": "name"})
	require.NoError(t, err)
	require.Contains(t, p.Problems[0].String(), `column "Whom": the map names this column but the file has no column`)
}

func TestFilesThatAreNotCSVAreRefusedPlainly(t *testing.T) {
	db := newDB(t)
	for in, want := range map[string]string{
		"":                       "empty",
		"Name\n\"Ann":            "not a well-formed CSV",
		"Name\nAnn \xff Smith\n": "not UTF-8",
		"PK\x03\x04\x14\x00\x06": "xlsx",
	} {
		_, err := Prepare(ctx, db, "women", strings.NewReader(in), nil)
		require.ErrorContains(t, err, want, in)
	}
	_, err := Prepare(ctx, db, "letters", strings.NewReader("Name\n"), nil)
	require.ErrorContains(t, err, "women or contacts")
}

func TestContactsFindTheirWomanAndAreImportedAllOrNothing(t *testing.T) {
	db := newDB(t)
	_, err := db.Exec(`INSERT INTO people(id, name, pseudonym, prison_number) VALUES
		('p1', 'Ann Smith', 'Wren', 'A1234BC'), ('p2', 'Bea Jones', '', ''), ('p3', 'Bea Jones', '', '')`)
	require.NoError(t, err)
	file := "Date;Type;Client;Start;Seen;Reason;Wellbeing;Prison\n" +
		"06/12/2026;Prison visit;A1234BC;1:30pm;Yes;;7;HMP Styal\n" +
		"7 Dec 2026;phone;wren;;no;refused;;\n"
	p, err := Prepare(ctx, db, "contacts", strings.NewReader(file), nil)
	require.NoError(t, err)
	require.Empty(t, p.Problems)
	before := exportText(t, db)

	worse := file + "08/12/2026;court;Bea Jones;;yes;;11;\n" + "09/12/2026;;Nobody;;maybe;;;\n"
	q, err := Prepare(ctx, db, "contacts", strings.NewReader(worse), nil)
	require.NoError(t, err)
	all := ""
	for _, pr := range q.Problems {
		all += pr.String() + "\n"
	}
	require.Contains(t, all, `row 4, column "Client": "Bea Jones" matches 2 women`)
	require.Contains(t, all, `row 4, column "Wellbeing": "11" should be a whole number from 1 to 10`)
	require.Contains(t, all, `row 5, column "Client": "Nobody" is not a woman in the vault`)
	require.Contains(t, all, `row 5, column "Seen": "maybe" is not yes or no`)
	require.Contains(t, all, `row 5, column "Type": the kind of contact is missing`)
	_, err = q.Import(ctx, db)
	require.Error(t, err)
	require.Equal(t, before, exportText(t, db), "the good rows of a bad file are not written either")

	res, err := p.Import(ctx, db)
	require.NoError(t, err)
	require.Equal(t, Result{Contacts: 2}, res)
	d, err := exchange.Export(ctx, db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Len(t, d.Contacts, 2)
	c := d.Contacts[0]
	require.Equal(t, "2026-12-06", c.Date)
	require.Equal(t, "prison_visit", c.Kind)
	require.Equal(t, "13:30", c.Start)
	require.Equal(t, "e1", *c.Establishment)
	require.Equal(t, "p1", c.People[0].Person)
	require.Equal(t, 7, *c.People[0].Wellbeing)
	require.Equal(t, "refused", d.Contacts[1].People[0].NotSeenReason)
	require.False(t, d.Contacts[1].People[0].Seen)
	require.Equal(t, "p1", d.Contacts[1].People[0].Person, "found by pseudonym, any case")
}
