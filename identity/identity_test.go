package identity

import (
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
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
