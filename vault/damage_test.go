package vault

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// damagedVault makes a vault with two backups and returns its path, its
// bytes, its recovery key and its backups (newest first).
func damagedVault(t *testing.T) (string, []byte, string, []string) {
	t.Helper()
	v, path, rk := newVault(t, testOpts())
	for i := 0; i < 40; i++ {
		putNote(t, v.DB(), i, fmt.Sprintf("note number %d with some words in it", i))
	}
	saveAndCompact(t, v)
	putNote(t, v.DB(), 1, "changed")
	saveAndCompact(t, v)
	backups, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, backups, 2)
	require.NoError(t, v.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return path, data, rk, backups
}

// requireDamaged checks err is a *DamagedError naming backup.
func requireDamaged(t *testing.T, err error, backup string, msg string) {
	t.Helper()
	require.ErrorIs(t, err, ErrDamaged, msg)
	var de *DamagedError
	require.True(t, errors.As(err, &de), msg)
	require.Equal(t, backup, de.NewestBackup, msg)
	require.NotEmpty(t, de.Reason)
}

func TestEveryHeaderByteFlippedIsCaught(t *testing.T) {
	path, data, _, backups := damagedVault(t)
	_, hlen, err := parseHeader(data)
	require.NoError(t, err)
	for i := 0; i < hlen; i++ {
		for _, mask := range []byte{0x01, 0x80} {
			bad := append([]byte(nil), data...)
			bad[i] ^= mask
			require.NoError(t, os.WriteFile(path, bad, 0o600))
			v, err := Open(path, testPass, testOpts())
			msg := fmt.Sprintf("byte %d ^ %#x", i, mask)
			require.Nil(t, v, msg)
			if i < len(magic) {
				require.ErrorIs(t, err, ErrNotVault, msg)
			} else {
				requireDamaged(t, err, backups[0], msg)
			}
		}
	}
}

func TestFlippedBodyBytesAreCaughtAndTheBackupIsNamed(t *testing.T) {
	path, data, rk, backups := damagedVault(t)
	_, hlen, err := parseHeader(data)
	require.NoError(t, err)
	body := len(data) - hlen
	var offsets []int
	for k := 0; k < 97; k++ {
		offsets = append(offsets, hlen+k*(body-1)/96)
	}
	for _, i := range offsets {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x10
		require.NoError(t, os.WriteFile(path, bad, 0o600))
		v, err := Open(path, testPass, testOpts())
		require.Nil(t, v)
		requireDamaged(t, err, backups[0], fmt.Sprintf("body byte %d", i))
		require.Contains(t, err.Error(), backups[0])
		require.Contains(t, err.Error(), "authentication")
	}
	// The same through the recovery key, and a wrong passphrase still says
	// wrong passphrase (the header is intact, the key does not unwrap).
	_, err = OpenWithRecoveryKey(path, rk, testOpts())
	requireDamaged(t, err, backups[0], "recovery key")
	_, err = Open(path, []byte("wrong"), testOpts())
	require.ErrorIs(t, err, ErrWrongPassphrase)
}

func TestTruncatedAndExtendedFilesAreCaught(t *testing.T) {
	path, data, _, backups := damagedVault(t)
	_, hlen, err := parseHeader(data)
	require.NoError(t, err)
	var lengths []int
	for n := 0; n <= hlen+40; n++ {
		lengths = append(lengths, n)
	}
	for k := 1; k < 60; k++ {
		lengths = append(lengths, hlen+k*(len(data)-hlen)/60)
	}
	lengths = append(lengths, len(data)-1)
	for _, n := range lengths {
		require.NoError(t, os.WriteFile(path, data[:n], 0o600))
		v, err := Open(path, testPass, testOpts())
		require.Nil(t, v)
		requireDamaged(t, err, backups[0], fmt.Sprintf("cut at %d of %d", n, len(data)))
	}
	// A byte after the base image is the start of a record a crash cut
	// short: dropped, reported, and the vault opens as it was.
	require.NoError(t, os.WriteFile(path, append(append([]byte(nil), data...), 0), 0o600))
	v, err := Open(path, testPass, testOpts())
	require.NoError(t, err, "one byte added")
	require.Equal(t, int64(1), v.Journal().TornBytes)
	require.Equal(t, "changed", getNote(t, v.DB(), 1))
	require.NoError(t, v.Close())
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, data, after, "the stray byte was cut off and nothing else changed")
}

func TestDamagedErrorNamesTheNewestBackupThatOpensWithTheSameKey(t *testing.T) {
	path, data, rk, backups := damagedVault(t)
	bad := append([]byte(nil), data...)
	bad[len(bad)-1] ^= 1
	require.NoError(t, os.WriteFile(path, bad, 0o600))

	// Newest backup damaged too: the older one is named.
	b0, err := os.ReadFile(backups[0])
	require.NoError(t, err)
	b0[len(b0)-5] ^= 1
	require.NoError(t, os.WriteFile(backups[0], b0, 0o600))
	_, err = Open(path, testPass, testOpts())
	requireDamaged(t, err, backups[1], "newest backup damaged")
	r, err := OpenWithRecoveryKey(backups[1], rk, Options{ReadOnly: true})
	require.NoError(t, err, "the named backup really opens")
	require.NoError(t, r.Close())

	// No good backup at all.
	require.NoError(t, os.Remove(backups[1]))
	_, err = Open(path, testPass, testOpts())
	requireDamaged(t, err, "", "no good backup")
	require.Contains(t, err.Error(), "no good backup")
}

func TestBackupsUnderAnOldPassphraseAreNotNamed(t *testing.T) {
	v, path, rk := newVault(t, testOpts()) // passphrase A
	putNote(t, v.DB(), 1, "under A")
	saveAndCompact(t, v) // backup 1: the created file and its journal (A)
	newPass := []byte("passphrase B")
	require.NoError(t, v.ChangePassphraseKeepingRecoveryKey(newPass, rk)) // backup 2: previous file (A)
	putNote(t, v.DB(), 1, "under B")
	saveAndCompact(t, v) // backup 3: previous file (B)
	backups, err := v.Backups()
	require.NoError(t, err)
	require.Len(t, backups, 3)
	require.NoError(t, v.Close())

	damage := func(p string) {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		b[len(b)-1] ^= 1
		require.NoError(t, os.WriteFile(p, b, 0o600))
	}
	damage(path)
	_, err = Open(path, newPass, testOpts())
	requireDamaged(t, err, backups[0], "B finds the B backup")

	damage(backups[0])
	_, err = Open(path, newPass, testOpts())
	requireDamaged(t, err, "", "the remaining backups are under A")
	_, err = OpenWithRecoveryKey(path, rk, testOpts())
	requireDamaged(t, err, backups[1], "the recovery key opens them all")
	r, err := Open(backups[1], testPass, Options{ReadOnly: true})
	require.NoError(t, err)
	require.Equal(t, "under A", getNote(t, r.DB(), 1))
	require.NoError(t, r.Close())
}

func TestAbsurdKDFSettingsAreDamageAndNeverRun(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	h, n, err := parseHeader(data)
	require.NoError(t, err)
	for _, k := range []KDFParams{
		{Time: 1, MemoryKiB: maxKDFMemoryKiB + 1, Threads: 1},
		{Time: 1, MemoryKiB: ^uint32(0), Threads: 4},
		{Time: 101, MemoryKiB: 64, Threads: 1},
		{Time: ^uint32(0), MemoryKiB: 64, Threads: 1},
		{Time: 0, MemoryKiB: 64, Threads: 1},
		{Time: 1, MemoryKiB: 64, Threads: 0},
		{Time: 1, MemoryKiB: 16, Threads: 4},
	} {
		g := h.clone()
		g.KDF = k
		forged := append(g.marshal(), data[n:]...)
		require.NoError(t, os.WriteFile(path, forged, 0o600))
		_, err := Open(path, testPass, testOpts())
		requireDamaged(t, err, "", fmt.Sprintf("%+v", k))
		require.Contains(t, err.Error(), "key-derivation settings")
	}
}

func TestFilesThatAreNotVaultsAreRecognised(t *testing.T) {
	dir := t.TempDir()
	sqlite := append([]byte(sqliteMagic), make([]byte, 4080)...)
	for name, content := range map[string][]byte{
		"text":    []byte("Dear Sarah, thank you for your letter.\n"),
		"sqlite":  sqlite,
		"binary":  {0x00, 0x01, 0x02, 0xff, 0xfe},
		"almost":  []byte("INREACH-VAULT\x00\n\n" + "rest of a text-mode copy"),
		"similar": []byte("INREACH-VAULTS are great"),
	} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, content, 0o600))
		_, err := Open(p, testPass, testOpts())
		require.ErrorIs(t, err, ErrNotVault, name)
		require.False(t, errors.Is(err, ErrDamaged), name)
	}
}
