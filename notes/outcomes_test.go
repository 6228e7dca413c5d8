package notes

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAPersonWithoutOutcomeFactsIsNotRecordedAndUnknown(t *testing.T) {
	s := newStore(t)
	id := mustPerson(t, s, "Dee Fisher", "community")
	p, err := s.GetPerson(id)
	require.NoError(t, err)
	require.Equal(t, "not_recorded", p.Ethnicity)
	require.Equal(t, "not_recorded", p.OffenceGroup)
	require.Nil(t, p.PreviousCustodialSentences)

	zero := 0
	p.PreviousCustodialSentences = &zero // none before is not the same as not known
	require.NoError(t, s.SavePerson(p))
	again, err := s.GetPerson(id)
	require.NoError(t, err)
	require.NotNil(t, again.PreviousCustodialSentences)
	require.Equal(t, 0, *again.PreviousCustodialSentences)
}

func TestBadOutcomeFactsOnAPersonAreRefusedNamingTheFieldAndNothingIsWritten(t *testing.T) {
	s := newStore(t)
	id := mustPerson(t, s, "Dee Fisher", "community")
	before, err := s.GetPerson(id)
	require.NoError(t, err)
	for _, tc := range []struct {
		field string
		edit  func(p *Person)
	}{
		{"Ethnicity", func(p *Person) { p.Ethnicity = "martian" }},
		{"OffenceGroup", func(p *Person) { p.OffenceGroup = "jaywalking" }},
		{"PreviousCustodialSentences", func(p *Person) { p.PreviousCustodialSentences = intp(-1) }},
		{"PreviousCustodialSentences", func(p *Person) { p.PreviousCustodialSentences = intp(MaxPreviousSentences + 1) }},
	} {
		p := *before
		tc.edit(&p)
		requireField(t, s.SavePerson(&p), tc.field)
		requireField(t, s.CheckPerson(p), tc.field)
		after, err := s.GetPerson(id)
		require.NoError(t, err)
		require.Equal(t, before, after)
	}
}

func TestNoticeDaysBelongOnlyToAReleaseAndAnOutcomeOnlyToACourtOutcome(t *testing.T) {
	s := newStore(t)
	pid := mustPerson(t, s, "Dee Fisher", "community")

	rel := &Event{PersonID: pid, Date: "2025-06-01", Kind: "released", NoticeDays: intp(1)}
	require.NoError(t, s.SaveEvent(rel))
	got, err := s.GetEvent(rel.ID)
	require.NoError(t, err)
	require.Equal(t, rel, got)

	court := &Event{PersonID: pid, Date: "2025-05-01", Kind: "court_outcome", Outcome: "suspended_sentence"}
	require.NoError(t, s.SaveEvent(court))
	list, err := s.ListEvents(pid)
	require.NoError(t, err)
	require.Equal(t, []Event{*rel, *court}, list)

	for _, tc := range []struct {
		field string
		e     Event
	}{
		{"NoticeDays", Event{PersonID: pid, Date: "2025-06-02", Kind: "housed", NoticeDays: intp(3)}},
		{"NoticeDays", Event{PersonID: pid, Date: "2025-06-02", Kind: "released", NoticeDays: intp(-1)}},
		{"Outcome", Event{PersonID: pid, Date: "2025-06-02", Kind: "sentenced", Outcome: "custody"}},
		{"Outcome", Event{PersonID: pid, Date: "2025-06-02", Kind: "court_outcome", Outcome: "hanged"}},
	} {
		e := tc.e
		requireField(t, s.SaveEvent(&e), tc.field)
	}
	require.Equal(t, 2, count(t, s, "events", ""))
}

func TestAReadingIsSavedListedOldestFirstAndCheckedLikeTheForm(t *testing.T) {
	s := newStore(t)
	pid := mustPerson(t, s, "Dee Fisher", "community")
	other := mustPerson(t, s, "Eve Grant", "community")
	c := &Contact{Date: "2025-07-01", Kind: "community", People: []ContactPerson{{PersonID: pid, Seen: true}}}
	require.NoError(t, s.SaveContact(c))

	later := &Reading{PersonID: pid, Date: "2025-07-01", Area: "wellbeing", Score: 7, ContactID: c.ID}
	earlier := &Reading{PersonID: pid, Date: "2025-06-01", Area: "housing", Score: 2}
	require.NoError(t, s.SaveReading(later))
	require.NoError(t, s.SaveReading(earlier))
	require.NoError(t, s.SaveReading(&Reading{PersonID: other, Date: "2025-06-01", Area: "wellbeing", Score: 5}))

	list, err := s.ListReadings(pid)
	require.NoError(t, err)
	require.Equal(t, []Reading{*earlier, *later}, list)
	at, err := s.ListContactReadings(c.ID)
	require.NoError(t, err)
	require.Equal(t, []Reading{*later}, at)

	for _, tc := range []struct {
		field string
		r     Reading
	}{
		{"Score", Reading{PersonID: pid, Date: "2025-07-02", Area: "wellbeing", Score: 0}},
		{"Score", Reading{PersonID: pid, Date: "2025-07-02", Area: "wellbeing", Score: 11}},
		{"Area", Reading{PersonID: pid, Date: "2025-07-02", Area: "happiness", Score: 5}},
		{"Date", Reading{PersonID: pid, Date: "2025-02-30", Area: "wellbeing", Score: 5}},
		{"PersonID", Reading{Date: "2025-07-02", Area: "wellbeing", Score: 5}},
		{"PersonID", Reading{PersonID: "p-gone", Date: "2025-07-02", Area: "wellbeing", Score: 5}},
		{"ContactID", Reading{PersonID: pid, Date: "2025-07-02", Area: "wellbeing", Score: 5, ContactID: "c-gone"}},
	} {
		r := tc.r
		requireField(t, s.SaveReading(&r), tc.field)
	}
	require.Equal(t, 3, count(t, s, "readings", ""))

	// Deleting the contact keeps the reading (without the contact);
	// deleting her removes her readings and no one else's.
	require.NoError(t, s.DeleteContact(c.ID))
	got, err := s.GetReading(later.ID)
	require.NoError(t, err)
	require.Equal(t, "", got.ContactID)
	require.NoError(t, s.DeletePerson(pid))
	require.Equal(t, 0, count(t, s, "readings", "person_id = ?", pid))
	require.Equal(t, 1, count(t, s, "readings", "person_id = ?", other))
	require.ErrorIs(t, s.DeleteReading(list[0].ID), ErrNotFound) // gone with her
}

// Her readings per area for the chart: wellbeing first, then need areas in
// their order; within an area by date, and on one day by id (r-a before
// r-b); first, latest and change from that order.
func TestReadingSeriesGroupsHerReadingsByAreaInOrder(t *testing.T) {
	s := newStore(t)
	pid := mustPerson(t, s, "Dee Fisher", "community")
	other := mustPerson(t, s, "Eve Grant", "community")
	for _, r := range []Reading{
		{ID: "r-h1", PersonID: pid, Date: "2025-03-01", Area: "housing", Score: 2},
		{ID: "r-b", PersonID: pid, Date: "2025-01-10", Area: "wellbeing", Score: 3},
		{ID: "r-a", PersonID: pid, Date: "2025-01-10", Area: "wellbeing", Score: 5},
		{ID: "r-c", PersonID: pid, Date: "2025-06-01", Area: "wellbeing", Score: 8},
		{ID: "r-z", PersonID: pid, Date: "2024-12-01", Area: "wellbeing", Score: 1},
		{ID: "r-o", PersonID: other, Date: "2025-02-01", Area: "wellbeing", Score: 9},
	} {
		r := r
		require.NoError(t, s.SaveReading(&r))
	}
	got, err := s.ReadingSeries(pid, "2025-01-01", "")
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.Equal(t, "wellbeing", got[0].Area)
	require.Equal(t, []string{"r-a", "r-b", "r-c"}, []string{got[0].Points[0].ID, got[0].Points[1].ID, got[0].Points[2].ID})
	require.Equal(t, 5, got[0].First)
	require.Equal(t, 8, got[0].Latest)
	require.Equal(t, 3, got[0].Change)
	require.Equal(t, "housing", got[1].Area)
	require.Equal(t, "Housing", got[1].Label)
	require.Equal(t, 0, got[1].Change)

	all, err := s.ReadingSeries(pid, "", "")
	require.NoError(t, err)
	require.Equal(t, 1, all[0].First, "without a start, her reading of 2024 is the first")
	require.Equal(t, 7, all[0].Change)
}
