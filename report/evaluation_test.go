package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func rowOf(t *testing.T, e *Evaluation, key string) EvaluationRow {
	t.Helper()
	for _, r := range e.Rows {
		if r.Key == key {
			return r
		}
	}
	t.Fatalf("no row %s", key)
	return EvaluationRow{}
}

// Two years of the outcome dataset side by side: 2024 and 2025.
//
// 2024: released a5 (2024-03-01) and a2 (2024-11-01), so women_released 2;
// no contacts, so no one supported. a5's 2024-03-01 release is followed in
// 2024 (day 183 is 2024-08-31) and she did not re-offend; a2 (2024-11-01) is
// recent at the end of 2024.
// 2025: exactly the figures of TestOutcomeFiguresOnAHandBuiltDataset.
func TestTheEvaluationPutsConsecutiveYearsSideBySide(t *testing.T) {
	db := newDB(t)
	outcomeData(t, db)
	e, err := EvaluationTable(ctx, db, "2024-01-01", 2)
	require.NoError(t, err)
	require.Equal(t, []EvaluationPeriod{{"2024", "2024-01-01", "2024-12-31"}, {"2025", "2025-01-01", "2025-12-31"}}, e.Periods)

	require.Equal(t, []int{2, 5}, rowOf(t, e, "women_released").Values)
	require.Equal(t, []int{0, 8}, rowOf(t, e, "women_supported").Values)
	j := rowOf(t, e, "release_journey.released")
	require.Equal(t, []int{0, 3}, j.Values)
	require.Equal(t, "release_journey.in_prison", j.OfKey)
	require.Equal(t, []int{0, 3}, j.Of)
	require.Equal(t, []int{1, 5}, rowOf(t, e, "reoffending_6m.followed").Values)
	require.Equal(t, []int{1, 3}, rowOf(t, e, "reoffending_6m.not_reoffended").Values)
	require.Equal(t, []int{1, 2}, rowOf(t, e, "reoffending_6m.recent").Values)
	require.Equal(t, []float64{0, 1}, rowOf(t, e, "distance_travelled.wellbeing.average_change").Averages)

	// Every row is the year's monitoring figure, for every year.
	for i, p := range e.Periods {
		f, err := Monitoring(ctx, db, p.From, p.To)
		require.NoError(t, err)
		for _, l := range f.OutcomeLines() {
			require.Equal(t, l.Words(), rowOf(t, e, l.Key).Line(i).Words(), "%s in %s", l.Key, p.Label)
		}
		for _, fl := range FigureList {
			v, _ := f.Value(fl.Key)
			require.Equal(t, v, rowOf(t, e, fl.Key).Values[i], fl.Key)
		}
	}

	var text bytes.Buffer
	require.NoError(t, WriteEvaluationText(&text, e))
	require.Regexp(t, `of them, released in the period +0 of 0 +3 of 3 \(100%\)`, text.String())
	require.Regexp(t, `Women released +2 +5`, text.String())

	var c bytes.Buffer
	require.NoError(t, WriteEvaluationCSV(&c, e))
	recs, err := csv.NewReader(&c).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"figure", "of", "2024-01-01 to 2024-12-31", "2025-01-01 to 2025-12-31"}, recs[0])
	require.Len(t, recs, len(e.Rows)+1)
	found := false
	for _, r := range recs {
		if r[0] == "release_journey.release_day_support" {
			require.Equal(t, []string{"release_journey.release_day_support", "release_journey.released", "0", "2"}, r)
			found = true
		}
	}
	require.True(t, found)

	var js bytes.Buffer
	require.NoError(t, WriteEvaluationJSON(&js, e))
	var back Evaluation
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	require.Equal(t, e.Rows, back.Rows)
	require.Equal(t, e.Periods, back.Periods)
}

func TestAnEvaluationYearFromAprilIsLabelledWithBothYearsAndBadInputIsRefused(t *testing.T) {
	db := newDB(t)
	e, err := EvaluationTable(ctx, db, "2024-04-01", 3)
	require.NoError(t, err)
	require.Equal(t, EvaluationPeriod{"2026–27", "2026-04-01", "2027-03-31"}, e.Periods[2])
	_, err = EvaluationTable(ctx, db, "2024-02-30", 1)
	require.ErrorContains(t, err, "start")
	_, err = EvaluationTable(ctx, db, "2024-04-01", 0)
	require.ErrorContains(t, err, "years")
	_, err = EvaluationTable(ctx, db, "2024-04-01", MaxEvaluationYears+1)
	require.ErrorContains(t, err, "years")
}
