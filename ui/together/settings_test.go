package together_test

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/identity"
	"inreach/team"
	"inreach/ui/together"
	"inreach/ui/uitest"
)

func TestTheIDCardShowsThisVaultsIDAndFingerprintAndCopiesTheLine(t *testing.T) {
	u, _ := supervisorWithFolder(t)
	c := together.NewCards(u.Shell.Env)
	me, err := identity.Load(u.Sess.DB)
	require.NoError(t, err)
	id := me.Public()
	require.True(t, uitest.HasText(c.Content(), id.String()))
	require.True(t, uitest.HasText(c.Content(), together.FingerprintLines(id.Fingerprint())))
	test.Tap(uitest.FindButton(t, c.Content(), "Copy"))
	require.Equal(t, id.String(), u.App.Clipboard().Content())
}

func TestTheTeamListSaysPlainlyWhyAMalformedOwnOrDuplicateIDIsRefusedAndAddsAGoodOne(t *testing.T) {
	u, folder := supervisorWithFolder(t)
	c := together.NewCards(u.Shell.Env)
	ann := uitest.NewColleague(t, "Ann Lee", folder)
	add := func(name, id string) {
		c.Name.SetText(name)
		c.ID.SetText(id)
		test.Tap(uitest.FindButton(t, c.Content(), "Add to the team"))
	}
	count := func() int {
		ms, err := team.List(u.Sess.DB)
		require.NoError(t, err)
		return len(ms)
	}

	add("Ann Lee", "inreach1-not-an-id")
	require.True(t, c.Problem.Visible())
	require.Contains(t, c.Problem.Text, "This is not an Inreach ID")
	require.Zero(t, count())

	add("Me Again", uitest.MyID(t, u.Sess.DB))
	require.True(t, c.Problem.Visible())
	require.Contains(t, c.Problem.Text, "That is this vault's own Inreach ID")
	require.Zero(t, count())

	c.Role.SetSelected("supervisee")
	test.Tap(c.Verified)
	add("Ann Lee", ann.Me.Public().String())
	require.False(t, c.Problem.Visible(), "a good ID is added")
	require.Empty(t, c.ID.Text, "the form is cleared")
	m, err := team.ByName(u.Sess.DB, "Ann Lee")
	require.NoError(t, err)
	require.Equal(t, "supervisee", m.Role)
	require.True(t, m.Verified)
	require.True(t, uitest.HasText(c.Content(), ann.Me.Public().Fingerprint()), "listed with her fingerprint")

	add("Ann Again", ann.Me.Public().String())
	require.Contains(t, c.Problem.Text, "That Inreach ID is already on the team list as Ann Lee")
	require.Equal(t, 1, count(), "a duplicate is not added")
	require.Equal(t, "Ann Again", c.Name.Text, "nothing typed is lost")

	test.Tap(uitest.FindButton(t, c.Content(), "Remove"))
	test.Tap(uitest.FindButton(t, top(u), "Keep her"))
	require.Equal(t, 1, count(), "keeping her keeps her")
	test.Tap(uitest.FindButton(t, c.Content(), "Remove"))
	test.Tap(uitest.FindButton(t, top(u), "Remove"))
	require.Zero(t, count())
}
