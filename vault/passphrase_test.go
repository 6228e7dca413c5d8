package vault

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

func TestPassphraseTypedInAnotherNormalFormOpensTheVault(t *testing.T) {
	nfc := []byte("Caf\u00e9 au lait, s'il vous pla\u00eet")
	nfd := norm.NFD.Bytes(nfc)
	require.False(t, bytes.Equal(nfc, nfd), "the two forms really differ")
	for _, c := range []struct{ made, typed []byte }{{nfc, nfd}, {nfd, nfc}} {
		path := t.TempDir() + "/inreach.vault"
		v, _, err := Create(path, c.made, testOpts())
		require.NoError(t, err)
		require.NoError(t, v.Close())
		w, err := Open(path, c.typed, testOpts())
		require.NoError(t, err)
		require.NoError(t, w.Close())
		_, err = Open(path, []byte("Cafe au lait, s'il vous plait"), testOpts())
		require.ErrorIs(t, err, ErrWrongPassphrase, "normalization is not folding accents away")
	}
}

func TestOldVaultWithADecomposedPassphraseOpensAndIsRewrappedUnderNFC(t *testing.T) {
	path := copyFixture(t, "format1-nfd.vault")
	typed := []byte(format1NFD) // as it was typed when the vault was made
	precomposed := norm.NFC.Bytes(typed)
	require.False(t, bytes.Equal(typed, precomposed))

	_, err := Open(path, precomposed, Options{ReadOnly: true})
	require.ErrorIs(t, err, ErrWrongPassphrase, "before the re-wrap, only the typed bytes open it")
	r, err := Open(path, typed, Options{ReadOnly: true})
	require.NoError(t, err, "the typed bytes are tried once")
	require.NoError(t, r.Close())

	v, err := Open(path, typed, testOpts()) // read-write: re-wrapped and saved
	require.NoError(t, err)
	require.False(t, v.Changed())
	require.NoError(t, v.Close())
	for _, p := range [][]byte{precomposed, typed} {
		w, err := Open(path, p, Options{ReadOnly: true})
		require.NoError(t, err)
		require.Equal(t, "written by format 1", getNote(t, w.DB(), 1))
		require.NoError(t, w.Close())
	}
}

func TestCheckPassphraseRefusesShortOnesCountingCharactersNotBytes(t *testing.T) {
	require.Error(t, CheckPassphrase([]byte("short")))
	require.Error(t, CheckPassphrase([]byte("e\u0301e\u0301e\u0301e\u0301")), "4 characters once composed, 8 code points")
	require.Error(t, CheckPassphrase([]byte{0xff, 0xfe, 'a', 'b', 'c', 'd', 'e', 'f', 'g'}), "not text")
	require.NoError(t, CheckPassphrase([]byte("\u00e9t\u00e9 \u00e0 Paris")))
	require.NoError(t, CheckPassphrase([]byte("12345678")), "weak ones are warned about, not refused")
}

func TestVeryWeakPassphrasesAreFlaggedWithAnEstimate(t *testing.T) {
	for _, p := range []string{"        ", "12345678", "aaaaaaaa", "password", "qwertyuiop", "abcdefgh", "87654321", "PASSWORD1"} {
		s := EstimatePassphrase([]byte(p))
		require.True(t, s.VeryWeak, "%q: %.1f bits", p, s.Bits)
		require.Contains(t, s.Warning(), "very weak", p)
		require.Contains(t, s.Warning(), "bits", p)
	}
	for _, p := range []string{"Tr4in-s0up-Gl0ve!", "violet anchor quarry mitten lantern", "k7#Qz!p2Lw9@xR4v"} {
		s := EstimatePassphrase([]byte(p))
		require.False(t, s.Weak, "%q: %.1f bits", p, s.Bits)
		require.Empty(t, s.Warning(), p)
	}
	weak := EstimatePassphrase([]byte("sunny day"))
	require.True(t, weak.Weak)
}

func TestKDFSettingsAboveWhatInreachWritesAreRefusedBeforeArgon2(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, k := range []KDFParams{
		{Time: 1, MemoryKiB: 300 << 10, Threads: 1}, // 300 MiB: allowed before, never written by Inreach
		{Time: 11, MemoryKiB: 64, Threads: 1},
		{Time: 1, MemoryKiB: 1024, Threads: 17},
	} {
		h, n, err := parseHeader(data)
		require.NoError(t, err)
		h.KDF = k
		forged := append(h.marshal(), data[n:]...)
		p := t.TempDir() + "/forged.vault"
		require.NoError(t, os.WriteFile(p, forged, 0o600))
		_, err = Open(p, testPass, Options{ReadOnly: true})
		// Damage, not a wrong passphrase: the KDF was never run.
		require.ErrorIs(t, err, ErrDamaged, "%+v", k)
		require.Contains(t, err.Error(), "key-derivation settings")
		_, _, err = Create(t.TempDir()+"/new.vault", testPass, Options{KDF: k})
		require.Error(t, err, "Inreach never writes what it would refuse to read")
	}
}
