package diary

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSigningOffASessionMarksItsEntriesDiscussedAndShowsTheComments(t *testing.T) {
	s, _ := newStore(t)
	a := entry("2025-07-01", "for_supervision", nil, "a")
	b := entry("2025-07-08", "for_supervision", nil, "b")
	other := entry("2025-07-09", "for_supervision", nil, "c")
	for _, e := range []*Entry{a, b, other} {
		require.NoError(t, s.Save(e))
	}
	ss := &Session{Date: "2025-07-20", Supervisor: "Ann Supervisor", Notes: "Good month.",
		Entries: []SessionEntry{{DiaryID: a.ID, Comment: "Well handled."}, {DiaryID: b.ID}},
		Actions: []SessionAction{{Text: "Read the housing policy", Owner: "Practitioner", Due: "2025-08-01"}}}
	require.NoError(t, s.SaveSession(ss))
	require.NotEmpty(t, ss.ID)

	// Saved but not signed off: still waiting.
	require.Equal(t, "for_supervision", statusOf(t, s, a.ID))

	ss.SignedOffOn = "2025-07-21"
	require.NoError(t, s.SaveSession(ss))
	require.Equal(t, "discussed", statusOf(t, s, a.ID))
	require.Equal(t, "discussed", statusOf(t, s, b.ID))
	require.Equal(t, "for_supervision", statusOf(t, s, other.ID), "not in the session")

	got, err := s.Get(a.ID)
	require.NoError(t, err)
	require.Equal(t, []Comment{{SessionID: ss.ID, Date: "2025-07-20", Supervisor: "Ann Supervisor", Text: "Well handled."}}, got.Comments)
	gotB, err := s.Get(b.ID)
	require.NoError(t, err)
	require.Empty(t, gotB.Comments, "an empty comment is not shown")

	back, err := s.GetSession(ss.ID)
	require.NoError(t, err)
	require.Equal(t, ss, back)
}

func TestTakingAnEntryOutOfASignedOffSessionReopensIt(t *testing.T) {
	s, _ := newStore(t)
	a := entry("2025-07-01", "for_supervision", nil, "a")
	b := entry("2025-07-02", "for_supervision", nil, "b")
	require.NoError(t, s.Save(a))
	require.NoError(t, s.Save(b))
	ss := &Session{Date: "2025-07-20", SignedOffOn: "2025-07-20",
		Entries: []SessionEntry{{DiaryID: a.ID}, {DiaryID: b.ID}}}
	require.NoError(t, s.SaveSession(ss))
	ss.Entries = ss.Entries[:1]
	require.NoError(t, s.SaveSession(ss))
	require.Equal(t, "discussed", statusOf(t, s, a.ID))
	require.Equal(t, "for_supervision", statusOf(t, s, b.ID))

	// Withdrawing the sign-off reopens the rest.
	ss.SignedOffOn = ""
	require.NoError(t, s.SaveSession(ss))
	require.Equal(t, "for_supervision", statusOf(t, s, a.ID))
}

func TestDeletingASessionReopensOnlyEntriesNoOtherSignedSessionCovers(t *testing.T) {
	s, _ := newStore(t)
	a := entry("2025-07-01", "for_supervision", nil, "a")
	b := entry("2025-07-02", "for_supervision", nil, "b")
	require.NoError(t, s.Save(a))
	require.NoError(t, s.Save(b))
	one := &Session{Date: "2025-07-20", SignedOffOn: "2025-07-20", Entries: []SessionEntry{{DiaryID: a.ID}, {DiaryID: b.ID}}}
	two := &Session{Date: "2025-08-20", SignedOffOn: "2025-08-21", Entries: []SessionEntry{{DiaryID: a.ID, Comment: "Again."}}}
	require.NoError(t, s.SaveSession(one))
	require.NoError(t, s.SaveSession(two))
	require.NoError(t, s.DeleteSession(one.ID))
	require.Equal(t, "discussed", statusOf(t, s, a.ID), "still covered by the second session")
	require.Equal(t, "for_supervision", statusOf(t, s, b.ID))
	_, err := s.GetSession(one.ID)
	require.True(t, errors.Is(err, ErrNotFound))
	require.True(t, errors.Is(s.DeleteSession(one.ID), ErrNotFound))
}

func TestAReopenedEntryStaysOpenWhenItsOldSessionIsSavedAgain(t *testing.T) {
	s, _ := newStore(t)
	a := entry("2025-07-01", "for_supervision", nil, "a")
	require.NoError(t, s.Save(a))
	ss := &Session{Date: "2025-07-20", SignedOffOn: "2025-07-20", Entries: []SessionEntry{{DiaryID: a.ID}}}
	require.NoError(t, s.SaveSession(ss))
	require.NoError(t, s.SetStatus(a.ID, "for_supervision"))
	ss.Notes = "typo fixed"
	require.NoError(t, s.SaveSession(ss))
	require.Equal(t, "for_supervision", statusOf(t, s, a.ID))
	// A new signed-off session that includes it marks it discussed again.
	next := &Session{Date: "2025-08-20", SignedOffOn: "2025-08-20", Entries: []SessionEntry{{DiaryID: a.ID}}}
	require.NoError(t, s.SaveSession(next))
	require.Equal(t, "discussed", statusOf(t, s, a.ID))
}

func TestBadSessionsAreRefusedNamingTheField(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(ss *Session)
		field string
	}{
		{"no date", func(ss *Session) { ss.Date = "" }, "Date"},
		{"signed off before it happened", func(ss *Session) { ss.SignedOffOn = "2025-07-19" }, "SignedOffOn"},
		{"bad sign-off date", func(ss *Session) { ss.SignedOffOn = "soon" }, "SignedOffOn"},
		{"entry twice", func(ss *Session) { ss.Entries = append(ss.Entries, ss.Entries[0]) }, "Entries[1].DiaryID"},
		{"entry missing", func(ss *Session) { ss.Entries[0].DiaryID = "d-gone" }, "Entries[0].DiaryID"},
		{"action without text", func(ss *Session) { ss.Actions[0].Text = "  " }, "Actions[0].Text"},
		{"action bad due", func(ss *Session) { ss.Actions[0].Due = "2025-13-01" }, "Actions[0].Due"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newStore(t)
			e := entry("2025-07-01", "for_supervision", nil, "a")
			require.NoError(t, s.Save(e))
			ss := &Session{Date: "2025-07-20", Entries: []SessionEntry{{DiaryID: e.ID}},
				Actions: []SessionAction{{Text: "Do it"}}}
			tc.edit(ss)
			err := s.SaveSession(ss)
			v, ok := AsValidation(err)
			require.True(t, ok, "want a ValidationError, got %v", err)
			require.True(t, v.Has(tc.field), "want %s in %v", tc.field, v)
			require.Empty(t, ss.ID)
			list, err := s.ListSessions("", "")
			require.NoError(t, err)
			require.Empty(t, list)
		})
	}
}

func TestCandidateEntriesAreThoseMarkedForSupervisionInThePeriodPlusTheSessions(t *testing.T) {
	s, _ := newStore(t)
	in := entry("2025-07-05", "for_supervision", nil, "in")
	draft := entry("2025-07-06", "draft", nil, "draft")
	before := entry("2025-06-30", "for_supervision", nil, "before")
	old := entry("2025-05-01", "discussed", nil, "old but in the session")
	for _, e := range []*Entry{in, draft, before, old} {
		require.NoError(t, s.Save(e))
	}
	got, err := s.CandidateEntries("2025-07-01", "2025-07-31", "")
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, in.ID, got[0].ID)

	ss := &Session{Date: "2025-07-20", Entries: []SessionEntry{{DiaryID: old.ID}}}
	require.NoError(t, s.SaveSession(ss))
	got, err = s.CandidateEntries("2025-07-01", "2025-07-31", ss.ID)
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.Equal(t, in.ID, got[0].ID, "newest first")
	require.Equal(t, old.ID, got[1].ID)
}

func TestOpenActionsListsWhatIsNotDoneSoonestFirst(t *testing.T) {
	s, _ := newStore(t)
	one := &Session{Date: "2025-07-20", Supervisor: "Ann", Actions: []SessionAction{
		{Text: "No date"}, {Text: "Late", Due: "2025-09-01"}, {Text: "Done", Due: "2025-07-01", DoneOn: "2025-07-02"}}}
	two := &Session{Date: "2025-08-20", Supervisor: "Bea", Actions: []SessionAction{{Text: "Soon", Owner: "Me", Due: "2025-08-25"}}}
	require.NoError(t, s.SaveSession(one))
	require.NoError(t, s.SaveSession(two))
	open, err := s.OpenActions()
	require.NoError(t, err)
	var texts []string
	for _, a := range open {
		texts = append(texts, a.Text)
	}
	require.Equal(t, []string{"Soon", "Late", "No date"}, texts)
	require.Equal(t, OpenAction{SessionID: two.ID, SessionDate: "2025-08-20", Supervisor: "Bea", Position: 0, Text: "Soon", Owner: "Me", Due: "2025-08-25"}, open[0])

	require.NoError(t, s.SetActionDone(one.ID, open[1].Position, "2025-08-30"))
	open, err = s.OpenActions()
	require.NoError(t, err)
	require.Len(t, open, 2)
	got, err := s.GetSession(one.ID)
	require.NoError(t, err)
	require.Equal(t, "2025-08-30", got.Actions[1].DoneOn)
	require.True(t, errors.Is(s.SetActionDone(one.ID, 9, "2025-08-30"), ErrNotFound))
	_, ok := AsValidation(s.SetActionDone(one.ID, 0, "tomorrow"))
	require.True(t, ok)

	list, err := s.ListSessions("2025-08-01", "")
	require.NoError(t, err)
	require.Len(t, list, 1)
	require.Equal(t, SessionSummary{ID: two.ID, Date: "2025-08-20", Supervisor: "Bea", OpenActions: 1}, list[0])
}
