package newsletter

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNewsletterDistributionListHasOnlyWomenInCustodyByPrisonThenName(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	addWoman(t, s, "p-abi", "abigail Stone", "", "F6789GH", "custody_remand", "e-b")
	addWoman(t, s, "p-nowhere", "Nora West", "", "G7890HI", "custody_sentenced", "")
	addWoman(t, s, "p-ref", "Rita Ref", "", "", "referred", "e-b")
	addWoman(t, s, "p-comm", "Cara Community", "", "H1111AA", "community_order", "e-a")

	list, err := s.DistributionList()
	require.NoError(t, err)
	var ids []string
	for _, r := range list {
		ids = append(ids, r.PersonID)
	}
	// Askham Grange before Bronzefield; within Bronzefield by name
	// (ignoring case); no establishment last. Released, closed, referred
	// and community women are not on it.
	require.Equal(t, []string{"p-zoe", "p-abi", "p-ann", "p-mary", "p-nowhere"}, ids)
	require.Equal(t, Recipient{PersonID: "p-zoe", Name: "Zoë O'Neill", PrisonNumber: "C3456DE", EstablishmentID: "e-a",
		Establishment: "HMP Askham Grange", Address: "Askham Richard\nYork\nYO23 3FT"}, list[0])
	require.True(t, list[0].Addressable())
	require.False(t, list[4].Addressable(), "no establishment, no envelope")
}

func TestNewsletterEnvelopeLinesSplitTheAddress(t *testing.T) {
	r := Recipient{Name: "Ann Jones", PrisonNumber: "B2345CD", Establishment: "HMP Bronzefield",
		Address: "HMP Bronzefield, Woodthorpe Road, Ashford,, TW15 3JZ"}
	require.Equal(t, []string{"Ann Jones", "B2345CD", "HMP Bronzefield", "Woodthorpe Road", "Ashford", "TW15 3JZ"}, r.EnvelopeLines())
	r.Address = "Askham Richard\r\nYork, North Yorkshire\n"
	require.Equal(t, []string{"Ann Jones", "B2345CD", "HMP Bronzefield", "Askham Richard", "York, North Yorkshire"}, r.EnvelopeLines())
}

func TestNewsletterMarkSentLogsOneLetterPerWomanAndRecordsSentTo(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	is := cleanIssue()
	require.NoError(t, s.SaveIssue(&is))
	require.NoError(t, s.SetStatus(is.ID, "ready"))
	require.NoError(t, s.MarkSent(is.ID, "2025-07-04"))

	got, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	require.Equal(t, "sent", got.Status)
	require.Equal(t, []string{"p-zoe", "p-ann", "p-mary"}, got.SentTo)

	letters, err := s.ListLetters(LetterFilter{})
	require.NoError(t, err)
	require.Len(t, letters, 3)
	per := map[string]int{}
	for _, l := range letters {
		per[l.PersonID]++
		require.Equal(t, "2025-07-04", l.Date)
		require.Equal(t, "out", l.Direction)
		require.Equal(t, "letter", l.Channel)
		require.Equal(t, "Newsletter issue 1: Spring news", l.Summary)
		require.Equal(t, []string{"newsletter"}, l.Enclosures)
		require.Empty(t, l.ReplyDue)
	}
	require.Equal(t, map[string]int{"p-zoe": 1, "p-ann": 1, "p-mary": 1}, per)

	var se *StatusError
	require.ErrorAs(t, s.MarkSent(is.ID, "2025-07-05"), &se, "twice is refused")
	letters, err = s.ListLetters(LetterFilter{})
	require.NoError(t, err)
	require.Len(t, letters, 3)
}

func TestNewsletterMarkSentRefusesADraftAndChangesNothing(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	is := cleanIssue()
	require.NoError(t, s.SaveIssue(&is))

	var se *StatusError
	require.ErrorAs(t, s.MarkSent(is.ID, "2025-07-04"), &se)
	require.Contains(t, se.Message, "draft")
	_, ok := AsValidation(s.MarkSent(is.ID, "04/07/2025"))
	require.True(t, ok, "a bad date is a validation error")

	got, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	require.Equal(t, "draft", got.Status)
	require.Empty(t, got.SentTo)
	letters, err := s.ListLetters(LetterFilter{})
	require.NoError(t, err)
	require.Empty(t, letters)
}

func TestNewsletterMarkSentRechecksAndRefusesAnEmptyList(t *testing.T) {
	s := testStore(t)
	is := cleanIssue()
	is.Sections[2].Body += "\nThanks to Nora West for the quiz."
	require.NoError(t, s.SaveIssue(&is))
	require.NoError(t, s.SetStatus(is.ID, "ready"))
	var se *StatusError
	require.ErrorAs(t, s.MarkSent(is.ID, "2025-07-04"), &se)
	require.Contains(t, se.Message, "distribution list")

	// A woman recorded after the issue was marked ready whose name is in
	// the text stops it going out.
	addEstablishment(t, s, "e-b", "HMP Bronzefield", "Ashford")
	addWoman(t, s, "p-nora", "Nora West", "", "Z9999ZZ", "custody_remand", "e-b")
	require.ErrorAs(t, s.MarkSent(is.ID, "2025-07-04"), &se)
	require.NotNil(t, se.Report)
	require.Equal(t, KindRealName, se.Report.Findings[0].Kind)
	got, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	require.Equal(t, "ready", got.Status)
}
