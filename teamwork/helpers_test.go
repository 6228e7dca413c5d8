package teamwork_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/exchange"
	"inreach/identity"
	"inreach/schema"
	"inreach/team"
	"inreach/teamwork"
	"inreach/vault"
)

var ctx = context.Background()

// canary is in her diary entry and her safety note: it must never appear
// in a bundle or anywhere in the exchange folder.
const canary = "CANARY-7f3a9c1e5d"

// practice is a small practitioner's record: two women at a shared prison
// visit, one woman's own contact, her action, letter and event, two diary
// entries for supervision (d1 names her and holds the canary), a draft,
// and an earlier session with an open action.
const practice = `{"format":"inreach","version":1,"exported_at":"2026-11-01T10:00:00Z",
"establishments":[{"id":"e1","name":"HMP Peterborough","kind":"prison","address":"Peterborough","booking_contact":"","notes":""}],
"agencies":[{"id":"a1","name":"Fenland Housing Trust","category":"housing","area":"","services":"","key_contact":"","phone":"","email":"","website":"","last_checked":null,"notes":""},
 {"id":"a2","name":"Unused Agency","category":"","area":"","services":"","key_contact":"","phone":"","email":"","website":"","last_checked":null,"notes":""}],
"people":[{"id":"p1","name":"Marguerite Oyelaran","pseudonym":"Tamsin","date_of_birth":"1990-03-04","prison_number":"A1234BC","status":"custody_sentenced","establishment":"e1","sentence":"","release_date":"2026-12-01","release_date_confirmed":true,"referral":"new","referral_date":"2026-06-01","consent":{"recorded_on":"2026-06-01","share_with":""},"needs":[{"area":"housing","status":"open","note":"needs a flat"}],"sensitive":["self_harm"],"safety_note":"` + canary + ` safety","closed_on":null,"retention_note":"","release_plan":[{"item":"housing","done":false,"note":""}]},
 {"id":"p2","name":"Beatrix Quennell","pseudonym":"Robin","date_of_birth":null,"prison_number":"","status":"custody_remand","establishment":"e1","sentence":"","release_date":null,"release_date_confirmed":false,"referral":"existing","referral_date":null,"consent":{"recorded_on":null,"share_with":""},"needs":[],"sensitive":[],"safety_note":"","closed_on":null,"retention_note":"","release_plan":[]}],
"contacts":[{"id":"c1","date":"2026-10-01","start":"13:30","end":"15:30","kind":"prison_visit","establishment":"e1","place":"","logistics":null,
   "people":[{"person":"p1","booked":true,"seen":true,"not_seen_reason":"","note":"Marguerite talked about housing","needs_discussed":["housing"],"items":[],"wellbeing":6},
             {"person":"p2","booked":true,"seen":true,"not_seen_reason":"","note":"Beatrix row: only hers","needs_discussed":[],"items":[],"wellbeing":null}]},
 {"id":"c2","date":"2026-10-08","start":"","end":"","kind":"phone","establishment":null,"place":"","logistics":null,
   "people":[{"person":"p1","booked":true,"seen":true,"not_seen_reason":"","note":"call","needs_discussed":[],"items":[],"wellbeing":null}]}],
"actions":[{"id":"t1","person":"p1","contact":"c1","agency":"a1","text":"Refer to housing","due":"2026-11-20","done_on":null}],
"events":[{"id":"v1","person":"p1","date":"2026-06-01","kind":"sentenced","note":""}],
"diary":[{"id":"d1","date":"2026-10-01","contact":"c1","template":"visit_reflection","sections":{"visit_detail":"Saw Marguerite Oyelaran. ` + canary + `","staff_reflection":"ok","positive_outcome":"","negative_outcome":"","learning":"listen"},"tags":["housing"],"status":"for_supervision"},
 {"id":"d2","date":"2026-10-08","contact":null,"template":"visit_reflection","sections":{"visit_detail":"a day","staff_reflection":"","positive_outcome":"","negative_outcome":"","learning":""},"tags":[],"status":"for_supervision"},
 {"id":"d3","date":"2026-10-09","contact":null,"template":"visit_reflection","sections":{"visit_detail":"draft","staff_reflection":"","positive_outcome":"","negative_outcome":"","learning":""},"tags":[],"status":"draft"}],
"supervision":[{"id":"s0","date":"2026-09-01","supervisor":"Sam Cole","entries":[],"comments":{},"notes":"","actions":[{"text":"Book training","owner":"Ann","due":"2026-12-01","done_on":null},{"text":"Done one","owner":"Ann","due":null,"done_on":"2026-09-10"}],"signed_off_on":"2026-09-01"}],
"letters":[{"id":"l1","person":"p1","date":"2026-10-10","direction":"out","channel":"letter","summary":"Wrote to Marguerite","enclosures":["stamps"],"reply_due":null}],
"readings":[{"id":"r1","person":"p1","date":"2026-10-01","area":"wellbeing","score":7,"contact":"c1"},{"id":"r2","person":"p2","date":"2026-10-01","area":"wellbeing","score":4,"contact":"c1"}],
"newsletters":[{"id":"n1","title":"Autumn","issue":3,"date":"2026-11-01","status":"draft","sections":[{"heading":"Poem","body":"A poem about autumn","contributor":"Robin","consent":true}],"sent_to":[],"checklist":[]}]
}`

// party is one practitioner's vault in a test.
type party struct {
	name   string
	v      *vault.Vault
	db     *sql.DB
	me     *identity.Identity
	folder string
}

var cheap = vault.Options{KDF: vault.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}, Migrations: schema.Migrations, Backups: -1}

// newParty creates a real vault in a temporary folder, with its identity,
// optionally filled with the practice above; folder is the shared folder.
func newParty(t *testing.T, name, folder string, withData bool) *party {
	t.Helper()
	path := filepath.Join(t.TempDir(), "inreach.vault")
	v, _, err := vault.Create(path, []byte("correct horse battery"), cheap)
	require.NoError(t, err)
	t.Cleanup(func() { v.Close() })
	me, err := identity.Ensure(v.DB())
	require.NoError(t, err)
	if withData {
		d, err := exchange.Read(strings.NewReader(practice))
		require.NoError(t, err)
		_, err = exchange.Import(ctx, v.DB(), d)
		require.NoError(t, err)
	}
	require.NoError(t, v.Save())
	p := &party{name: name, v: v, db: v.DB(), me: me, folder: folder}
	if folder != "" {
		require.NoError(t, teamwork.SetFolder(v.DB(), folder))
	}
	return p
}

// knows puts other on p's team list.
func (p *party) knows(t *testing.T, other *party, role string) team.Member {
	t.Helper()
	m, err := team.Add(p.db, other.name, other.me.Public().String(), role, true)
	require.NoError(t, err)
	return m
}

func (p *party) member(t *testing.T, name string) team.Member {
	t.Helper()
	m, err := team.ByName(p.db, name)
	require.NoError(t, err)
	return m
}

// send sends out into the shared folder and saves the vault.
func (p *party) send(t *testing.T, out *teamwork.Outgoing) *teamwork.Sent {
	t.Helper()
	path, err := teamwork.PathInFolder(p.db, out.Kind)
	require.NoError(t, err)
	s, err := teamwork.Send(ctx, p.db, p.me, out, path)
	require.NoError(t, err)
	require.NoError(t, p.v.Save())
	return s
}

// receive receives the file at path and saves the vault.
func (p *party) receive(path string) (*teamwork.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res, err := teamwork.Receive(ctx, p.db, p.me, f, path)
	if err != nil {
		return nil, err
	}
	return res, p.v.Save()
}

func (p *party) receiveBytes(b []byte) (*teamwork.Result, error) {
	return teamwork.Receive(ctx, p.db, p.me, bytes.NewReader(b), "x.inreach")
}

// state is everything in p's vault, to prove a refusal changed nothing.
func (p *party) state(t *testing.T) string {
	t.Helper()
	d, err := exchange.Export(ctx, p.db, exchange.ExportOptions{})
	require.NoError(t, err)
	d.ExportedAt = ""
	var b bytes.Buffer
	require.NoError(t, exchange.Write(&b, d))
	for _, q := range []string{`SELECT bundle_id || sender || kind FROM bundles_received`,
		`SELECT sender || bundle_id || document FROM supervisee_packs`, `SELECT id || heading || body FROM contributions`,
		`SELECT supervision_id || diary_id FROM supervision_changed`, `SELECT bundle_id FROM bundles_sent`} {
		rows, err := p.db.Query(q + ` ORDER BY 1`)
		require.NoError(t, err)
		for rows.Next() {
			var s string
			require.NoError(t, rows.Scan(&s))
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	return b.String()
}

func count(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	require.NoError(t, db.QueryRow(q, args...).Scan(&n))
	return n
}

// noCanaryIn checks every file under dir for the canary and the women's
// names.
func noCanaryIn(t *testing.T, dir string) int {
	t.Helper()
	files := 0
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if d.IsDir() {
			return nil
		}
		files++
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		for _, needle := range []string{canary, "Marguerite", "Oyelaran", "Beatrix"} {
			require.False(t, bytes.Contains(b, []byte(needle)), "%s found in %s", needle, p)
			require.False(t, strings.Contains(filepath.Base(p), needle))
		}
		return nil
	}))
	return files
}

// teamAddForTest puts other on ann's list as "Sam Two" (other does not
// know ann).
func teamAddForTest(other, ann *party) (any, error) {
	return teamAdd(ann, "Sam Two", other)
}
