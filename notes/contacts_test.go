package notes

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// visit builds a past prison visit at est seeing a and not seeing b.
func visit(est, a, b string) *Contact {
	return &Contact{
		Date: "2025-07-04", Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: est,
		RoomBooked: true, LateStartMinutes: 20, LogisticsNote: "Keys late",
		People: []ContactPerson{
			{PersonID: a, Booked: true, Seen: true, Note: "Talked about housing 🏠",
				NeedsDiscussed: []string{"housing", "substance_use"},
				Items:          []ItemQty{{"stamps", 6}, {"writing_materials", 1}}, Wellbeing: intp(7)},
			{PersonID: b, Booked: true, Seen: false, NotSeenReason: "not_escorted"},
		},
	}
}

func TestCreatingAndEditingAContactKeepsEveryWomansRow(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Drake Hall")
	a := mustPerson(t, s, "Ann", "custody_sentenced")
	b := mustPerson(t, s, "Bea", "custody_remand")
	c := visit(est, a, b)
	require.NoError(t, s.SaveContact(c))
	require.True(t, strings.HasPrefix(c.ID, "c-"))
	require.False(t, c.HasLogistics, "saving does not change what it was given")

	got, err := s.GetContact(c.ID)
	require.NoError(t, err)
	require.Equal(t, "HMP Drake Hall", got.PlaceName)
	require.Equal(t, "Ann", got.People[0].Name)
	require.Equal(t, "Bea", got.People[1].Name)
	want := visit(est, a, b)
	want.ID, want.HasLogistics, want.PlaceName = c.ID, true, "HMP Drake Hall"
	want.People[0].Name, want.People[1].Name = "Ann", "Bea"
	require.Equal(t, *want, *got)

	// Edit: Bea turned up after all; Ann's items change; a third woman added unannounced.
	d := mustPerson(t, s, "Dee", "custody_sentenced")
	got.People[1].Seen, got.People[1].NotSeenReason = true, ""
	got.People[0].Items = []ItemQty{{"clothes", 1}}
	got.People[0].NeedsDiscussed = nil
	got.People = append(got.People, ContactPerson{PersonID: d, Booked: false, Seen: true})
	require.NoError(t, s.SaveContact(got))
	again, err := s.GetContact(c.ID)
	require.NoError(t, err)
	require.Len(t, again.People, 3)
	require.True(t, again.People[1].Seen)
	require.Equal(t, []ItemQty{{"clothes", 1}}, again.People[0].Items)
	require.Nil(t, again.People[0].NeedsDiscussed)
	require.False(t, again.People[2].Booked)
	require.Equal(t, 1, count(t, s, "contacts", ""))
	require.Equal(t, 1, count(t, s, "contact_items", ""))
	require.Zero(t, count(t, s, "contact_needs", ""))
}

func TestEditingAContactKeepsActionsAndDiaryLinkedToIt(t *testing.T) {
	s := newStore(t)
	a := mustPerson(t, s, "Ann", "community")
	c := &Contact{Date: "2025-07-01", Kind: "community", People: []ContactPerson{{PersonID: a, Seen: true}}}
	require.NoError(t, s.SaveContact(c))
	act := &Action{PersonID: a, ContactID: c.ID, Text: "Ring housing"}
	require.NoError(t, s.SaveAction(act))
	_, err := s.DB.Exec(`INSERT INTO diary(id, date, contact_id) VALUES('d1', '2025-07-01', ?)`, c.ID)
	require.NoError(t, err)

	c.Place = "Café on the high street"
	require.NoError(t, s.SaveContact(c))
	got, err := s.GetAction(act.ID)
	require.NoError(t, err)
	require.Equal(t, c.ID, got.ContactID)
	require.Equal(t, 1, count(t, s, "diary", "contact_id = ?", c.ID))
}

func TestDeletingAContactRemovesItsPerWomanNotesNeedsAndItems(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Styal")
	a := mustPerson(t, s, "Ann", "custody_sentenced")
	b := mustPerson(t, s, "Bea", "custody_sentenced")
	keep := visit(est, a, b)
	require.NoError(t, s.SaveContact(keep))
	gone := visit(est, a, b)
	gone.Date = "2025-06-04"
	require.NoError(t, s.SaveContact(gone))
	act := &Action{PersonID: a, ContactID: gone.ID, Text: "Send stamps"}
	require.NoError(t, s.SaveAction(act))

	require.NoError(t, s.DeleteContact(gone.ID))
	for _, table := range []string{"contact_people", "contact_needs", "contact_items"} {
		require.Zero(t, count(t, s, table, "contact_id = ?", gone.ID), table)
		require.NotZero(t, count(t, s, table, "contact_id = ?", keep.ID), table)
	}
	_, err := s.GetContact(gone.ID)
	require.True(t, errors.Is(err, ErrNotFound))
	got, err := s.GetAction(act.ID)
	require.NoError(t, err, "the action stays")
	require.Empty(t, got.ContactID)
	require.True(t, errors.Is(s.DeleteContact(gone.ID), ErrNotFound))
}

func TestSaveContactRefusesBadInputNamingTheField(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(c *Contact)
		field string
	}{
		{"no date", func(c *Contact) { c.Date = "" }, "Date"},
		{"nonexistent date", func(c *Contact) { c.Date = "2025-02-30" }, "Date"},
		{"bad start", func(c *Contact) { c.Start = "1:30pm" }, "Start"},
		{"bad end", func(c *Contact) { c.End = "24:00" }, "End"},
		{"end before start", func(c *Contact) { c.Start, c.End = "14:00", "13:59" }, "End"},
		{"end without start", func(c *Contact) { c.Start = "" }, "Start"},
		{"unknown kind", func(c *Contact) { c.Kind = "party" }, "Kind"},
		{"no kind", func(c *Contact) { c.Kind = "" }, "Kind"},
		{"negative late start", func(c *Contact) { c.LateStartMinutes = -5 }, "LateStartMinutes"},
		{"missing establishment", func(c *Contact) { c.EstablishmentID = "e-gone" }, "EstablishmentID"},
		{"no woman chosen", func(c *Contact) { c.People[0].PersonID = "" }, "People[0].PersonID"},
		{"missing woman", func(c *Contact) { c.People[1].PersonID = "p-gone" }, "People[1].PersonID"},
		{"woman twice", func(c *Contact) { c.People[1].PersonID = c.People[0].PersonID }, "People[1].PersonID"},
		{"reason while seen", func(c *Contact) { c.People[0].NotSeenReason = "refused" }, "People[0].NotSeenReason"},
		{"unknown reason", func(c *Contact) { c.People[1].NotSeenReason = "asleep" }, "People[1].NotSeenReason"},
		{"not seen without reason on a past date", func(c *Contact) { c.People[1].NotSeenReason = "" }, "People[1].NotSeenReason"},
		{"wellbeing 0", func(c *Contact) { c.People[0].Wellbeing = intp(0) }, "People[0].Wellbeing"},
		{"wellbeing 11", func(c *Contact) { c.People[0].Wellbeing = intp(11) }, "People[0].Wellbeing"},
		{"quantity 0", func(c *Contact) { c.People[0].Items[1].Quantity = 0 }, "People[0].Items[1].Quantity"},
		{"unknown item", func(c *Contact) { c.People[0].Items[0].Item = "cake" }, "People[0].Items[0].Item"},
		{"item twice", func(c *Contact) { c.People[0].Items[1].Item = "stamps" }, "People[0].Items[1].Item"},
		{"unknown need", func(c *Contact) { c.People[0].NeedsDiscussed[0] = "money" }, "People[0].NeedsDiscussed[0]"},
		{"need twice", func(c *Contact) { c.People[0].NeedsDiscussed[1] = "housing" }, "People[0].NeedsDiscussed[1]"},
		{"note over 1 MiB", func(c *Contact) { c.People[0].Note = strings.Repeat("a", MaxTextBytes+1) }, "People[0].Note"},
		{"logistics note over 1 MiB", func(c *Contact) { c.LogisticsNote = strings.Repeat("a", MaxTextBytes+1) }, "LogisticsNote"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			est := mustPrison(t, s, "HMP Styal")
			c := visit(est, mustPerson(t, s, "Ann", "custody_sentenced"), mustPerson(t, s, "Bea", "custody_sentenced"))
			tc.edit(c)
			err := s.SaveContact(c)
			requireField(t, err, tc.field)
			require.Empty(t, c.ID)
			require.Zero(t, count(t, s, "contacts", ""))
			require.Zero(t, count(t, s, "contact_people", ""))
		})
	}
}

func TestAFailedEditLeavesTheStoredContactAsItWas(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Styal")
	c := visit(est, mustPerson(t, s, "Ann", "custody_sentenced"), mustPerson(t, s, "Bea", "custody_sentenced"))
	require.NoError(t, s.SaveContact(c))
	before, err := s.GetContact(c.ID)
	require.NoError(t, err)
	edit := *before
	edit.People = append([]ContactPerson(nil), before.People...)
	edit.People[0].PersonID = "p-gone"
	edit.People[1].Note = "changed"
	requireField(t, s.SaveContact(&edit), "People[0].PersonID")
	after, err := s.GetContact(c.ID)
	require.NoError(t, err)
	require.Equal(t, before, after)
}

func TestAPlannedVisitMayHaveWomenNotYetSeenWithoutReason(t *testing.T) {
	s := newStore(t)
	a := mustPerson(t, s, "Ann", "custody_sentenced")
	c := &Contact{Date: "2025-08-01", Start: "14:00", Kind: "prison_visit", Place: "Visits hall",
		People: []ContactPerson{{PersonID: a, Booked: true}}}
	require.NoError(t, s.SaveContact(c))
	require.False(t, c.HasLogistics)
	c.Start, c.End = "14:00", "14:00"
	require.NoError(t, s.SaveContact(c), "an end equal to the start is allowed")
}

func TestListContactsFiltersAndPutsNewestFirst(t *testing.T) {
	s := newStore(t)
	styal := mustPrison(t, s, "HMP Styal")
	drake := mustPrison(t, s, "HMP Drake Hall")
	a := mustPerson(t, s, "Ann", "custody_sentenced")
	b := mustPerson(t, s, "Bea", "custody_sentenced")
	mk := func(date, start, kind, est, place string, people ...ContactPerson) string {
		c := &Contact{Date: date, Start: start, Kind: kind, EstablishmentID: est, Place: place, People: people}
		require.NoError(t, s.SaveContact(c))
		return c.ID
	}
	seenA := ContactPerson{PersonID: a, Booked: true, Seen: true}
	seenB := ContactPerson{PersonID: b, Booked: false, Seen: true}
	missB := ContactPerson{PersonID: b, Booked: true, NotSeenReason: "refused"}
	v1 := mk("2025-05-02", "13:30", "prison_visit", styal, "", seenA, missB)
	v2 := mk("2025-06-06", "10:00", "prison_visit", drake, "", seenA, seenB)
	v3 := mk("2025-06-06", "14:00", "prison_visit", styal, "", seenA)
	r1 := mk("2025-06-20", "08:00", "release_day", "", "Crewe station", seenB)
	ph := mk("2025-07-01", "", "phone", "", "", seenA)

	all, err := s.ListContacts(ContactFilter{})
	require.NoError(t, err)
	ids := func(cs []ContactSummary) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	require.Equal(t, []string{ph, r1, v3, v2, v1}, ids(all))
	require.Equal(t, ContactSummary{ID: v1, Date: "2025-05-02", Start: "13:30", Kind: "prison_visit",
		EstablishmentID: styal, PlaceName: "HMP Styal", People: 2, Booked: 2, Seen: 1}, all[4])
	require.Equal(t, "Crewe station", all[1].PlaceName)

	for _, tc := range []struct {
		f    ContactFilter
		want []string
	}{
		{ContactFilter{Kind: "prison_visit"}, []string{v3, v2, v1}},
		{ContactFilter{PersonID: b}, []string{r1, v2, v1}},
		{ContactFilter{EstablishmentID: styal}, []string{v3, v1}},
		{ContactFilter{From: "2025-06-06", To: "2025-06-20"}, []string{r1, v3, v2}},
		{ContactFilter{Limit: 2}, []string{ph, r1}},
		{ContactFilter{Limit: 2, Offset: 2}, []string{v3, v2}},
		{ContactFilter{Kind: "court"}, nil},
	} {
		got, err := s.ListContacts(tc.f)
		require.NoError(t, err)
		require.Equal(t, tc.want, ids(got), "%+v", tc.f)
	}
}

func TestNextPrisonVisitIsTheEarliestFromTodayWithWhoIsBooked(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Styal")
	a := mustPerson(t, s, "Zoe", "custody_sentenced")
	b := mustPerson(t, s, "Amy", "custody_sentenced")
	d := mustPerson(t, s, "Dot", "custody_sentenced")
	c, booked, err := s.NextPrisonVisit(testToday)
	require.NoError(t, err)
	require.Nil(t, c)
	require.Nil(t, booked)

	require.NoError(t, s.SaveContact(&Contact{Date: "2025-07-01", Kind: "prison_visit", EstablishmentID: est,
		People: []ContactPerson{{PersonID: a, Booked: true, Seen: true}}}))
	later := &Contact{Date: "2025-08-07", Start: "13:30", Kind: "prison_visit", EstablishmentID: est,
		People: []ContactPerson{{PersonID: b, Booked: true}}}
	require.NoError(t, s.SaveContact(later))
	next := &Contact{Date: "2025-07-17", Start: "13:30", Kind: "prison_visit", EstablishmentID: est,
		People: []ContactPerson{{PersonID: a, Booked: true}, {PersonID: d, Booked: false}, {PersonID: b, Booked: true}}}
	require.NoError(t, s.SaveContact(next))
	require.NoError(t, s.SaveContact(&Contact{Date: "2025-07-12", Kind: "court", People: []ContactPerson{{PersonID: a}}}))

	c, booked, err = s.NextPrisonVisit(testToday)
	require.NoError(t, err)
	require.Equal(t, next.ID, c.ID)
	require.Len(t, booked, 2)
	require.Equal(t, "Zoe", booked[0].Name, "in the order of the visit")
	require.Equal(t, "Amy", booked[1].Name)
	require.Equal(t, "custody_sentenced", booked[0].Status)
	require.Equal(t, "2025-07-01", booked[0].LastContact, "seen at the last visit")
}

func TestCheckContactReportsProblemsWithoutSaving(t *testing.T) {
	s := newStore(t)
	c := Contact{Date: "2025-07-01", Start: "15:00", End: "14:00", Kind: "prison_visit", Place: "Visits hall"}
	requireField(t, s.CheckContact(c), "End")
	c.End = "16:00"
	require.NoError(t, s.CheckContact(c))
	require.Zero(t, count(t, s, "contacts", ""))
}

func TestTodaysNextPrisonVisitNeverListsAVisitAlreadyWrittenUp(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Styal")
	a := mustPerson(t, s, "Zoe", "custody_sentenced")
	b := mustPerson(t, s, "Amy", "custody_sentenced")
	// Today's visits were booked yesterday, before anyone could be seen.
	s.TodayFunc = func() string { return "2025-07-09" }
	morning := &Contact{Date: testToday, Start: "09:30", Kind: "prison_visit", EstablishmentID: est,
		People: []ContactPerson{{PersonID: a, Booked: true}, {PersonID: b, Booked: true}}}
	require.NoError(t, s.SaveContact(morning))
	afternoon := &Contact{Date: testToday, Start: "14:00", Kind: "prison_visit", EstablishmentID: est,
		People: []ContactPerson{{PersonID: b, Booked: true}}}
	require.NoError(t, s.SaveContact(afternoon))
	nextWeek := &Contact{Date: "2025-07-17", Start: "09:30", Kind: "prison_visit", EstablishmentID: est,
		People: []ContactPerson{{PersonID: a, Booked: true}}}
	require.NoError(t, s.SaveContact(nextWeek))
	s.TodayFunc = func() string { return testToday }

	v, err := s.Today(testToday)
	require.NoError(t, err)
	require.Equal(t, morning.ID, v.NextVisit.ID, "not written up yet: it is next")

	// The morning visit is written up: Zoe seen, Amy not brought down.
	morning.People[0].Seen = true
	morning.People[1].NotSeenReason = "not_escorted"
	require.NoError(t, s.SaveContact(morning))
	v, err = s.Today(testToday)
	require.NoError(t, err)
	require.Equal(t, afternoon.ID, v.NextVisit.ID)
	require.Equal(t, []string{"Amy"}, []string{v.NextVisitBooked[0].Name})

	afternoon.People[0].Seen = true
	require.NoError(t, s.SaveContact(afternoon))
	v, err = s.Today(testToday)
	require.NoError(t, err)
	require.Equal(t, nextWeek.ID, v.NextVisit.ID)

	// The written-up visits are still there, unchanged, for the contacts list.
	got, err := s.GetContact(morning.ID)
	require.NoError(t, err)
	require.Equal(t, "not_escorted", got.People[1].NotSeenReason)
	require.Equal(t, 3, count(t, s, "contacts", "kind = 'prison_visit'"))
}
