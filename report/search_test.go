package report

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
	"inreach/vault"
)

// searchData is a small hand-built vault for the search tests.
func searchData(t *testing.T, db *sql.DB) {
	t.Helper()
	exec(t, db,
		`INSERT INTO establishments(id, name) VALUES ('e1', 'HMP Eastwood Park')`,
		`INSERT INTO people(id, name, pseudonym, prison_number, safety_note) VALUES
			('p1', 'Ann Smith', 'Rose', 'A1234BC', 'Do not give her address to her ex-partner'),
			('p2', 'Zoë Ward', 'Wren', '', '')`,
		`INSERT INTO person_needs(person_id, area, note) VALUES ('p1', 'housing', 'Wants a flat near her mum in Bristol')`,
		`INSERT INTO contacts(id, date, kind, establishment_id, logistics_note) VALUES
			('c1', '2025-07-04', 'prison_visit', 'e1', 'Room was double booked; started late')`,
		`INSERT INTO contact_people(contact_id, person_id, seen, note) VALUES
			('c1', 'p1', 1, 'She talked about housing and about seeing her children at Christmas'),
			('c1', 'p2', 1, 'Quiet today; release day plan agreed with probation')`,
		`INSERT INTO diary(id, date, contact_id) VALUES ('d1', '2025-07-04', 'c1')`,
		`INSERT INTO diary_sections(diary_id, key, body, position) VALUES
			('d1', 'visit_detail', 'Two women seen. The day of release is close for one of them.', 0),
			('d1', 'learning', 'Book the room a week ahead.', 4)`,
		`INSERT INTO diary_tags(diary_id, tag, position) VALUES ('d1', 'resilience', 0)`,
		`INSERT INTO newsletters(id, title, issue, date) VALUES
			('n1', 'Gardening', 1, '2025-03-01'),
			('n2', 'Spring news', 2, '2025-04-01')`,
		`INSERT INTO newsletter_sections(newsletter_id, position, heading, body, contributor) VALUES
			('n1', 0, '', 'spring news', ''),
			('n2', 0, '', 'gardening', '')`,
		`INSERT INTO agencies(id, name, category, services) VALUES ('a1', 'Bristol Women''s Housing', 'housing', 'Supported flats')`,
		`INSERT INTO letters(id, person_id, date, direction, summary) VALUES ('l1', 'p1', '2025-07-10', 'in', 'Thanked us for the stamps')`,
		`INSERT INTO actions(id, person_id, text) VALUES ('t1', 'p1', 'Chase the housing officer about the flat')`,
		`INSERT INTO events(id, person_id, date, kind, note) VALUES ('v1', 'p2', '2025-08-01', 'released', 'Met at the gate by her sister')`,
		`INSERT INTO supervision(id, date, supervisor, notes) VALUES ('s1', '2025-07-20', 'Maya', 'Talked about boundaries')`,
		`INSERT INTO supervision_entries(supervision_id, diary_id, comment) VALUES ('s1', 'd1', 'Good reflection on the room booking')`,
		`INSERT INTO supervision_actions(supervision_id, position, text, owner) VALUES ('s1', 0, 'Ask the prison about a regular room', 'Maya')`,
	)
}

func search(t *testing.T, db *sql.DB, q string) []Hit {
	t.Helper()
	hits, err := Search(ctx, db, q, 20, 0)
	require.NoError(t, err, q)
	return hits
}

func refs(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Kind+":"+h.Ref)
	}
	return out
}

func TestSearchRanksATitleMatchAboveABodyMatch(t *testing.T) {
	db := newDB(t)
	searchData(t, db)
	// n1 has "Gardening" as its title and "spring news" in its body; n2 the other way round.
	require.Equal(t, []string{"newsletter:n1", "newsletter:n2"}, refs(search(t, db, "gardening ")))
	require.Equal(t, []string{"newsletter:n2", "newsletter:n1"}, refs(search(t, db, "spring news ")))
	// her name is in her record's title and in no other record
	hits := search(t, db, "Ann Smith")
	require.Equal(t, []string{"person:p1"}, refs(hits))
	require.Equal(t, "Ann Smith (Rose)", hits[0].Title)
	require.Equal(t, "p1", hits[0].PersonID)
	// the agency named for housing comes before notes that mention it
	hits = search(t, db, "housing")
	require.Equal(t, "agency:a1", refs(hits)[0])
	require.ElementsMatch(t, []string{"agency:a1", "contact_note:c1", "action:t1"}, refs(hits))
}

func TestSearchFindsEveryKindOfRecord(t *testing.T) {
	db := newDB(t)
	searchData(t, db)
	for q, want := range map[string]string{
		"A1234BC":          "person:p1",
		"ex-partner":       "person:p1",
		"Bristol mum":      "person:p1",
		"double booked":    "contact:c1",
		"Christmas":        "contact_note:c1",
		"resilience":       "diary:d1",
		"week ahead":       "diary:d1",
		"boundaries":       "supervision:s1",
		"reflection":       "supervision:s1",
		"regular room":     "supervision:s1",
		"thanked stamps":   "letter:l1",
		"officer":          "action:t1",
		"sister gate":      "event:v1",
		"supported flats":  "agency:a1",
		"zoe":              "person:p2",
		"ZOË":              "person:p2",
		`"release day"`:    "contact_note:c1",
		`"day of release"`: "diary:d1",
	} {
		require.Equal(t, []string{want}, refs(search(t, db, q)), q)
	}
}

func TestSearchHitsCarryTitlesPeopleAndDates(t *testing.T) {
	db := newDB(t)
	searchData(t, db)
	hits := search(t, db, "Christmas")
	require.Equal(t, Hit{Kind: KindContactNote, Ref: "c1", PersonID: "p1",
		Title: "Ann Smith, Prison visit, HMP Eastwood Park, 2025-07-04", Date: "2025-07-04",
		Snippet: hits[0].Snippet}, hits[0])
	require.Equal(t, "Letter from Ann Smith, 2025-07-10", search(t, db, "thanked")[0].Title)
	require.Equal(t, "Released: Zoë Ward, 2025-08-01", search(t, db, "sister")[0].Title)
	require.Equal(t, "Diary entry, 2025-07-04", search(t, db, "resilience")[0].Title)
	require.Equal(t, "Spring news (issue 2), 2025-04-01", search(t, db, "spring")[0].Title)
	require.Equal(t, "Supervision with Maya, 2025-07-20", search(t, db, "boundaries")[0].Title)
}

func TestSearchSnippetsMarkTheMatchingWords(t *testing.T) {
	db := newDB(t)
	searchData(t, db)
	hits := search(t, db, "christmas children")
	require.Len(t, hits, 1)
	s := hits[0].Snippet
	require.Contains(t, s, SnippetStart+"children"+SnippetEnd)
	require.Contains(t, s, SnippetStart+"Christmas"+SnippetEnd)
	require.Equal(t, strings.Count(s, SnippetStart), strings.Count(s, SnippetEnd))
	require.Contains(t, RenderSnippet(s, "[", "]"), "[children] at [Christmas]")
	// a prefix match marks the whole word
	require.Contains(t, search(t, db, "christm")[0].Snippet, SnippetStart+"Christmas"+SnippetEnd)
}

func TestSearchMatchesThePrefixOfTheWordBeingTyped(t *testing.T) {
	db := newDB(t)
	searchData(t, db)
	require.Equal(t, []string{"contact_note:c1"}, refs(search(t, db, "christ")))
	// a finished word (followed by a space) is matched whole
	require.Empty(t, search(t, db, "christ "))
	// only the last word is a prefix
	require.Empty(t, search(t, db, "christ children"))
	// an unclosed phrase is a prefix too
	require.Equal(t, []string{"contact_note:c1"}, refs(search(t, db, `"release da`)))
}

func TestHostileSearchTextNeverErrors(t *testing.T) {
	db := newDB(t)
	searchData(t, db)
	for _, q := range []string{
		`"`, `""`, `"""`, `AND(`, `*`, `**`, `ann*`, `NEAR(ann smith)`, `title:ann`, `{title body}:ann`,
		`ann OR`, `OR`, `NOT`, `-`, `(`, `)`, `^ann`, `ann AND`, `'; DROP TABLE people; --`,
		"\x00", "\x01\x02", "🙂", `ann"smith`, `"ann" "`, `+`, `:`, `ann:`, `a-`, `\"`, `%`, `_`,
		strings.Repeat("ann ", 500), strings.Repeat(`"`, 101), "́", "", "   ",
	} {
		_, err := Search(ctx, db, q, 20, 0)
		require.NoError(t, err, "%q", q)
	}
	// operators are searched as words, not obeyed
	require.Empty(t, search(t, db, "smith OR"), "OR is a word that must also match, and no record has it")
	exec(t, db, `INSERT INTO actions(id, text) VALUES ('t9', 'Smith OR Jones')`)
	require.Equal(t, []string{"action:t9"}, refs(search(t, db, "smith OR")))
}

func TestMatchQueryQuotesEveryWord(t *testing.T) {
	for in, want := range map[string]string{
		"ann smith":        `"ann" "smith"*`,
		"ann smith ":       `"ann" "smith"`,
		`"release day" ho`: `"release day" "ho"*`,
		`"release day"`:    `"release day"`,
		`"release da`:      `"release da"*`,
		`AND(`:             `"AND"*`,
		`*`:                ``,
		`ex-partner`:       `"ex partner"*`,
		`a "b`:             `"a" "b"*`,
		`h`:                `"h"`,
		`ann s`:            `"ann" "s"*`,
	} {
		require.Equal(t, want, MatchQuery(in), in)
	}
}

func TestTheSearchIndexFollowsEveryChange(t *testing.T) {
	db := newDB(t)
	searchData(t, db)
	exec(t, db, `UPDATE contact_people SET note = 'Talked about college' WHERE contact_id = 'c1' AND person_id = 'p1'`)
	require.Empty(t, search(t, db, "Christmas"))
	require.Equal(t, []string{"contact_note:c1"}, refs(search(t, db, "college")))

	exec(t, db, `UPDATE diary_sections SET body = 'Nothing to add' WHERE diary_id = 'd1' AND key = 'learning'`)
	require.Empty(t, search(t, db, "week ahead"))
	exec(t, db, `DELETE FROM diary_tags WHERE diary_id = 'd1'`)
	require.Empty(t, search(t, db, "resilience"))

	exec(t, db, `UPDATE people SET name = 'Ann Jones' WHERE id = 'p1'`)
	require.Empty(t, search(t, db, "Smith"))
	require.Equal(t, []string{"person:p1"}, refs(search(t, db, "Ann Jones")))

	exec(t, db, `UPDATE person_needs SET note = '' WHERE person_id = 'p1'`)
	require.Empty(t, search(t, db, "Bristol mum"))

	// deleting a woman removes her record, her notes, letters, actions, events
	exec(t, db, `DELETE FROM people WHERE id = 'p1'`)
	require.Empty(t, search(t, db, "college"))
	require.Empty(t, search(t, db, "thanked"))
	require.Empty(t, search(t, db, "officer"))
	require.Zero(t, count(t, db, `SELECT count(*) FROM search_index WHERE person = 'p1'`))

	// deleting the contact removes its own document and the notes of it
	exec(t, db, `DELETE FROM contacts WHERE id = 'c1'`)
	require.Empty(t, search(t, db, "double booked"))
	require.Empty(t, search(t, db, "probation"))
	require.Zero(t, count(t, db, `SELECT count(*) FROM search_keys k WHERE NOT EXISTS (SELECT 1 FROM search_index WHERE rowid = k.id)`))
	require.Equal(t, count(t, db, `SELECT count(*) FROM search_keys`), count(t, db, `SELECT count(*) FROM search_index`))
}

func TestReindexRebuildsTheSameIndex(t *testing.T) {
	db := newDB(t)
	searchData(t, db)
	before := refs(search(t, db, "the"))
	n := count(t, db, `SELECT count(*) FROM search_index`)
	exec(t, db, `DELETE FROM search_index`, `DELETE FROM search_keys`)
	require.Empty(t, search(t, db, "the"))
	require.NoError(t, Reindex(ctx, db))
	require.Equal(t, n, count(t, db, `SELECT count(*) FROM search_index`))
	require.Equal(t, before, refs(search(t, db, "the")))
}

func TestSearchPagesThroughResults(t *testing.T) {
	db := newDB(t)
	for i := 0; i < 30; i++ {
		exec(t, db, `INSERT INTO actions(id, text) VALUES ('t`+string(rune('A'+i))+`', 'phone the council')`)
	}
	first, err := Search(ctx, db, "council", 20, 0)
	require.NoError(t, err)
	second, err := Search(ctx, db, "council", 20, 20)
	require.NoError(t, err)
	require.Len(t, first, 20)
	require.Len(t, second, 10)
	seen := map[string]bool{}
	for _, h := range append(first, second...) {
		require.False(t, seen[h.Ref], h.Ref)
		seen[h.Ref] = true
	}
	_, err = Search(ctx, db, "council", MaxSearchLimit+1, 0)
	require.ErrorContains(t, err, "limit")
	_, err = Search(ctx, db, "council", 10, -1)
	require.ErrorContains(t, err, "offset")
}

func TestMigratingAnOlderVaultIndexesWhatIsAlreadyThere(t *testing.T) {
	db, err := vault.OpenMemoryDB()
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, vault.Migrate(ctx, db, schema.Migrations[:1]))
	searchData(t, db)
	require.NoError(t, vault.Migrate(ctx, db, schema.Migrations))
	require.Equal(t, []string{"person:p1"}, refs(search(t, db, "Ann Smith")))
	require.Equal(t, []string{"contact_note:c1"}, refs(search(t, db, "Christmas")))
	require.Equal(t, []string{"supervision:s1"}, refs(search(t, db, "regular room")))
}
