package exchange_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/exchange"
)

func needsOf(t *testing.T, d *exchange.Document, id string) []exchange.Need {
	t.Helper()
	for _, p := range d.People {
		if p.ID == id {
			return p.Needs
		}
	}
	t.Fatalf("no person %s", id)
	return nil
}

func TestImportOpensANeedDiscussedAtAContactThatSheDoesNotHave(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	before, err := exchange.Export(context.Background(), db, exchange.ExportOptions{})
	require.NoError(t, err)

	// p1 has housing (open) and substance_use (in progress); p2 has no needs.
	// p3 is new in the file, with benefits_debt met.
	later := `{"format": "inreach", "version": 1,
		"people": [{"id": "p3", "name": "Cara Lee", "status": "community", "referral": "new",
			"needs": [{"area": "benefits_debt", "status": "met", "note": "Sorted"}]}],
		"contacts": [{"id": "c9", "date": "2026-11-01", "kind": "community", "place": "Café",
		"people": [
			{"person": "p1", "seen": true, "needs_discussed": ["housing", "mental_health", "substance_use"]},
			{"person": "p2", "seen": true, "needs_discussed": ["identity_documents"]},
			{"person": "p3", "seen": true, "needs_discussed": ["benefits_debt", "housing"]}]}]}`
	res := importString(t, db, later)
	require.Equal(t, 3, res.NeedsOpened)
	require.Contains(t, res.String(), "open needs added from needs discussed at contacts: 3")

	after, err := exchange.Export(context.Background(), db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Equal(t, append(needsOf(t, before, "p1"), exchange.Need{Area: "mental_health", Status: "open"}), needsOf(t, after, "p1"),
		"her needs stay as they were, the new area added last")
	require.Equal(t, []exchange.Need{{Area: "identity_documents", Status: "open"}}, needsOf(t, after, "p2"),
		"a woman already in the vault gets the need too")
	require.Equal(t, []exchange.Need{{Area: "benefits_debt", Status: "met", Note: "Sorted"}, {Area: "housing", Status: "open"}}, needsOf(t, after, "p3"),
		"a met need is not reopened by a contact")

	// Nothing else changed: take out what the later file added and the rest
	// is the export from before.
	var contacts []exchange.Contact
	for _, c := range after.Contacts {
		if c.ID != "c9" {
			contacts = append(contacts, c)
		}
	}
	var people []exchange.Person
	for _, p := range after.People {
		if p.ID == "p3" {
			continue
		}
		p.Needs = needsOf(t, before, p.ID)
		people = append(people, p)
	}
	after.Contacts, after.People, after.ExportedAt = contacts, people, before.ExportedAt
	require.Equal(t, writeText(t, before), writeText(t, after))
}

func TestOpenDiscussedNeedsMakesADocumentThatImportsWithoutAddingNeeds(t *testing.T) {
	d := readString(t, `{"format": "inreach", "version": 1,
		"people": [{"id": "p1", "name": "Ann", "status": "community", "referral": "new", "needs": []}],
		"contacts": [{"id": "c1", "date": "2026-11-01", "kind": "phone",
			"people": [{"person": "p1", "seen": true, "needs_discussed": ["housing", "immigration"]}]},
			{"id": "c2", "date": "2026-11-02", "kind": "phone",
			"people": [{"person": "p1", "seen": true, "needs_discussed": ["immigration"]}]}]}`)
	require.Equal(t, 2, exchange.OpenDiscussedNeeds(d))
	require.Equal(t, []exchange.Need{{Area: "housing", Status: "open"}, {Area: "immigration", Status: "open"}}, d.People[0].Needs)
	require.Zero(t, exchange.OpenDiscussedNeeds(d), "applying it twice adds nothing")
	db := openDB(t)
	res, err := exchange.Import(context.Background(), db, d)
	require.NoError(t, err)
	require.Zero(t, res.NeedsOpened)
}
