package letters

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/identity"
	"inreach/newsletter"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/uitest"
)

func TestAColleaguesSectionWaitsWithItsSafetyCheckUntilTheEditorAcceptsItAndHerOwnGoesToTheEditor(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	lettersTestWomen(t, u)
	db := u.Sess.DB
	folder := t.TempDir()
	require.NoError(t, teamwork.SetFolder(db, folder))
	bea := uitest.NewColleague(t, "Bea Marsh", folder)
	editor := bea.Knows(t, "Ann Lee", uitest.MyID(t, db), "editor")
	_, err := team.Add(db, "Bea Marsh", bea.Me.Public().String(), "editor", true)
	require.NoError(t, err)

	// Bea sends a poem that names a woman on this vault's caseload.
	hers := &newsletter.Issue{Title: "Her draft", Date: "2026-11-01", Sections: []newsletter.Section{
		{Heading: "A poem", Body: "For Dana Whitfield, with love from the garden group.", Contributor: "Robin", Consent: true}}}
	require.NoError(t, newsletter.New(bea.DB).SaveIssue(hers))
	out, err := teamwork.PrepareContribution(context.Background(), bea.DB, editor, hers.ID, 1)
	require.NoError(t, err)
	path := bea.Send(t, out)
	mine, err := identity.Load(db)
	require.NoError(t, err)
	_, err = teamwork.ReceiveFile(context.Background(), db, mine, path)
	require.NoError(t, err)

	s, ed := newsletterTestIssue(t, u, "News from the team.")
	require.True(t, ed.save(true))
	issueID := ed.is.ID
	s.news.reload()
	test.Tap(uitest.FindButton(t, s.Content(), "Contributions (1 waiting)"))
	v := s.news.Contributions
	require.NotNil(t, v)
	require.True(t, uitest.HasText(v.Content(), "From Bea Marsh"))
	require.True(t, uitest.HasText(v.Content(), "By Robin"))
	require.True(t, uitest.HasText(v.Content(), "she agreed to it being printed"))
	require.True(t, uitest.HasText(v.Content(), "Safety check:"))
	require.False(t, uitest.HasText(v.Content(), "Safety check: nothing found."), "her real name is found")
	before, err := u.Sess.Letters.GetIssue(issueID)
	require.NoError(t, err)
	require.Len(t, before.Sections, 1)

	test.Tap(uitest.FindButton(t, v.Content(), "Accept into this issue"))
	after, err := u.Sess.Letters.GetIssue(issueID)
	require.NoError(t, err)
	require.Len(t, after.Sections, 2)
	require.Equal(t, before.Sections[0], after.Sections[0], "the issue's own section is untouched")
	require.Equal(t, "A poem", after.Sections[1].Heading)
	require.Equal(t, "Robin", after.Sections[1].Contributor)
	waiting, err := u.Sess.Letters.Contributions(true)
	require.NoError(t, err)
	require.Empty(t, waiting)
	require.True(t, uitest.HasText(v.Content(), "No contributions waiting"))

	// Her own section goes to Bea, the editor on her team list.
	s.news.open(issueID)
	ed = s.news.editor
	test.Tap(uitest.FindButton(t, ed.cards[0].root, "Send to the editor"))
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Send"))
	u.Idle()
	require.True(t, uitest.HasText(u.Win.Canvas().Overlays().Top(), "Sent to Bea Marsh"))
	files, err := filepath.Glob(filepath.Join(folder, "*contribution*"))
	require.NoError(t, err)
	require.Len(t, files, 2, "hers and this one")
	var sent string
	for _, f := range files {
		if f != path {
			sent = f
		}
	}
	_, err = teamwork.ReceiveFile(context.Background(), bea.DB, bea.Me, sent)
	require.NoError(t, err)
	got, err := newsletter.New(bea.DB).Contributions(true)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, "From the team", got[0].Section.Heading)
	require.Equal(t, "Ann Lee", got[0].SenderName)
}
