package notes

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSettingAContactsReadingsUpdatesAddsAndDropsOnlyThoseNamed(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann Lee", "community")
	bea := mustPerson(t, s, "Bea Moss", "community")
	c := &Contact{Date: "2025-07-01", Kind: "community", People: []ContactPerson{{PersonID: ann, Seen: true}, {PersonID: bea, Seen: true}}}
	require.NoError(t, s.SaveContact(c))
	other := &Reading{PersonID: ann, Date: "2025-06-01", Area: "wellbeing", Score: 2} // on her page, at no contact
	require.NoError(t, s.SaveReading(other))
	beaHousing := &Reading{PersonID: bea, Date: "2025-07-01", Area: "housing", Score: 5, ContactID: c.ID}
	require.NoError(t, s.SaveReading(beaHousing))

	require.NoError(t, s.SetContactReadings(c.ID, []Reading{
		{PersonID: ann, Date: c.Date, Area: "wellbeing", Score: 6},
		{PersonID: ann, Date: c.Date, Area: "housing", Score: 3},
	}, nil))
	got, err := s.ListContactReadings(c.ID)
	require.NoError(t, err)
	require.Len(t, got, 3, "Ann's two and Bea's housing, untouched")
	var annWell Reading
	for _, r := range got {
		if r.PersonID == ann && r.Area == "wellbeing" {
			annWell = r
		}
	}
	require.Equal(t, 6, annWell.Score)

	// Again: her wellbeing is updated in place (same id); housing dropped.
	require.NoError(t, s.SetContactReadings(c.ID, []Reading{{PersonID: ann, Date: c.Date, Area: "wellbeing", Score: 8}},
		[]ReadingKey{{ann, "housing"}, {ann, "wellbeing"}}))
	got, err = s.ListContactReadings(c.ID)
	require.NoError(t, err)
	require.Len(t, got, 2)
	again, err := s.GetReading(annWell.ID)
	require.NoError(t, err)
	require.Equal(t, 8, again.Score, "kept its id, named in both set and drop: set wins")
	stillBea, err := s.GetReading(beaHousing.ID)
	require.NoError(t, err)
	require.Equal(t, *beaHousing, *stillBea)
	stillOther, err := s.GetReading(other.ID)
	require.NoError(t, err)
	require.Equal(t, *other, *stillOther, "a reading at no contact is untouched")
}

func TestABadContactReadingIsRefusedByPositionAndNothingIsWritten(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann Lee", "community")
	c := &Contact{Date: "2025-07-01", Kind: "community", People: []ContactPerson{{PersonID: ann, Seen: true}}}
	require.NoError(t, s.SaveContact(c))
	err := s.SetContactReadings(c.ID, []Reading{
		{PersonID: ann, Date: c.Date, Area: "wellbeing", Score: 6},
		{PersonID: ann, Date: c.Date, Area: "housing", Score: 11},
	}, nil)
	v, ok := AsValidation(err)
	require.True(t, ok, "%v", err)
	require.Equal(t, []string{"Readings[1].Score"}, v.Fields())
	got, err := s.ListContactReadings(c.ID)
	require.NoError(t, err)
	require.Empty(t, got)
	require.Error(t, s.SetContactReadings("c-missing", []Reading{{PersonID: ann, Date: c.Date, Area: "wellbeing", Score: 6}}, nil))
	all, err := s.ListReadings(ann)
	require.NoError(t, err)
	require.Empty(t, all)
}
