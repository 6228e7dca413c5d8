package vault

import (
	"bytes"
	"os"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// dataKeyOf unwraps the data key of the vault file data with cred.
func dataKeyOf(t *testing.T, data []byte, cred *credential) []byte {
	t.Helper()
	h, _, err := parseHeader(data)
	require.NoError(t, err)
	dk, _, err := cred.unwrap(h)
	require.NoError(t, err)
	return dk
}

// opensWith reports whether dk opens the body of the vault file at path.
func opensWith(t *testing.T, dk []byte, path string) bool {
	t.Helper()
	_, err := imageOfFile(path, dk)
	return err == nil
}

func TestOldPassphraseWithAnOldCopyOrBackupOpensNothingSavedAfterTheChange(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "before the change")
	saveAndCompact(t, v)
	oldCopy, err := os.ReadFile(path) // someone took a copy of the file
	require.NoError(t, err)

	newPass := []byte("a new passphrase after a scare")
	require.NoError(t, v.ChangePassphraseKeepingRecoveryKey(newPass, rk))
	putNote(t, v.DB(), 1, "after the change")
	saveAndCompact(t, v)
	putNote(t, v.DB(), 2, "later still")
	saveAndCompact(t, v)
	backups, err := v.Backups()
	require.NoError(t, err)
	// Newest first: the files the compactions after save 2 and after the
	// change replaced, the one before the change, and the created one.
	require.Len(t, backups, 4)

	_, err = Open(path, testPass, Options{ReadOnly: true})
	require.ErrorIs(t, err, ErrWrongPassphrase, "the old passphrase does not open the new file")

	// The old passphrase unwraps the old data key from the old copy and from
	// the old backup in backups/ ...
	old := &credential{passphrase: testPass}
	defer old.wipe()
	fromCopy := dataKeyOf(t, oldCopy, old)
	oldBackup, err := os.ReadFile(backups[2])
	require.NoError(t, err)
	fromBackup := dataKeyOf(t, oldBackup, old)
	require.True(t, opensWith(t, fromBackup, backups[2]), "the old backup still shows what was in it then")
	// ... but that key opens nothing saved from the change on.
	for _, dk := range [][]byte{fromCopy, fromBackup} {
		for _, p := range []string{path, backups[0], backups[1]} {
			require.False(t, opensWith(t, dk, p), "the old data key opens %s", p)
		}
	}
	// The recovery key that was kept opens the new file.
	w, err := OpenWithRecoveryKey(path, rk, Options{ReadOnly: true})
	require.NoError(t, err)
	require.Equal(t, "later still", getNote(t, w.DB(), 2))
	require.NoError(t, w.Close())
}

func TestOldRecoveryKeyIsUselessAfterANewOneIsIssued(t *testing.T) {
	v, path, oldRK := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "kept")
	require.NoError(t, v.Save())
	oldCopy, err := os.ReadFile(path)
	require.NoError(t, err)

	newPass := []byte("someone may know the old one")
	newRK, err := v.ChangePassphraseAndRecoveryKey(newPass)
	require.NoError(t, err)
	require.NotEqual(t, oldRK, newRK)
	putNote(t, v.DB(), 2, "after")
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())

	_, err = OpenWithRecoveryKey(path, oldRK, Options{ReadOnly: true})
	require.ErrorIs(t, err, ErrWrongRecoveryKey)
	_, err = Open(path, testPass, Options{ReadOnly: true})
	require.ErrorIs(t, err, ErrWrongPassphrase)
	// The old recovery key with the old copy gives the old data key, which
	// opens nothing saved since.
	rk, err := decodeRecoveryKey(oldRK)
	require.NoError(t, err)
	dk := dataKeyOf(t, oldCopy, &credential{recoveryKey: rk})
	require.False(t, opensWith(t, dk, path))

	for _, open := range []func() (*Vault, error){
		func() (*Vault, error) { return Open(path, newPass, Options{ReadOnly: true}) },
		func() (*Vault, error) { return OpenWithRecoveryKey(path, newRK, Options{ReadOnly: true}) },
	} {
		w, err := open()
		require.NoError(t, err)
		require.Equal(t, "kept", getNote(t, w.DB(), 1))
		require.Equal(t, "after", getNote(t, w.DB(), 2))
		require.NoError(t, w.Close())
	}
}

func TestContentsAreByteIdenticalAfterAPassphraseChange(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	for i := 1; i <= 50; i++ {
		putNote(t, v.DB(), i, "note number "+string(rune('A'+i%26)))
	}
	require.NoError(t, v.Save())
	working := serializeForTest(t, v)
	before := plaintextOf(t, path, v.dataKey)
	require.True(t, bytes.Equal(working, before), "the file holds the working database")
	oldKey := v.dataKey
	oldID := bytes.Clone(v.hdr.VaultID)

	require.NoError(t, v.ChangePassphraseKeepingRecoveryKey([]byte("the second passphrase"), rk))
	require.Equal(t, make([]byte, keyLen), oldKey, "the old data key is wiped")
	require.NotEqual(t, make([]byte, keyLen), v.dataKey)
	require.True(t, bytes.Equal(before, plaintextOf(t, path, v.dataKey)), "the sealed database is byte-identical")
	require.True(t, bytes.Equal(working, serializeForTest(t, v)), "and so is the working one")
	require.Equal(t, oldID, v.hdr.VaultID, "still the same vault: its backups stay its own")
	require.NoError(t, v.Close())

	w, err := Open(path, []byte("the second passphrase"), testOpts())
	require.NoError(t, err)
	defer w.Close()
	for i := 1; i <= 50; i++ {
		require.Equal(t, "note number "+string(rune('A'+i%26)), getNote(t, w.DB(), i))
	}
}

// plaintextOf decrypts the body of the vault file at path with dk.
func plaintextOf(t *testing.T, path string, dk []byte) []byte {
	t.Helper()
	plain, err := imageOfFile(path, dk)
	require.NoError(t, err)
	return plain
}

// imageOfFile decrypts the base image of the vault file at path with dk
// and replays its journal over it.
func imageOfFile(path string, dk []byte) ([]byte, error) {
	vf, err := openVaultFile(path)
	if err != nil {
		return nil, err
	}
	defer vf.Close()
	var img []byte
	err = vf.readBase(dk, nil, func(_ int64, p []byte) error {
		img = append(img, p...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	_, err = vf.readJournal(dk, chain{id: vf.id}, func(r *record) error {
		if int64(len(img)) < r.dbSize {
			img = append(img, make([]byte, r.dbSize-int64(len(img)))...)
		}
		r.apply(img)
		img = img[:r.dbSize]
		return nil
	})
	return img, err
}

func TestFailedPassphraseChangeChangesNothing(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "content")
	require.NoError(t, v.Save())
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	key := bytes.Clone(v.dataKey)

	v.fs = &faultyFS{writeErr: syscall.ENOSPC}
	require.Error(t, v.ChangePassphraseKeepingRecoveryKey([]byte("never takes effect"), rk))
	_, err = v.ChangePassphraseAndRecoveryKey([]byte("never takes effect"))
	require.Error(t, err)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, before, after, "the file on disk is untouched")
	require.Equal(t, key, v.dataKey, "the key in use is the one the file has")

	v.fs = osFS{}
	putNote(t, v.DB(), 1, "saved after the failure")
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())
	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err, "the old passphrase still opens it: it was never changed")
	require.Equal(t, "saved after the failure", getNote(t, w.DB(), 1))
	require.NoError(t, w.Close())
}
