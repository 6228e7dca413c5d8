package teamwork_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/require"

	"inreach/exchange"
	"inreach/identity"
	"inreach/newsletter"
	"inreach/report"
	"inreach/team"
	"inreach/teamwork"
)

func TestAHandoverMovesHerWholeRecordButOnlyHerRowsOfASharedVisit(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	kay := newParty(t, "Kay Lin", folder, false)
	ann.knows(t, kay, "colleague")
	kay.knows(t, ann, "colleague")
	before, err := exchange.Export(ctx, ann.db, exchange.ExportOptions{PersonID: "p1"})
	require.NoError(t, err)

	out, err := teamwork.PrepareHandover(ctx, ann.db, ann.member(t, "Kay Lin"), []string{"p1"})
	require.NoError(t, err)
	s := ann.send(t, out)
	require.Contains(t, s.Path, "inreach-handover-")
	res, err := kay.receive(s.Path)
	require.NoError(t, err)
	require.Equal(t, "the record of 1 woman handed over by Ann Reed", res.Summary)

	got, err := exchange.Export(ctx, kay.db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Len(t, got.People, 1)
	p := got.People[0]
	require.Equal(t, before.People[0], p, "details, needs, sensitive flags, release plan, safety note")
	require.Len(t, got.Contacts, 2)
	for _, c := range got.Contacts {
		require.Len(t, c.People, 1)
		require.Equal(t, "p1", c.People[0].Person, "never another woman's row")
	}
	require.Equal(t, before.Actions, got.Actions)
	require.Equal(t, before.Letters, got.Letters)
	require.Len(t, before.Readings, 1)
	require.Equal(t, before.Readings, got.Readings, "her outcome readings, not the other woman's")
	require.Len(t, got.Establishments, 1)
	require.Len(t, got.Agencies, 1, "the directory entries she uses, not the others")
	require.Empty(t, got.Diary, "the worker's diary stays hers")
	require.Empty(t, got.Supervision)
	require.Len(t, got.Events, 2)
	var handed *exchange.Event
	for i := range got.Events {
		if got.Events[i].Kind == "handed_over" {
			handed = &got.Events[i]
		}
	}
	require.NotNil(t, handed)
	require.Regexp(t, `^Handed over from Ann Reed on \d{4}-\d\d-\d\d$`, handed.Note)
	require.Zero(t, count(t, kay.db, `SELECT count(*) FROM people WHERE name LIKE '%Beatrix%'`))

	// The sender keeps her, with the handover recorded.
	require.Equal(t, 1, count(t, ann.db, `SELECT count(*) FROM events WHERE person_id = 'p1' AND kind = 'handed_over' AND note = 'Handed over to Kay Lin'`))
	require.Equal(t, 2, count(t, ann.db, `SELECT count(*) FROM people`))
	require.Equal(t, 1, noCanaryIn(t, folder), "the bundle and nothing else")
}

func TestAHandedOverWomanWhoseIdsAreTakenGetsNewOnesAndNothingIsReplaced(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	kay := newParty(t, "Kay Lin", folder, true) // Kay has her own p1, c1, e1 … with the same ids
	ann.knows(t, kay, "colleague")
	kay.knows(t, ann, "colleague")
	_, err := kay.db.Exec(`UPDATE people SET name = 'Kay''s Own Woman' WHERE id = 'p1'`)
	require.NoError(t, err)
	_, err = kay.db.Exec(`UPDATE agencies SET name = 'Kay''s Own Agency' WHERE id = 'a1'`)
	require.NoError(t, err)
	kayBefore, err := exchange.Export(ctx, kay.db, exchange.ExportOptions{})
	require.NoError(t, err)

	out, err := teamwork.PrepareHandover(ctx, ann.db, ann.member(t, "Kay Lin"), []string{"p1"})
	require.NoError(t, err)
	s := ann.send(t, out)
	_, err = kay.receive(s.Path)
	require.NoError(t, err)

	after, err := exchange.Export(ctx, kay.db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Len(t, after.People, 3)
	mine, err := exchange.Export(ctx, kay.db, exchange.ExportOptions{PersonID: "p1"})
	require.NoError(t, err)
	require.Equal(t, "Kay's Own Woman", mine.People[0].Name)
	for _, p := range kayBefore.People {
		var found bool
		for _, q := range after.People {
			if q.ID == p.ID {
				require.Equal(t, p, q, "Kay's own records are untouched")
				found = true
			}
		}
		require.True(t, found)
	}
	var newID string
	require.NoError(t, kay.db.QueryRow(`SELECT id FROM people WHERE name = 'Marguerite Oyelaran' AND id <> 'p1'`).Scan(&newID))
	require.True(t, strings.HasPrefix(newID, "p-"))
	require.Equal(t, 2, count(t, kay.db, `SELECT count(*) FROM contact_people WHERE person_id = ?`, newID), "her contacts follow her new id")
	require.Equal(t, 1, count(t, kay.db, `SELECT count(*) FROM letters WHERE person_id = ?`, newID))
	require.Equal(t, 1, count(t, kay.db, `SELECT count(*) FROM readings WHERE person_id = ? AND id <> 'r1' AND contact_id <> 'c1'`, newID), "her reading follows her and her contact's new ids")
	require.Equal(t, 1, count(t, kay.db, `SELECT count(*) FROM establishments`), "the prison Kay already has is used, not duplicated")
	require.Equal(t, 3, count(t, kay.db, `SELECT count(*) FROM agencies`), "Ann's a1 is not Kay's a1: it comes under a new id")
	require.Equal(t, 1, count(t, kay.db, `SELECT count(*) FROM actions a JOIN agencies g ON g.id = a.agency_id WHERE a.person_id = ? AND g.name = 'Fenland Housing Trust' AND g.id <> 'a1'`, newID))
	require.Equal(t, kayBefore.Establishments, after.Establishments)
	for _, a := range kayBefore.Agencies {
		found := false
		for _, b := range after.Agencies {
			if b.ID == a.ID {
				require.Equal(t, a, b)
				found = true
			}
		}
		require.True(t, found)
	}
	require.Equal(t, "e1", *findPerson(after, newID).Establishment, "her prison is Kay's own entry for it")
}

func findPerson(d *exchange.Document, id string) *exchange.Person {
	for i := range d.People {
		if d.People[i].ID == id {
			return &d.People[i]
		}
	}
	return nil
}

// textsMentioning lists "table.column" wherever any of words is found.
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
				if count(t, db, fmt.Sprintf(`SELECT count(*) FROM "%s" WHERE CAST("%s" AS TEXT) LIKE ?`, tb, c), "%"+w+"%") > 0 {
					found = append(found, tb+"."+c+" has "+w)
				}
			}
		}
	}
	return found
}

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

func TestAHandoverWithEraseAfterLeavesNoTraceOfHerInTheSendersVault(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	kay := newParty(t, "Kay Lin", folder, false)
	ann.knows(t, kay, "colleague")
	kay.knows(t, ann, "colleague")
	words := []string{"Marguerite", "Oyelaran", "Tamsin", "A1234BC"}
	require.NotEmpty(t, textsMentioning(t, ann.db, words...), "she is there before, so the scan can fail")
	require.True(t, bytes.Contains(serialize(t, ann.db), []byte("Oyelaran")))

	out, err := teamwork.PrepareHandover(ctx, ann.db, ann.member(t, "Kay Lin"), []string{"p1"})
	require.NoError(t, err)
	path, err := teamwork.PathInFolder(ann.db, out.Kind)
	require.NoError(t, err)
	sent, err := teamwork.Send(ctx, ann.db, ann.me, out, path)
	require.NoError(t, err)
	_, err = teamwork.EraseHandedOver(ctx, ann.db, out, sent)
	require.NoError(t, err)
	require.NoError(t, ann.v.Save())

	require.Empty(t, textsMentioning(t, ann.db, words...))
	img := serialize(t, ann.db)
	for _, w := range words {
		require.False(t, bytes.Contains(img, []byte(w)), w)
	}
	require.Equal(t, 1, count(t, ann.db, `SELECT count(*) FROM people`), "the other woman stays")
	require.Equal(t, 1, count(t, ann.db, `SELECT count(*) FROM contact_people WHERE person_id = 'p2'`), "with her row of the shared visit")
	require.Equal(t, 1, count(t, ann.db, `SELECT count(*) FROM bundles_sent WHERE kind = 'handover'`))

	// The colleague has her whole record.
	_, err = kay.receive(sent.Path)
	require.NoError(t, err)
	require.Equal(t, 1, count(t, kay.db, `SELECT count(*) FROM people WHERE name = 'Marguerite Oyelaran'`))
}

func TestAContributionLandsInTheEditorsInboxAndIsAcceptedIntoAnIssue(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	ed := newParty(t, "Edie Moss", folder, false)
	ann.knows(t, ed, "editor")
	ed.knows(t, ann, "colleague")
	_, err := ann.db.Exec(`UPDATE newsletter_sections SET body = 'Write to Marguerite Oyelaran, phone 07700 900123' WHERE newsletter_id = 'n1'`)
	require.NoError(t, err)
	out, err := teamwork.PrepareContribution(ctx, ann.db, ann.member(t, "Edie Moss"), "n1", 1)
	require.NoError(t, err)
	s := ann.send(t, out)
	_, err = ed.receive(s.Path)
	require.NoError(t, err)

	ns := newsletter.New(ed.db)
	list, err := ns.Contributions(true)
	require.NoError(t, err)
	require.Len(t, list, 1)
	c := list[0]
	require.Equal(t, "Ann Reed", c.SenderName)
	require.Equal(t, newsletter.Section{Heading: "Poem", Body: "Write to Marguerite Oyelaran, phone 07700 900123", Contributor: "Robin", Consent: true}, c.Section)
	require.Zero(t, count(t, ed.db, `SELECT count(*) FROM newsletters`), "nothing is in an issue until accepted")

	// The editor's check runs on it (the name is not one of her women, so
	// it finds what she can know: the phone number).
	rep, err := ns.CheckContribution(c.ID)
	require.NoError(t, err)
	require.False(t, rep.Clean())
	require.Equal(t, newsletter.KindPhone, rep.Findings[0].Kind)

	is := newsletter.Issue{Title: "Winter", Date: "2026-12-01", Sections: []newsletter.Section{{Heading: "News", Body: "Hello"}}}
	require.NoError(t, ns.SaveIssue(&is))
	require.NoError(t, ns.AcceptContribution(c.ID, is.ID))
	got, err := ns.GetIssue(is.ID)
	require.NoError(t, err)
	require.Len(t, got.Sections, 2)
	require.Equal(t, c.Section, got.Sections[1])
	list, err = ns.Contributions(true)
	require.NoError(t, err)
	require.Empty(t, list)
	require.ErrorIs(t, ns.AcceptContribution(c.ID, is.ID), newsletter.ErrNotWaiting)
}

func TestErasingAWomanWhoseNameIsAWordOfAKeyOrFingerprintLeavesTheKeysAndTeamAlone(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, false)
	sam := newParty(t, "Sam Cole", folder, false)
	ann.knows(t, sam, "supervisor")
	fp := sam.me.Public().Fingerprint()
	group := fp[:4] // a word of the fingerprint
	var seg string  // a word of the ID line between separators
	for _, w := range strings.FieldsFunc(sam.me.Public().String(), func(r rune) bool { return r == ':' || r == '-' || r == '_' }) {
		if len(w) >= 2 {
			seg = w
		}
	}
	_, err := ann.db.Exec(`INSERT INTO people(id, name, pseudonym) VALUES ('p9', ?, ?)`, "Secret Key", group+" "+seg)
	require.NoError(t, err)
	_, err = ann.db.Exec(`INSERT INTO bundles_sent(bundle_id, recipient, kind, created) VALUES ('b', ?, 'handover', 'now')`, fp)
	require.NoError(t, err)
	members, err := teamwork.Inbox(ann.db, ann.me, folder) // nothing waits; proves the identity loads
	require.NoError(t, err)
	require.Empty(t, members)
	idBefore := ann.me.Public().String()

	_, err = report.ErasePerson(ctx, ann.db, "p9")
	require.NoError(t, err)
	me, err := identity.Load(ann.db)
	require.NoError(t, err)
	require.Equal(t, idBefore, me.Public().String(), "the age secret holds SECRET and KEY as words, and is untouched")
	m, err := team.ByName(ann.db, "Sam Cole")
	require.NoError(t, err)
	require.Equal(t, fp, m.Fingerprint())
	require.Equal(t, 1, count(t, ann.db, `SELECT count(*) FROM team WHERE fingerprint = ?`, fp))
	require.Equal(t, 1, count(t, ann.db, `SELECT count(*) FROM bundles_sent WHERE recipient = ?`, fp))
}
