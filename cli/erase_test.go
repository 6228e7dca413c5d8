package cli

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/vault"
)

// seed writes rows straight into the vault at env's path and saves it.
func seed(t *testing.T, env map[string]string, stmts ...string) {
	t.Helper()
	v, err := vault.Open(env["INREACH_VAULT"], []byte(env["INREACH_PASSPHRASE"]), options(false))
	require.NoError(t, err)
	defer v.Close()
	for _, q := range stmts {
		_, err := v.DB().Exec(q)
		require.NoError(t, err, q)
	}
	require.NoError(t, v.Save())
}

func query(t *testing.T, env map[string]string, q string) string {
	t.Helper()
	v, err := vault.Open(env["INREACH_VAULT"], []byte(env["INREACH_PASSPHRASE"]), options(true))
	require.NoError(t, err)
	defer v.Close()
	var s string
	require.NoError(t, v.DB().QueryRow(q).Scan(&s))
	return s
}

func TestEraseReviewListsMentionsAndChangesNothingThenErasesOnlyTheChosenOnes(t *testing.T) {
	env, _ := newVault(t)
	seed(t, env,
		`INSERT INTO people(id, name) VALUES ('p1', 'Natalie Bennett'), ('p2', 'Natalie Brown')`,
		`INSERT INTO contacts(id, date, kind) VALUES ('c1', '2025-01-01', 'phone'), ('c2', '2025-01-02', 'phone')`,
		"INSERT INTO contact_people(contact_id, person_id, note) VALUES ('c1', 'p1', 'hers'), ('c2', 'p2', 'Met Natalie in town\x1b]0;owned\x07 today')",
		`INSERT INTO diary(id, date) VALUES ('d1', '2025-01-03')`,
		`INSERT INTO diary_sections(diary_id, key, body) VALUES ('d1', 'visit_detail', 'Natalie Bennett phoned; Natalie was upset.')`,
	)
	path := env["INREACH_VAULT"]
	file, err := os.ReadFile(path)
	require.NoError(t, err)

	code, out, errs := run(t, env, "erase", "person", "p1", "--review")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "Nothing has been changed.")
	require.Contains(t, out, "  Her record would be removed, and with it:\n    her part of 1 contact\n    1 contact that only she was at\n")
	require.Contains(t, out, "in 1 place where it is certainly hers")
	require.Contains(t, out, "2 possible mentions need a decision")
	require.Contains(t, out, "contact note c2/p2, note — written in another woman's record")
	require.Contains(t, out, "Met «Natalie» in town\uFFFD]0;owned\uFFFD today")
	require.Contains(t, out, "diary entry d1/visit_detail, body — this record is not linked to her")
	require.NotContains(t, out, "\x1b", "no control character reaches the terminal")
	require.NotContains(t, out, "\x07")
	codeRe := regexp.MustCompile(`review code ([0-9a-f]+)`).FindStringSubmatch(out)
	require.NotNil(t, codeRe, out)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, file, after, "a review changes nothing")

	var n string
	for _, m := range regexp.MustCompile(`(?m)^\s+(\d+)\. diary entry`).FindAllStringSubmatch(out, -1) {
		n = m[1]
	}
	require.NotEmpty(t, n)
	for _, args := range [][]string{
		{"erase", "person", "p1"},
		{"erase", "person", "p1", "--review", "--yes"},
		{"erase", "person", "p1", "--yes", "--erase-mentions", n},
		{"erase", "person", "p1", "--yes", "--review-code", codeRe[1], "--erase-mentions", "one"},
	} {
		code, _, _ := run(t, env, args...)
		require.Equal(t, ExitUsage, code, "%v", args)
	}
	code, _, errs = run(t, env, "erase", "person", "p1", "--yes", "--review-code", "0000000000", "--erase-mentions", n)
	require.Equal(t, ExitFailed, code)
	require.Contains(t, errs, "review the mentions again")
	after, err = os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, file, after, "a stale review changes nothing")

	code, out, errs = run(t, env, "erase", "person", "p1", "--yes", "--review-code", codeRe[1], "--erase-mentions", n)
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "1 possible mention under review was erased, as chosen.")
	require.Contains(t, out, "1 possible mention under review was left as it was.")
	require.Equal(t, "[erased] phoned; [erased] was upset.", query(t, env, `SELECT body FROM diary_sections WHERE diary_id = 'd1'`))
	require.Equal(t, "Met Natalie in town\x1b]0;owned\x07 today", query(t, env, `SELECT note FROM contact_people WHERE person_id = 'p2'`))
	require.Equal(t, "0", query(t, env, `SELECT count(*) FROM people WHERE id = 'p1'`))
}

func TestTerminalOutputNeverCarriesControlCharacters(t *testing.T) {
	env, _ := newVault(t)
	seed(t, env, "INSERT INTO people(id, name, safety_note) VALUES ('p1', 'Eve\x1b]0;pwned\x07 \u202eevil\u202c Smith', 'x\x9bq')")
	code, out, errs := run(t, env, "search", "Eve")
	require.Equal(t, ExitOK, code, errs)
	require.Contains(t, out, "p1", "the check can fail: the record is printed")
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u202c", "\x9b"} {
		require.NotContains(t, out, bad)
	}
	code, out, _ = run(t, env, "pdf", "person", "p1", "-o", t.TempDir()+"/x.pdf")
	require.Equal(t, ExitOK, code)
	require.NotContains(t, out, "\x1b")
}
