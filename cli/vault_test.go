package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/vault"
)

// saves makes n saves of the vault, each with a change, through the vault
// API (as the desktop app does), so that backups pile up.
func saves(t *testing.T, env map[string]string, n int) {
	t.Helper()
	v, err := vault.Open(env["INREACH_VAULT"], []byte(env["INREACH_PASSPHRASE"]), options(false))
	require.NoError(t, err)
	defer v.Close()
	for i := 0; i < n; i++ {
		_, err := v.DB().Exec(`CREATE TABLE IF NOT EXISTS t (x)`)
		require.NoError(t, err)
		_, err = v.DB().Exec(`INSERT INTO t VALUES (?)`, i)
		require.NoError(t, err)
		require.NoError(t, v.Save())
		// A save goes into the journal; folding it into a new base image
		// keeps the file it replaces as a backup.
		require.NoError(t, v.Compact())
	}
}

func TestInitNextToAnotherVaultsBackupsRefusesWithoutForceAndNamesThem(t *testing.T) {
	env, _ := newVault(t)
	saves(t, env, 3)
	path := env["INREACH_VAULT"]
	bdir := filepath.Join(filepath.Dir(path), "backups")
	before := listNames(t, bdir)
	require.Len(t, before, 3)
	require.NoError(t, os.Remove(path))

	code, _, errs := run(t, with(env, "INREACH_PASSPHRASE", "a new vault passphrase"), "init")
	require.Equal(t, ExitFailed, code)
	require.Contains(t, errs, "another vault")
	for _, n := range before {
		require.Contains(t, errs, n)
	}
	require.Contains(t, errs, "--force")
	require.NoFileExists(t, path)

	code, _, errs = run(t, with(env, "INREACH_PASSPHRASE", "a new vault passphrase"), "init", "--force")
	require.Equal(t, ExitOK, code, errs)
	saves(t, with(env, "INREACH_PASSPHRASE", "a new vault passphrase"), 12)
	for _, n := range before {
		require.FileExists(t, filepath.Join(bdir, n), "the other vault's backups are never pruned")
	}
}

func listNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestMissingOrDamagedVaultNamesTheNewestBackupAndRestoreBringsItBack(t *testing.T) {
	env, key := newVault(t)
	saves(t, env, 2)
	path := env["INREACH_VAULT"]
	good, err := os.ReadFile(path)
	require.NoError(t, err)

	// Damaged: verify names the backup and the exact command.
	bad := append([]byte(nil), good...)
	bad[len(bad)-4] ^= 1
	require.NoError(t, os.WriteFile(path, bad, 0o600))
	code, _, errs := run(t, env, "verify")
	require.Equal(t, ExitDamaged, code)
	cmd := restoreCommandIn(t, errs)

	// Missing: the same, without a passphrase given too.
	require.NoError(t, os.Remove(path))
	code, _, errs = run(t, env, "verify")
	require.Equal(t, ExitFailed, code)
	require.Contains(t, errs, "there is no vault")
	require.Equal(t, cmd, restoreCommandIn(t, errs))
	code, _, errs = run(t, map[string]string{"INREACH_VAULT": path}, "verify")
	require.Equal(t, ExitFailed, code)
	require.Equal(t, cmd, restoreCommandIn(t, errs), "no passphrase given: the newest sound backup")

	// Run the command as printed.
	require.NoError(t, os.WriteFile(path, bad, 0o600))
	args := strings.Fields(strings.TrimPrefix(cmd, "inreach "))
	code, out, errs := run(t, env, args...)
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "kept as")
	code, _, errs = run(t, env, "verify")
	require.Equal(t, ExitOK, code, errs)

	code, _, errs = run(t, with(env, "INREACH_PASSPHRASE", "not the passphrase"), args...)
	require.Equal(t, ExitWrongSecret, code, errs)
	code, _, errs = run(t, with(env, "INREACH_PASSPHRASE", "", "INREACH_RECOVERY_KEY", key), append(args, "--with-recovery-key")...)
	require.Equal(t, ExitOK, code, errs)
	code, _, errs = run(t, with(env, "INREACH_RECOVERY_KEY", "0000"), append(args, "--with-recovery-key")...)
	require.Equal(t, ExitWrongSecret, code, errs)
	code, _, _ = run(t, env, "restore")
	require.Equal(t, ExitUsage, code)
}

// restoreCommandIn returns the "inreach restore ..." command in a message.
func restoreCommandIn(t *testing.T, msg string) string {
	t.Helper()
	i := strings.Index(msg, "inreach restore ")
	require.GreaterOrEqual(t, i, 0, msg)
	cmd := msg[i:]
	if j := strings.IndexAny(cmd, "\n"); j >= 0 {
		cmd = cmd[:j]
	}
	require.NotContains(t, cmd, "'", "test paths need no quoting")
	return strings.TrimSpace(cmd)
}

func TestPasswdCompromisedIssuesANewRecoveryKeyAndRevokesBoth(t *testing.T) {
	env, oldKey := newVault(t)
	code, out, errs := run(t, with(env, "INREACH_NEW_PASSPHRASE", "a completely new passphrase"), "passwd", "--compromised")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "New recovery key (shown only this once)")
	var newKey string
	for _, line := range strings.Split(out, "\n") {
		if l := strings.TrimSpace(line); strings.Count(l, "-") == 13 {
			newKey = l
		}
	}
	require.NotEmpty(t, newKey)
	require.NotEqual(t, oldKey, newKey)

	code, _, _ = run(t, env, "verify")
	require.Equal(t, ExitWrongSecret, code, "the old passphrase")
	code, _, _ = run(t, with(env, "INREACH_RECOVERY_KEY", oldKey, "INREACH_NEW_PASSPHRASE", "yet another passphrase"), "recover")
	require.Equal(t, ExitWrongSecret, code, "the old recovery key")
	code, _, errs = run(t, with(env, "INREACH_RECOVERY_KEY", newKey, "INREACH_NEW_PASSPHRASE", "yet another passphrase"), "recover")
	require.Equal(t, ExitOK, code, errs)
	code, _, errs = run(t, with(env, "INREACH_PASSPHRASE", "yet another passphrase"), "verify")
	require.Equal(t, ExitOK, code, errs)
}

func TestInitWarnsAboutVeryWeakPassphrases(t *testing.T) {
	for _, p := range []string{"        ", "12345678"} {
		env := map[string]string{"INREACH_VAULT": filepath.Join(t.TempDir(), "v.vault"), "INREACH_PASSPHRASE": p}
		code, _, errs := run(t, env, "init")
		require.Equal(t, ExitOK, code, errs)
		require.Contains(t, errs, "very weak")
		require.Contains(t, errs, "bits")
	}
	env := map[string]string{"INREACH_VAULT": filepath.Join(t.TempDir(), "v.vault"), "INREACH_PASSPHRASE": "violet anchor quarry mitten lantern"}
	code, _, errs := run(t, env, "init")
	require.Equal(t, ExitOK, code, errs)
	require.NotContains(t, errs, "weak")
}

func TestAPassphraseFileOthersCanReadIsWarnedAbout(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("not on Windows: file modes mean nothing there, and a passphrase file's access list is not checked yet")
	}
	env, _ := newVault(t)
	dir := t.TempDir()
	open := filepath.Join(dir, "pass-open")
	private := filepath.Join(dir, "pass-private")
	require.NoError(t, os.WriteFile(open, []byte(env["INREACH_PASSPHRASE"]+"\n"), 0o644))
	require.NoError(t, os.Chmod(open, 0o644)) // whatever the umask
	require.NoError(t, os.WriteFile(private, []byte(env["INREACH_PASSPHRASE"]+"\n"), 0o600))
	noEnv := map[string]string{"INREACH_VAULT": env["INREACH_VAULT"]}

	code, _, errs := run(t, noEnv, "verify", "--passphrase-file", open)
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, errs, "can be read by other users")
	require.Contains(t, errs, "chmod 600 "+open)
	require.NotContains(t, errs, env["INREACH_PASSPHRASE"])

	code, _, errs = run(t, noEnv, "verify", "--passphrase-file", private)
	require.Equal(t, ExitOK, code, errs)
	require.NotContains(t, errs, "other users")
}

func TestCheckNewPassphraseForwardsToTheVaultPolicy(t *testing.T) {
	for _, p := range []string{"short", "e\u0301e\u0301e\u0301e\u0301", "long enough", "12345678"} {
		require.Equal(t, vault.CheckPassphrase([]byte(p)) == nil, CheckNewPassphrase([]byte(p)) == nil, p)
	}
	require.Equal(t, vault.MinPassphraseLength, MinPassphraseLength)
}
