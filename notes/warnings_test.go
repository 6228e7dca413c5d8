package notes

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAWomanInTheCommunityAddedToAPrisonVisitGetsAGentleWarning(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Styal")
	in := mustPerson(t, s, "Ann", "custody_sentenced")
	remand := mustPerson(t, s, "Bea", "custody_remand")
	referred := mustPerson(t, s, "Cat", "referred")
	out := map[string]string{}
	for _, st := range []string{"community", "released_licence", "community_order"} {
		out[st] = mustPerson(t, s, "Dee "+st, st)
	}
	closed := &Person{Name: "Eve", Status: "closed", ClosedOn: "2025-06-01"}
	require.NoError(t, s.SavePerson(closed))

	c := Contact{Date: "2025-07-04", Kind: "prison_visit", EstablishmentID: est, People: []ContactPerson{
		{PersonID: in, Seen: true}, {PersonID: out["community"], Seen: true}, {PersonID: remand, Seen: true},
		{PersonID: out["released_licence"], Seen: true}, {PersonID: referred, Seen: true},
		{PersonID: out["community_order"], Seen: true}, {PersonID: closed.ID, Seen: true}, {PersonID: "p-gone"}, {}}}
	keep := c
	keep.People = append([]ContactPerson(nil), c.People...)
	before := snapshot(t, s)

	ws, err := s.ContactWarnings(c)
	require.NoError(t, err)
	require.Equal(t, []Warning{
		{Field: "People[1].PersonID", PersonID: out["community"], Message: "Dee community is recorded as in the community, not in prison. If she is at this visit, you may want to update her status on her page."},
		{Field: "People[3].PersonID", PersonID: out["released_licence"], Message: "Dee released_licence is recorded as released on licence, not in prison. If she is at this visit, you may want to update her status on her page."},
		{Field: "People[5].PersonID", PersonID: out["community_order"], Message: "Dee community_order is recorded as community order, not in prison. If she is at this visit, you may want to update her status on her page."},
		{Field: "People[6].PersonID", PersonID: closed.ID, Message: "Eve's record is closed. If she is at this visit, you may want to reopen it on her page."},
	}, ws)
	require.Equal(t, keep, c, "the contact is not changed")
	require.Equal(t, before, snapshot(t, s), "nothing is written")

	// A warning is not an error: the visit saves once the missing rows go.
	c.People = c.People[:7]
	require.NoError(t, s.SaveContact(&c))

	// Other kinds of contact warn of nothing.
	c.Kind = "community"
	c.Place = "Café"
	ws, err = s.ContactWarnings(c)
	require.NoError(t, err)
	require.Empty(t, ws)
}
