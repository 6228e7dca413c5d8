package newsletter

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestARefusedLetterOrIssueLeavesWhatItWasGivenUnchanged(t *testing.T) {
	s := testStore(t)
	addWoman(t, s, "p1", "Ann Jones", "", "", "custody_sentenced", "")
	l := &Letter{PersonID: " p1 ", Direction: "in", Enclosures: []string{" stamps ", ""}, Date: "2025-07-01", ReplyDue: "2025-06-01"}
	given := *l
	encl := append([]string(nil), l.Enclosures...)
	_, ok := AsValidation(s.SaveLetter(l))
	require.True(t, ok)
	require.Equal(t, given, *l, "no trimming, no default channel, no enclosures dropped")
	require.Equal(t, encl, l.Enclosures)
	require.Empty(t, l.ID)

	is := &Issue{Title: "  Summer  ", Sections: []Section{{Heading: "Hi", Contributor: "Sam"}}, Checklist: []string{"return_address", "plain_paper"}}
	givenIs := *is
	check := append([]string(nil), is.Checklist...)
	_, ok = AsValidation(s.SaveIssue(is))
	require.True(t, ok, "an issue needs a date")
	require.Equal(t, givenIs, *is)
	require.Equal(t, check, is.Checklist, "the checklist is not reordered")

	var n int
	require.NoError(t, s.DB.QueryRow(`SELECT (SELECT count(*) FROM letters) + (SELECT count(*) FROM newsletters)`).Scan(&n))
	require.Zero(t, n)

	l.ReplyDue = ""
	require.NoError(t, s.SaveLetter(l))
	require.Equal(t, "p1", l.PersonID)
	require.Equal(t, "letter", l.Channel)
	require.Equal(t, []string{"stamps"}, l.Enclosures)
}
