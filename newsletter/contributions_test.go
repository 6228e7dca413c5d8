package newsletter

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

func addContribution(t *testing.T, s *Store, sec Section) string {
	t.Helper()
	c := &Contribution{BundleID: "b", Sender: "FP", SenderName: "Ann Reed", ReceivedAt: "2026-11-01T10:00:00Z", Section: sec}
	require.NoError(t, schema.WithTx(s.DB, func(tx *sql.Tx) error { return AddContributionTx(tx, c) }))
	return c.ID
}

func TestAcceptingAContributionAppendsItAndSendsAReadyIssueBackToDraft(t *testing.T) {
	s, _ := newStoreForContributions(t)
	id := addContribution(t, s, Section{Heading: "Poem", Body: "Autumn", Contributor: "Robin", Consent: true})
	is := Issue{Title: "Winter", Date: "2026-12-01", Sections: []Section{{Heading: "News", Body: "Hello"}}, Checklist: schema.NewsletterCheck.Values}
	require.NoError(t, s.SaveIssue(&is))
	require.NoError(t, setStatus(s, is.ID, "ready"))
	require.NoError(t, s.AcceptContribution(id, is.ID))
	got, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	require.Equal(t, "draft", got.Status, "changed content is checked again before it is ready")
	require.Equal(t, []Section{{Heading: "News", Body: "Hello"}, {Heading: "Poem", Body: "Autumn", Contributor: "Robin", Consent: true}}, got.Sections)
	c, err := s.GetContribution(id)
	require.NoError(t, err)
	require.Equal(t, ContributionAccepted, c.Status)
	require.Equal(t, is.ID, c.NewsletterID)
}

func TestASentIssueTakesNoContributionAndNothingChanges(t *testing.T) {
	s, _ := newStoreForContributions(t)
	id := addContribution(t, s, Section{Heading: "Poem", Body: "Autumn"})
	is := Issue{Title: "Winter", Date: "2026-12-01", Sections: []Section{{Heading: "News", Body: "Hello"}}}
	require.NoError(t, s.SaveIssue(&is))
	require.NoError(t, setStatus(s, is.ID, "sent"))
	require.Error(t, s.AcceptContribution(id, is.ID))
	got, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	require.Len(t, got.Sections, 1)
	waiting, err := s.Contributions(true)
	require.NoError(t, err)
	require.Len(t, waiting, 1)

	require.NoError(t, s.DeclineContribution(id))
	require.ErrorIs(t, s.DeclineContribution(id), ErrNotWaiting)
	waiting, err = s.Contributions(true)
	require.NoError(t, err)
	require.Empty(t, waiting)
	all, err := s.Contributions(false)
	require.NoError(t, err)
	require.Equal(t, ContributionDeclined, all[0].Status)
}

func TestTheSafetyCheckRunsOnAContributionAlone(t *testing.T) {
	s, _ := newStoreForContributions(t)
	clean := addContribution(t, s, Section{Heading: "Poem", Body: "Autumn leaves", Contributor: "Robin", Consent: true})
	rep, err := s.CheckContribution(clean)
	require.NoError(t, err)
	require.True(t, rep.Clean(), "%v", rep.Findings)
	risky := addContribution(t, s, Section{Heading: "Hi", Body: "Ring me on 07700 900123", Contributor: "Robin"})
	rep, err = s.CheckContribution(risky)
	require.NoError(t, err)
	kinds := map[string]bool{}
	for _, f := range rep.Findings {
		kinds[f.Kind] = true
	}
	require.True(t, kinds[KindPhone])
	require.True(t, kinds[KindNoConsent])
	require.False(t, kinds[KindChecklist], "the issue's checklist is not the contributor's business")
}

func TestABadContributionIsRefusedNamingTheField(t *testing.T) {
	s, _ := newStoreForContributions(t)
	c := &Contribution{Section: Section{Body: "\xff"}}
	err := schema.WithTx(s.DB, func(tx *sql.Tx) error { return AddContributionTx(tx, c) })
	require.ErrorContains(t, err, "Body")
	all, err := s.Contributions(false)
	require.NoError(t, err)
	require.Empty(t, all)
}

func newStoreForContributions(t *testing.T) (*Store, *sql.DB) {
	s := testStore(t)
	return s, s.DB
}

// setStatus sets an issue's status directly (the status changes are
// tested elsewhere).
func setStatus(s *Store, id, status string) error {
	_, err := s.DB.Exec(`UPDATE newsletters SET status = ? WHERE id = ?`, status, id)
	return err
}
