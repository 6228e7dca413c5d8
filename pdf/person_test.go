package pdf

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/report"
	"inreach/schema"
)

// personFixture: Zoë Łukasz (p1) with one record of every kind, and Kira
// Smith (p2), whose name and note must not appear in Zoë's document.
func personFixture(t *testing.T) *sql.DB {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		`INSERT INTO settings(key, value) VALUES ('organisation', 'Women Ahead Leeds')`,
		`INSERT INTO establishments(id, name) VALUES ('e1', 'HMP Testbury')`,
		`INSERT INTO agencies(id, name) VALUES ('a1', 'St Mungo''s')`,
		`INSERT INTO people(id, name, pseudonym, prison_number, status, establishment_id, release_date, safety_note, referral_date)
			VALUES ('p1', 'Zoë Łukasz', 'Rose', 'A1234BC', 'custody_sentenced', 'e1', '2025-09-01', 'MARKER-SAFETY keep away from Kira Smith', '2025-06-01'),
			('p2', 'Kira Smith', 'Wren', '', 'custody_remand', 'e1', NULL, '', NULL)`,
		`INSERT INTO person_needs(person_id, area, status, note) VALUES ('p1', 'housing', 'open', 'MARKER-NEED a flat near her son')`,
		`INSERT INTO person_sensitive(person_id, flag) VALUES ('p1', 'children_removed')`,
		`INSERT INTO release_plan(person_id, item, done, note) VALUES ('p1', 'gp_medication', 1, 'MARKER-PLAN GP booked')`,
		`INSERT INTO contacts(id, date, start_time, end_time, kind, establishment_id) VALUES ('c1', '2025-07-04', '13:30', '15:30', 'prison_visit', 'e1')`,
		`INSERT INTO contact_people(contact_id, person_id, seen, note, wellbeing) VALUES
			('c1', 'p1', 1, 'MARKER-VISIT talked about £20 and “hope”', 7), ('c1', 'p2', 0, 'MARKER-OTHER not for Zoë', NULL)`,
		`INSERT INTO contact_items(contact_id, person_id, item, quantity) VALUES ('c1', 'p1', 'stamps', 6)`,
		`INSERT INTO contact_needs(contact_id, person_id, area) VALUES ('c1', 'p1', 'housing')`,
		`INSERT INTO actions(id, person_id, agency_id, text, due) VALUES ('t1', 'p1', 'a1', 'MARKER-ACTION refer to housing', '2025-07-11')`,
		`INSERT INTO events(id, person_id, date, kind, note) VALUES ('v1', 'p1', '2025-06-01', 'referred', 'MARKER-EVENT self-referral')`,
		`INSERT INTO letters(id, person_id, date, direction, summary) VALUES ('l1', 'p1', '2025-07-10', 'in', 'MARKER-LETTER asked for stamps')`,
		`INSERT INTO letter_enclosures(letter_id, item) VALUES ('l1', 'writing_materials')`,
		`INSERT INTO diary(id, date, contact_id) VALUES ('d1', '2025-07-04', 'c1')`,
		`INSERT INTO diary_sections(diary_id, key, body, position) VALUES ('d1', 'visit_detail', 'MARKER-DIARY Zoë and Kira Smith were both seen.', 0)`,
		`INSERT INTO supervision(id, date, notes) VALUES ('s1', '2025-07-30', 'MARKER-SUPERVISION talked about Zoë')`,
		`INSERT INTO supervision_entries(supervision_id, diary_id, comment) VALUES ('s1', 'd1', 'MARKER-COMMENT good')`,
		`INSERT INTO newsletters(id, title, issue, date) VALUES ('n1', 'MARKER-NEWSLETTER Summer', 4, '2025-08-01')`,
		`INSERT INTO newsletter_sent_to(newsletter_id, person_id) VALUES ('n1', 'p1')`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
	return db
}

func TestPersonPDFHoldsEveryKindOfRecordAboutHer(t *testing.T) {
	db := personFixture(t)
	b, err := PersonPDF(context.Background(), db, "p1", PersonOptions{GeneratedOn: "2025-08-02"})
	require.NoError(t, err)
	if dir := os.Getenv("INREACH_PDF_OUT"); dir != "" {
		require.NoError(t, os.WriteFile(dir+"/person.pdf", b, 0o600))
	}
	flat := squash(pdfText(t, b))
	for _, want := range []string{
		"Everything we hold about you", "Prepared for Zoë Łukasz, as of Saturday 2 August 2025", "Women Ahead Leeds",
		"This document sets out everything we hold about you in our records",
		"What this document contains", "Your details", "A1234BC", "HMP Testbury", "In custody (sentenced)",
		"MARKER-SAFETY keep away from " + report.OtherPersonMark,
		"MARKER-NEED", "Children removed", "MARKER-PLAN", "GP and medication",
		"Times we met or spoke", "Prison visit, 4 Jul 2025, HMP Testbury", "13:30", "MARKER-VISIT talked about £20 and “hope”",
		"Stamps × 6", "Wellbeing score 7",
		"MARKER-ACTION", "St Mungo's", "MARKER-EVENT", "MARKER-LETTER", "Enclosed: Writing materials",
		"MARKER-DIARY Zoë and " + report.OtherPersonMark + " were both seen.", "MARKER-COMMENT", "MARKER-SUPERVISION",
		"MARKER-NEWSLETTER Summer", "Sent to you", "Page 1 of",
	} {
		require.Contains(t, flat, want)
	}
	require.NotContains(t, flat, "Kira")
	require.NotContains(t, flat, "MARKER-OTHER", "another woman's part of a shared visit is not shown")
}

func TestPersonPDFSaysWhenASectionIsEmpty(t *testing.T) {
	db := personFixture(t)
	b, err := PersonPDF(context.Background(), db, "p2", PersonOptions{Organisation: "Women Ahead"})
	require.NoError(t, err)
	flat := squash(pdfText(t, b))
	require.NotContains(t, flat, "Women Ahead holds", "the service speaks as we")
	for _, want := range []string{"Everything we hold about you", "Prepared for Kira Smith", "No needs are recorded.",
		"No sensitive information is recorded.", "No release plan is recorded.", "No actions are recorded.",
		"No letters are recorded.", "Seen No", "No newsletters were sent to you"} {
		require.Contains(t, flat, want)
	}
	require.Contains(t, flat, "MARKER-OTHER")
	require.NotContains(t, flat, "MARKER-VISIT")
	require.NotContains(t, flat, "Zoë")
}

func TestPersonPDFOfAnUnknownPersonFails(t *testing.T) {
	db := personFixture(t)
	_, err := PersonPDF(context.Background(), db, "p9", PersonOptions{})
	require.ErrorIs(t, err, report.ErrPersonNotFound)
	_, err = PersonPDF(context.Background(), db, "p1", PersonOptions{GeneratedOn: "2025-02-30"})
	require.ErrorContains(t, err, "generated-on")
}

func TestPersonPDFOfTheBusiestDemoWoman(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	_, err = demo.Create(context.Background(), db, "small", 1)
	require.NoError(t, err)
	var id, name string
	require.NoError(t, db.QueryRow(`SELECT p.id, p.name FROM people p JOIN contact_people cp ON cp.person_id = p.id
		GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`).Scan(&id, &name))
	b, err := PersonPDF(context.Background(), db, id, PersonOptions{GeneratedOn: demo.EndDate})
	require.NoError(t, err)
	if dir := os.Getenv("INREACH_PDF_OUT"); dir != "" {
		require.NoError(t, os.WriteFile(dir+"/person-demo.pdf", b, 0o600))
	}
	flat := squash(pdfText(t, b))
	require.Contains(t, flat, "Everything we hold about you Prepared for "+name)
	p, err := report.PersonReport(context.Background(), db, id)
	require.NoError(t, err)
	for _, c := range p.Contacts {
		require.Contains(t, flat, c.Kind+", "+shortDate(c.Date))
	}
}
