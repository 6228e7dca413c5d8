package team

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/identity"
	"inreach/schema"
)

func newVaultDB(t *testing.T) (*sql.DB, *identity.Identity) {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	me, err := identity.Ensure(db)
	require.NoError(t, err)
	return db, me
}

func dump(t *testing.T, db *sql.DB) []Member {
	ms, err := List(db)
	require.NoError(t, err)
	return ms
}

func TestAddingListingAndRemovingTeamMembers(t *testing.T) {
	db, _ := newVaultDB(t)
	_, sam := newVaultDB(t)
	_, kay := newVaultDB(t)
	_, err := Add(db, "Sam Cole", sam.Public().String(), "supervisor", true)
	require.NoError(t, err)
	_, err = Add(db, "Kay Lin", kay.Public().String(), "", false)
	require.NoError(t, err)
	ms := dump(t, db)
	require.Len(t, ms, 2)
	require.Equal(t, "Kay Lin", ms[0].Name)
	require.Equal(t, "colleague", ms[0].Role)
	require.False(t, ms[0].Verified)
	require.Equal(t, "supervisor", ms[1].Role)
	require.True(t, ms[1].Verified)
	require.Equal(t, sam.Public().Fingerprint(), ms[1].Fingerprint())
	m, err := ByID(db, kay.Public())
	require.NoError(t, err)
	require.Equal(t, "Kay Lin", m.Name)

	require.NoError(t, SetVerified(db, "kay lin", true))
	require.NoError(t, Remove(db, "Sam Cole"))
	ms = dump(t, db)
	require.Len(t, ms, 1)
	require.True(t, ms[0].Verified)
	_, err = ByID(db, sam.Public())
	require.ErrorIs(t, err, ErrNotMember)
	require.Error(t, Remove(db, "Sam Cole"))
}

func TestMalformedOwnAndDuplicateIDsAreRefusedAndNothingChanges(t *testing.T) {
	db, me := newVaultDB(t)
	_, sam := newVaultDB(t)
	_, kay := newVaultDB(t)
	_, err := Add(db, "Sam Cole", sam.Public().String(), "supervisor", false)
	require.NoError(t, err)
	before := dump(t, db)

	cases := []struct{ name, id, role, want string }{
		{"Kay Lin", "inreach1:nonsense", "", "not an Inreach ID"},
		{"Me", me.Public().String(), "", "this vault's own Inreach ID"},
		{"Sam Again", sam.Public().String(), "", "already on the team list as Sam Cole"},
		{"sam cole", kay.Public().String(), "", "Sam Cole is already on the team list"},
		{"Kay Lin", kay.Public().String(), "boss", "the role must be one of"},
		{"  ", kay.Public().String(), "", "give the person a name"},
	}
	for _, c := range cases {
		_, err := Add(db, c.name, c.id, c.role, false)
		require.Error(t, err, c.name)
		require.Contains(t, err.Error(), c.want)
		require.Equal(t, before, dump(t, db))
	}
}
