package vault

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// cheapKDF keeps tests fast; one test covers DefaultKDF.
var cheapKDF = KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

var testPass = []byte("correct horse battery staple")

// testMigrations is a small schema in two steps.
var testMigrations = []Migration{
	{Version: 1, Name: "notes", SQL: `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);`},
	{Version: 2, Name: "tags", SQL: `CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes(id), tag TEXT NOT NULL);`},
}

func testOpts() Options { return Options{KDF: cheapKDF, Migrations: testMigrations} }

// newVault creates a vault in a fresh folder and returns it, its path and
// its recovery key. The vault is closed at the end of the test.
func newVault(t testing.TB, opts Options) (*Vault, string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inreach.vault")
	v, rk, err := Create(path, testPass, opts)
	require.NoError(t, err)
	t.Cleanup(func() { v.Close() })
	return v, path, rk
}

func putNote(t testing.TB, db *sql.DB, id int, body string) {
	t.Helper()
	_, err := db.Exec(`INSERT INTO notes (id, body) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET body = excluded.body`, id, body)
	require.NoError(t, err)
}

func getNote(t testing.TB, db *sql.DB, id int) string {
	t.Helper()
	var s string
	require.NoError(t, db.QueryRow(`SELECT body FROM notes WHERE id = ?`, id).Scan(&s))
	return s
}

// reopen closes v and opens the vault at path again with the passphrase.
func reopen(t testing.TB, v *Vault, path string, opts Options) *Vault {
	t.Helper()
	require.NoError(t, v.Close())
	w, err := Open(path, testPass, opts)
	require.NoError(t, err)
	t.Cleanup(func() { w.Close() })
	return w
}

// listDir returns the names in dir, or nil when it does not exist.
func listDir(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// saveAndCompact saves v and folds its journal into a new base image,
// which keeps the file it replaces as a backup.
func saveAndCompact(t testing.TB, v *Vault) {
	t.Helper()
	require.NoError(t, v.Save())
	require.NoError(t, v.Compact())
}
