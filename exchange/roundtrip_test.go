package exchange_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/exchange"
)

func TestTheFixtureRoundTripsByteForByte(t *testing.T) {
	db := openDB(t)
	res := importString(t, db, fixture)
	require.Equal(t, exchange.Counts{Added: 2}, res.People)
	require.Equal(t, exchange.Counts{Added: 3}, res.Actions)
	require.Equal(t, blankExportedAt(fixture), exportText(t, db))
}

// roundTrip imports d into an empty vault, exports and writes it; imports
// that text into another empty vault, exports and writes again; and
// requires both texts (and the text of d itself) to be the same.
func roundTrip(t *testing.T, d *exchange.Document) {
	t.Helper()
	ctx := context.Background()
	want := writeText(t, d)

	db1 := openDB(t)
	_, err := exchange.Import(ctx, db1, d)
	require.NoError(t, err)
	first := exportText(t, db1)

	d2, err := exchange.Read(strings.NewReader(first))
	require.NoError(t, err)
	db2 := openDB(t)
	_, err = exchange.Import(ctx, db2, d2)
	require.NoError(t, err)
	second := exportText(t, db2)

	require.True(t, first == second, "export → import → export changed the document")
	require.True(t, want == first, "importing the demo document and exporting it changed it")
}

func TestTheSmallDemoRoundTripsWithoutLoss(t *testing.T) {
	d, err := demo.Generate("small", 7)
	require.NoError(t, err)
	roundTrip(t, d)
}

func TestTheDecadeCorpusRoundTripsWithoutLoss(t *testing.T) {
	if testing.Short() {
		t.Skip("the decade corpus takes several seconds")
	}
	d, err := demo.Generate("decade", 1)
	require.NoError(t, err)
	start := time.Now()
	roundTrip(t, d)
	t.Logf("decade round trip (two imports, two exports, three writes): %v", time.Since(start))
}

func TestImportingIntoAVaultThatHasTheSameIdsReplacesThem(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	// The same file again: everything is replaced, nothing added or lost.
	res := importString(t, db, fixture)
	require.Equal(t, exchange.Counts{Replaced: 2}, res.People)
	require.Equal(t, exchange.Counts{Replaced: 2}, res.Contacts)
	require.Equal(t, exchange.Counts{Replaced: 3}, res.Diary)
	require.Zero(t, res.Total().Added)
	require.Equal(t, blankExportedAt(fixture), exportText(t, db))
}

func TestReplacingAPersonReplacesHerNeedsAndKeepsHerContactsAndLetters(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	d := readString(t, fixture)
	ann := d.People[0]
	ann.Name = "Ann Smith-Taylor"
	ann.Needs = []exchange.Need{{Area: "bereavement", Status: "open", Note: ""}}
	ann.Sensitive = []string{}
	only := &exchange.Document{Format: "inreach", Version: 1, People: []exchange.Person{ann}}
	res, err := exchange.Import(context.Background(), db, only)
	require.NoError(t, err)
	require.Equal(t, exchange.Counts{Replaced: 1}, res.People)

	after, err := exchange.Export(context.Background(), db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Len(t, after.People, 2)
	require.Equal(t, "Ann Smith-Taylor", after.People[0].Name)
	require.Equal(t, []exchange.Need{{Area: "bereavement", Status: "open"}}, after.People[0].Needs)
	require.Empty(t, after.People[0].Sensitive)
	// Her contact rows, letters, actions and events are still there.
	require.Len(t, after.Contacts[0].People, 2)
	require.Len(t, after.Letters, 2)
	require.Len(t, after.Actions, 3)
	require.Len(t, after.Events, 2)
}

func TestAFileMayPointAtRecordsAlreadyInTheVault(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	later := `{"format": "inreach", "version": 1, "contacts": [{"id": "c9", "date": "2026-11-01", "kind": "court",
		"establishment": "e2", "people": [{"person": "p1", "seen": true}]}],
		"actions": [{"id": "t9", "person": "p2", "contact": "c1", "agency": "a2", "text": "x"}]}`
	res := importString(t, db, later)
	require.Equal(t, exchange.Counts{Added: 1}, res.Contacts)
	d, err := exchange.Export(context.Background(), db, exchange.ExportOptions{})
	require.NoError(t, err)
	var c9 *exchange.Contact
	for i := range d.Contacts {
		if d.Contacts[i].ID == "c9" {
			c9 = &d.Contacts[i]
		}
	}
	require.NotNil(t, c9)
	// "booked" left out of the file means booked, as in the database.
	require.True(t, c9.People[0].Booked)
	require.Nil(t, c9.Logistics)
}

func TestWriteNeverWritesAListAsNull(t *testing.T) {
	var b bytes.Buffer
	d := &exchange.Document{Format: "inreach", Version: 1,
		People:      []exchange.Person{{ID: "p1", Name: "A"}},
		Contacts:    []exchange.Contact{{ID: "c1", People: []exchange.ContactPerson{{Person: "p1"}}}},
		Diary:       []exchange.DiaryEntry{{ID: "d1"}},
		Supervision: []exchange.Supervision{{ID: "s1"}},
		Letters:     []exchange.Letter{{ID: "l1"}},
		Newsletters: []exchange.Newsletter{{ID: "n1"}},
	}
	require.NoError(t, exchange.Write(&b, d))
	out := b.String()
	for _, list := range []string{"establishments", "agencies", "actions", "events", "needs", "sensitive",
		"release_plan", "needs_discussed", "items", "tags", "entries", "enclosures", "sections", "sent_to", "checklist"} {
		require.NotContains(t, out, `"`+list+`": null`, list)
	}
	require.Contains(t, out, `"comments": {}`)
	require.Contains(t, out, `"sections": {}`)
	// Dates that are absent are null.
	require.Contains(t, out, `"release_date": null`)
}

func TestWriteKeepsAmpersandsAndAnglesReadable(t *testing.T) {
	var b bytes.Buffer
	d := &exchange.Document{Establishments: []exchange.Establishment{{ID: "e1", Name: "HMP & YOI Drake Hall <x>"}}}
	require.NoError(t, exchange.Write(&b, d))
	require.Contains(t, b.String(), `"HMP & YOI Drake Hall <x>"`)
}
