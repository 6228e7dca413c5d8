package schema

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMigrationsApplyToAnEmptyDatabase(t *testing.T) {
	db, err := OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	var v int
	require.NoError(t, db.QueryRow("PRAGMA user_version").Scan(&v))
	require.Equal(t, len(Migrations), v)
}

func TestDeletingAContactRemovesItsPerWomanRows(t *testing.T) {
	db, err := OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	for _, q := range []string{
		`INSERT INTO people(id,name) VALUES('p1','Ann')`,
		`INSERT INTO contacts(id,date,kind) VALUES('c1','2025-07-04','prison_visit')`,
		`INSERT INTO contact_people(contact_id,person_id,seen) VALUES('c1','p1',1)`,
		`INSERT INTO contact_items(contact_id,person_id,item,quantity) VALUES('c1','p1','stamps',6)`,
		`DELETE FROM contacts WHERE id='c1'`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
	var n int
	require.NoError(t, db.QueryRow(`SELECT (SELECT count(*) FROM contact_people)+(SELECT count(*) FROM contact_items)`).Scan(&n))
	require.Zero(t, n)
}

func TestParseDateRefusesDaysThatDoNotExist(t *testing.T) {
	for _, bad := range []string{"2025-02-30", "2025-13-01", "25-1-1", "", "2025-07-04T00:00"} {
		_, err := ParseDate(bad)
		require.Error(t, err, bad)
	}
	_, err := ParseDate("2024-02-29")
	require.NoError(t, err)
}

func TestEnumLabelsRoundTrip(t *testing.T) {
	for _, e := range []Enum{ContactKind, PersonStatus, NeedArea, EventKind, Item} {
		for _, v := range e.Values {
			got, ok := e.ValueOf(e.Label(v))
			require.True(t, ok)
			require.Equal(t, v, got)
		}
	}
}
