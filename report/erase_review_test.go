package report

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// recordsOf dumps, row by row, every record linked to one woman: her row,
// needs, her rows of contacts and the contacts themselves, the diary
// entries (and their sections and tags) written about those contacts, her
// actions, events, letters and their enclosures. Two dumps are equal only
// if every byte of every field is.
func recordsOf(t *testing.T, db *sql.DB, id string) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT * FROM people WHERE id = ?1`,
		`SELECT * FROM person_needs WHERE person_id = ?1 ORDER BY area`,
		`SELECT * FROM release_plan WHERE person_id = ?1 ORDER BY item`,
		`SELECT * FROM contact_people WHERE person_id = ?1 ORDER BY contact_id`,
		`SELECT * FROM contacts WHERE id IN (SELECT contact_id FROM contact_people WHERE person_id = ?1) ORDER BY id`,
		`SELECT * FROM diary WHERE contact_id IN (SELECT contact_id FROM contact_people WHERE person_id = ?1) ORDER BY id`,
		`SELECT * FROM diary_sections WHERE diary_id IN (SELECT d.id FROM diary d JOIN contact_people cp ON cp.contact_id = d.contact_id WHERE cp.person_id = ?1) ORDER BY diary_id, key`,
		`SELECT * FROM diary_tags WHERE diary_id IN (SELECT d.id FROM diary d JOIN contact_people cp ON cp.contact_id = d.contact_id WHERE cp.person_id = ?1) ORDER BY diary_id, tag`,
		`SELECT * FROM actions WHERE person_id = ?1 ORDER BY id`,
		`SELECT * FROM events WHERE person_id = ?1 ORDER BY id`,
		`SELECT * FROM letters WHERE person_id = ?1 ORDER BY id`,
		`SELECT * FROM letter_enclosures WHERE letter_id IN (SELECT id FROM letters WHERE person_id = ?1) ORDER BY letter_id, position`,
	} {
		rows, err := db.Query(q, id)
		require.NoError(t, err, q)
		cols, err := rows.Columns()
		require.NoError(t, err)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rows.Scan(ptrs...))
			fmt.Fprintf(&b, "%q\n", vals)
		}
		rows.Close()
	}
	return b.String()
}

// twoWomen inserts the woman to erase (p1) and another (p2), each with her
// own contacts, diary entries, letters, events and actions, and one visit
// they were both at, whose diary entry names each of them.
func twoWomen(t *testing.T, db *sql.DB, herName, herPseudo, otherName, otherText string) {
	t.Helper()
	exec(t, db,
		fmt.Sprintf(`INSERT INTO people(id, name, pseudonym, safety_note) VALUES ('p1', '%s', '%s', ''), ('p2', '%s', 'Wren', '%s')`,
			herName, herPseudo, otherName, otherText),
		`INSERT INTO person_needs(person_id, area, note) VALUES ('p2', 'housing', 'x'), ('p1', 'housing', 'y')`,
		`INSERT INTO person_needs(person_id, area, note) SELECT 'p2', 'finance', safety_note FROM people WHERE id = 'p2'`,
		`INSERT INTO contacts(id, date, kind, logistics_note) VALUES
			('c1', '2025-01-01', 'phone', ''), ('c2', '2025-01-02', 'phone', ''), ('c3', '2025-01-03', 'prison_visit', '')`,
		`INSERT INTO contacts(id, date, kind, logistics_note) SELECT 'c4', '2025-01-04', 'phone', safety_note FROM people WHERE id = 'p2'`,
		`INSERT INTO contact_people(contact_id, person_id, note) VALUES ('c1', 'p1', 'her own call'), ('c3', 'p1', 'seen together')`,
		`INSERT INTO contact_people(contact_id, person_id, note) SELECT c, 'p2', safety_note FROM people, (SELECT 'c2' AS c UNION SELECT 'c3' UNION SELECT 'c4') WHERE id = 'p2'`,
		`INSERT INTO diary(id, date, contact_id) VALUES ('d2', '2025-01-02', 'c2'), ('d3', '2025-01-03', 'c3'), ('d9', '2025-01-09', NULL)`,
		`INSERT INTO diary_sections(diary_id, key, body) SELECT 'd2', 'visit_detail', safety_note FROM people WHERE id = 'p2'`,
		fmt.Sprintf(`INSERT INTO diary_sections(diary_id, key, body) VALUES ('d3', 'visit_detail', '%s and %s were both seen.')`, herName, otherName),
		`INSERT INTO diary_sections(diary_id, key, body) SELECT 'd9', 'visit_detail', safety_note FROM people WHERE id = 'p2'`,
		`INSERT INTO actions(id, person_id, text) SELECT 't2', 'p2', safety_note FROM people WHERE id = 'p2'`,
		`INSERT INTO events(id, person_id, date, kind, note) SELECT 'v2', 'p2', '2025-02-01', 'released', safety_note FROM people WHERE id = 'p2'`,
		`INSERT INTO letters(id, person_id, date, direction, summary) SELECT 'l2', 'p2', '2025-02-02', 'in', safety_note FROM people WHERE id = 'p2'`,
		`INSERT INTO letters(id, person_id, date, direction, summary) VALUES ('l1', 'p1', '2025-02-02', 'in', 'hers')`,
	)
}

// provesOtherWomanUntouched erases p1 and checks that every record of p2
// is byte-identical afterwards, while p1 is gone and her full name in the
// shared diary entry is replaced.
func provesOtherWomanUntouched(t *testing.T, db *sql.DB, herName, sharedWord string) *ErasurePlan {
	t.Helper()
	before := recordsOf(t, db, "p2")
	// the check can fail: her records hold the shared word, which a careless
	// erasure would replace
	require.Contains(t, before, sharedWord)
	plan, err := PlanErasure(ctx, db, "p1")
	require.NoError(t, err)
	require.Equal(t, before, recordsOf(t, db, "p2"), "a review changes nothing")
	require.Equal(t, 1, count(t, db, `SELECT count(*) FROM people WHERE id = 'p1'`), "a review changes nothing")

	rep, err := ErasePerson(ctx, db, "p1")
	require.NoError(t, err)
	require.Equal(t, len(plan.Review), rep.MentionsLeft)
	require.Zero(t, count(t, db, `SELECT count(*) FROM people WHERE id = 'p1'`))
	require.Zero(t, count(t, db, `SELECT count(*) FROM contacts WHERE id = 'c1'`))
	require.Zero(t, count(t, db, `SELECT count(*) FROM letters WHERE person_id = 'p1'`))
	var d3 string
	require.NoError(t, db.QueryRow(`SELECT body FROM diary_sections WHERE diary_id = 'd3'`).Scan(&d3))
	require.NotContains(t, d3, herName)
	require.True(t, strings.HasPrefix(d3, ErasedMark+" and "), d3)
	// p2's records are byte-identical, but for her full name in the diary
	// entry about the visit they shared
	want := strings.Replace(before, herName+" and", ErasedMark+" and", 1)
	require.NotEqual(t, before, want)
	require.Equal(t, want, recordsOf(t, db, "p2"))
	return plan
}

func TestErasingOneWomanLeavesAnotherWithTheSameFirstNameUntouched(t *testing.T) {
	db := newDB(t)
	twoWomen(t, db, "Natalie Bennett", "Kestrel", "Natalie Brown", "Met Natalie in town; Natalie said the hostel is fine.")
	plan := provesOtherWomanUntouched(t, db, "Natalie Bennett", "Natalie")
	// every "Natalie" in p2's records is under review, none is certain
	for _, m := range plan.Certain {
		require.NotEqual(t, "Natalie", m.Match, "%+v", m)
	}
	require.NotEmpty(t, plan.Review)
	var shared *Mention
	for i, m := range plan.Review {
		require.Equal(t, "Natalie", m.Match)
		require.Equal(t, i+1, m.N)
		if m.Table == "contact_people" && m.Record == "c3/p2" && m.Start == 4 {
			shared = &plan.Review[i]
		}
	}
	require.NotNil(t, shared, "the shared visit's note is listed")
	require.Equal(t, "written in another woman's record", shared.Reason)
	require.Equal(t, "Met ", shared.Before)
	require.Equal(t, " in town; Natalie said the hostel is fin…", shared.After)
	require.Equal(t, "Natalie Brown", func() string {
		var n string
		require.NoError(t, db.QueryRow(`SELECT name FROM people WHERE id = 'p2'`).Scan(&n))
		return n
	}())
}

func TestErasingOneWomanLeavesAnotherWithTheSameSurnameUntouched(t *testing.T) {
	db := newDB(t)
	twoWomen(t, db, "Ann Okafor", "Heron", "Bea Okafor", "Okafor family visit; Mrs Okafor phoned.")
	plan := provesOtherWomanUntouched(t, db, "Ann Okafor", "Okafor")
	for _, m := range plan.Certain {
		require.NotEqual(t, "Okafor", m.Match)
	}
	require.NotEmpty(t, plan.Review)
}

func TestErasingAWomanWhoseNameIsAnOrdinaryWordLeavesTheWordElsewhere(t *testing.T) {
	for _, tc := range []struct{ her, other, text, word string }{
		{"Hope Young", "Kerry Price", "Kerry is young and still has hope; her young son visits. No hope of housing yet.", "young"},
		{"Rose May", "Lena Hart", "She may move in May; a rose for her mum. Rose garden group.", "rose"},
	} {
		t.Run(tc.her, func(t *testing.T) {
			db := newDB(t)
			twoWomen(t, db, tc.her, "", tc.other, tc.text)
			// before: the ordinary word is found in p2's records
			hits := refs(search(t, db, tc.word))
			require.Contains(t, hits, "person:p2")
			plan := provesOtherWomanUntouched(t, db, tc.her, strings.Fields(tc.text)[2])
			for _, m := range plan.Certain {
				require.Equal(t, tc.her, m.Match, "only her full name is certain: %+v", m)
			}
			after := refs(search(t, db, tc.word))
			require.Contains(t, after, "person:p2", "search still finds the word")
			for _, r := range hits {
				if r != "person:p1" && r != "diary:d3" { // hers, and the entry that named her in full
					require.Contains(t, after, r, "search still finds %s by the word %q", r, tc.word)
				}
			}
		})
	}
}

// eraseAll erases p with every mention under review chosen as well.
func eraseAll(t *testing.T, db *sql.DB, id string) (*ErasureReport, error) {
	t.Helper()
	plan, err := PlanErasure(ctx, db, id)
	if err != nil {
		return nil, err
	}
	var all []int
	for _, m := range plan.Review {
		all = append(all, m.N)
	}
	return ErasePersonReviewed(ctx, db, id, plan.Code, all)
}

func TestErasureReviewChangesNothingAndErasesOnlyTheChosenMentions(t *testing.T) {
	db := newDB(t)
	twoWomen(t, db, "Hope Young", "", "Kerry Price", "Hope called. Young Kerry has hope.")
	exec(t, db, `INSERT INTO diary_sections(diary_id, key, body) VALUES ('d9', 'learning', 'Hope Young asked for Hope; hope is fine.')`)
	img := serialize(t, db)
	plan, err := PlanErasure(ctx, db, "p1")
	require.NoError(t, err)
	require.Equal(t, img, serialize(t, db), "a review changes nothing")
	again, err := PlanErasure(ctx, db, "p1")
	require.NoError(t, err)
	require.Equal(t, plan, again, "the same records give the same plan")

	// the full name in the unlinked entry is certain; the rest is reviewed
	var d9 []Mention
	for _, m := range plan.Review {
		if m.Record == "d9/learning" {
			d9 = append(d9, m)
		}
	}
	require.Len(t, d9, 2)
	require.Equal(t, "Hope", d9[0].Match)
	require.Equal(t, "this record is not linked to her", d9[0].Reason)
	require.Equal(t, "hope", d9[1].Match)
	require.Equal(t, "written in lower case: it may be an ordinary word", d9[1].Reason)
	require.Equal(t, "Hope Young asked for Hope; hope is fine.", d9[0].Before+d9[0].Match+d9[0].After)
	require.Equal(t, "diary entry", d9[0].Kind)
	require.Equal(t, "body", d9[0].Field)
	require.Equal(t, "Hope", "Hope Young asked for Hope; hope is fine."[d9[0].Start:d9[0].End])

	// a stale code is refused and changes nothing
	exec(t, db, `UPDATE diary_sections SET body = body || ' Hope.' WHERE diary_id = 'd9' AND key = 'learning'`)
	img = serialize(t, db)
	_, err = ErasePersonReviewed(ctx, db, "p1", plan.Code, []int{d9[0].N})
	require.ErrorIs(t, err, ErrReviewChanged)
	require.Equal(t, img, serialize(t, db))
	// numbers without a code, or out of range, are refused
	_, err = ErasePersonReviewed(ctx, db, "p1", "", []int{1})
	require.Error(t, err)
	plan, err = PlanErasure(ctx, db, "p1")
	require.NoError(t, err)
	_, err = ErasePersonReviewed(ctx, db, "p1", plan.Code, []int{len(plan.Review) + 1})
	require.ErrorContains(t, err, "no mention")
	require.Equal(t, img, serialize(t, db))

	before := recordsOf(t, db, "p2")
	var n int
	for _, m := range plan.Review {
		if m.Record == "d9/learning" && m.Match == "Hope" && n == 0 {
			n = m.N
		}
	}
	require.NotZero(t, n)
	rep, err := ErasePersonReviewed(ctx, db, "p1", plan.Code, []int{n})
	require.NoError(t, err)
	require.Equal(t, 1, rep.MentionsErased)
	require.Equal(t, len(plan.Review)-1, rep.MentionsLeft)
	var body string
	require.NoError(t, db.QueryRow(`SELECT body FROM diary_sections WHERE diary_id = 'd9' AND key = 'learning'`).Scan(&body))
	require.Equal(t, "[erased] asked for [erased]; hope is fine. Hope.", body)
	require.Equal(t, strings.Replace(before, "Hope Young and", ErasedMark+" and", 1), recordsOf(t, db, "p2"))
}
