package notes

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestARefusedSaveLeavesWhatItWasGivenUnchanged(t *testing.T) {
	s := newStore(t)
	before := snapshot(t, s)

	p := &Person{Name: "  Ann Smith  ", DateOfBirth: "2030-01-01",
		Needs: []Need{{Area: "housing"}}, Sensitive: []string{"self_harm"}}
	given := *p
	needs := p.Needs
	requireField(t, s.SavePerson(p), "DateOfBirth")
	require.Equal(t, given, *p, "nothing trimmed or defaulted in what she was given")
	require.Equal(t, "", needs[0].Status)

	a := &Agency{Name: "  Shelter  ", Email: " not-an-email "}
	givenA := *a
	requireField(t, s.SaveAgency(a), "Email")
	require.Equal(t, givenA, *a)

	e := &Establishment{Name: "   "}
	givenE := *e
	requireField(t, s.SaveEstablishment(e), "Name")
	require.Equal(t, givenE, *e, "the kind is not defaulted either")
	require.Equal(t, before, snapshot(t, s), "and nothing was written")

	// Saved: the caller holds what was stored; the slice it gave is its own.
	p.DateOfBirth = "1990-01-01"
	require.NoError(t, s.SavePerson(p))
	require.Equal(t, "Ann Smith", p.Name)
	require.Equal(t, "referred", p.Status)
	require.Equal(t, "open", p.Needs[0].Status)
	require.Equal(t, "", needs[0].Status, "the slice given is not written into")
	got, err := s.GetPerson(p.ID)
	require.NoError(t, err)
	require.Equal(t, got.Name, p.Name)
	require.Equal(t, got.Needs, p.Needs)
}
