package diary

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTheLearningViewGathersLearningAndActionPlansNewestFirst(t *testing.T) {
	s, _ := newStore(t)
	a := entry("2025-03-01", "draft", []string{"housing"}, "detail", "", "", "", "Ring the council before release day.")
	b := &Entry{Date: "2025-04-01", Template: "gibbs", Tags: []string{"court", "housing"}, Sections: []SectionText{
		{Key: "description", Body: "Court day"}, {Key: "action_plan", Body: "Bring a spare phone charger."}}}
	noLearning := entry("2025-05-01", "draft", []string{"housing"}, "only detail", "", "", "", "   ")
	outside := entry("2024-12-31", "draft", []string{"housing"}, "", "", "", "", "Before the period.")
	for _, e := range []*Entry{a, b, noLearning, outside} {
		require.NoError(t, s.Save(e))
	}
	items, err := s.Learning("2025-01-01", "2025-12-31", "")
	require.NoError(t, err)
	require.Len(t, items, 2)
	require.Equal(t, LearningItem{DiaryID: b.ID, Date: "2025-04-01", Template: "gibbs", Section: "action_plan",
		Heading: "Action plan", Text: "Bring a spare phone charger.", Tags: []string{"court", "housing"}}, items[0])
	require.Equal(t, "Learning", items[1].Heading)
	require.Equal(t, a.ID, items[1].DiaryID)

	items, err = s.Learning("2025-01-01", "2025-12-31", "Court")
	require.NoError(t, err)
	require.Len(t, items, 1)
	require.Equal(t, b.ID, items[0].DiaryID)

	items, err = s.Learning("", "", "housing")
	require.NoError(t, err)
	require.Len(t, items, 3, "open ends take everything")

	_, err = s.Learning("2025", "", "")
	require.Error(t, err)
}

func TestTagCountsAreMostUsedFirstWithinThePeriod(t *testing.T) {
	s, _ := newStore(t)
	for _, e := range []*Entry{
		entry("2025-03-01", "draft", []string{"housing", "release"}, "x"),
		entry("2025-03-02", "draft", []string{"housing", "court"}, "x"),
		entry("2025-03-03", "draft", []string{"benefits"}, "x"),
		entry("2024-03-03", "draft", []string{"court", "court2"}, "x"),
	} {
		require.NoError(t, s.Save(e))
	}
	got, err := s.TagCounts("2025-01-01", "2025-12-31")
	require.NoError(t, err)
	require.Equal(t, []TagCount{{"housing", 2}, {"benefits", 1}, {"court", 1}, {"release", 1}}, got)
}
