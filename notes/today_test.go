package notes

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTodayOnASmallHandBuiltDataset(t *testing.T) {
	s := newStore(t)
	styal := mustPrison(t, s, "HMP Styal")
	person := func(name, status, release string, confirmed bool) string {
		p := &Person{Name: name, Status: status, EstablishmentID: styal, ReleaseDate: release, ReleaseDateConfirmed: confirmed}
		if status == "closed" {
			p.ClosedOn = "2025-07-01"
		}
		require.NoError(t, s.SavePerson(p))
		return p.ID
	}
	// testToday is 2025-07-10; the release window runs to 2025-07-24.
	ann := person("Ann", "custody_sentenced", "2025-07-10", true) // today: in
	bea := person("Bea", "custody_remand", "2025-07-24", false)   // last day: in
	_ = person("Cat", "custody_sentenced", "2025-07-25", true)    // one day too far
	_ = person("Dot", "released_licence", "2025-07-12", true)     // already out
	_ = person("Eve", "closed", "2025-07-12", false)              // closed
	fay := person("Fay", "referred", "2025-07-15", false)         // referred: in
	require.NoError(t, s.SetPlanItem(ann, "housing", true, ""))
	require.NoError(t, s.SetPlanItem(ann, "id", true, ""))
	require.NoError(t, s.SetPlanItem(ann, "phone", false, "Ordered"))

	for _, a := range []*Action{
		{ID: "t-old", PersonID: ann, Text: "a", Due: "2025-06-01"},
		{ID: "t-yday", PersonID: bea, Text: "b", Due: "2025-07-09"},
		{ID: "t-today", PersonID: ann, Text: "c", Due: "2025-07-10"},
		{ID: "t-week", Text: "d", Due: "2025-07-17"},
		{ID: "t-8days", PersonID: ann, Text: "e", Due: "2025-07-18"},
		{ID: "t-donelate", PersonID: ann, Text: "f", Due: "2025-07-01", DoneOn: "2025-07-02"},
		{ID: "t-nodue", PersonID: ann, Text: "g"},
	} {
		require.NoError(t, s.SaveAction(a))
	}

	past := &Contact{Date: "2025-07-03", Kind: "prison_visit", EstablishmentID: styal,
		People: []ContactPerson{{PersonID: ann, Booked: true, Seen: true}}}
	next := &Contact{Date: "2025-07-17", Start: "13:30", Kind: "prison_visit", EstablishmentID: styal,
		People: []ContactPerson{{PersonID: bea, Booked: true}, {PersonID: fay, Booked: false}}}
	for _, c := range []*Contact{past, next} {
		require.NoError(t, s.SaveContact(c))
	}

	exec(t, s, `INSERT INTO letters(id, person_id, date, direction, channel, reply_due) VALUES
		('l-answered', ?, '2025-06-01', 'in', 'letter', '2025-06-15'),
		('l-reply', ?, '2025-06-01', 'out', 'letter', NULL),
		('l-waiting', ?, '2025-07-01', 'in', 'letter', '2025-07-15'),
		('l-older-reply', ?, '2025-06-20', 'out', 'letter', NULL),
		('l-noreplyneeded', ?, '2025-07-02', 'in', 'email', NULL),
		('l-email', ?, '2025-07-05', 'in', 'email', '2025-07-08')`, ann, ann, bea, bea, fay, fay)
	exec(t, s, `INSERT INTO supervision(id, date) VALUES ('s1', '2025-06-20')`)
	exec(t, s, `INSERT INTO supervision_actions(supervision_id, position, text, owner, due, done_on) VALUES
		('s1', 0, 'Read the trauma guide', 'me', '2025-07-30', NULL),
		('s1', 1, 'Done already', 'me', '2025-07-01', '2025-07-01'),
		('s1', 2, 'Book training', 'manager', NULL, NULL)`)

	v, err := s.Today(testToday)
	require.NoError(t, err)
	require.Equal(t, testToday, v.Today)

	require.Equal(t, []ReleaseDue{
		{PersonID: ann, Name: "Ann", EstablishmentName: "HMP Styal", Date: "2025-07-10", Confirmed: true, MissingPlanItems: 8},
		{PersonID: fay, Name: "Fay", EstablishmentName: "HMP Styal", Date: "2025-07-15", Confirmed: false, MissingPlanItems: 10},
		{PersonID: bea, Name: "Bea", EstablishmentName: "HMP Styal", Date: "2025-07-24", Confirmed: false, MissingPlanItems: 10},
	}, v.Releases)

	actionIDs := func(as []Action) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	require.Equal(t, []string{"t-old", "t-yday"}, actionIDs(v.Overdue))
	require.Equal(t, []string{"t-today", "t-week"}, actionIDs(v.DueSoon))
	require.Equal(t, "Bea", v.Overdue[1].PersonName)

	require.NotNil(t, v.NextVisit)
	require.Equal(t, next.ID, v.NextVisit.ID)
	require.Len(t, v.NextVisitBooked, 1)
	require.Equal(t, "Bea", v.NextVisitBooked[0].Name)

	var waiting []string
	for _, l := range v.AwaitingReply {
		waiting = append(waiting, l.LetterID)
	}
	require.Equal(t, []string{"l-email", "l-waiting"}, waiting)
	require.Equal(t, "Fay", v.AwaitingReply[0].Name)

	require.Equal(t, []SupervisionAction{
		{SupervisionID: "s1", Position: 0, SessionDate: "2025-06-20", Text: "Read the trauma guide", Owner: "me", Due: "2025-07-30"},
		{SupervisionID: "s1", Position: 2, SessionDate: "2025-06-20", Text: "Book training", Owner: "manager"},
	}, v.SupervisionActions)
}

func TestTodayOnAnEmptyVaultIsEmpty(t *testing.T) {
	s := newStore(t)
	v, err := s.Today(testToday)
	require.NoError(t, err)
	require.Empty(t, v.Releases)
	require.Empty(t, v.Overdue)
	require.Empty(t, v.DueSoon)
	require.Nil(t, v.NextVisit)
	require.Empty(t, v.AwaitingReply)
	require.Empty(t, v.SupervisionActions)
}

func TestTodayRefusesABadDate(t *testing.T) {
	s := newStore(t)
	_, err := s.Today("2025-02-30")
	require.Error(t, err)
}
