package report

import (
	"bytes"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/require"
)

// herWords are the words of p1's names that must be gone after erasure.
var herWords = []string{"Marguerite", "Oyelaran", "Tamsin"}

// herFragments are tails of her names short enough to show in the search
// index's pages, where a term is stored without the prefix it shares with
// the term before it ("marguerite" after "made" is stored as "rguerite").
var herFragments = []string{"guerite", "elaran", "msin"}

// serialize returns the database image, as the vault would seal it.
func serialize(t *testing.T, db *sql.DB) []byte {
	t.Helper()
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	var img []byte
	require.NoError(t, conn.Raw(func(dc any) error {
		var err error
		img, err = dc.(*sqlite3.SQLiteConn).Serialize("main")
		return err
	}))
	return img
}

// textsMentioning scans every column of every table (the search index's
// own tables included) and lists "table.column" where any of the words
// occurs, case-insensitively.
func textsMentioning(t *testing.T, db *sql.DB, words ...string) []string {
	t.Helper()
	var tables []string
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	require.NoError(t, err)
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	rows.Close()
	var found []string
	for _, tb := range tables {
		var cols []string
		rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, tb)
		require.NoError(t, err)
		for rows.Next() {
			var c string
			require.NoError(t, rows.Scan(&c))
			cols = append(cols, c)
		}
		rows.Close()
		for _, c := range cols {
			for _, w := range words {
				n := count(t, db, fmt.Sprintf(`SELECT count(*) FROM %s WHERE CAST(%s AS TEXT) LIKE ?`, quoteIdent(tb), quoteIdent(c)), "%"+w+"%")
				if n > 0 {
					found = append(found, tb+"."+c+" has "+w)
				}
			}
		}
	}
	return found
}

func TestErasureLeavesNoTraceOfHerNameInAnyTableIndexOrImage(t *testing.T) {
	db := newDB(t)
	womanData(t, db)
	// Many later writes, each its own transaction, push the index segments
	// holding her words down into older, larger segments that ordinary
	// merging leaves alone: only a full merge clears them.
	for i := 0; i < 300; i++ {
		exec(t, db, fmt.Sprintf(`INSERT INTO actions(id, text) VALUES ('x%d', 'Call the council about flat %d')`, i, i))
	}
	// Before: her name is everywhere (so the checks below can fail).
	require.NotEmpty(t, textsMentioning(t, db, herWords...))
	require.NotEmpty(t, search(t, db, "Marguerite"))
	img := bytes.ToLower(serialize(t, db))
	for _, w := range append(herWords, herFragments...) {
		require.True(t, bytes.Contains(img, []byte(strings.ToLower(w))), w)
	}

	rep, err := eraseAll(t, db, "p1")
	require.NoError(t, err)

	require.Empty(t, textsMentioning(t, db, herWords...))
	require.Empty(t, textsMentioning(t, db, "p1"), "no row refers to her id")
	for _, w := range append(herWords, "Marguerite Oyelaran", "oyelaran's") {
		require.Empty(t, search(t, db, w), w)
	}
	img = bytes.ToLower(serialize(t, db))
	for _, w := range append(herWords, herFragments...) {
		require.False(t, bytes.Contains(img, []byte(strings.ToLower(w))), "the database image still holds %q", w)
	}
	// the search index still works and holds the edited text
	require.Equal(t, []string{"diary:d1"}, refs(search(t, db, "erased both seen")))

	require.Equal(t, &ErasureReport{PersonID: "p1", Needs: 2, SensitiveFlags: 2, ReleasePlanItems: 2,
		ContactRows: 2, ContactsRemoved: 1, Actions: 1, Events: 1, Letters: 1, DistributionLists: 1, Drafts: 1,
		DiaryEntriesEdited: 2, SupervisionEdited: 1, NewslettersEdited: 2,
		// establishment note, agency note, contact c1 logistics, p2's safety
		// note, p2's row of c1, p2's action, p2's event, p2's letter, the draft
		OtherRecordsEdited: 9,
		NamesReplaced:      rep.NamesReplaced,
		// every mention not certain was chosen (see eraseAll)
		MentionsErased: 14}, rep)
	require.GreaterOrEqual(t, rep.NamesReplaced, 17)
	require.Contains(t, rep.Lines(), "Her part of 2 contacts removed.")
}

func TestErasureKeepsSharedRecordsAndOtherWomen(t *testing.T) {
	db := newDB(t)
	womanData(t, db)
	_, err := eraseAll(t, db, "p1")
	require.NoError(t, err)

	require.Zero(t, count(t, db, `SELECT count(*) FROM people WHERE id = 'p1'`))
	require.Equal(t, 2, count(t, db, `SELECT count(*) FROM people`))
	// c1 was shared with Bea: it stays with her row; c2 was only p1's
	require.Equal(t, 1, count(t, db, `SELECT count(*) FROM contacts WHERE id = 'c1'`))
	require.Zero(t, count(t, db, `SELECT count(*) FROM contacts WHERE id = 'c2'`))
	require.Equal(t, 1, count(t, db, `SELECT count(*) FROM contact_people WHERE contact_id = 'c1'`))
	require.Equal(t, 2, count(t, db, `SELECT quantity FROM contact_items WHERE contact_id = 'c1'`))
	// diary entries keep their text with her name replaced
	text := func(q string) string {
		var s string
		require.NoError(t, db.QueryRow(q).Scan(&s))
		return s
	}
	require.Equal(t, "[erased] and Bea Jones were both seen.", text(`SELECT body FROM diary_sections WHERE diary_id = 'd1' AND key = 'visit_detail'`))
	require.Equal(t, "Thinking about [erased] again; [erased]'s plan is fragile. Annabel is fine.",
		text(`SELECT body FROM diary_sections WHERE diary_id = 'd2'`))
	// two tags that both became [erased] are one tag now
	require.Equal(t, "[erased] housing", text(`SELECT group_concat(tag, ' ' ORDER BY position) FROM diary_tags WHERE diary_id = 'd2'`))
	require.Equal(t, "Talked about [erased] and boundaries", text(`SELECT notes FROM supervision WHERE id = 's1'`))
	require.Equal(t, "Good reflection on [erased]", text(`SELECT comment FROM supervision_entries WHERE diary_id = 'd1'`))
	require.Equal(t, "Check on [erased] next month", text(`SELECT text FROM supervision_actions`))
	require.Equal(t, "Autumn with [erased]", text(`SELECT title FROM newsletters WHERE id = 'n2'`))
	require.Equal(t, "[erased]", text(`SELECT contributor FROM newsletter_sections WHERE newsletter_id = 'n2'`))
	require.Equal(t, "Bea asked after [erased]", text(`SELECT note FROM contact_people WHERE person_id = 'p2' AND contact_id = 'c1'`))
	require.Equal(t, "Women Ahead", text(`SELECT value FROM settings WHERE key = 'organisation'`))
	// the diary entry written after the removed contact stays, unlinked
	require.Equal(t, 3, count(t, db, `SELECT count(*) FROM diary`))
	// drafts about her are gone, others stay
	require.Equal(t, []string{"diary:new", "diary:other"}, func() []string {
		var keys []string
		rows, err := db.Query(`SELECT key FROM drafts ORDER BY key`)
		require.NoError(t, err)
		defer rows.Close()
		for rows.Next() {
			var k string
			require.NoError(t, rows.Scan(&k))
			keys = append(keys, k)
		}
		return keys
	}())
	require.Equal(t, `{"text":"[erased] said"}`, text(`SELECT body FROM drafts WHERE key = 'diary:new'`))
	// the other women's records are whole
	p, err := PersonReport(ctx, db, "p2")
	require.NoError(t, err)
	require.Len(t, p.Contacts, 2)
	require.Len(t, p.Newsletters, 2)
	// the figures no longer count her
	f, err := Monitoring(ctx, db, "2025-01-01", "2025-12-31")
	require.NoError(t, err)
	require.Equal(t, 1, f.WomenSupported)
	require.Equal(t, 2, f.ItemsProvided["stamps"])
}

func TestErasureLeavesAnotherWomanWithTheSameFirstNameAlone(t *testing.T) {
	db := newDB(t)
	womanData(t, db)
	exec(t, db, `INSERT INTO people(id, name, pseudonym) VALUES ('p4', 'Marguerite Lee', 'Heron')`,
		`INSERT INTO diary(id, date) VALUES ('d8', '2025-08-01')`,
		`INSERT INTO diary_sections(diary_id, key, body) VALUES ('d8', 'visit_detail', 'Marguerite Lee was calm; Marguerite Oyelaran was not, and Marguerite said so.')`)
	_, err := eraseAll(t, db, "p1")
	require.NoError(t, err)
	var body, other string
	require.NoError(t, db.QueryRow(`SELECT body FROM diary_sections WHERE diary_id = 'd8'`).Scan(&body))
	require.Equal(t, "Marguerite Lee was calm; [erased] was not, and [erased] said so.", body)
	require.NoError(t, db.QueryRow(`SELECT name FROM people WHERE id = 'p4'`).Scan(&other))
	require.Equal(t, "Marguerite Lee", other)
	require.Equal(t, []string{"person:p4", "diary:d8"}, refs(search(t, db, `"Marguerite Lee"`)))
}

func TestErasingSomeoneWhoIsNotThereChangesNothing(t *testing.T) {
	db := newDB(t)
	womanData(t, db)
	before := count(t, db, `SELECT count(*) FROM diary_sections WHERE body LIKE '%Marguerite%'`)
	_, err := ErasePerson(ctx, db, "p9")
	require.ErrorIs(t, err, ErrPersonNotFound)
	require.Equal(t, before, count(t, db, `SELECT count(*) FROM diary_sections WHERE body LIKE '%Marguerite%'`))
	require.Equal(t, 3, count(t, db, `SELECT count(*) FROM people`))
}

func TestRetentionReviewListsClosedRecordsPastTheirTime(t *testing.T) {
	db := newDB(t)
	exec(t, db, `INSERT INTO people(id, name, pseudonym, status, closed_on, retention_note) VALUES
		('p1', 'Ann Smith', 'Rose', 'closed', '2019-03-01', ''),
		('p2', 'Bea Jones', 'Lily', 'closed', '2019-03-02', ''),
		('p3', 'Cara Brown', 'Ivy', 'closed', '2016-02-29', 'Court case pending'),
		('p4', 'Dee White', 'Fern', 'custody_sentenced', NULL, '')`)
	years, err := RetentionYears(ctx, db)
	require.NoError(t, err)
	require.Equal(t, 6, years)

	// six years after 2019-03-01 is 2025-03-01: due on that day, p2 a day later
	items, err := RetentionReview(ctx, db, "2025-03-01")
	require.NoError(t, err)
	require.Equal(t, []RetentionItem{
		{PersonID: "p3", Name: "Cara Brown", Pseudonym: "Ivy", ClosedOn: "2016-02-29", DueOn: "2022-03-01", Note: "Court case pending"},
		{PersonID: "p1", Name: "Ann Smith", Pseudonym: "Rose", ClosedOn: "2019-03-01", DueOn: "2025-03-01"},
	}, items)

	require.NoError(t, KeepWithReason(ctx, db, "p1", "  She asked us to keep her letters  "))
	require.ErrorContains(t, KeepWithReason(ctx, db, "p1", " "), "reason")
	require.ErrorIs(t, KeepWithReason(ctx, db, "p9", "why"), ErrPersonNotFound)

	require.NoError(t, SetRetentionYears(ctx, db, 3))
	items, err = RetentionReview(ctx, db, "2022-03-02")
	require.NoError(t, err)
	require.Len(t, items, 3)
	require.Equal(t, "She asked us to keep her letters", items[1].Note)
	require.Error(t, SetRetentionYears(ctx, db, 0))
	_, err = RetentionReview(ctx, db, "2022-02-30")
	require.ErrorContains(t, err, "today")

	exec(t, db, `UPDATE settings SET value = 'six' WHERE key = 'retention_years'`)
	_, err = RetentionReview(ctx, db, "2025-01-01")
	require.ErrorContains(t, err, "retention_years")
}
