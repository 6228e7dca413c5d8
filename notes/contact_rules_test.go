package notes

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// snapshot reads every table a contact save may touch, so a test can prove
// what did not change.
func snapshot(t *testing.T, s *Store) map[string][][]any {
	t.Helper()
	out := map[string][][]any{}
	for _, q := range []string{
		`SELECT id, name, status FROM people ORDER BY id`,
		`SELECT person_id, area, status, note, position FROM person_needs ORDER BY person_id, area`,
		`SELECT id, date, kind, COALESCE(establishment_id, ''), place, has_logistics FROM contacts ORDER BY id`,
		`SELECT contact_id, person_id, seen FROM contact_people ORDER BY contact_id, person_id`,
		`SELECT contact_id, person_id, area FROM contact_needs ORDER BY contact_id, person_id, area`,
	} {
		rows, err := s.DB.Query(q)
		require.NoError(t, err)
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rows.Scan(ptrs...))
			out[q] = append(out[q], vals)
		}
		require.NoError(t, rows.Err())
		rows.Close()
	}
	return out
}

func TestSavingAContactDoesNotChangeTheContactItWasGiven(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Styal")
	a := mustPerson(t, s, "Ann", "custody_sentenced")
	b := mustPerson(t, s, "Bea", "custody_remand")
	c := visit(est, a, b)
	want := visit(est, a, b)
	require.NoError(t, s.CheckContact(*c))
	require.NoError(t, s.SaveContact(c))
	want.ID = c.ID // the one documented write-back
	require.Equal(t, *want, *c)
	require.False(t, c.HasLogistics)

	got, err := s.GetContact(c.ID)
	require.NoError(t, err)
	require.True(t, got.HasLogistics, "room booked, a late start and a note are stored as logistics recorded")
	require.True(t, c.Logistics())

	none := &Contact{Date: "2025-07-01", Kind: "community", Place: "Café"}
	require.NoError(t, s.SaveContact(none))
	got, err = s.GetContact(none.ID)
	require.NoError(t, err)
	require.False(t, got.HasLogistics, "nothing recorded stays nothing recorded")
}

func TestAPrisonVisitNeedsAPlace(t *testing.T) {
	s := newStore(t)
	a := mustPerson(t, s, "Ann", "custody_sentenced")
	before := snapshot(t, s)
	c := &Contact{Date: "2025-07-01", Kind: "prison_visit", Place: "   ",
		People: []ContactPerson{{PersonID: a, Seen: true}}}
	requireField(t, s.CheckContact(*c), "EstablishmentID")
	requireField(t, s.SaveContact(c), "EstablishmentID")
	require.Empty(t, c.ID)
	require.Equal(t, before, snapshot(t, s), "a refused contact writes nothing")

	c.Place = "The visits hall at the gate"
	require.NoError(t, s.SaveContact(c))
	est := mustPrison(t, s, "HMP Drake Hall")
	d := &Contact{Date: "2025-07-01", Kind: "prison_visit", EstablishmentID: est}
	require.NoError(t, s.SaveContact(d))
	// Other kinds may leave the place empty (a phone call has none).
	require.NoError(t, s.SaveContact(&Contact{Date: "2025-07-01", Kind: "phone"}))
}

func TestAContactCannotEndBeforeItStarts(t *testing.T) {
	s := newStore(t)
	c := &Contact{Date: "2025-07-01", Kind: "community", Place: "Café", Start: "14:00", End: "13:59"}
	requireField(t, s.SaveContact(c), "End")
	c.End = "14:00"
	require.NoError(t, s.SaveContact(c))
}

func TestAContactDatedInTheFutureCannotRecordAnyoneAsSeen(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Styal")
	a := mustPerson(t, s, "Ann", "custody_sentenced")
	before := snapshot(t, s)
	c := &Contact{Date: "2025-07-11", Kind: "prison_visit", EstablishmentID: est,
		People: []ContactPerson{{PersonID: a, Booked: true, Seen: true}}}
	err := s.SaveContact(c)
	requireField(t, err, "People[0].Seen")
	require.Contains(t, err.Error(), "still to come")
	require.Equal(t, before, snapshot(t, s))

	// Booked and not yet seen is how a future visit is written.
	c.People[0].Seen = false
	require.NoError(t, s.SaveContact(c))
	// Today itself is not the future.
	c.Date, c.People[0].Seen = testToday, true
	require.NoError(t, s.SaveContact(c))
}

func TestANeedDiscussedAtAVisitBecomesAnOpenNeedOnHerRecord(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Styal")
	a := mustPerson(t, s, "Ann", "custody_sentenced")
	other := mustPerson(t, s, "Ann", "custody_sentenced") // same name, not at the visit
	p, err := s.GetPerson(a)
	require.NoError(t, err)
	p.Needs = []Need{
		{Area: "benefits_debt", Status: "in_progress", Note: "Bank account"},
		{Area: "substance_use", Status: "met", Note: "Finished the course"},
		{Area: "mental_health", Status: "open", Note: "Waiting list"},
	}
	require.NoError(t, s.SavePerson(p))
	o, err := s.GetPerson(other)
	require.NoError(t, err)
	o.Needs = []Need{{Area: "housing", Status: "met", Note: "Flat found"}}
	require.NoError(t, s.SavePerson(o))
	otherBefore := count(t, s, "person_needs", "person_id = ? AND area = 'housing' AND status = 'met' AND note = 'Flat found'", other)
	require.Equal(t, 1, otherBefore)

	c := &Contact{Date: "2025-07-04", Kind: "prison_visit", EstablishmentID: est,
		People: []ContactPerson{{PersonID: a, Seen: true,
			NeedsDiscussed: []string{"housing", "benefits_debt", "substance_use", "mental_health"}}}}
	opened, err := s.SaveContactOpeningNeeds(c)
	require.NoError(t, err)
	require.Equal(t, []OpenedNeed{
		{PersonID: a, Name: "Ann", Area: "housing"},
		{PersonID: a, Name: "Ann", Area: "substance_use", Reopened: true},
	}, opened)

	got, err := s.GetPerson(a)
	require.NoError(t, err)
	require.Equal(t, []Need{
		{Area: "benefits_debt", Status: "in_progress", Note: "Bank account"},
		{Area: "substance_use", Status: "open", Note: "Finished the course"},
		{Area: "mental_health", Status: "open", Note: "Waiting list"},
		{Area: "housing", Status: "open"},
	}, got.Needs, "in progress and open needs are untouched, the met one reopened with its note, housing added last")
	require.Equal(t, 1, count(t, s, "person_needs", "person_id = ? AND area = 'housing' AND status = 'met' AND note = 'Flat found'", other),
		"the other woman of the same name keeps her needs")
	require.Equal(t, 1, count(t, s, "person_needs", "person_id = ?", other))
}

func TestResavingAContactDoesNotReopenANeedClosedSince(t *testing.T) {
	s := newStore(t)
	a := mustPerson(t, s, "Ann", "community")
	c := &Contact{Date: "2025-07-04", Kind: "community", Place: "Café",
		People: []ContactPerson{{PersonID: a, Seen: true, NeedsDiscussed: []string{"housing"}}}}
	opened, err := s.SaveContactOpeningNeeds(c)
	require.NoError(t, err)
	require.Len(t, opened, 1)

	p, err := s.GetPerson(a)
	require.NoError(t, err)
	p.Needs[0].Status = "met"
	require.NoError(t, s.SavePerson(p))

	c.People[0].Note = "A typo put right"
	opened, err = s.SaveContactOpeningNeeds(c)
	require.NoError(t, err)
	require.Empty(t, opened)
	p, err = s.GetPerson(a)
	require.NoError(t, err)
	require.Equal(t, "met", p.Needs[0].Status)

	// Plain SaveContact applies the same rule.
	c.People[0].NeedsDiscussed = []string{"housing", "benefits_debt"}
	require.NoError(t, s.SaveContact(c))
	p, err = s.GetPerson(a)
	require.NoError(t, err)
	require.Equal(t, []Need{{Area: "housing", Status: "met"}, {Area: "benefits_debt", Status: "open"}}, p.Needs)
}

func TestARefusedContactOpensNoNeed(t *testing.T) {
	s := newStore(t)
	a := mustPerson(t, s, "Ann", "community")
	before := snapshot(t, s)
	c := &Contact{Date: "2025-07-04", Kind: "community", Start: "10:00", End: "09:00",
		People: []ContactPerson{{PersonID: a, Seen: true, NeedsDiscussed: []string{"housing"}}}}
	opened, err := s.SaveContactOpeningNeeds(c)
	requireField(t, err, "End")
	require.Nil(t, opened)
	require.Equal(t, before, snapshot(t, s))
}

func TestAPhoneCallAsksWhyYouDidNotSpeakNotWhySheWasNotSeen(t *testing.T) {
	s := newStore(t)
	a := mustPerson(t, s, "Ann", "community")
	c := &Contact{Date: "2025-07-04", Kind: "phone", People: []ContactPerson{{PersonID: a}}}
	err := s.SaveContact(c)
	requireField(t, err, "People[0].NotSeenReason")
	require.Contains(t, err.Error(), "did not speak to her")
	require.NotContains(t, err.Error(), "seen")

	c.Date, c.People[0].Seen = "2025-07-11", true
	err = s.SaveContact(c)
	requireField(t, err, "People[0].Seen")
	require.Contains(t, err.Error(), "the call cannot have happened yet")

	v := &Contact{Date: "2025-07-04", Kind: "community", Place: "Café", People: []ContactPerson{{PersonID: a}}}
	err = s.SaveContact(v)
	require.Contains(t, err.Error(), "Say why she was not seen (choose Other if you are not sure), or tick Seen.")
}
