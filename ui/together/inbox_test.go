package together_test

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/supervisees"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui"
	"inreach/ui/sections"
	"inreach/ui/together"
	"inreach/ui/uitest"
)

// top is the dialog on top of the window.
func top(u *ui.UI) fyne.CanvasObject { return u.Win.Canvas().Overlays().Top() }

// supervisorWithFolder is the app over a new vault whose exchange folder
// is a temp dir.
func supervisorWithFolder(t *testing.T) (*ui.UI, string) {
	u := uitest.NewTestUI(t, sections.App)
	uitest.OpenTestVault(t, u)
	folder := t.TempDir()
	require.NoError(t, teamwork.SetFolder(u.Sess.DB, folder))
	return u, folder
}

func TestTheInboxListsABundleRefusesAnUnknownSenderPlainlyThenReceivesOnOneClickAndTidiesAway(t *testing.T) {
	u, folder := supervisorWithFolder(t)
	ann := uitest.NewColleague(t, "Ann Lee", folder)
	ann.Knows(t, "Sam Cole", uitest.MyID(t, u.Sess.DB), "supervisor")
	path := ann.SendsForSupervision(t, "Sam Cole")

	in := u.Shell.Inbox
	require.False(t, in.Content().Visible(), "nothing looked at yet")
	in.Check(false)
	u.Idle()
	require.True(t, in.Content().Visible(), "the banner shows what waits")
	require.Contains(t, in.Summary.Text, "1 waiting: supervision pack from someone not on your team list")

	test.Tap(uitest.FindButton(t, in.Content(), "Open the inbox"))
	u.Idle()
	inbox := top(u)
	test.Tap(uitest.FindButton(t, inbox, "Receive"))
	u.Idle()
	require.True(t, uitest.HasText(inbox, "Not received. This bundle is from someone who is not on your team list"), "the refusal in plain words")

	// She is not on the team list: refused, her fingerprint shown large,
	// and nothing changed.
	fp := ann.Me.Public().Fingerprint()
	offer := top(u)
	require.True(t, uitest.HasText(offer, together.FingerprintLines(fp)), "her fingerprint, to compare")
	packs, err := supervisees.ListPacks(u.Sess.DB)
	require.NoError(t, err)
	require.Empty(t, packs, "a refused bundle changes nothing")
	members, err := team.List(u.Sess.DB)
	require.NoError(t, err)
	require.Empty(t, members)

	// Add her (fingerprints compared), and receive again.
	name := uitest.Entries(offer)[0]
	uitest.TypeInto(u, name, "Ann Lee")
	test.Tap(uitest.FindCheck(t, offer, "I compared this fingerprint"))
	test.Tap(uitest.FindButton(t, offer, "Add her to the team"))
	u.Idle()
	m, err := team.ByName(u.Sess.DB, "Ann Lee")
	require.NoError(t, err)
	require.True(t, m.Verified)
	require.Equal(t, fp, m.Fingerprint())

	require.Equal(t, inbox, top(u), "back to the inbox")
	require.True(t, uitest.HasText(inbox, "Ann Lee is on your team list now"))
	test.Tap(uitest.FindButton(t, inbox, "Receive"))
	u.Idle()
	require.True(t, uitest.HasText(inbox, "Received a supervision pack of 2 diary entries from Ann Lee."))
	packs, err = supervisees.ListPacks(u.Sess.DB)
	require.NoError(t, err)
	require.Len(t, packs, 1)
	require.False(t, in.Content().Visible(), "nothing waits any more")
	require.True(t, uitest.HasText(inbox, "(already received)"))
	require.False(t, hasButton(inbox, "Receive"), "no Receive on a bundle already received")

	test.Tap(uitest.FindButton(t, inbox, "Tidy away received bundles"))
	u.Idle()
	require.True(t, uitest.HasText(inbox, "1 received bundle was removed"))
	_, err = os.Stat(path)
	require.True(t, os.IsNotExist(err), "the received bundle is gone from the folder")
	packs, err = supervisees.ListPacks(u.Sess.DB)
	require.NoError(t, err)
	require.Len(t, packs, 1, "tidying keeps what was received")
}

func TestTheInboxBannerFollowsTheFolderOnTheSessionsTimer(t *testing.T) {
	u, folder := supervisorWithFolder(t)
	in := u.Shell.Inbox
	uitest.Eventually(t, func() bool { return in.Summary.Text == "" }, "the first look finds nothing")
	ann := uitest.NewColleague(t, "Ann Lee", folder)
	ann.Knows(t, "Sam Cole", uitest.MyID(t, u.Sess.DB), "supervisor")
	_, err := team.Add(u.Sess.DB, "Ann Lee", ann.Me.Public().String(), "supervisee", true)
	require.NoError(t, err)
	ann.SendsForSupervision(t, "Sam Cole")
	require.False(t, in.Content().Visible(), "not until the next look")
	uitest.Eventually(t, func() bool { return in.Content().Visible() }, "the banner appears on the next look")
	require.Equal(t, "1 waiting: supervision pack from Ann Lee", in.Summary.Text)
}

func hasButton(root fyne.CanvasObject, label string) bool {
	found := false
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Visible() && strings.Contains(b.Text, label) && !strings.Contains(b.Text, "received") {
			found = true
		}
		return !found
	})
	return found
}
