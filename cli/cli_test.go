package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/owneronly"
	"inreach/vault"
)

// run runs one command line in-process with the given environment and
// returns the exit code, stdout and stderr.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] }, ctx: context.Background()}
	code := e.run(args)
	return code, out.String(), errb.String()
}

// newVault runs init and returns the environment that opens it and the
// recovery key printed.
func newVault(t *testing.T) (map[string]string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.vault")
	env := map[string]string{"INREACH_VAULT": path, "INREACH_PASSPHRASE": "correct horse battery"}
	code, out, errs := run(t, env, "init")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "Recovery key (shown only this once)")
	var key string
	for _, line := range strings.Split(out, "\n") {
		if l := strings.TrimSpace(line); strings.Count(l, "-") >= 8 {
			key = l
		}
	}
	require.NotEmpty(t, key, out)
	return env, key
}

func with(env map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range env {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

func TestInitRefusesToOverwriteAnExistingVault(t *testing.T) {
	env, _ := newVault(t)
	code, _, errs := run(t, env, "init")
	require.Equal(t, ExitFailed, code)
	require.Contains(t, errs, "already exists")
}

func TestInitRefusesAShortPassphraseWithUsageCode(t *testing.T) {
	env := map[string]string{"INREACH_VAULT": filepath.Join(t.TempDir(), "v"), "INREACH_PASSPHRASE": "short"}
	code, _, errs := run(t, env, "init")
	require.Equal(t, ExitUsage, code)
	require.Contains(t, errs, "at least 8 characters")
}

func TestVerifyPrintsOK(t *testing.T) {
	env, _ := newVault(t)
	code, out, errs := run(t, env, "verify")
	require.Equal(t, ExitOK, code, errs)
	require.Equal(t, "OK\n", out)
}

func TestWrongPassphraseExitsWithCode3(t *testing.T) {
	env, _ := newVault(t)
	code, _, errs := run(t, with(env, "INREACH_PASSPHRASE", "wrong horse battery"), "verify")
	require.Equal(t, ExitWrongSecret, code)
	require.Contains(t, errs, "passphrase is not right")
}

func TestDamagedVaultExitsWithCode4(t *testing.T) {
	env, _ := newVault(t)
	b, err := os.ReadFile(env["INREACH_VAULT"])
	require.NoError(t, err)
	b[len(b)-10] ^= 0xff
	require.NoError(t, os.WriteFile(env["INREACH_VAULT"], b, 0o600))
	code, _, errs := run(t, env, "verify")
	require.Equal(t, ExitDamaged, code, errs)
	require.Contains(t, errs, "damaged")
}

// journalCopy saves two changes into the vault's journal and returns a
// copy of the file taken while it was open (Close would fold the journal
// into a new base image) and its environment.
func journalCopy(t *testing.T) (map[string]string, []byte) {
	t.Helper()
	env, _ := newVault(t)
	v, err := vault.Open(env["INREACH_VAULT"], []byte(env["INREACH_PASSPHRASE"]), options(false))
	require.NoError(t, err)
	defer v.Close()
	for _, q := range []string{`CREATE TABLE scratch (a TEXT)`, `INSERT INTO scratch VALUES ('second save')`} {
		_, err := v.DB().Exec(q)
		require.NoError(t, err)
		require.NoError(t, v.Save())
	}
	require.Equal(t, 2, v.Journal().Records)
	b, err := os.ReadFile(env["INREACH_VAULT"])
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "copy.vault")
	require.NoError(t, os.WriteFile(out, b, 0o600))
	return with(env, "INREACH_VAULT", out), b
}

func TestVerifyChecksTheChangeJournal(t *testing.T) {
	env, b := journalCopy(t)
	code, out, errs := run(t, env, "verify")
	require.Equal(t, ExitOK, code, errs)
	require.Equal(t, "OK\nThe change journal holds 2 saves since the last full save; every one checks out.\n", out)

	bad := append([]byte(nil), b...)
	bad[len(bad)-20] ^= 0x01 // inside the second save
	require.NoError(t, os.WriteFile(env["INREACH_VAULT"], bad, 0o600))
	code, out, errs = run(t, env, "verify")
	require.Equal(t, ExitDamaged, code, out)
	require.Contains(t, errs, "change journal fails its authentication check at save 2")
	require.Contains(t, errs, "the vault as it was at its last full save is intact, and so the save after it is")

	require.NoError(t, os.WriteFile(env["INREACH_VAULT"], b[:len(b)-7], 0o600))
	code, out, errs = run(t, env, "verify")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "The change journal holds 1 save since")
	require.Contains(t, out, "The last save was cut short")
}

func TestNotAVaultExitsWithCode4(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	require.NoError(t, os.WriteFile(path, []byte("just some text"), 0o600))
	code, _, errs := run(t, map[string]string{"INREACH_VAULT": path, "INREACH_PASSPHRASE": "x"}, "verify")
	require.Equal(t, ExitDamaged, code)
	require.Contains(t, errs, "not an Inreach vault")
}

func TestVaultInUseExitsWithCode5(t *testing.T) {
	env, _ := newVault(t)
	v, err := vault.Open(env["INREACH_VAULT"], []byte(env["INREACH_PASSPHRASE"]), options(false))
	require.NoError(t, err)
	defer v.Close()
	code, _, errs := run(t, with(env, "INREACH_NEW_PASSPHRASE", "another long passphrase"), "passwd")
	require.Equal(t, ExitInUse, code, errs)
	// Read-only verbs still work while the app has it open.
	code, _, errs = run(t, env, "verify")
	require.Equal(t, ExitOK, code, errs)
}

func TestPasswdChangesThePassphraseAndRecoverSetsANewOne(t *testing.T) {
	env, key := newVault(t)
	code, _, errs := run(t, with(env, "INREACH_NEW_PASSPHRASE", "second long passphrase"), "passwd")
	require.Equal(t, ExitUsage, code, "without the recovery key, nothing is changed")
	require.Contains(t, errs, "--new-recovery-key")
	code, _, errs = run(t, with(env, "INREACH_NEW_PASSPHRASE", "second long passphrase", "INREACH_RECOVERY_KEY", key), "passwd")
	require.Equal(t, ExitOK, code, errs)
	code, _, _ = run(t, env, "verify")
	require.Equal(t, ExitWrongSecret, code, "the old passphrase no longer opens it")
	code, _, _ = run(t, with(env, "INREACH_PASSPHRASE", "second long passphrase"), "verify")
	require.Equal(t, ExitOK, code)

	code, _, _ = run(t, with(env, "INREACH_RECOVERY_KEY", "AAAA-BBBB", "INREACH_NEW_PASSPHRASE", "third long passphrase"), "recover")
	require.Equal(t, ExitWrongSecret, code, "a wrong recovery key")
	code, _, errs = run(t, with(env, "INREACH_RECOVERY_KEY", strings.ToLower(key), "INREACH_NEW_PASSPHRASE", "third long passphrase"), "recover")
	require.Equal(t, ExitOK, code, errs)
	code, _, _ = run(t, with(env, "INREACH_PASSPHRASE", "third long passphrase"), "verify")
	require.Equal(t, ExitOK, code)
}

func TestBackupWritesACopyThatOpensAndRefusesToOverwrite(t *testing.T) {
	env, _ := newVault(t)
	out := filepath.Join(t.TempDir(), "copy.vault")
	code, _, errs := run(t, env, "backup", "-o", out)
	require.Equal(t, ExitOK, code, errs)
	code, _, _ = run(t, with(env, "INREACH_VAULT", out), "verify")
	require.Equal(t, ExitOK, code)
	code, _, errs = run(t, env, "backup", "-o", out)
	require.Equal(t, ExitFailed, code)
	require.Contains(t, errs, "already exists")
}

func TestUsageMistakesExitWithCode2(t *testing.T) {
	env, _ := newVault(t)
	for _, args := range [][]string{
		{"nonsense"},
		{"backup"},
		{"report", "monitoring", "--from", "2025-02-30", "--to", "2025-03-01"},
		{"report", "monitoring", "--from", "2025-03-01", "--to", "2025-02-01"},
		{"report", "monitoring", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "xml"},
		{"pdf", "visit", "-o", "x.pdf"},
		{"export"},
		{"search"},
		{"import"},
		{"verify", "--no-such-flag"},
	} {
		code, _, _ := run(t, env, args...)
		require.Equal(t, ExitUsage, code, "%v", args)
	}
}

func TestMissingVaultSaysHowToCreateOne(t *testing.T) {
	code, _, errs := run(t, map[string]string{"INREACH_VAULT": filepath.Join(t.TempDir(), "none.vault"), "INREACH_PASSPHRASE": "x"}, "verify")
	require.Equal(t, ExitFailed, code)
	require.Contains(t, errs, "inreach init")
}

func TestMalformedImportChangesNothing(t *testing.T) {
	env, _ := newVault(t)
	before, err := os.ReadFile(env["INREACH_VAULT"])
	require.NoError(t, err)
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"format":"inreach","version":1,"people":[{"id":"p1","name":"Ann","colour":"red"}]}`), 0o600))
	code, _, errs := run(t, env, "import", bad)
	require.Equal(t, ExitFailed, code)
	require.Contains(t, errs, "colour")
	after, err := os.ReadFile(env["INREACH_VAULT"])
	require.NoError(t, err)
	require.Equal(t, before, after, "the vault file is untouched")
}

func TestExportImportRoundTripThroughTheCommandLine(t *testing.T) {
	env, _ := newVault(t)
	in := filepath.Join(t.TempDir(), "in.json")
	doc := `{"format":"inreach","version":1,"exported_at":"2026-11-23T10:00:00Z",
	 "establishments":[{"id":"e1","name":"HMP Peterborough","kind":"prison","address":"","booking_contact":"","notes":""}],
	 "people":[{"id":"p1","name":"Zoë O’Neill","pseudonym":"Wren","date_of_birth":null,"prison_number":"A1234BC",
	   "status":"custody_sentenced","establishment":"e1","sentence":"","release_date":"2027-02-13","release_date_confirmed":true,
	   "referral":"new","referral_date":"2025-06-01","consent":{"recorded_on":"2025-06-01","share_with":""},
	   "needs":[{"area":"housing","status":"open","note":"needs a £ deposit"}],"sensitive":[],"safety_note":"","closed_on":null}]}`
	require.NoError(t, os.WriteFile(in, []byte(doc), 0o600))
	code, _, errs := run(t, env, "import", in)
	require.Equal(t, ExitOK, code, errs)

	out := filepath.Join(t.TempDir(), "out.json")
	code, _, errs = run(t, env, "export", "-o", out)
	require.Equal(t, ExitOK, code, errs)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	require.Contains(t, string(b), "Zoë O’Neill")
	require.Contains(t, string(b), "needs a £ deposit")
	require.NoError(t, owneronly.Check(out), "exports are private to the user")

	code, out2, errs := run(t, env, "search", "Zoe", "--format", "json")
	require.Equal(t, ExitOK, code, errs)
	var res struct {
		Hits []struct{ Ref string } `json:"hits"`
	}
	require.NoError(t, json.Unmarshal([]byte(out2), &res))
	require.NotEmpty(t, res.Hits)

	code, js, errs := run(t, env, "report", "monitoring", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json")
	require.Equal(t, ExitOK, code, errs)
	var fig map[string]any
	require.NoError(t, json.Unmarshal([]byte(js), &fig))
	require.EqualValues(t, 1, fig["new_referrals"])
}

func TestDemoThenPDFsAndErasureThroughTheCommandLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.vault")
	env := map[string]string{"INREACH_VAULT": path, "INREACH_PASSPHRASE": "correct horse battery"}
	code, out, errs := run(t, env, "demo", "--scale", "small", "--seed", "3")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "invented")

	v, err := vault.Open(path, []byte(env["INREACH_PASSPHRASE"]), options(true))
	require.NoError(t, err)
	var person, name, contact string
	require.NoError(t, v.DB().QueryRow(`SELECT p.id, p.name FROM people p JOIN contact_people cp ON cp.person_id = p.id LIMIT 1`).Scan(&person, &name))
	require.NoError(t, v.DB().QueryRow(`SELECT id FROM contacts WHERE kind = 'prison_visit' LIMIT 1`).Scan(&contact))
	v.Close()

	dir := t.TempDir()
	for _, args := range [][]string{
		{"pdf", "supervision", "--from", "2026-01-01", "--to", "2026-11-23", "--redact", "-o", filepath.Join(dir, "sup.pdf")},
		{"pdf", "visit", contact, "-o", filepath.Join(dir, "visit.pdf")},
		{"pdf", "monitoring", "--from", "2026-01-01", "--to", "2026-11-23", "-o", filepath.Join(dir, "mon.pdf")},
		{"pdf", "person", person, "-o", filepath.Join(dir, "person.pdf")},
		{"export", "--person", person, "-o", filepath.Join(dir, "her.json")},
	} {
		code, _, errs := run(t, env, args...)
		require.Equal(t, ExitOK, code, "%v: %s", args, errs)
		b, err := os.ReadFile(args[len(args)-1])
		require.NoError(t, err)
		require.NotEmpty(t, b)
	}
	code, _, _ = run(t, env, "pdf", "person", "no-such-id", "-o", filepath.Join(dir, "x.pdf"))
	require.Equal(t, ExitFailed, code)

	code, _, _ = run(t, env, "erase", "person", person)
	require.Equal(t, ExitUsage, code, "erasing needs --yes")
	code, out, errs = run(t, env, "erase", "person", person, "--yes")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "backups")
	code, out, errs = run(t, env, "search", name, "--format", "json")
	require.Equal(t, ExitOK, code, errs)
	require.NotContains(t, out, person)
}
