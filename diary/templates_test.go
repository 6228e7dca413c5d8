package diary

import (
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

func TestEveryTemplateHasUniqueKeysAndNonEmptyHeadingsAndPrompts(t *testing.T) {
	ts := Templates()
	require.Len(t, ts, len(schema.DiaryTemplate.Values))
	keys := map[string]bool{}
	for _, tp := range ts {
		require.True(t, schema.DiaryTemplate.Valid(tp.Key), tp.Key)
		require.False(t, keys[tp.Key], "template %s twice", tp.Key)
		keys[tp.Key] = true
		require.NotEmpty(t, tp.Name)
		require.NotEmpty(t, tp.Sections)
		seen := map[string]bool{}
		headings := map[string]bool{}
		for _, s := range tp.Sections {
			require.NotEmpty(t, s.Key)
			require.NotEmpty(t, s.Heading, s.Key)
			require.NotEmpty(t, s.Prompt, s.Key)
			require.False(t, seen[s.Key], "section %s twice in %s", s.Key, tp.Key)
			require.False(t, headings[s.Heading], "heading %s twice in %s", s.Heading, tp.Key)
			seen[s.Key], headings[s.Heading] = true, true
		}
		_, ok := learningSections[tp.Key]
		require.True(t, ok, "template %s has no learning section", tp.Key)
		require.True(t, seen[learningSections[tp.Key]])
	}
}

func TestTemplatesFollowTheDesign(t *testing.T) {
	want := map[string][]string{
		"visit_reflection": {"visit_detail", "staff_reflection", "positive_outcome", "negative_outcome", "learning"},
		"gibbs":            {"description", "feelings", "evaluation", "analysis", "conclusion", "action_plan"},
	}
	for key, keys := range want {
		tp, ok := TemplateByKey(key)
		require.True(t, ok, key)
		var got []string
		for _, s := range tp.Sections {
			got = append(got, s.Key)
		}
		require.Equal(t, keys, got)
	}
	vr, _ := TemplateByKey("visit_reflection")
	require.Equal(t, []string{"Visit detail", "Staff reflection", "Positive outcome", "Negative outcome", "Learning"},
		[]string{vr.Sections[0].Heading, vr.Sections[1].Heading, vr.Sections[2].Heading, vr.Sections[3].Heading, vr.Sections[4].Heading})
	_, ok := TemplateByKey("nope")
	require.False(t, ok)
}

func TestChangingTheReturnedTemplatesChangesNothingElse(t *testing.T) {
	ts := Templates()
	ts[0].Sections[0].Heading = "changed"
	tp, _ := TemplateByKey(ts[0].Key)
	require.NotEqual(t, "changed", tp.Sections[0].Heading)
}
