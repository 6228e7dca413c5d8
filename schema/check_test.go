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
