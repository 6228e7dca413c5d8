package vault

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/internal/wine"
	"inreach/owneronly"
)

func TestDataSurvivesSaveCloseAndOpen(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "first visit went well")
	_, err := v.DB().Exec(`INSERT INTO tags (note_id, tag) VALUES (1, 'housing')`)
	require.NoError(t, err)
	require.NoError(t, v.Save())

	w := reopen(t, v, path, testOpts())
	require.Equal(t, "first visit went well", getNote(t, w.DB(), 1))
	var tag string
	require.NoError(t, w.DB().QueryRow(`SELECT tag FROM tags WHERE note_id = 1`).Scan(&tag))
	require.Equal(t, "housing", tag)
	require.False(t, w.Changed(), "a fresh open has nothing unsaved")

	// The reopened database grows (it is not a fixed-size deserialized image).
	for i := 2; i < 500; i++ {
		putNote(t, w.DB(), i, strings.Repeat("x", 1000))
	}
	require.NoError(t, w.Save())
	x := reopen(t, w, path, testOpts())
	var n int
	require.NoError(t, x.DB().QueryRow(`SELECT count(*) FROM notes`).Scan(&n))
	require.Equal(t, 499, n)
	ok, err := x.IntegrityCheck()
	require.NoError(t, err)
	require.Equal(t, "ok", ok)
}

func TestOpenAppliesNewMigrationsAndSavesAtOnce(t *testing.T) {
	opts := testOpts()
	opts.Migrations = testMigrations[:1]
	v, path, _ := newVault(t, opts)
	putNote(t, v.DB(), 1, "kept across the upgrade")
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())

	w, err := Open(path, testPass, testOpts()) // knows migration 2 as well
	require.NoError(t, err)
	require.False(t, w.Changed(), "the migrated database was saved at once")
	var ver int
	require.NoError(t, w.DB().QueryRow(`PRAGMA user_version`).Scan(&ver))
	require.Equal(t, 2, ver)
	require.Equal(t, "kept across the upgrade", getNote(t, w.DB(), 1))
	require.NoError(t, w.Close())

	// The file itself holds version 2 now: a read-only open finds nothing to do.
	r, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
	require.NoError(t, err)
	defer r.Close()
	require.False(t, r.Changed())
	require.NoError(t, r.DB().QueryRow(`PRAGMA user_version`).Scan(&ver))
	require.Equal(t, 2, ver)
}

func TestCreateWithoutMigrationsMakesAnEmptyVaultThatOpens(t *testing.T) {
	v, path, _ := newVault(t, Options{KDF: cheapKDF})
	w := reopen(t, v, path, Options{KDF: cheapKDF})
	_, err := w.DB().Exec(`CREATE TABLE t (x)`)
	require.NoError(t, err)
	require.NoError(t, w.Save())
}

func TestDefaultKDFRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inreach.vault")
	v, rk, err := Create(path, testPass, Options{Migrations: testMigrations})
	require.NoError(t, err)
	putNote(t, v.DB(), 1, "default settings")
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	h, _, err := parseHeader(data)
	require.NoError(t, err)
	require.Equal(t, DefaultKDF, h.KDF)

	w, err := Open(path, testPass, Options{Migrations: testMigrations})
	require.NoError(t, err)
	require.Equal(t, "default settings", getNote(t, w.DB(), 1))
	require.Greater(t, w.Timings().KDF, w.Timings().Decrypt/100, "the KDF step is timed")
	require.NoError(t, w.Close())
	w, err = OpenWithRecoveryKey(path, rk, Options{Migrations: testMigrations})
	require.NoError(t, err)
	require.NoError(t, w.Close())
}

func TestWrongPassphraseIsRefused(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	_, err := Open(path, []byte("Correct horse battery staple"), testOpts())
	require.ErrorIs(t, err, ErrWrongPassphrase)
	_, err = Open(path, nil, testOpts())
	require.ErrorIs(t, err, ErrWrongPassphrase)
	require.NotContains(t, err.Error(), string(testPass))
	// The failed attempts left the lock free.
	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err)
	require.NoError(t, w.Close())
}

func TestCreateRefusesAnEmptyPassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inreach.vault")
	_, _, err := Create(path, nil, testOpts())
	require.ErrorIs(t, err, ErrEmptyPassphrase)
	require.Contains(t, err.Error(), "passphrase must not be empty")
	_, _, err = Create(path, []byte{}, testOpts())
	require.ErrorIs(t, err, ErrEmptyPassphrase)
	require.False(t, Exists(path))
}

func TestCreateRefusesAnExistingFileAndAbsurdKDF(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "inreach.vault")
	require.NoError(t, os.WriteFile(path, []byte("precious"), 0o600))
	_, _, err := Create(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrExists)
	got, _ := os.ReadFile(path)
	require.Equal(t, "precious", string(got))

	for _, k := range []KDFParams{{Time: 0, MemoryKiB: 64, Threads: 1}, {Time: 1, MemoryKiB: 64, Threads: 0}, {Time: 1, MemoryKiB: 5 << 20, Threads: 1}, {Time: 101, MemoryKiB: 64, Threads: 1}} {
		_, _, err := Create(filepath.Join(dir, "other.vault"), testPass, Options{KDF: k})
		require.Error(t, err, "%+v", k)
		require.False(t, Exists(filepath.Join(dir, "other.vault")))
	}
}

func TestCreateMakesPrivateFoldersAndFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "inreach.vault")
	v, _, err := Create(path, testPass, testOpts())
	require.NoError(t, err)
	defer v.Close()
	require.Equal(t, path, v.Path())
	require.NoError(t, owneronly.Check(path), "the vault is the user's only")
	require.NoError(t, owneronly.Check(filepath.Dir(path)), "so is the folder made for it")
	require.NoError(t, owneronly.Check(lockPath(path)), "and the lock file")
}

func TestRecoveryKeyOpensTheVaultInAnySpelling(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "recover me")
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())
	require.Len(t, strings.Split(rk, "-"), 14)

	for _, spelling := range []string{
		rk,
		strings.ReplaceAll(rk, "-", ""),
		strings.ToLower(rk),
		strings.ReplaceAll(rk, "-", " "),
		"  " + strings.ToLower(strings.ReplaceAll(rk, "-", "")) + "\n",
	} {
		w, err := OpenWithRecoveryKey(path, spelling, testOpts())
		require.NoError(t, err)
		require.Equal(t, "recover me", getNote(t, w.DB(), 1))
		require.NoError(t, w.Close())
	}
}

func TestWrongRecoveryKeyIsRefused(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	require.NoError(t, v.Close())
	_, other, _ := newVault(t, testOpts())

	// A valid key of another vault.
	_, err := OpenWithRecoveryKey(path, other, testOpts())
	require.ErrorIs(t, err, ErrWrongRecoveryKey)
	// A typo in one character.
	typo := []byte(rk)
	if typo[0] == 'A' {
		typo[0] = 'B'
	} else {
		typo[0] = 'A'
	}
	_, err = OpenWithRecoveryKey(path, string(typo), testOpts())
	require.ErrorIs(t, err, ErrWrongRecoveryKey)
	require.Contains(t, err.Error(), "mistyped")
	// Too short, and a character that is never used.
	_, err = OpenWithRecoveryKey(path, rk[:20], testOpts())
	require.ErrorIs(t, err, ErrWrongRecoveryKey)
	_, err = OpenWithRecoveryKey(path, "U"+rk[1:], testOpts())
	require.ErrorIs(t, err, ErrWrongRecoveryKey)
	require.NotContains(t, err.Error(), rk[5:9])
}

func TestChangePassphraseKeepsDataAndRecoveryKey(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "before the change")
	require.NoError(t, v.Save())
	putNote(t, v.DB(), 2, "unsaved at the change")

	newPass := []byte("a brand new passphrase")
	require.ErrorIs(t, v.ChangePassphrase(nil), ErrEmptyPassphrase)
	require.False(t, v.CanChangePassphraseAlone())
	require.ErrorIs(t, v.ChangePassphrase(newPass), ErrRecoveryKeyNeeded, "opened with the passphrase, it cannot re-wrap for the recovery key")
	require.True(t, v.Changed(), "and nothing was saved")
	require.ErrorIs(t, v.ChangePassphraseKeepingRecoveryKey(newPass, strings.Repeat("0", 56)), ErrWrongRecoveryKey)
	require.NoError(t, v.ChangePassphraseKeepingRecoveryKey(newPass, rk))
	require.False(t, v.Changed(), "ChangePassphrase saves at once")
	require.NoError(t, v.Close())

	_, err := Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrWrongPassphrase)
	w, err := Open(path, newPass, testOpts())
	require.NoError(t, err)
	require.Equal(t, "before the change", getNote(t, w.DB(), 1))
	require.Equal(t, "unsaved at the change", getNote(t, w.DB(), 2))
	require.NoError(t, w.Close())
	w, err = OpenWithRecoveryKey(path, rk, testOpts())
	require.NoError(t, err)
	require.Equal(t, "before the change", getNote(t, w.DB(), 1))

	// After a recovery, a new passphrase can be set.
	require.True(t, w.CanChangePassphraseAlone())
	require.NoError(t, w.ChangePassphrase([]byte("third")))
	require.NoError(t, w.Close())
	w, err = Open(path, []byte("third"), testOpts())
	require.NoError(t, err)
	require.NoError(t, w.Close())
	_, err = Open(path, newPass, testOpts())
	require.ErrorIs(t, err, ErrWrongPassphrase, "the passphrase before is revoked")
	w, err = OpenWithRecoveryKey(path, rk, testOpts())
	require.NoError(t, err, "the recovery key it was opened with still works")
	require.NoError(t, w.Close())
}

func TestReadOnlyVaultRefusesToSave(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	r, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
	require.NoError(t, err)
	defer r.Close()
	putNote(t, r.DB(), 1, "not kept")
	require.ErrorIs(t, r.Save(), ErrReadOnly)
	require.ErrorIs(t, r.ChangePassphrase([]byte("x")), ErrReadOnly)
}

func TestClosedVaultReturnsErrClosed(t *testing.T) {
	v, _, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "unsaved")
	require.NoError(t, v.Close())
	require.NoError(t, v.Close(), "Close twice is fine")
	require.ErrorIs(t, v.Save(), ErrClosed)
	require.ErrorIs(t, v.ChangePassphrase([]byte("x")), ErrClosed)
	require.ErrorIs(t, v.WriteBackup(filepath.Join(t.TempDir(), "b.vault")), ErrClosed)
	_, err := v.Backups()
	require.ErrorIs(t, err, ErrClosed)
	_, err = v.IntegrityCheck()
	require.ErrorIs(t, err, ErrClosed)
	require.Error(t, v.DB().Ping())
	require.Nil(t, v.dataKey, "the data key is dropped")
}

func TestCloseZeroesTheDataKey(t *testing.T) {
	v, _, _ := newVault(t, testOpts())
	key := v.dataKey
	require.NotEqual(t, make([]byte, keyLen), key)
	require.NoError(t, v.Close())
	require.Equal(t, make([]byte, keyLen), key)
}

func TestOpenReportsAMissingFileAndAFolder(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(filepath.Join(dir, "none.vault"), testPass, testOpts())
	require.ErrorIs(t, err, os.ErrNotExist)
	_, err = Open(dir, testPass, Options{ReadOnly: true})
	require.ErrorIs(t, err, ErrNotVault)
}

func TestNewerFormatVersionIsRefused(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	h, n, err := parseHeader(data)
	require.NoError(t, err)
	h.Version = formatVersion + 1
	forged := append(h.marshal(), data[n:]...)
	require.NoError(t, os.WriteFile(path, forged, 0o600))
	_, err = Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrNewerVersion)
	require.False(t, errors.Is(err, ErrDamaged))
}

func TestNewerSchemaVersionIsRefused(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	_, err := v.DB().Exec(`PRAGMA user_version = 3`)
	require.NoError(t, err)
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())
	_, err = Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrNewerVersion)
	// It was not "migrated" or rewritten: a newer Inreach still finds it intact.
	newer := append(append([]Migration{}, testMigrations...), Migration{Version: 3, Name: "x", SQL: "CREATE TABLE x (a)"})
	w, err := Open(path, testPass, Options{KDF: cheapKDF, Migrations: newer})
	require.NoError(t, err)
	require.NoError(t, w.Close())
}

func TestTimingsAreReported(t *testing.T) {
	opts := testOpts()
	if runtime.GOOS == "windows" {
		// Windows' clock moves in ticks of 0.5 to 15.6 ms, so a step
		// shorter than a tick reads 0: give the KDF real work, and only
		// ask the quick steps not to be negative.
		opts.KDF = KDFParams{Time: 2, MemoryKiB: 64 * 1024, Threads: 1}
	}
	v, path, _ := newVault(t, opts)
	w := reopen(t, v, path, opts)
	tm := w.Timings()
	require.Positive(t, tm.KDF)
	if runtime.GOOS == "windows" {
		require.GreaterOrEqual(t, tm.Decrypt, time.Duration(0))
		require.GreaterOrEqual(t, tm.Load, time.Duration(0))
		return
	}
	require.Positive(t, tm.Decrypt)
	require.Positive(t, tm.Load)
}

func TestSavingThroughASymlinkReplacesItsTarget(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())
	if wine.Detected() {
		t.Skip("wine 8's CreateSymbolicLink reports success but makes no link")
	}
	link := filepath.Join(t.TempDir(), "link.vault")
	if err := os.Symlink(path, link); err != nil && runtime.GOOS == "windows" {
		t.Skipf("making a symbolic link needs Developer Mode or administrator rights on Windows: %v", err)
	}
	w, err := Open(link, testPass, testOpts())
	require.NoError(t, err)
	require.Equal(t, path, w.Path())
	putNote(t, w.DB(), 1, "through the link")
	require.NoError(t, w.Save())
	require.NoError(t, w.Close())
	st, err := os.Lstat(link)
	require.NoError(t, err)
	require.NotZero(t, st.Mode()&os.ModeSymlink, "the link is still a link")
	r, err := Open(path, testPass, Options{ReadOnly: true})
	require.NoError(t, err)
	defer r.Close()
	require.Equal(t, "through the link", getNote(t, r.DB(), 1))
}

func TestIntegrityCheckReportsBrokenReferences(t *testing.T) {
	v, _, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "x")
	res, err := v.IntegrityCheck()
	require.NoError(t, err)
	require.Equal(t, "ok", res)
	for _, q := range []string{`PRAGMA foreign_keys = OFF`, `INSERT INTO tags (note_id, tag) VALUES (99, 'secret tag')`, `PRAGMA foreign_keys = ON`} {
		_, err := v.DB().Exec(q)
		require.NoError(t, err)
	}
	res, err = v.IntegrityCheck()
	require.NoError(t, err)
	require.Equal(t, "tags rowid 1 refers to a missing row in notes", res)
	require.NotContains(t, res, "secret")
}
