package notes

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

func fullPerson(estID string) *Person {
	return &Person{
		Name: "  Jolene Marsh ", Pseudonym: "Robin", DateOfBirth: "1990-03-14",
		PrisonNumber: "A1234BC", Status: "custody_sentenced", EstablishmentID: estID,
		Sentence: "18 months", ReleaseDate: "2025-08-01", ReleaseDateConfirmed: true,
		Referral: "short_sentence", ReferralDate: "2025-06-01",
		ConsentRecordedOn: "2025-06-02", ConsentShareWith: "probation, GP",
		Needs: []Need{
			{Area: "housing", Status: "open", Note: "No address on release"},
			{Area: "substance_use", Status: "in_progress", Note: ""},
			{Area: "identity_documents", Status: "met"},
		},
		Sensitive:  []string{"children_removed", "self_harm"},
		SafetyNote: "Do not post to her mother's address",
		Ethnicity:  "mixed", OffenceGroup: "theft", PreviousCustodialSentences: intp(3),
	}
}

func TestCreatingAndEditingAPersonKeepsEveryField(t *testing.T) {
	s := newStore(t)
	est := mustPrison(t, s, "HMP Drake Hall")
	p := fullPerson(est)
	require.NoError(t, s.SavePerson(p))
	require.True(t, strings.HasPrefix(p.ID, "p-"))

	got, err := s.GetPerson(p.ID)
	require.NoError(t, err)
	want := *fullPerson(est)
	want.ID = p.ID
	want.Name = "Jolene Marsh" // trimmed
	require.Equal(t, want, *got)

	got.Status = "released_licence"
	got.Needs = []Need{{Area: "housing", Status: "met", Note: "Hostel place"}}
	got.Sensitive = nil
	got.EstablishmentID = ""
	require.NoError(t, s.SavePerson(got))
	again, err := s.GetPerson(p.ID)
	require.NoError(t, err)
	require.Equal(t, "released_licence", again.Status)
	require.Equal(t, []Need{{Area: "housing", Status: "met", Note: "Hostel place"}}, again.Needs)
	require.Empty(t, again.Sensitive)
	require.Empty(t, again.EstablishmentID)
	require.Equal(t, 1, count(t, s, "people", ""))
}

func TestSavingAPersonAgainDoesNotDropHerContactsOrPlan(t *testing.T) {
	s := newStore(t)
	pid := mustPerson(t, s, "Ann", "community")
	c := &Contact{Date: "2025-07-01", Kind: "community", People: []ContactPerson{{PersonID: pid, Seen: true, Note: "n"}}}
	require.NoError(t, s.SaveContact(c))
	require.NoError(t, s.SetPlanItem(pid, "housing", true, ""))
	p, err := s.GetPerson(pid)
	require.NoError(t, err)
	p.Sentence = "changed"
	require.NoError(t, s.SavePerson(p))
	require.Equal(t, 1, count(t, s, "contact_people", "person_id = ?", pid))
	require.Equal(t, 1, count(t, s, "release_plan", "person_id = ?", pid))
}

func TestPersonDefaultsStatusAndReferral(t *testing.T) {
	s := newStore(t)
	p := &Person{Name: "Bea"}
	require.NoError(t, s.SavePerson(p))
	got, err := s.GetPerson(p.ID)
	require.NoError(t, err)
	require.Equal(t, "referred", got.Status)
	require.Equal(t, "new", got.Referral)
	require.Nil(t, got.Needs)
}

func TestSavePersonRefusesBadInputNamingTheField(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(p *Person)
		field string
	}{
		{"empty name", func(p *Person) { p.Name = "" }, "Name"},
		{"blank name", func(p *Person) { p.Name = " \t\n" }, "Name"},
		{"nonexistent date", func(p *Person) { p.ReleaseDate = "2025-02-30" }, "ReleaseDate"},
		{"badly written date", func(p *Person) { p.ReferralDate = "1/6/2025" }, "ReferralDate"},
		{"nonexistent birth date", func(p *Person) { p.DateOfBirth = "1990-13-01" }, "DateOfBirth"},
		{"birth in the future", func(p *Person) { p.DateOfBirth = "2030-01-01" }, "DateOfBirth"},
		{"consent date", func(p *Person) { p.ConsentRecordedOn = "2025-04-31" }, "ConsentRecordedOn"},
		{"release in the past while in custody", func(p *Person) { p.ReleaseDate = "2025-07-09" }, "ReleaseDate"},
		{"release in the past on remand", func(p *Person) { p.Status = "custody_remand"; p.ReleaseDate = "2024-01-01" }, "ReleaseDate"},
		{"confirmed without date", func(p *Person) { p.ReleaseDate = ""; p.ReleaseDateConfirmed = true }, "ReleaseDateConfirmed"},
		{"unknown status", func(p *Person) { p.Status = "free" }, "Status"},
		{"unknown referral", func(p *Person) { p.Referral = "old" }, "Referral"},
		{"closed without date", func(p *Person) { p.Status = "closed"; p.ReleaseDate = "" }, "ClosedOn"},
		{"closed date while open", func(p *Person) { p.ClosedOn = "2025-07-01" }, "ClosedOn"},
		{"unknown need area", func(p *Person) { p.Needs[1].Area = "money" }, "Needs[1].Area"},
		{"unknown need status", func(p *Person) { p.Needs[0].Status = "done" }, "Needs[0].Status"},
		{"duplicate need area", func(p *Person) { p.Needs[2].Area = "housing" }, "Needs[2].Area"},
		{"unknown flag", func(p *Person) { p.Sensitive = []string{"secret"} }, "Sensitive[0]"},
		{"duplicate flag", func(p *Person) { p.Sensitive = []string{"self_harm", "self_harm"} }, "Sensitive[1]"},
		{"missing establishment", func(p *Person) { p.EstablishmentID = "e-gone" }, "EstablishmentID"},
		{"text over 1 MiB", func(p *Person) { p.SafetyNote = strings.Repeat("x", MaxTextBytes+1) }, "SafetyNote"},
		{"need note over 1 MiB", func(p *Person) { p.Needs[0].Note = strings.Repeat("x", MaxTextBytes+1) }, "Needs[0].Note"},
		{"invalid UTF-8", func(p *Person) { p.Sentence = "ok\xff" }, "Sentence"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			est := mustPrison(t, s, "HMP Styal")
			p := fullPerson(est)
			tc.edit(p)
			err := s.SavePerson(p)
			requireField(t, err, tc.field)
			require.Empty(t, p.ID, "a refused person gets no id")
			require.Zero(t, count(t, s, "people", ""), "nothing is written")
			require.NotContains(t, err.Error(), "Do not post", "messages never repeat note text")
		})
	}
}

func TestAReleaseDateTodayOrLaterIsAcceptedInCustodyAndAPastOneAfterRelease(t *testing.T) {
	s := newStore(t)
	p := &Person{Name: "Cara", Status: "custody_sentenced", ReleaseDate: testToday}
	require.NoError(t, s.SavePerson(p))
	q := &Person{Name: "Dee", Status: "released_licence", ReleaseDate: "2024-01-05"}
	require.NoError(t, s.SavePerson(q))
	r := &Person{Name: "Eve", Status: "closed", ClosedOn: "2025-01-01", ReleaseDate: "2024-01-05"}
	require.NoError(t, s.SavePerson(r))
}

func TestValidationReportsEveryProblemAtOnce(t *testing.T) {
	s := newStore(t)
	err := s.SavePerson(&Person{Name: "", ReleaseDate: "2025-02-30", Status: "nope"})
	v, ok := AsValidation(err)
	require.True(t, ok)
	require.ElementsMatch(t, []string{"Name", "ReleaseDate", "Status"}, v.Fields())
	require.Contains(t, v.Message("ReleaseDate"), "2025-02-30")
	require.Contains(t, err.Error(), "Name: ")
}

func TestTextIsStoredExactly(t *testing.T) {
	s := newStore(t)
	texts := []string{
		"Mariam 🌷💜 said “thank you” — she’s doing well 👍🏽",
		"مريم",
		"שָׁלוֹם and مرحبا mixed with English",
		`She said "no" and 'maybe' and \n isn't a newline`,
		"'); DROP TABLE people;--",
		"line one\nline two\r\n\ttabbed  ",
		"zero\u200bwidth and combining e\u0301",
	}
	for _, txt := range texts {
		// names are one line; notes keep their lines and tabs
		line := strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(txt)
		p := &Person{Name: line, Pseudonym: line, SafetyNote: txt, Sentence: txt,
			Needs: []Need{{Area: "housing", Note: txt}}}
		require.NoError(t, s.SavePerson(p))
		got, err := s.GetPerson(p.ID)
		require.NoError(t, err)
		require.Equal(t, strings.TrimSpace(line), got.Name)
		require.Equal(t, line, got.Pseudonym)
		require.Equal(t, txt, got.SafetyNote)
		require.Equal(t, txt, got.Sentence)
		require.Equal(t, txt, got.Needs[0].Note)
	}
	require.Equal(t, len(texts), count(t, s, "people", ""))

	list, err := s.ListPeople(PeopleFilter{Text: "مريم"})
	require.NoError(t, err)
	require.Len(t, list, 1)
	require.Equal(t, "مريم", list[0].Name)
}

func TestExactlyOneMebibyteIsStoredAndOneByteMoreIsRefused(t *testing.T) {
	s := newStore(t)
	// 1 MiB made of a 4-byte emoji, so the limit is counted in bytes.
	exact := strings.Repeat("🌷", MaxTextBytes/4)
	require.Len(t, exact, MaxTextBytes)
	p := &Person{Name: "Fay", SafetyNote: exact}
	require.NoError(t, s.SavePerson(p))
	got, err := s.GetPerson(p.ID)
	require.NoError(t, err)
	require.Equal(t, exact, got.SafetyNote)

	got.SafetyNote = exact + "x"
	err = s.SavePerson(got)
	requireField(t, err, "SafetyNote")
	require.Contains(t, err.Error(), "1 MiB")
	again, err := s.GetPerson(p.ID)
	require.NoError(t, err)
	require.Equal(t, exact, again.SafetyNote, "the stored text is untouched")
}

func TestGetAndDeleteAMissingPersonSayNotFound(t *testing.T) {
	s := newStore(t)
	_, err := s.GetPerson("p-none")
	require.True(t, errors.Is(err, ErrNotFound))
	require.True(t, errors.Is(s.DeletePerson("p-none"), ErrNotFound))
}

func TestDeletingAPersonRemovesEverythingOfHers(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann", "community")
	bea := mustPerson(t, s, "Bea", "community")
	p, err := s.GetPerson(ann)
	require.NoError(t, err)
	p.Needs = []Need{{Area: "housing"}}
	p.Sensitive = []string{"self_harm"}
	require.NoError(t, s.SavePerson(p))
	c := &Contact{Date: "2025-07-01", Kind: "community", People: []ContactPerson{
		{PersonID: ann, Seen: true, NeedsDiscussed: []string{"housing"}, Items: []ItemQty{{"stamps", 2}}},
		{PersonID: bea, Seen: true},
	}}
	require.NoError(t, s.SaveContact(c))
	require.NoError(t, s.SetPlanItem(ann, "id", true, ""))
	require.NoError(t, s.SaveAction(&Action{PersonID: ann, Text: "call"}))
	require.NoError(t, s.SaveEvent(&Event{PersonID: ann, Date: "2025-07-01", Kind: "housed"}))

	require.NoError(t, s.DeletePerson(ann))
	for _, table := range []string{"person_needs", "person_sensitive", "release_plan", "contact_people",
		"contact_needs", "contact_items", "actions", "events"} {
		require.Zero(t, count(t, s, table, "person_id = ?", ann), table)
	}
	got, err := s.GetContact(c.ID)
	require.NoError(t, err)
	require.Len(t, got.People, 1)
	require.Equal(t, bea, got.People[0].PersonID)
}

func TestCheckPersonReportsProblemsWithoutSavingOrChangingHer(t *testing.T) {
	s := newStore(t)
	p := Person{Name: "Ann", Status: "custody_sentenced", ReleaseDate: "2025-01-01", Needs: []Need{{Area: "housing"}}}
	requireField(t, s.CheckPerson(p), "ReleaseDate")
	require.Empty(t, p.Needs[0].Status, "the caller's needs are not filled in")
	p.ReleaseDate = "2025-09-01"
	require.NoError(t, s.CheckPerson(p))
	require.Zero(t, count(t, s, "people", ""))
}

func TestARecordWhoseReleaseDatePassedCanStillBeEdited(t *testing.T) {
	s := newStore(t)
	s.TodayFunc = func() string { return "2025-07-01" }
	p := &Person{Name: "Dana Shaw", Status: "custody_sentenced", ReleaseDate: "2025-07-10"}
	require.NoError(t, s.SavePerson(p))

	s.TodayFunc = func() string { return "2025-08-01" } // the date went by
	p.Needs = []Need{{Area: "housing", Status: "open"}}
	require.NoError(t, s.SavePerson(p), "her needs can be recorded while the date is still to be corrected")

	p.ReleaseDate = "2025-07-20"
	err := s.SavePerson(p)
	v, ok := AsValidation(err)
	require.True(t, ok, "entering another date that has passed is still refused")
	require.True(t, v.Has("ReleaseDate"))
}

func TestAPersonFormRefusesWhatAnImportRefuses(t *testing.T) {
	s := newStore(t)
	require.NoError(t, s.SavePerson(&Person{Name: "Ann Smith", Pseudonym: "Wren", DateOfBirth: "1990-01-01"}), "the check can pass")
	for _, tc := range []struct {
		p     Person
		field string
	}{
		{Person{Name: "Eve\x1b]0;owned\x07"}, "Name"},
		{Person{Name: "\u200b\u200d"}, "Name"},
		{Person{Name: "Ann", Pseudonym: "Wren\nA."}, "Pseudonym"},
		{Person{Name: "Ann", SafetyNote: "a\u202eb"}, "SafetyNote"},
		{Person{Name: "Ann", DateOfBirth: "1850-01-01"}, "DateOfBirth"},
	} {
		err := s.SavePerson(&tc.p)
		v, ok := schema.AsValidation(err)
		require.True(t, ok, "%+v: %v", tc.p, err)
		require.Contains(t, v.Fields(), tc.field)
	}
	require.Equal(t, 1, count(t, s, "people", ""))
}
