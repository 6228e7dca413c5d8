package identity

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
	"inreach/vault"
)

func TestEnsureMakesTheKeysOnceAndKeepsThem(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	_, err = Load(db)
	require.ErrorIs(t, err, ErrNoIdentity)
	a, err := Ensure(db)
	require.NoError(t, err)
	b, err := Ensure(db)
	require.NoError(t, err)
	require.True(t, a.Public().Equal(b.Public()))
	require.Equal(t, a.Public().String(), b.Public().String())

	other, err := schema.OpenMemory()
	require.NoError(t, err)
	defer other.Close()
	c, err := Ensure(other)
	require.NoError(t, err)
	require.False(t, a.Public().Equal(c.Public()))
	require.NotEqual(t, a.Public().Fingerprint(), c.Public().Fingerprint())
}

func TestTheIDLineParsesBackToTheSameKeysAndFingerprint(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	me, err := Ensure(db)
	require.NoError(t, err)
	line := me.Public().String()
	got, err := ParseID("  " + line + "\n")
	require.NoError(t, err)
	require.True(t, got.Equal(me.Public()))
	fp := got.Fingerprint()
	require.Regexp(t, `^[0-9A-F]{4}( [0-9A-F]{4}){7}$`, fp)
	require.Equal(t, me.Public().Fingerprint(), fp)
}

func TestMalformedIDsAreRefusedPlainly(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	me, err := Ensure(db)
	require.NoError(t, err)
	line := me.Public().String()
	for _, bad := range []string{"", "hello", "age1abc", line[:len(line)-3], line + "A", "inreach1:" + line[9:40], line + ":x",
		"inreach1:" + me.Public().Recipient.String() + ":" + "!!!!"} {
		_, err := ParseID(bad)
		require.ErrorIs(t, err, ErrMalformed, bad)
		require.Contains(t, err.Error(), "not an Inreach ID")
	}
}

func TestTheSignatureChecksWithThePublicKeyOnly(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	me, err := Ensure(db)
	require.NoError(t, err)
	sig := me.Sign([]byte("hello"))
	pub, err := ParseID(me.Public().String())
	require.NoError(t, err)
	require.True(t, verify(pub, []byte("hello"), sig))
	require.False(t, verify(pub, []byte("hellp"), sig))
}

func TestAVaultMadeBeforeIdentitiesGetsItsKeysOnItsFirstOpenAndKeepsThem(t *testing.T) {
	before := 0 // the migrations before the one that makes the identity table
	for i, m := range schema.Migrations {
		if m.Name == "identity, team list and bundles" {
			before = i
		}
	}
	require.Greater(t, before, 2)
	opts := vault.Options{KDF: vault.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}, Migrations: schema.Migrations[:before], Backups: -1}
	path := filepath.Join(t.TempDir(), "old.vault")
	pass := []byte("correct horse battery")
	v, key, err := vault.Create(path, pass, opts)
	require.NoError(t, err)
	_, err = v.DB().Exec(`INSERT INTO people(id, name) VALUES ('p1', 'Ann')`)
	require.NoError(t, err)
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())

	opts.Migrations = schema.Migrations
	v, err = vault.Open(path, pass, opts)
	require.NoError(t, err)
	me, err := Ensure(v.DB())
	require.NoError(t, err)
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())

	v, err = vault.OpenWithRecoveryKey(path, key, opts)
	require.NoError(t, err)
	defer v.Close()
	again, err := Load(v.DB())
	require.NoError(t, err)
	require.Equal(t, me.Public().String(), again.Public().String(), "recovery opens the same identity")
	var n int
	require.NoError(t, v.DB().QueryRow(`SELECT count(*) FROM people`).Scan(&n))
	require.Equal(t, 1, n)
}
