package diary

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStatusChangesFollowTheAllowedPaths(t *testing.T) {
	cases := []struct {
		from, to string
		ok       bool
	}{
		{"draft", "for_supervision", true},
		{"for_supervision", "draft", true},
		{"discussed", "for_supervision", true},
		{"draft", "draft", true},
		{"discussed", "discussed", true},
		{"draft", "discussed", false},
		{"for_supervision", "discussed", false},
		{"discussed", "draft", false},
	}
	for _, tc := range cases {
		t.Run(tc.from+"→"+tc.to, func(t *testing.T) {
			s, _ := newStore(t)
			e := entry("2025-07-04", tc.from, nil, "x")
			require.NoError(t, s.Save(e))
			err := s.SetStatus(e.ID, tc.to)
			if tc.ok {
				require.NoError(t, err)
				require.Equal(t, tc.to, statusOf(t, s, e.ID))
				return
			}
			var se *StatusError
			require.True(t, errors.As(err, &se), "want a StatusError, got %v", err)
			require.NotEmpty(t, se.Reason)
			require.Equal(t, tc.from, statusOf(t, s, e.ID), "a refused change changes nothing")

			// Save of the existing entry is held to the same rules.
			e.Status = tc.to
			require.Error(t, s.Save(e))
			require.Equal(t, tc.from, statusOf(t, s, e.ID))
		})
	}
}

func TestMarkingDiscussedByHandSaysItComesFromSupervision(t *testing.T) {
	s, _ := newStore(t)
	e := entry("2025-07-04", "for_supervision", nil, "x")
	require.NoError(t, s.Save(e))
	err := s.SetStatus(e.ID, "discussed")
	require.ErrorContains(t, err, "signed off")
}

func TestSetStatusOnAMissingEntryOrToAnUnknownStatus(t *testing.T) {
	s, _ := newStore(t)
	require.True(t, errors.Is(s.SetStatus("d-none", "draft"), ErrNotFound))
	e := entry("2025-07-04", "draft", nil, "x")
	require.NoError(t, s.Save(e))
	_, ok := AsValidation(s.SetStatus(e.ID, "finished"))
	require.True(t, ok)
}

func TestAllowedStatusesListsTheButtonsToShow(t *testing.T) {
	require.Equal(t, []string{"for_supervision"}, AllowedStatuses("draft"))
	require.Equal(t, []string{"draft"}, AllowedStatuses("for_supervision"))
	require.Equal(t, []string{"for_supervision"}, AllowedStatuses("discussed"))
}

func TestSavingWithNoStatusKeepsTheStoredOne(t *testing.T) {
	s, _ := newStore(t)
	e := entry("2025-07-04", "", nil, "x")
	require.NoError(t, s.Save(e))
	require.Equal(t, "draft", statusOf(t, s, e.ID))
	require.NoError(t, s.SetStatus(e.ID, "for_supervision"))
	ss := &Session{Date: "2025-07-20", SignedOffOn: "2025-07-20", Entries: []SessionEntry{{DiaryID: e.ID}}}
	require.NoError(t, s.SaveSession(ss))
	e.Status = ""
	e.Sections[0].Body = "corrected after supervision"
	require.NoError(t, s.Save(e))
	require.Equal(t, "discussed", statusOf(t, s, e.ID))
}
