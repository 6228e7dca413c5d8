package uitest

import (
	"context"
	"database/sql"
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

// Colleague is a second practitioner's vault in a test, driven through the
// domain (the app under test is the other vault): her own identity, two
// diary entries for supervision about a prison visit, and the shared
// exchange folder.
type Colleague struct {
	Name string
	V    *vault.Vault
	DB   *sql.DB
	Me   *identity.Identity
}

// ColleagueVisitNote is her note of the prison visit her first entry is
// about; the supervisor sees it as the contact's facts.
const ColleagueVisitNote = "Talked about the first night after release"

const colleaguePractice = `{"format":"inreach","version":1,"exported_at":"2026-11-01T10:00:00Z",
"establishments":[{"id":"e1","name":"HMP Peterborough","kind":"prison","address":"","booking_contact":"","notes":""}],
"people":[{"id":"p1","name":"Marguerite Oyelaran","pseudonym":"Tamsin","date_of_birth":null,"prison_number":"","status":"custody_sentenced","establishment":"e1","sentence":"","release_date":null,"release_date_confirmed":false,"referral":"new","referral_date":null,"consent":{"recorded_on":null,"share_with":""},"needs":[],"sensitive":[],"safety_note":"","closed_on":null,"retention_note":"","release_plan":[]}],
"contacts":[{"id":"c1","date":"2026-10-01","start":"13:30","end":"15:30","kind":"prison_visit","establishment":"e1","place":"","logistics":null,
   "people":[{"person":"p1","booked":true,"seen":true,"not_seen_reason":"","note":"` + ColleagueVisitNote + `","needs_discussed":[],"items":[],"wellbeing":null}]}],
"diary":[{"id":"d1","date":"2026-10-01","contact":"c1","template":"visit_reflection","sections":{"visit_detail":"Saw Marguerite at the visits hall.","staff_reflection":"I felt rushed.","positive_outcome":"","negative_outcome":"","learning":""},"tags":[],"status":"for_supervision"},
 {"id":"d2","date":"2026-10-08","contact":null,"template":"visit_reflection","sections":{"visit_detail":"A quiet office day.","staff_reflection":"","positive_outcome":"","negative_outcome":"","learning":""},"tags":[],"status":"for_supervision"}]
}`

// NewColleague makes her vault (in a temp dir, cheap to open) with the
// exchange folder folder.
func NewColleague(t *testing.T, name, folder string) *Colleague {
	t.Helper()
	v, _, err := vault.Create(filepath.Join(t.TempDir(), "colleague.vault"), []byte("correct horse battery"),
		vault.Options{KDF: cheapKDF, Migrations: schema.Migrations, Backups: -1})
	require.NoError(t, err)
	t.Cleanup(func() { v.Close() })
	me, err := identity.Ensure(v.DB())
	require.NoError(t, err)
	SeedPractice(t, v.DB())
	require.NoError(t, teamwork.SetFolder(v.DB(), folder))
	require.NoError(t, v.Save())
	return &Colleague{Name: name, V: v, DB: v.DB(), Me: me}
}

// Knows puts someone on her team list by her ID line.
func (c *Colleague) Knows(t *testing.T, name, idLine, role string) team.Member {
	t.Helper()
	m, err := team.Add(c.DB, name, idLine, role, true)
	require.NoError(t, err)
	return m
}

// Send seals out into the exchange folder and returns the file's path.
func (c *Colleague) Send(t *testing.T, out *teamwork.Outgoing) string {
	t.Helper()
	path, err := teamwork.PathInFolder(c.DB, out.Kind)
	require.NoError(t, err)
	_, err = teamwork.Send(context.Background(), c.DB, c.Me, out, path)
	require.NoError(t, err)
	require.NoError(t, c.V.Save())
	return path
}

// SendsForSupervision sends her entries marked for supervision to the
// supervisor of that name on her team list.
func (c *Colleague) SendsForSupervision(t *testing.T, supervisor string) string {
	t.Helper()
	to, err := team.ByName(c.DB, supervisor)
	require.NoError(t, err)
	out, err := teamwork.PrepareSupervision(context.Background(), c.DB, to, teamwork.SupervisionOptions{})
	require.NoError(t, err)
	return c.Send(t, out)
}

// SeedPractice imports her small practice into db: a woman, a prison
// visit, and two diary entries for supervision (d1 about the visit, d2
// not).
func SeedPractice(t *testing.T, db *sql.DB) {
	t.Helper()
	d, err := exchange.Read(strings.NewReader(colleaguePractice))
	require.NoError(t, err)
	_, err = exchange.Import(context.Background(), db, d)
	require.NoError(t, err)
}

// MyID is the ID line of the app's own vault.
func MyID(t *testing.T, db *sql.DB) string {
	t.Helper()
	me, err := identity.Load(db)
	require.NoError(t, err)
	defer me.Wipe()
	return me.Public().String()
}
