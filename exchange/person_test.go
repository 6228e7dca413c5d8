package exchange_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/exchange"
)

func ids[T any](list []T, id func(T) string) []string {
	out := []string{}
	for _, x := range list {
		out = append(out, id(x))
	}
	return out
}

func TestExportOfOnePersonHoldsOnlyHerRecords(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	d, err := exchange.Export(context.Background(), db, exchange.ExportOptions{PersonID: "p1"})
	require.NoError(t, err)

	require.Equal(t, []string{"p1"}, ids(d.People, func(p exchange.Person) string { return p.ID }))
	require.Equal(t, []string{"e1"}, ids(d.Establishments, func(e exchange.Establishment) string { return e.ID }))
	require.Equal(t, []string{"a1"}, ids(d.Agencies, func(a exchange.Agency) string { return a.ID }))
	require.Equal(t, []string{"c1"}, ids(d.Contacts, func(c exchange.Contact) string { return c.ID }))
	require.Equal(t, []string{"p1"}, ids(d.Contacts[0].People, func(c exchange.ContactPerson) string { return c.Person }))
	require.Equal(t, []string{"t1"}, ids(d.Actions, func(a exchange.Action) string { return a.ID }))
	require.Equal(t, []string{"v1"}, ids(d.Events, func(e exchange.Event) string { return e.ID }))
	require.Equal(t, []string{"l1"}, ids(d.Letters, func(l exchange.Letter) string { return l.ID }))
	// d1 is linked to her visit; d2 names her ("ann smith's"); d3 names
	// "Ann Smithson", which is not her.
	require.Equal(t, []string{"d1", "d2"}, ids(d.Diary, func(e exchange.DiaryEntry) string { return e.ID }))
	require.Len(t, d.Supervision, 1)
	require.Equal(t, []string{"d1", "d2"}, d.Supervision[0].Entries)
	require.Equal(t, map[string]string{"d1": "Good practice."}, d.Supervision[0].Comments)
	require.Len(t, d.Newsletters, 1)
	require.Equal(t, []string{"p1"}, d.Newsletters[0].SentTo)

	text := writeText(t, d)
	require.NotContains(t, text, "Beth")
	require.NotContains(t, text, `"p2"`)

	// The file stands on its own: it imports into an empty vault.
	empty := openDB(t)
	_, err = exchange.Import(context.Background(), empty, d)
	require.NoError(t, err)
}

func TestExportOfAPersonWhoDoesNotExistIsAnError(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	_, err := exchange.Export(context.Background(), db, exchange.ExportOptions{PersonID: "p404"})
	require.ErrorContains(t, err, `"p404"`)
}

func TestEveryPersonExportOfTheDemoIsHersAlone(t *testing.T) {
	d, err := demo.Generate("small", 3)
	require.NoError(t, err)
	db := openDB(t)
	_, err = exchange.Import(context.Background(), db, d)
	require.NoError(t, err)
	for _, p := range d.People {
		one, err := exchange.Export(context.Background(), db, exchange.ExportOptions{PersonID: p.ID})
		require.NoError(t, err)
		require.Len(t, one.People, 1)
		for _, c := range one.Contacts {
			for _, row := range c.People {
				require.Equal(t, p.ID, row.Person)
			}
		}
		for _, a := range one.Actions {
			require.Equal(t, p.ID, *a.Person)
		}
		for _, e := range one.Events {
			require.Equal(t, p.ID, e.Person)
		}
		for _, l := range one.Letters {
			require.Equal(t, p.ID, l.Person)
		}
		for _, n := range one.Newsletters {
			require.Equal(t, []string{p.ID}, n.SentTo)
		}
		entries := map[string]bool{}
		for _, e := range one.Diary {
			entries[e.ID] = true
		}
		for _, s := range one.Supervision {
			require.NotEmpty(t, s.Entries)
			for _, e := range s.Entries {
				require.True(t, entries[e])
			}
		}
		// No other woman's name appears in her contact notes' rows.
		text := writeText(t, one)
		for _, other := range d.People {
			if other.ID != p.ID {
				require.NotContains(t, text, `"person": "`+other.ID+`"`)
				require.False(t, strings.Contains(text, `"`+other.ID+`"`), "another woman's id in %s's export", p.ID)
			}
		}
		_, err = exchange.Import(context.Background(), openDB(t), one)
		require.NoError(t, err, "person export of %s does not import on its own", p.ID)
	}
}
