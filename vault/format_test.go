package vault

import (
	"encoding/binary"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// realHeader returns a header written by Create, and its bytes.
func realHeader(t *testing.T) (*header, []byte) {
	t.Helper()
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	h, n, err := parseHeader(data)
	require.NoError(t, err)
	return h, data[:n]
}

func TestHeaderEncodesAndParsesBack(t *testing.T) {
	h, raw := realHeader(t)
	require.Equal(t, raw, h.marshal())
	require.Equal(t, v1Len(saltLen)+v2Extra, len(raw))
	require.Equal(t, uint16(formatVersion), h.Version)
	require.Equal(t, cheapKDF, h.KDF)
	require.Len(t, h.Salt, saltLen)

	g := h.clone()
	g.Salt = g.Salt[:minSaltLen]
	back, n, err := parseHeader(g.marshal())
	require.NoError(t, err)
	require.Equal(t, v1Len(minSaltLen)+v2Extra, n)
	require.Equal(t, g, back)
}

func TestHeaderParserNamesEachProblem(t *testing.T) {
	h, raw := realHeader(t)
	mutate := func(f func(g *header)) []byte {
		g := h.clone()
		f(g)
		return g.marshal()
	}
	withLen := func(b []byte, n uint32) []byte {
		b = append(append([]byte(nil), b...), make([]byte, 64)...)
		binary.LittleEndian.PutUint32(b[len(magic)+2:], n)
		if fixed := withChecksum(b); fixed != nil {
			return fixed
		}
		return b
	}
	cases := []struct {
		name   string
		data   []byte
		reason string // "" for ErrNotVault, "newer" for ErrNewerVersion
	}{
		{"not a vault", []byte("hello, this is not a vault at all"), ""},
		{"empty", nil, "cut short"},
		{"magic prefix", []byte(magic[:5]), "cut short"},
		{"frame cut", raw[:frameLen-1], "cut short"},
		{"header cut", raw[:len(raw)-1], "cut short"},
		{"checksum", append(append([]byte(nil), raw[:len(raw)-1]...), raw[len(raw)-1]^1), "checksum"},
		{"length too small", withLen(raw, 10), "impossible length"},
		{"length too big", withLen(raw, maxHeaderLen+1), "impossible length"},
		{"length off by one", withLen(raw, uint32(len(raw)+1)), "wrong length"},
		{"version zero", mutate(func(g *header) { g.Version = 0 }), "version is zero"},
		{"newer version", mutate(func(g *header) { g.Version = 7 }), "newer"},
		{"short salt", mutate(func(g *header) { g.Salt = g.Salt[:15] }), "salt"},
		{"wrap length", mutate(func(g *header) { g.PassWrap = append(g.PassWrap, 1) }), "passphrase key"},
		{"recovery wrap length", mutate(func(g *header) { g.RecWrap = g.RecWrap[:40] }), "recovery key"},
		{"kdf", mutate(func(g *header) { g.KDF.MemoryKiB = maxKDFMemoryKiB + 1 }), "key-derivation"},
		{"body length", mutate(func(g *header) { g.BodyLen = 3 }), "contents"},
	}
	for _, c := range cases {
		_, _, err := parseHeader(c.data)
		require.Error(t, err, c.name)
		var fe *formatError
		switch c.reason {
		case "":
			require.ErrorIs(t, err, ErrNotVault, c.name)
		case "newer":
			require.ErrorIs(t, err, ErrNewerVersion, c.name)
			require.Contains(t, err.Error(), "version 7")
		default:
			require.True(t, errors.As(err, &fe), "%s: %v", c.name, err)
			require.Contains(t, fe.reason, c.reason, c.name)
		}
	}
}

func TestKeyWrapsAreBoundToTheirSettings(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	h, n, err := parseHeader(data)
	require.NoError(t, err)

	// A header whose KDF settings were swapped (checksum made right) does not
	// unwrap: the settings are the wrap's associated data.
	g := h.clone()
	g.KDF.Time = 2
	forged := append(g.marshal(), data[n:]...)
	require.NoError(t, os.WriteFile(path, forged, 0o600))
	_, err = Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrWrongPassphrase)

	// Swapping the body nonce (checksum made right) is damage: the key opens,
	// the body does not.
	g = h.clone()
	g.BodyNonce[0] ^= 1
	forged = append(g.marshal(), data[n:]...)
	require.NoError(t, os.WriteFile(path, forged, 0o600))
	_, err = Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrDamaged)
}

func TestRecoveryKeyEncodingRoundTrips(t *testing.T) {
	for i := 0; i < 200; i++ {
		key := randomBytes(keyLen)
		s := encodeRecoveryKey(key)
		require.Len(t, s, recoveryChars+recoveryChars/4-1)
		for _, c := range s {
			require.True(t, c == '-' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'), s)
		}
		got, err := decodeRecoveryKey(s)
		require.NoError(t, err)
		require.Equal(t, key, got)
	}
	// Crockford's look-alikes are read as the digits they resemble.
	key := make([]byte, keyLen)
	s := encodeRecoveryKey(key) // all zero: "0000-…"
	got, err := decodeRecoveryKey(replaceAll(s, '0', 'O'))
	require.NoError(t, err)
	require.Equal(t, key, got)
	got, err = decodeRecoveryKey(replaceAll(s, '0', 'o'))
	require.NoError(t, err)
	require.Equal(t, key, got)
}

func TestRecoveryKeyCatchesEverySingleCharacterTypo(t *testing.T) {
	key := randomBytes(keyLen)
	s := []byte(encodeRecoveryKey(key))
	caught := 0
	for i, c := range s {
		if c == '-' {
			continue
		}
		for _, r := range crockford {
			if byte(r) == c {
				continue
			}
			typo := append([]byte(nil), s...)
			typo[i] = byte(r)
			_, err := decodeRecoveryKey(string(typo))
			require.ErrorIs(t, err, ErrWrongRecoveryKey)
			caught++
		}
	}
	require.Equal(t, recoveryChars*31, caught)
}

func replaceAll(s string, from, to byte) string {
	b := []byte(s)
	for i := range b {
		if b[i] == from {
			b[i] = to
		}
	}
	return string(b)
}
