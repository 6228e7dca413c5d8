package exchange_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/exchange"
)

// A bad file is refused as a whole, with a message naming the record and
// the field, and the vault is left exactly as it was.
func TestBadFilesAreRefusedWithTheRecordAndFieldNamedAndNothingChanges(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           []string // each must appear in one problem's text
	}{
		{"a bool given as text", `"release_date_confirmed": true`, `"release_date_confirmed": "yes"`,
			[]string{`people[0] (id "p1"): release_date_confirmed should be true or false, not text in quotes`}},
		{"a name given as a number", `"name": "Beth Jones"`, `"name": 5`,
			[]string{`people[1] (id "p2"): name should be text in quotes, not a number`}},
		{"a quantity given as text", `"quantity": 6`, `"quantity": "6"`,
			[]string{`contacts[0] (id "c1"): people[0].items[0].quantity should be a whole number, not text in quotes`}},
		{"a quantity with a fraction", `"quantity": 6`, `"quantity": 6.5`,
			[]string{`contacts[0] (id "c1"): people[0].items[0].quantity should be a whole number`}},
		{"a list given as text", `"sensitive": [
        "sex_work",
        "self_harm"
      ]`, `"sensitive": "sex_work"`,
			[]string{`people[0] (id "p1"): sensitive should be a list […], not text in quotes`}},
		{"an unknown field in a record", `"safety_note": "Woman worker only",`, `"safety_note": "Woman worker only", "colour": "red",`,
			[]string{`people[0] (id "p1"): colour is not a field of the Inreach format`}},
		{"an unknown field nested", `"share_with": "Probation"`, `"share_with": "Probation", "sharewith": ""`,
			[]string{`people[0] (id "p1"): consent.sharewith is not a field`}},
		{"an unknown field in a contact row", `"wellbeing": 7`, `"wellbeing": 7, "mood": 3`,
			[]string{`contacts[0] (id "c1"): people[0].mood is not a field`}},
		{"an unknown top-level field", `"version": 1,`, `"version": 1, "settings": {},`,
			[]string{`file: settings is not a field of an Inreach file`}},
		{"a field in the wrong case", `"prison_number": "A1234BC"`, `"Prison_Number": "A1234BC"`,
			[]string{`people[0] (id "p1"): Prison_Number is not a field`}},
		{"an unknown enum value", `"status": "custody_sentenced"`, `"status": "jailed"`,
			[]string{`people[0] (id "p1"): status "jailed" is not a person status (use one of referred, custody_remand`}},
		{"an unknown need area", `"area": "housing"`, `"area": "housing_need"`,
			[]string{`people[0] (id "p1"): needs[0].area "housing_need" is not a need area`}},
		{"an unknown not-seen reason", `"not_seen_reason": "not_escorted"`, `"not_seen_reason": "asleep"`,
			[]string{`contacts[0] (id "c1"): people[1].not_seen_reason "asleep" is not a not seen reason`}},
		{"an unknown item", `"item": "stamps",`, `"item": "cigarettes",`,
			[]string{`contacts[0] (id "c1"): people[0].items[0].item "cigarettes" is not an item`}},
		{"a diary heading from the other template", `"learning": "Send the list earlier."`, `"lesson": "Send the list earlier."`,
			[]string{`diary[0] (id "d1"): sections.lesson is not a heading of the visit_reflection template`}},
		{"a dangling person", `"person": "p1",
          "booked": true`, `"person": "p9",
          "booked": true`,
			[]string{`contacts[0] (id "c1"): people[0].person "p9" is not a person in this file or in the vault`}},
		{"a dangling establishment", `"establishment": "e1",
      "sentence"`, `"establishment": "e7",
      "sentence"`,
			[]string{`people[0] (id "p1"): establishment "e7" is not an establishment in this file or in the vault`}},
		{"a dangling diary entry", `"d3"
      ],`, `"d4"
      ],`,
			[]string{`supervision[0] (id "s1"): entries[2] "d4" is not a diary entry`, `supervision[0] (id "s1"): comments.d3 is a comment on an entry that is not in this session's entries`}},
		{"a duplicate id", `"id": "p2"`, `"id": "p1"`,
			[]string{`people[1] (id "p1"): id is used twice (also by people[0])`}},
		{"a missing id", `"id": "l2",`, `"id": "",`,
			[]string{`letters[1]: id is missing`}},
		{"a date that does not exist", `"release_date": "2026-12-01"`, `"release_date": "2025-02-30"`,
			[]string{`people[0] (id "p1"): release_date "2025-02-30" is not a date: that day does not exist`}},
		{"a date in the wrong form", `"date": "2026-07-04",
      "start"`, `"date": "04/07/2026",
      "start"`,
			[]string{`contacts[0] (id "c1"): date "04/07/2026" is not a date: use the form YYYY-MM-DD`}},
		{"a missing required date", `"date": "2026-10-01",`, `"date": null,`,
			[]string{`events[1] (id "v2"): date is missing`}},
		{"a bad time", `"start": "13:30"`, `"start": "25:00"`,
			[]string{`contacts[0] (id "c1"): start "25:00" is not a time: use HH:MM`}},
		{"a wrong format", `"format": "inreach"`, `"format": "keepass"`,
			[]string{`file: format is "keepass": an Inreach file has "format": "inreach"`}},
		{"a newer version", `"version": 1`, `"version": 2`,
			[]string{`file: version is 2: this Inreach reads version 1`}},
		{"an empty name", `"name": "Ann Smith"`, `"name": "  "`,
			[]string{`people[0] (id "p1"): name is empty: every person needs a name`}},
		{"an empty establishment name", `"name": "HMP Peterborough"`, `"name": ""`,
			[]string{`establishments[0] (id "e1"): name is empty`}},
		{"a wellbeing score out of range", `"wellbeing": 7`, `"wellbeing": 11`,
			[]string{`contacts[0] (id "c1"): people[0].wellbeing is 11: a wellbeing score runs from 1 to 10`}},
		{"broken JSON", `"notes": "Monthly.",`, `"notes": "Monthly."`,
			[]string{`file: is not valid JSON (line`}},
		{"an unknown event kind", `"kind": "referred"`, `"kind": "arrested"`,
			[]string{`events[0] (id "v1"): kind "arrested" is not an event kind`}},
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
			require.Error(t, err)
			var ie *exchange.ImportErrors
			require.True(t, errors.As(err, &ie), "want *ImportErrors, got %T: %v", err, err)
			for _, w := range tc.want {
				require.True(t, anyProblemContains(ie, w), "no problem says %q in:\n%v", w, err)
			}
			require.Equal(t, before, exportText(t, db), "a refused file changed the vault")
		})
	}
}

func readAndImport(db *sql.DB, text string) error {
	d, err := exchange.Read(strings.NewReader(text))
	if err != nil {
		return err
	}
	_, err = exchange.Import(context.Background(), db, d)
	return err
}

func anyProblemContains(ie *exchange.ImportErrors, s string) bool {
	for _, p := range ie.Problems {
		if strings.Contains(p.Error(), s) {
			return true
		}
	}
	return false
}

func TestEveryProblemIsReportedAtOnceUpToTheLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format": "inreach", "version": 1, "people": [`)
	for i := 0; i < 80; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "p%d", "name": "A", "status": "referred", "referral": "new", "closed_on": "2025-13-%02d"}`, i, i%28+1)
	}
	b.WriteString("]}")
	d := readString(t, b.String())
	_, err := exchange.Import(context.Background(), openDB(t), d)
	var ie *exchange.ImportErrors
	require.True(t, errors.As(err, &ie))
	require.Equal(t, 80, ie.Total)
	require.Len(t, ie.Problems, exchange.MaxProblems)
	require.Contains(t, err.Error(), "80 problems")
	require.Contains(t, err.Error(), "… and 30 more")
	require.Equal(t, exchange.ImportError{Record: "people[0]", ID: "p0", Field: "closed_on",
		Message: `"2025-13-01" is not a date: that day does not exist`}, ie.Problems[0])
}

func TestTypeProblemsAreAllReportedByRead(t *testing.T) {
	bad := strings.Replace(fixture, `"issue": 3`, `"issue": "three"`, 1)
	bad = strings.Replace(bad, `"room_booked": true`, `"room_booked": 1`, 1)
	_, err := exchange.Read(strings.NewReader(bad))
	var ie *exchange.ImportErrors
	require.True(t, errors.As(err, &ie))
	require.Equal(t, 2, ie.Total)
	require.True(t, anyProblemContains(ie, `newsletters[0] (id "n1"): issue should be a whole number, not text in quotes`))
	require.True(t, anyProblemContains(ie, `contacts[0] (id "c1"): logistics.room_booked should be true or false, not a number`))
}

func TestMessagesDoNotRepeatTheTextOfNotes(t *testing.T) {
	secret := "She told me about the night at the flat"
	bad := strings.Replace(fixture, `"note": "Talked about housing."`, `"note": 42`, 1)
	bad = strings.Replace(bad, `"safety_note": "Woman worker only"`, `"safety_note": "`+secret+`", "x": 1`, 1)
	_, err := exchange.Read(strings.NewReader(bad))
	require.Error(t, err)
	require.NotContains(t, err.Error(), secret)
	require.NotContains(t, err.Error(), "Woman worker")
}
