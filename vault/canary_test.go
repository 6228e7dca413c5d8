package vault

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/require"
)

// TestPlaintextNeverReachesTheDisk writes a unique string into the
// database, saves several times with backups, writes a backup copy, and then
// looks for the string in every file in the vault's folder and in the copy.
func TestPlaintextNeverReachesTheDisk(t *testing.T) {
	canary := "CANARY-" + hex.EncodeToString(randomBytes(16))
	v, path, rk := newVault(t, testOpts())
	dir := filepath.Dir(path)
	_, err := v.DB().Exec(`CREATE VIRTUAL TABLE ft USING fts5 (body)`)
	require.NoError(t, err)
	for i := 0; i < 5; i++ {
		putNote(t, v.DB(), i, canary+strings.Repeat(" more words", i*200))
		_, err := v.DB().Exec(`INSERT INTO ft (body) VALUES (?)`, canary)
		require.NoError(t, err)
		require.NoError(t, v.Save()) // into the journal
		if i%2 == 1 {
			require.NoError(t, v.Compact()) // a new base, the old file a backup
		}
	}
	// Saves since the last compaction are in the journal, sealed.
	putNote(t, v.DB(), 99, canary+" in the journal only")
	require.NoError(t, v.Save())
	require.Positive(t, v.Journal().Records)
	copyDir := t.TempDir()
	copyPath := filepath.Join(copyDir, "copy.vault")
	require.NoError(t, v.WriteBackup(copyPath))
	require.NoError(t, v.ChangePassphraseKeepingRecoveryKey([]byte("another passphrase"), rk))

	// The canary is really in the database, so the search below can fail.
	var n int
	require.NoError(t, v.DB().QueryRow(`SELECT count(*) FROM notes WHERE body LIKE ?`, canary+"%").Scan(&n))
	require.Equal(t, 6, n)
	img := serializeForTest(t, v)
	require.True(t, bytes.Contains(img, []byte(canary)))

	needles := [][]byte{[]byte(canary), []byte(strings.ToLower(canary)), utf16le(canary)}
	files := 0
	for _, root := range []string{dir, copyDir} {
		require.NoError(t, filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			require.NoError(t, err)
			if d.IsDir() {
				return nil
			}
			files++
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			for _, nd := range needles {
				require.False(t, bytes.Contains(b, nd), "plaintext found in %s", p)
			}
			return nil
		}))
	}
	require.GreaterOrEqual(t, files, 6, "the vault (with its journal), its lock, three backups and the copy were searched")
}

// serializeForTest returns the working database's image.
func serializeForTest(t *testing.T, v *Vault) []byte {
	t.Helper()
	var img []byte
	require.NoError(t, rawConn(v.DB(), func(c *sqlite3.SQLiteConn) error {
		var err error
		img, err = serializeImage(c)
		return err
	}))
	return img
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}
