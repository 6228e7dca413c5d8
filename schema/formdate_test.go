package schema

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAFormDateMayBeTypedAsISOUKDayMonthYearOrToday(t *testing.T) {
	for in, want := range map[string]string{
		"2026-12-06":    "2026-12-06",
		"  2026-12-06 ": "2026-12-06",
		"6/12/2026":     "2026-12-06",
		"06/12/2026":    "2026-12-06",
		"6/1/2026":      "2026-01-06",
		"31/12/2026":    "2026-12-31",
		"29/2/2028":     "2028-02-29",
		"today":         "2026-07-10",
		" Today ":       "2026-07-10",
		"TODAY":         "2026-07-10",
	} {
		got, err := ParseFormDate(in, "2026-07-10")
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
}

func TestAFormDateThatIsNotADaySaysWhatToType(t *testing.T) {
	for in, reason := range map[string]string{
		"":           "YYYY-MM-DD or day/month/year",
		"6/12/26":    "YYYY-MM-DD or day/month/year",
		"12-06-2026": "YYYY-MM-DD or day/month/year",
		"tomorrow":   "YYYY-MM-DD or day/month/year",
		"31/6/2026":  "does not exist",
		"29/2/2027":  "does not exist",
		"6/13/2026":  "does not exist", // day/month: there is no 13th month
		"2026-02-30": "does not exist",
		"2026-1-5":   "YYYY-MM-DD or day/month/year",
	} {
		got, err := ParseFormDate(in, "2026-07-10")
		require.Empty(t, got, in)
		var de *DateError
		require.True(t, errors.As(err, &de), "%q: %v", in, err)
		require.Contains(t, de.Reason, reason, in)
		require.Equal(t, in, de.Value)
	}
}
