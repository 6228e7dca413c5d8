package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const teamFixture = `{"format":"inreach","version":1,"exported_at":"2026-11-01T10:00:00Z",
"establishments":[],"agencies":[],
"people":[{"id":"p1","name":"Marguerite Oyelaran","pseudonym":"Tamsin","date_of_birth":null,"prison_number":"","status":"community","establishment":null,"sentence":"","release_date":null,"release_date_confirmed":false,"referral":"new","referral_date":null,"consent":{"recorded_on":null,"share_with":""},"needs":[],"sensitive":[],"safety_note":"","closed_on":null,"retention_note":"","release_plan":[]}],
"contacts":[{"id":"c1","date":"2026-10-01","start":"","end":"","kind":"phone","establishment":null,"place":"","logistics":null,
  "people":[{"person":"p1","booked":true,"seen":true,"not_seen_reason":"","note":"","needs_discussed":[],"items":[],"wellbeing":null}]}],
"actions":[],"events":[],
"diary":[{"id":"d1","date":"2026-10-01","contact":"c1","template":"gibbs","sections":{"description":"Spoke with Marguerite"},"tags":[],"status":"for_supervision"}],
"supervision":[],"letters":[],"newsletters":[]}`

// idOf runs "inreach id" and returns the ID line and fingerprint.
func idOf(t *testing.T, env map[string]string) (string, string) {
	t.Helper()
	code, out, errs := run(t, env, "id")
	require.Equal(t, ExitOK, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	require.Regexp(t, `^inreach1:age1[0-9a-z]+:[A-Za-z0-9_-]{43}$`, lines[0])
	require.Regexp(t, `^[0-9A-F]{4}( [0-9A-F]{4}){7}$`, lines[1])
	return lines[0], lines[1]
}

func ok(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	code, out, errs := run(t, env, args...)
	require.Equal(t, ExitOK, code, "%v: %s", args, errs)
	return out
}

func TestWorkingTogetherFromTheCommandLine(t *testing.T) {
	folder := t.TempDir()
	ann, annKey := newVault(t)
	sam, _ := newVault(t)
	kay, _ := newVault(t)
	annID, annFP := idOf(t, ann)
	samID, _ := idOf(t, sam)
	kayID, _ := idOf(t, kay)
	again, _ := idOf(t, ann)
	require.Equal(t, annID, again, "the ID is made once")

	// The team list refuses plainly.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"team", "add", "Sam Cole", "inreach1:broken"}, "not an Inreach ID"},
		{[]string{"team", "add", "Me", annID}, "this vault's own Inreach ID"},
	} {
		code, _, errs := run(t, ann, c.args...)
		require.Equal(t, ExitFailed, code)
		require.Contains(t, errs, c.want)
	}
	ok(t, ann, "team", "add", "Sam Cole", samID, "--role", "supervisor", "--verified")
	ok(t, ann, "team", "add", "Kay Lin", kayID)
	code, _, errs := run(t, ann, "team", "add", "Sam Again", samID)
	require.Equal(t, ExitFailed, code)
	require.Contains(t, errs, "already on the team list as Sam Cole")
	list := ok(t, ann, "team", "list")
	require.Contains(t, list, "Sam Cole")
	require.Contains(t, list, "not compared")
	ok(t, sam, "team", "add", "Ann Reed", annID, "--role", "supervisee")
	ok(t, kay, "team", "add", "Ann Reed", annID)
	for _, env := range []map[string]string{ann, sam, kay} {
		ok(t, env, "folder", folder)
	}
	fixture := filepath.Join(t.TempDir(), "f.json")
	require.NoError(t, os.WriteFile(fixture, []byte(teamFixture), 0o600))
	ok(t, ann, "import", fixture)

	// Supervision pack to Sam, through the folder.
	out := ok(t, ann, "send", "supervision", "--for", "Sam Cole")
	require.Contains(t, out, "Sealed 1 diary entry for supervision for Sam Cole")
	inbox := ok(t, sam, "inbox")
	require.Contains(t, inbox, "1 waiting")
	require.Contains(t, inbox, "supervision pack from Ann Reed")
	files, err := filepath.Glob(filepath.Join(folder, "*.inreach"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	pack := files[0]
	require.Equal(t, "0 waiting in "+folder+"\n", ok(t, kay, "inbox"), "Kay's inbox does not list Sam's bundle")
	ok(t, sam, "receive", pack)
	code, _, errs = run(t, sam, "receive", pack)
	require.Equal(t, ExitAlreadyReceived, code)
	require.Contains(t, errs, "already received")
	code, _, errs = run(t, kay, "receive", pack)
	require.Equal(t, ExitNotForUs, code, errs)

	b, err := os.ReadFile(pack)
	require.NoError(t, err)
	b[len(b)-5] ^= 1
	bad := filepath.Join(t.TempDir(), "bad.inreach")
	require.NoError(t, os.WriteFile(bad, b, 0o600))
	code, _, errs = run(t, sam, "receive", bad)
	require.Equal(t, ExitDamaged, code, errs)

	// Sam writes the session and replies.
	require.Contains(t, ok(t, sam, "supervisees", "show", "Ann Reed"), "Spoke with Marguerite")
	sid := strings.TrimSpace(ok(t, sam, "supervisees", "session", "--for", "Ann Reed", "--date", "2026-11-05",
		"--comment", "d1=Well done", "--action", "Read the guide|Ann|2026-12-01", "--signed-off", "2026-11-05"))
	ok(t, sam, "send", "reply", sid)
	require.Contains(t, ok(t, ann, "inbox"), "supervision reply from Sam Cole")
	ws, _ := filepath.Glob(filepath.Join(folder, "inreach-reply-*.inreach"))
	require.Len(t, ws, 1)
	require.Contains(t, ok(t, ann, "receive", ws[0]), "signed off on 2026-11-05")
	exp := filepath.Join(t.TempDir(), "e.json")
	ok(t, ann, "export", "-o", exp)
	eb, err := os.ReadFile(exp)
	require.NoError(t, err)
	require.Contains(t, string(eb), `"d1": "Well done"`)
	require.Contains(t, string(eb), `"status": "discussed"`)
	require.Contains(t, ok(t, ann, "inbox", "--tidy"), "Removed 1 bundle")

	// Someone not on the list: exit 6 with the sender's fingerprint.
	ok(t, sam, "team", "remove", "Ann Reed")
	ok(t, ann, "send", "supervision", "--for", "Sam Cole", "--from", "2026-10-01", "--to", "2026-10-31", "--redact")
	xs, _ := filepath.Glob(filepath.Join(folder, "inreach-supervision-*.inreach"))
	require.Len(t, xs, 2)
	for _, x := range xs {
		code, _, errs = run(t, sam, "receive", x)
		require.Equal(t, ExitNotForUs, code, errs)
		require.Contains(t, errs, "not on your team list")
		require.Contains(t, errs, annFP)
	}

	// Handover with erasure.
	hb := filepath.Join(t.TempDir(), "h.inreach")
	require.Contains(t, ok(t, ann, "send", "handover", "p1", "--for", "Kay Lin", "--erase-after", "-o", hb), "erased 1 woman")
	ok(t, ann, "export", "-o", exp)
	eb, err = os.ReadFile(exp)
	require.NoError(t, err)
	require.NotContains(t, string(eb), "Marguerite")
	require.Contains(t, ok(t, kay, "receive", hb), "handed over by Ann Reed")
	ok(t, kay, "export", "-o", exp)
	eb, err = os.ReadFile(exp)
	require.NoError(t, err)
	require.Contains(t, string(eb), "Marguerite Oyelaran")
	require.Contains(t, string(eb), "Handed over from Ann Reed on")

	// Recovery keeps the identity.
	ok(t, with(ann, "INREACH_RECOVERY_KEY", annKey, "INREACH_NEW_PASSPHRASE", "a new long passphrase"), "recover")
	line, fp := idOf(t, with(ann, "INREACH_PASSPHRASE", "a new long passphrase"))
	require.Equal(t, annID, line)
	require.Equal(t, annFP, fp)
}
