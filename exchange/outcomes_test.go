package exchange_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/exchange"
)

// The outcome facts (readings, a person's ethnicity, offence group and
// previous custodial sentences, a release's notice_days and a court
// outcome's outcome) are refused when wrong, naming the record and field,
// and nothing changes.
func TestBadOutcomeFactsAreRefusedNamingTheRecordAndFieldAndNothingChanges(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           string
	}{
		{"an unknown ethnicity", `"ethnicity": "white"`, `"ethnicity": "english"`,
			`people[0] (id "p1"): ethnicity "english" is not an ethnicity`},
		{"an unknown offence group", `"offence_group": "theft"`, `"offence_group": "shoplifting"`,
			`people[0] (id "p1"): offence_group "shoplifting" is not an offence group`},
		{"negative previous sentences", `"previous_custodial_sentences": 2`, `"previous_custodial_sentences": -2`,
			`people[0] (id "p1"): previous_custodial_sentences is -2`},
		{"previous sentences as text", `"previous_custodial_sentences": 2`, `"previous_custodial_sentences": "two"`,
			`people[0] (id "p1"): previous_custodial_sentences should be a whole number or null`},
		{"notice days on a referral", `"kind": "referred",
      "note": "",
      "notice_days": null`, `"kind": "referred",
      "note": "",
      "notice_days": 3`,
			`events[0] (id "v1"): notice_days is 3 on a "referred" event`},
		{"an outcome on a closing", `"note": "Settled",
      "notice_days": null,
      "outcome": null`, `"note": "Settled",
      "notice_days": null,
      "outcome": "fine"`,
			`events[1] (id "v2"): outcome is given on a "closed" event`},
		{"a score of 0", `"score": 6`, `"score": 0`,
			`readings[0] (id "r1"): score is 0: a score runs from 1 (worst) to 10 (best)`},
		{"a score of 11", `"score": 3`, `"score": 11`,
			`readings[1] (id "r2"): score is 11`},
		{"an unknown reading area", `"area": "wellbeing"`, `"area": "mood"`,
			`readings[0] (id "r1"): area "mood" is not a reading area`},
		{"a reading of nobody", `"id": "r2",
      "person": "p1"`, `"id": "r2",
      "person": "p7"`,
			`readings[1] (id "r2"): person "p7" is not a person in this file or in the vault`},
		{"a reading at a contact that is not there", `"contact": "c1"
    },
    {
      "id": "r2"`, `"contact": "c9"
    },
    {
      "id": "r2"`,
			`readings[0] (id "r1"): contact "c9" is not a contact in this file or in the vault`},
		{"a reading without a date", `"date": "2026-08-01",
      "area"`, `"date": "",
      "area"`,
			`readings[1] (id "r2"): date is missing`},
		{"an unknown field on a reading", `"score": 6,`, `"score": 6, "scale": 10,`,
			`readings[0] (id "r1"): scale is not a field`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(fixture, tc.old), "the case must change exactly one place")
			bad := strings.Replace(fixture, tc.old, tc.new, 1)
			db := openDB(t)
			_, err := demo.Create(context.Background(), db, "small", 2)
			require.NoError(t, err)
			before := exportText(t, db)
			err = readAndImport(db, bad)
			var ie *exchange.ImportErrors
			require.True(t, errors.As(err, &ie), "want *ImportErrors, got %T: %v", err, err)
			require.True(t, anyProblemContains(ie, tc.want), "no problem says %q in:\n%v", tc.want, err)
			require.Equal(t, before, exportText(t, db), "a refused file changed the vault")
		})
	}
}

// A file written before the outcome facts existed (no ethnicity, offence
// group, previous sentences, notice_days, outcome or readings) still
// imports, and reads as "not recorded" and unknown.
func TestAFileWithoutTheOutcomeFactsImportsAsNotRecorded(t *testing.T) {
	old := `{"format": "inreach", "version": 1,
		"people": [{"id": "p1", "name": "Ann Smith", "status": "community", "referral": "new"}],
		"events": [{"id": "v1", "person": "p1", "date": "2026-01-02", "kind": "released"}]}`
	db := openDB(t)
	importString(t, db, old)
	d, err := exchange.Export(context.Background(), db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Equal(t, "not_recorded", d.People[0].Ethnicity)
	require.Equal(t, "not_recorded", d.People[0].OffenceGroup)
	require.Nil(t, d.People[0].PreviousCustodialSentences)
	require.Nil(t, d.Events[0].NoticeDays)
	require.Nil(t, d.Events[0].Outcome)
	require.Equal(t, []exchange.Reading{}, d.Readings)
}

// notice_days and outcome with values, and a reading without a contact,
// round-trip exactly.
func TestOutcomeFactsWithValuesRoundTrip(t *testing.T) {
	d := readString(t, fixture)
	d.Events[0].Kind, d.Events[1].Kind = "released", "court_outcome"
	one, fine := 1, "suspended_sentence"
	d.Events[0].NoticeDays, d.Events[1].Outcome = &one, &fine
	roundTrip(t, d)
	db := openDB(t)
	_, err := exchange.Import(context.Background(), db, d)
	require.NoError(t, err)
	out, err := exchange.Export(context.Background(), db, exchange.ExportOptions{})
	require.NoError(t, err)
	require.Equal(t, 1, *out.Events[0].NoticeDays)
	require.Equal(t, "suspended_sentence", *out.Events[1].Outcome)
}

// A woman's own export (subject access) carries her readings and no one
// else's.
func TestHerOwnExportCarriesHerReadingsOnly(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	d, err := exchange.Export(context.Background(), db, exchange.ExportOptions{PersonID: "p1"})
	require.NoError(t, err)
	require.Len(t, d.Readings, 2)
	d, err = exchange.Export(context.Background(), db, exchange.ExportOptions{PersonID: "p2"})
	require.NoError(t, err)
	require.Empty(t, d.Readings)
}

func TestTheDemoRecordsOutcomeFacts(t *testing.T) {
	d, err := demo.Generate("small", 7)
	require.NoError(t, err)
	eth, off, prev, notice, outcome := 0, 0, 0, 0, 0
	for _, p := range d.People {
		if p.Ethnicity != "not_recorded" {
			eth++
		}
		if p.OffenceGroup != "not_recorded" {
			off++
		}
		if p.PreviousCustodialSentences != nil {
			prev++
		}
	}
	for _, e := range d.Events {
		if e.NoticeDays != nil {
			notice++
		}
		if e.Outcome != nil {
			outcome++
		}
	}
	require.Greater(t, eth, len(d.People)/2)
	require.Greater(t, off, len(d.People)/3)
	require.Greater(t, prev, len(d.People)/3)
	require.Greater(t, notice, 0)
	require.Greater(t, outcome, 0)
	require.Greater(t, len(d.Readings), 20)
	again, err := demo.Generate("small", 7)
	require.NoError(t, err)
	require.Equal(t, writeText(t, d), writeText(t, again), "the demo is not deterministic")
}

func TestTheDecadeDemoRecordsEveryCourtOutcomeThatMatters(t *testing.T) {
	if testing.Short() {
		t.Skip("the decade corpus takes several seconds")
	}
	d, err := demo.Generate("decade", 1)
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, e := range d.Events {
		if e.Outcome != nil {
			seen[*e.Outcome] = true
		}
	}
	for _, o := range []string{"custody", "community_order", "suspended_sentence", "fine", "discharge", "acquitted"} {
		require.True(t, seen[o], "no %s court outcome in the decade", o)
	}
	eth := map[string]bool{}
	for _, p := range d.People {
		eth[p.Ethnicity] = true
	}
	require.Len(t, eth, 7, "every ethnicity word appears in the decade")
}
