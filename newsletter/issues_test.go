package newsletter

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNewsletterIssueSaveRefusesBadFieldsAndWritesNothing(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	cases := []struct {
		name  string
		edit  func(*Issue)
		field string
	}{
		{"no title", func(is *Issue) { is.Title = "  " }, "Title"},
		{"no date", func(is *Issue) { is.Date = "" }, "Date"},
		{"bad date", func(is *Issue) { is.Date = "2025-13-01" }, "Date"},
		{"negative number", func(is *Issue) { is.Number = -2 }, "Number"},
		{"unknown status", func(is *Issue) { is.Status = "printed" }, "Status"},
		{"new issue straight to ready", func(is *Issue) { is.Status = "ready" }, "Status"},
		{"empty section", func(is *Issue) { is.Sections[1] = Section{Heading: " ", Body: "\n"} }, "Sections[1].Body"},
		{"unknown check", func(is *Issue) { is.Checklist = []string{"plain_paper", "laminated"} }, "Checklist[1]"},
		{"sent to set by hand", func(is *Issue) { is.SentTo = []string{"p-mary"} }, "SentTo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			is := cleanIssue()
			c.edit(&is)
			err := s.SaveIssue(&is)
			v, ok := AsValidation(err)
			require.True(t, ok, "want a validation error, got %v", err)
			require.True(t, v.Has(c.field), "want a problem with %s, got %v", c.field, v)
		})
	}
	list, err := s.ListIssues()
	require.NoError(t, err)
	require.Empty(t, list)
}

func TestNewsletterIssueRoundTripNumbersListAndDelete(t *testing.T) {
	s := testStore(t)
	n, err := s.NextIssueNumber()
	require.NoError(t, err)
	require.Equal(t, 1, n)

	first := cleanIssue()
	first.Checklist = []string{"return_address", "plain_paper", "plain_paper"}
	require.NoError(t, s.SaveIssue(&first))
	require.Equal(t, 1, first.Number, "number 0 takes the next number")
	require.Equal(t, "draft", first.Status)
	require.Equal(t, []string{"plain_paper", "return_address"}, first.Checklist, "checklist kept once each, in checklist order")

	got, err := s.GetIssue(first.ID)
	require.NoError(t, err)
	require.Equal(t, first, got)

	second := Issue{Title: "Café culture — Zoë’s “recipes”", Number: 7, Date: "2025-08-01",
		Sections: []Section{{Heading: "Recipes", Body: "Flapjack costs about £1.20 to make."}}}
	require.NoError(t, s.SaveIssue(&second))
	n, err = s.NextIssueNumber()
	require.NoError(t, err)
	require.Equal(t, 8, n)

	dup := Issue{Title: "Again", Number: 7, Date: "2025-09-01", Sections: []Section{{Body: "x"}}}
	err = s.SaveIssue(&dup)
	v, ok := AsValidation(err)
	require.True(t, ok, "got %v", err)
	require.True(t, v.Has("Number"))
	require.Empty(t, dup.ID)

	list, err := s.ListIssues()
	require.NoError(t, err)
	require.Len(t, list, 2)
	require.Equal(t, second.ID, list[0].ID, "newest (highest number) first")
	require.Equal(t, "Café culture — Zoë’s “recipes”", list[0].Title)
	require.Equal(t, 1, list[0].Sections)
	require.Equal(t, WordCount(second), list[0].Words)
	require.Equal(t, 3, list[1].Sections)

	require.NoError(t, s.DeleteIssue(first.ID))
	_, err = s.GetIssue(first.ID)
	require.True(t, errors.Is(err, ErrNotFound))
	require.True(t, errors.Is(s.DeleteIssue(first.ID), ErrNotFound))
	var left int
	require.NoError(t, s.DB.QueryRow(`SELECT COUNT(*) FROM newsletter_sections WHERE newsletter_id = ?`, first.ID).Scan(&left))
	require.Zero(t, left)
}

func TestNewsletterMoveSectionUpAndDown(t *testing.T) {
	is := Issue{Sections: []Section{{Heading: "A"}, {Heading: "B"}, {Heading: "C"}}}
	heads := func() string {
		var b strings.Builder
		for _, s := range is.Sections {
			b.WriteString(s.Heading)
		}
		return b.String()
	}
	require.True(t, is.MoveSection(2, true))
	require.Equal(t, "ACB", heads())
	require.True(t, is.MoveSection(0, false))
	require.Equal(t, "CAB", heads())
	require.False(t, is.MoveSection(0, true), "the first cannot go up")
	require.False(t, is.MoveSection(2, false), "the last cannot go down")
	require.False(t, is.MoveSection(5, true))
	require.Equal(t, "CAB", heads())
	require.True(t, is.RemoveSection(1))
	require.Equal(t, "CB", heads())
	require.False(t, is.RemoveSection(2))
}

func TestNewsletterWordCountAndPageEstimateFollowTheRule(t *testing.T) {
	is := Issue{Title: "Not counted", Sections: []Section{
		{Heading: "Two words", Body: "one two  three\nfour\n\nfive", Contributor: "Not Counted"},
	}}
	require.Equal(t, 7, WordCount(is))
	require.Equal(t, 1, PageEstimate(is))
	require.Equal(t, 1, PageEstimate(Issue{}), "an empty issue is still a page")

	// 800 words in 4 sections of 2 paragraphs each:
	// 90 + 60 + 4*30 + 800 + 4*6 = 1094 → 3 pages at 450 a page.
	para := strings.Repeat("word ", 100)
	var big Issue
	for i := 0; i < 4; i++ {
		big.Sections = append(big.Sections, Section{Heading: "H", Body: para + "\n\n" + para})
	}
	require.Equal(t, 804, WordCount(big))
	require.Equal(t, 3, PageEstimate(big))
	big.Sections = big.Sections[:2] // 90+60+60+400+12 = 622 → 2
	require.Equal(t, 2, PageEstimate(big))
}

func TestNewsletterParagraphsSplitAtBlankLines(t *testing.T) {
	require.Equal(t, []string{"a\nb", "c"}, Paragraphs("\r\n a\nb  \n\n\n  \nc\n"))
	require.Empty(t, Paragraphs(" \n "))
}

func TestNewsletterEditingAReadyIssueReturnsItToDraftAndASentIssueIsFrozen(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	is := cleanIssue()
	require.NoError(t, s.SaveIssue(&is))
	require.NoError(t, s.SetStatus(is.ID, "ready"))

	same, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	require.NoError(t, s.SaveIssue(&same), "saving unchanged keeps it ready")
	require.Equal(t, "ready", same.Status)

	same.Status = ""
	require.NoError(t, s.SaveIssue(&same), "status \"\" keeps the stored status")
	require.Equal(t, "ready", same.Status)

	same.Sections[0].Body += " One more line."
	require.NoError(t, s.SaveIssue(&same))
	require.Equal(t, "draft", same.Status)
	got, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	require.Equal(t, "draft", got.Status)

	got.Status = "sent"
	_, ok := AsValidation(s.SaveIssue(&got))
	require.True(t, ok, "status cannot be set to sent by saving")

	require.NoError(t, s.SetStatus(is.ID, "ready"))
	require.NoError(t, s.MarkSent(is.ID, "2025-07-03"))
	sent, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	sent.SentTo = nil
	sent.Title = "Changed after posting"
	v, ok := AsValidation(s.SaveIssue(&sent))
	require.True(t, ok)
	require.Contains(t, v.Message("Status"), "has been sent")
	var se *StatusError
	require.ErrorAs(t, s.SetStatus(is.ID, "draft"), &se)
}
