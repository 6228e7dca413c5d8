package schema

import (
	"fmt"
	"strings"
)

// v2 adds the full-text search index (FTS5, inside the in-memory database,
// so it is sealed into the vault with everything else and never sits on disk
// in plaintext).
//
// Design:
//   - search_index is an FTS5 table with one row ("document") per searchable
//     record: kind, ref and person are stored but not indexed; title is
//     weighted above body when ranking (see the 'rank' setting below).
//   - search_keys maps a document's key (kind, ref, sub) to its FTS rowid, so
//     that a trigger can replace one document by rowid without scanning.
//   - SQL triggers on every source table rebuild the affected document on
//     insert, update and delete, so every writer (the app, import, erasure)
//     keeps the index right. A document is rebuilt from its source rows,
//     never patched, so text that is changed in the source is gone from the
//     index too.
//   - FTS5 'secure-delete' is off: it made every replaced document cost
//     ~20 ms (a decade import took minutes instead of seconds). Old tokens
//     of a changed document stay in index segments (inside the sealed
//     vault) until segments merge; erasing a woman (report.ErasePerson)
//     rebuilds and optimizes the index and vacuums the database, so
//     nothing of her survives in the index or in free pages.
//   - prefix indexes of 1, 2 and 3 characters keep "type as you search"
//     prefix queries fast.
//
// The documents (kind: what is indexed; ref, sub, person):
//
//	person        title: name, pseudonym, prison number
//	              body: sentence, safety note, needs notes     ref=person id, person=person id
//	contact       title: place; body: logistics note            ref=contact id
//	contact_note  body: the per-woman note of a contact         ref=contact id, sub=person id, person=person id
//	diary         title: tags; body: every section              ref=diary id
//	supervision   title: supervisor; body: notes, every comment
//	              on an entry, every agreed action and owner    ref=supervision id
//	letter        body: summary                                 ref=letter id, person=person id
//	newsletter    title: title; body: sections (heading, body,
//	              contributor)                                  ref=newsletter id
//	action        body: text                                    ref=action id, person=person id (or "")
//	event         body: note                                    ref=event id, person=person id
//	agency        title: name; body: category, area, services,
//	              key contact, phone, email, website, notes     ref=agency id
//
// An empty document (no title and no body) is not stored.
var v2 = buildV2()

// SearchRebuildSQL empties the search index and builds it again from every
// source table. It is part of migration 2 and what report.Reindex runs (in
// one transaction).
var SearchRebuildSQL = buildSearchRebuild()

// searchDoc describes how one kind of search document is built.
type searchDoc struct {
	kind string
	// sel is a SELECT giving ref, sub, person, title, body for the source
	// rows that pass the condition %s (written against the alias used).
	sel string
	// cond is the condition selecting one document, with %[1]s for the ref
	// expression and %[2]s for the sub expression.
	cond string
}

var searchDocs = []searchDoc{
	{"person", `SELECT p.id AS ref, '' AS sub, p.id AS person,
		concat_ws(' ', p.name, nullif(p.pseudonym, ''), nullif(p.prison_number, '')) AS title,
		concat_ws(char(10), nullif(p.sentence, ''), nullif(p.safety_note, ''),
			(SELECT group_concat(n.note, char(10) ORDER BY n.position) FROM person_needs n WHERE n.person_id = p.id AND n.note <> '')) AS body
		FROM people p WHERE %s`, `p.id = %[1]s`},
	{"contact", `SELECT c.id AS ref, '' AS sub, '' AS person, c.place AS title, c.logistics_note AS body
		FROM contacts c WHERE %s`, `c.id = %[1]s`},
	{"contact_note", `SELECT cp.contact_id AS ref, cp.person_id AS sub, cp.person_id AS person, '' AS title, cp.note AS body
		FROM contact_people cp WHERE %s`, `cp.contact_id = %[1]s AND cp.person_id = %[2]s`},
	{"diary", `SELECT d.id AS ref, '' AS sub, '' AS person,
		(SELECT group_concat(t.tag, ' ' ORDER BY t.position) FROM diary_tags t WHERE t.diary_id = d.id) AS title,
		(SELECT group_concat(s.body, char(10) ORDER BY s.position) FROM diary_sections s WHERE s.diary_id = d.id AND s.body <> '') AS body
		FROM diary d WHERE %s`, `d.id = %[1]s`},
	{"supervision", `SELECT s.id AS ref, '' AS sub, '' AS person, s.supervisor AS title,
		concat_ws(char(10), nullif(s.notes, ''),
			(SELECT group_concat(e.comment, char(10) ORDER BY e.position) FROM supervision_entries e WHERE e.supervision_id = s.id AND e.comment <> ''),
			(SELECT group_concat(concat_ws(' ', a.text, nullif(a.owner, '')), char(10) ORDER BY a.position) FROM supervision_actions a WHERE a.supervision_id = s.id)) AS body
		FROM supervision s WHERE %s`, `s.id = %[1]s`},
	{"letter", `SELECT l.id AS ref, '' AS sub, l.person_id AS person, '' AS title, l.summary AS body
		FROM letters l WHERE %s`, `l.id = %[1]s`},
	{"newsletter", `SELECT n.id AS ref, '' AS sub, '' AS person, n.title AS title,
		(SELECT group_concat(concat_ws(char(10), nullif(x.heading, ''), nullif(x.body, ''), nullif(x.contributor, '')), char(10) ORDER BY x.position) FROM newsletter_sections x WHERE x.newsletter_id = n.id) AS body
		FROM newsletters n WHERE %s`, `n.id = %[1]s`},
	{"action", `SELECT a.id AS ref, '' AS sub, coalesce(a.person_id, '') AS person, '' AS title, a.text AS body
		FROM actions a WHERE %s`, `a.id = %[1]s`},
	{"event", `SELECT e.id AS ref, '' AS sub, e.person_id AS person, '' AS title, e.note AS body
		FROM events e WHERE %s`, `e.id = %[1]s`},
	{"agency", `SELECT g.id AS ref, '' AS sub, '' AS person, g.name AS title,
		concat_ws(char(10), nullif(g.category, ''), nullif(g.area, ''), nullif(g.services, ''), nullif(g.key_contact, ''),
			nullif(g.phone, ''), nullif(g.email, ''), nullif(g.website, ''), nullif(g.notes, '')) AS body
		FROM agencies g WHERE %s`, `g.id = %[1]s`},
}

// searchSources says which documents a change to a table touches: the
// document kind and the ref and sub expressions in terms of a row ("R." is
// replaced by NEW. or OLD.).
var searchSources = []struct {
	table, kind, ref, sub string
}{
	{"people", "person", "R.id", "''"},
	{"person_needs", "person", "R.person_id", "''"},
	{"contacts", "contact", "R.id", "''"},
	{"contact_people", "contact_note", "R.contact_id", "R.person_id"},
	{"diary", "diary", "R.id", "''"},
	{"diary_sections", "diary", "R.diary_id", "''"},
	{"diary_tags", "diary", "R.diary_id", "''"},
	{"supervision", "supervision", "R.id", "''"},
	{"supervision_entries", "supervision", "R.supervision_id", "''"},
	{"supervision_actions", "supervision", "R.supervision_id", "''"},
	{"letters", "letter", "R.id", "''"},
	{"newsletters", "newsletter", "R.id", "''"},
	{"newsletter_sections", "newsletter", "R.newsletter_id", "''"},
	{"actions", "action", "R.id", "''"},
	{"events", "event", "R.id", "''"},
	{"agencies", "agency", "R.id", "''"},
}

func findSearchDoc(kind string) searchDoc {
	for _, d := range searchDocs {
		if d.kind == kind {
			return d
		}
	}
	panic("schema: no search document kind " + kind)
}

// nonEmpty wraps a document SELECT so that empty documents are skipped.
func nonEmpty(sel string) string {
	return "SELECT * FROM (" + sel + ") WHERE coalesce(title, '') <> '' OR coalesce(body, '') <> ''"
}

// dropDoc is the SQL removing one document (its FTS row and its key).
func dropDoc(kind, ref, sub string) string {
	key := fmt.Sprintf("kind = '%s' AND ref = %s AND sub = %s", kind, ref, sub)
	return fmt.Sprintf("DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_keys WHERE %s);\n", key) +
		fmt.Sprintf("DELETE FROM search_keys WHERE %s;\n", key)
}

// addDocs is the SQL (re)building the documents of kind that pass cond.
func addDocs(d searchDoc, cond string) string {
	sel := nonEmpty(fmt.Sprintf(d.sel, cond))
	return fmt.Sprintf("INSERT INTO search_keys(kind, ref, sub) SELECT '%s', ref, sub FROM (%s);\n", d.kind, sel) +
		fmt.Sprintf(`INSERT INTO search_index(rowid, kind, ref, person, title, body)
		SELECT k.id, '%s', b.ref, b.person, coalesce(b.title, ''), coalesce(b.body, '')
		FROM (%s) b JOIN search_keys k ON k.kind = '%s' AND k.ref = b.ref AND k.sub = b.sub;
`, d.kind, sel, d.kind)
}

func buildSearchRebuild() string {
	var b strings.Builder
	b.WriteString("DELETE FROM search_index;\nDELETE FROM search_keys;\n")
	for _, d := range searchDocs {
		b.WriteString(addDocs(d, "1"))
	}
	b.WriteString("INSERT INTO search_index(search_index) VALUES('optimize');\n")
	return b.String()
}

func buildV2() string {
	var b strings.Builder
	b.WriteString(`
CREATE VIRTUAL TABLE search_index USING fts5(
	kind UNINDEXED, ref UNINDEXED, person UNINDEXED, title, body,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
-- Rank by bm25 with a title match worth ten body matches.
INSERT INTO search_index(search_index, rank) VALUES('rank', 'bm25(0.0, 0.0, 0.0, 10.0, 1.0)');

CREATE TABLE search_keys (
	id   INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	ref  TEXT NOT NULL,
	sub  TEXT NOT NULL DEFAULT '',
	UNIQUE (kind, ref, sub)
);
`)
	for _, s := range searchSources {
		d := findSearchDoc(s.kind)
		on := func(row string) (ref, sub string) {
			return strings.ReplaceAll(s.ref, "R.", row+"."), strings.ReplaceAll(s.sub, "R.", row+".")
		}
		nref, nsub := on("NEW")
		oref, osub := on("OLD")
		refresh := func(ref, sub string) string {
			return dropDoc(s.kind, ref, sub) + addDocs(d, fmt.Sprintf(d.cond, ref, sub))
		}
		fmt.Fprintf(&b, "CREATE TRIGGER search_%s_ai AFTER INSERT ON %s BEGIN\n%sEND;\n", s.table, s.table, refresh(nref, nsub))
		fmt.Fprintf(&b, "CREATE TRIGGER search_%s_au AFTER UPDATE ON %s BEGIN\n%s%sEND;\n", s.table, s.table,
			dropDoc(s.kind, oref, osub), refresh(nref, nsub))
		fmt.Fprintf(&b, "CREATE TRIGGER search_%s_ad AFTER DELETE ON %s BEGIN\n%sEND;\n", s.table, s.table, refresh(oref, osub))
	}
	b.WriteString(SearchRebuildSQL)
	return b.String()
}
