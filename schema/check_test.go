package schema

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCheckerNamesEachBadFieldAndPassesGoodOnes(t *testing.T) {
	var c Checker
	c.Name("Name", "", "her name")
	c.Text("Note", strings.Repeat("x", MaxTextBytes+1))
	c.Text("Fine", strings.Repeat("é", 10)+"🙂 مريم")
	c.Text("Broken", string([]byte{0xff, 0xfe}))
	require.True(t, c.Date("Due", "2025-07-04", true))
	require.False(t, c.Date("Release", "2025-02-30", false))
	require.False(t, c.Date("Referral", "", true))
	require.True(t, c.Clock("Start", "13:30"))
	require.False(t, c.Clock("End", "25:00"))
	c.Enum("Kind", ContactKind, "prison_visit")
	c.Enum("Status", PersonStatus, "in_prison")

	v, ok := AsValidation(c.Err())
	require.True(t, ok)
	require.ElementsMatch(t, []string{"Name", "Note", "Broken", "Release", "Referral", "End", "Status"}, v.Fields())
	require.Contains(t, v.Message("Release"), "that day does not exist")
	require.Contains(t, v.Message("Note"), "1.0 MiB")
	require.NotContains(t, v.Error(), "xxxx", "messages never repeat the text")

	var ok2 Checker
	ok2.Text("Note", strings.Repeat("x", MaxTextBytes))
	require.NoError(t, ok2.Err(), "exactly 1 MiB is kept")
}

func TestTextChecksRefuseControlAndOverrideCharactersAndInvisibleNames(t *testing.T) {
	var c Checker
	c.Text("Note", "Line one\nLine two\twith a tab\r\n")
	c.Text("Arabic", "مريم قالت: \u200fنعم")
	c.Name("Plain", "Ann Smith", "her name")
	require.NoError(t, c.Err(), "the check can pass")

	for _, tc := range []struct {
		field, v string
		name     bool
		want     string
	}{
		{"Nul", "a\x00b", false, "U+0000"},
		{"Esc", "Eve\x1b]0;owned\x07", false, "U+001B"},
		{"C1", "x\u009by", false, "U+009B"},
		{"Del", "x\x7fy", false, "U+007F"},
		{"Override", "abc\u202edcba", false, "bidirectional"},
		{"Isolate", "abc\u2066x\u2069", false, "bidirectional"},
		{"NameNewline", "Ann\nSmith", true, "one line"},
		{"ZeroWidth", "\u200b\u200c\u200d\ufeff", true, "Enter her name"},
	} {
		var c Checker
		if tc.name {
			c.Name(tc.field, tc.v, "her name")
		} else {
			c.Text(tc.field, tc.v)
		}
		v, ok := AsValidation(c.Err())
		require.True(t, ok, tc.field)
		require.Contains(t, v.Message(tc.field), tc.want, tc.field)
	}
	require.Equal(t, "", TextProblem("one line", false))
	require.Contains(t, TextProblem(strings.Repeat("x", MaxLineBytes+1), false), "one line")
	require.True(t, Blank(" \u200b\t"))
	require.False(t, Blank("\u200bA"))
}
