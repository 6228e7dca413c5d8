package newsletter

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLetterSaveRefusesBadFieldsAndWritesNothing(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	cases := []struct {
		name  string
		l     Letter
		field string
	}{
		{"no woman", Letter{Date: "2025-07-01", Direction: "in"}, "PersonID"},
		{"unknown woman", Letter{PersonID: "p-nobody", Date: "2025-07-01", Direction: "in"}, "PersonID"},
		{"no date", Letter{PersonID: "p-mary", Direction: "in"}, "Date"},
		{"impossible date", Letter{PersonID: "p-mary", Date: "2025-02-30", Direction: "in"}, "Date"},
		{"bad direction", Letter{PersonID: "p-mary", Date: "2025-07-01", Direction: "sideways"}, "Direction"},
		{"bad channel", Letter{PersonID: "p-mary", Date: "2025-07-01", Direction: "in", Channel: "pigeon"}, "Channel"},
		{"reply due not a date", Letter{PersonID: "p-mary", Date: "2025-07-01", Direction: "in", ReplyDue: "soon"}, "ReplyDue"},
		{"reply due before letter", Letter{PersonID: "p-mary", Date: "2025-07-01", Direction: "in", ReplyDue: "2025-06-30"}, "ReplyDue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := s.SaveLetter(&c.l)
			v, ok := AsValidation(err)
			require.True(t, ok, "want a validation error, got %v", err)
			require.True(t, v.Has(c.field), "want a problem with %s, got %v", c.field, v)
			require.Empty(t, c.l.ID)
		})
	}
	rows, err := s.ListLetters(LetterFilter{})
	require.NoError(t, err)
	require.Empty(t, rows)
}

func TestLetterSavedWithEnclosuresReadsBackAndDeletes(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	l := Letter{PersonID: "p-ann", Date: "2025-07-02", Direction: "out", Summary: "Sent stamps and a card — £5 postal order",
		Enclosures: []string{"stamps", " ", "writing paper "}, ReplyDue: "2025-07-02"}
	require.NoError(t, s.SaveLetter(&l))
	require.NotEmpty(t, l.ID)
	got, err := s.GetLetter(l.ID)
	require.NoError(t, err)
	require.Equal(t, Letter{ID: l.ID, PersonID: "p-ann", Date: "2025-07-02", Direction: "out", Channel: "letter",
		Summary: "Sent stamps and a card — £5 postal order", Enclosures: []string{"stamps", "writing paper"}, ReplyDue: "2025-07-02"}, got)

	got.Enclosures = []string{"newsletter"}
	got.Channel = "email"
	require.NoError(t, s.SaveLetter(&got))
	again, err := s.GetLetter(l.ID)
	require.NoError(t, err)
	require.Equal(t, got, again)

	require.NoError(t, s.DeleteLetter(l.ID))
	_, err = s.GetLetter(l.ID)
	require.True(t, errors.Is(err, ErrNotFound))
	require.True(t, errors.Is(s.DeleteLetter(l.ID), ErrNotFound))
	var n int
	require.NoError(t, s.DB.QueryRow(`SELECT COUNT(*) FROM letter_enclosures`).Scan(&n))
	require.Zero(t, n)
}

func TestLetterListFiltersAndPutsNewestFirstWithHerName(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	for _, l := range []Letter{
		{ID: "l1", PersonID: "p-mary", Date: "2025-05-01", Direction: "in", Enclosures: []string{"drawing"}},
		{ID: "l2", PersonID: "p-mary", Date: "2025-06-01", Direction: "out"},
		{ID: "l3", PersonID: "p-ann", Date: "2025-06-15", Direction: "in", Channel: "phone"},
		{ID: "l4", PersonID: "p-ann", Date: "2025-07-01", Direction: "out", Enclosures: []string{"stamps", "card"}},
	} {
		require.NoError(t, s.SaveLetter(&l))
	}
	ids := func(f LetterFilter) []string {
		rows, err := s.ListLetters(f)
		require.NoError(t, err)
		var out []string
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return out
	}
	require.Equal(t, []string{"l4", "l3", "l2", "l1"}, ids(LetterFilter{}))
	require.Equal(t, []string{"l2", "l1"}, ids(LetterFilter{PersonID: "p-mary"}))
	require.Equal(t, []string{"l3", "l2"}, ids(LetterFilter{From: "2025-06-01", To: "2025-06-30"}))
	require.Equal(t, []string{"l3", "l1"}, ids(LetterFilter{Direction: "in"}))

	rows, err := s.ListLetters(LetterFilter{PersonID: "p-ann"})
	require.NoError(t, err)
	require.Equal(t, "Ann Jones", rows[0].PersonName)
	require.Equal(t, []string{"stamps", "card"}, rows[0].Enclosures)

	_, err = s.ListLetters(LetterFilter{From: "last week"})
	v, ok := AsValidation(err)
	require.True(t, ok)
	require.True(t, v.Has("From"))
}

func TestLetterAwaitingReplyUntilSheIsWrittenBackTo(t *testing.T) {
	s := testStore(t) // today is 2025-07-15
	twoPrisons(t, s)
	save := func(l Letter) {
		t.Helper()
		require.NoError(t, s.SaveLetter(&l))
	}
	// Mary wrote on 1 July, reply due 10 July: overdue, nothing sent since.
	save(Letter{ID: "in-mary", PersonID: "p-mary", Date: "2025-07-01", Direction: "in", ReplyDue: "2025-07-10"})
	// An outgoing letter to Mary from BEFORE her letter does not answer it.
	save(Letter{ID: "old-out", PersonID: "p-mary", Date: "2025-06-20", Direction: "out"})
	// The newsletter mailing after her letter does not answer it either.
	save(Letter{ID: "mailing", PersonID: "p-mary", Date: "2025-07-05", Direction: "out",
		Summary: MailingSummary(4, "Summer"), Enclosures: []string{MailingEnclosure}})
	// A reply to Ann does not answer Mary.
	save(Letter{ID: "out-ann-other", PersonID: "p-ann", Date: "2025-07-12", Direction: "out"})
	// Zoë wrote on 10 July, reply due 20 July: waiting, not overdue.
	save(Letter{ID: "in-zoe", PersonID: "p-zoe", Date: "2025-07-10", Direction: "in", ReplyDue: "2025-07-20"})
	// Ann wrote on 8 July, reply due 9 July, and was answered on the same
	// day she wrote (on/after counts).
	save(Letter{ID: "in-ann", PersonID: "p-ann", Date: "2025-07-08", Direction: "in", ReplyDue: "2025-07-09"})
	save(Letter{ID: "out-ann", PersonID: "p-ann", Date: "2025-07-08", Direction: "out", Channel: "phone"})
	// Kate wrote with no reply due: not in the list.
	save(Letter{ID: "in-kate", PersonID: "p-kate", Date: "2025-07-01", Direction: "in"})
	// An outgoing letter with a reply due is not awaiting OUR reply.
	save(Letter{ID: "out-zoe", PersonID: "p-zoe", Date: "2025-07-01", Direction: "out", ReplyDue: "2025-07-30"})

	aw, err := s.AwaitingReply("2025-07-15")
	require.NoError(t, err)
	require.Len(t, aw, 2)
	require.Equal(t, "in-mary", aw[0].ID)
	require.Equal(t, "Mary Ellen Smith", aw[0].PersonName)
	require.True(t, aw[0].Overdue)
	require.Equal(t, -5, aw[0].DaysLeft)
	require.Equal(t, "in-zoe", aw[1].ID)
	require.False(t, aw[1].Overdue)
	require.Equal(t, 5, aw[1].DaysLeft)

	rows, err := s.ListLetters(LetterFilter{AwaitingReply: true})
	require.NoError(t, err)
	require.Len(t, rows, 2)
	require.Equal(t, "in-zoe", rows[0].ID) // newest first in the list

	// A real reply to Mary, dated after her letter, clears it.
	save(Letter{PersonID: "p-mary", Date: "2025-07-14", Direction: "out", Enclosures: []string{"stamps", MailingEnclosure}, Summary: MailingSummary(4, "Summer")})
	aw, err = s.AwaitingReply("2025-07-15")
	require.NoError(t, err)
	require.Len(t, aw, 1)
	require.Equal(t, "in-zoe", aw[0].ID)

	// Due today is not overdue.
	aw, err = s.AwaitingReply("2025-07-20")
	require.NoError(t, err)
	require.False(t, aw[0].Overdue)
	require.Equal(t, 0, aw[0].DaysLeft)

	_, err = s.AwaitingReply("15/07/2025")
	require.Error(t, err)
}
