package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/owneronly"
	"inreach/privfile"
	"inreach/vault"
)

func TestMain(m *testing.M) {
	// the journal of partial files lives in a folder of the tests' own
	dir, err := os.MkdirTemp("", "inreach-cli-state")
	if err != nil {
		panic(err)
	}
	os.Setenv(privfile.JournalEnv, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestAnyVerbRemovesPartialFilesLeftByAWriterThatDied(t *testing.T) {
	env, _ := newVault(t)
	dir := t.TempDir()
	partial := filepath.Join(dir, ".her.json"+privfile.Marker+"999999999-0a1b2c")
	require.NoError(t, os.WriteFile(partial, []byte(`{"people":[{"name":"Natalie Bennett"}]}`), 0o600))
	j, err := privfile.Journal()
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(j), 0o700))
	require.NoError(t, os.WriteFile(j, []byte(fmt.Sprintf("999999999\t%s\n", partial)), 0o600))

	code, _, errs := run(t, env, "verify")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, errs, "removed 1 partial file")
	require.NoFileExists(t, partial)

	// exports, PDFs and backups are owner-only and leave no temporary name
	for _, args := range [][]string{
		{"export", "-o", filepath.Join(dir, "all.json")},
		{"backup", "-o", filepath.Join(dir, "copy.vault")},
		{"pdf", "monitoring", "--from", "2025-01-01", "--to", "2025-12-31", "-o", filepath.Join(dir, "m.pdf")},
	} {
		code, _, errs := run(t, env, args...)
		require.Equal(t, ExitOK, code, "%v: %s", args, errs)
		// Read back: mode 0600 on Unix, an owner-only DACL on Windows.
		require.NoError(t, owneronly.Check(args[len(args)-1]), "%v", args)
		if runtime.GOOS != "windows" {
			st, err := os.Stat(args[len(args)-1])
			require.NoError(t, err)
			require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
		}
	}
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, ents, 3)
	// the backup copy is a whole vault that opens with the same passphrase
	c, err := vault.Open(filepath.Join(dir, "copy.vault"), []byte(env["INREACH_PASSPHRASE"]), options(true))
	require.NoError(t, err)
	require.NoError(t, c.Close())
}
