package notes

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

func TestReleasePlanListsEveryItemNotDoneByDefault(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann", "custody_sentenced")
	plan, err := s.ReleasePlan(ann)
	require.NoError(t, err)
	require.Len(t, plan, len(schema.ReleasePlanItem.Values))
	for i, it := range plan {
		require.Equal(t, schema.ReleasePlanItem.Values[i], it.Item)
		require.Equal(t, schema.ReleasePlanItem.Label(it.Item), it.Label)
		require.False(t, it.Done)
		require.Empty(t, it.Note)
	}
}

func TestSetPlanItemIsKeptAndCanBeUndone(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann", "custody_sentenced")
	require.NoError(t, s.SetPlanItem(ann, "gp_medication", true, "GP at Crewe, 10:30 on the day"))
	require.NoError(t, s.SetPlanItem(ann, "housing", false, "Hostel waiting list"))
	plan, err := s.ReleasePlan(ann)
	require.NoError(t, err)
	byItem := map[string]PlanItem{}
	for _, it := range plan {
		byItem[it.Item] = it
	}
	require.True(t, byItem["gp_medication"].Done)
	require.Equal(t, "GP at Crewe, 10:30 on the day", byItem["gp_medication"].Note)
	require.False(t, byItem["housing"].Done)
	require.Equal(t, "Hostel waiting list", byItem["housing"].Note)

	require.NoError(t, s.SetPlanItem(ann, "gp_medication", false, ""))
	plan, err = s.ReleasePlan(ann)
	require.NoError(t, err)
	for _, it := range plan {
		require.False(t, it.Done, it.Item)
	}
}

func TestSetPlanItemRefusesUnknownItemsAndPeople(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann", "custody_sentenced")
	requireField(t, s.SetPlanItem(ann, "cake", true, ""), "Item")
	require.True(t, errors.Is(s.SetPlanItem("p-none", "housing", true, ""), ErrNotFound))
	_, err := s.ReleasePlan("p-none")
	require.True(t, errors.Is(err, ErrNotFound))
}
