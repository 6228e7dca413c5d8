package notes

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEstablishmentsCanBeSavedListedEditedAndDeleted(t *testing.T) {
	s := newStore(t)
	styal := &Establishment{Name: " HMP Styal ", Address: "Wilmslow", BookingContact: "Visits hall, 01625 553000"}
	require.NoError(t, s.SaveEstablishment(styal))
	require.Equal(t, "HMP Styal", styal.Name)
	court := &Establishment{Name: "Crewe Magistrates", Kind: "court"}
	require.NoError(t, s.SaveEstablishment(court))

	list, err := s.ListEstablishments()
	require.NoError(t, err)
	require.Equal(t, []Establishment{*court, {ID: styal.ID, Name: "HMP Styal", Kind: "prison", Address: "Wilmslow",
		BookingContact: "Visits hall, 01625 553000"}}, list)

	styal.Notes = "Bring photo ID"
	require.NoError(t, s.SaveEstablishment(styal))
	got, err := s.GetEstablishment(styal.ID)
	require.NoError(t, err)
	require.Equal(t, "Bring photo ID", got.Notes)

	requireField(t, s.SaveEstablishment(&Establishment{Name: "  "}), "Name")
	requireField(t, s.SaveEstablishment(&Establishment{Name: "X", Kind: "castle"}), "Kind")

	ann := &Person{Name: "Ann", Status: "custody_sentenced", EstablishmentID: styal.ID}
	require.NoError(t, s.SavePerson(ann))
	require.NoError(t, s.DeleteEstablishment(styal.ID))
	p, err := s.GetPerson(ann.ID)
	require.NoError(t, err, "she stays")
	require.Empty(t, p.EstablishmentID)
	_, err = s.GetEstablishment(styal.ID)
	require.True(t, errors.Is(err, ErrNotFound))
}

func TestAgencyDirectoryFiltersByCategoryAndText(t *testing.T) {
	s := newStore(t)
	save := func(a *Agency) string {
		require.NoError(t, s.SaveAgency(a))
		return a.ID
	}
	shelter := save(&Agency{Name: "Basis Housing", Category: "housing", Area: "Leeds", Services: "Hostel beds for women", LastChecked: "2025-01-05"})
	change := save(&Agency{Name: "Change Grow Live", Category: "drug_alcohol", Area: "Crewe", KeyContact: "Sam"})
	centre := save(&Agency{Name: "Anawim", Category: "womens_centre", Area: "Birmingham", Services: "Women's centre: café, counselling"})

	ids := func(f AgencyFilter) []string {
		list, err := s.ListAgencies(f)
		require.NoError(t, err)
		var out []string
		for _, a := range list {
			out = append(out, a.ID)
		}
		return out
	}
	require.Equal(t, []string{centre, shelter, change}, ids(AgencyFilter{}))
	require.Equal(t, []string{shelter}, ids(AgencyFilter{Category: "housing"}))
	require.Equal(t, []string{shelter}, ids(AgencyFilter{Text: "HOSTEL"}))
	require.Equal(t, []string{centre}, ids(AgencyFilter{Text: "cafe"}), "accents ignored")
	require.Equal(t, []string{change}, ids(AgencyFilter{Text: "sam"}))
	require.Nil(t, ids(AgencyFilter{Category: "legal"}))

	got, err := s.GetAgency(shelter)
	require.NoError(t, err)
	require.Equal(t, "2025-01-05", got.LastChecked)
	require.Equal(t, "Women's centre", AgencyCategory.Label("womens_centre"))
	require.Contains(t, AgencyCategories, "immigration")

	requireField(t, s.SaveAgency(&Agency{Name: ""}), "Name")
	requireField(t, s.SaveAgency(&Agency{Name: "X", LastChecked: "2025-02-30"}), "LastChecked")
	requireField(t, s.SaveAgency(&Agency{Name: "X", Email: "not an address"}), "Email")
	require.NoError(t, s.SaveAgency(&Agency{Name: "Free text category", Category: "peer mentoring"}))

	act := &Action{Text: "Refer", AgencyID: change}
	require.NoError(t, s.SaveAction(act))
	require.NoError(t, s.DeleteAgency(change))
	a, err := s.GetAction(act.ID)
	require.NoError(t, err)
	require.Empty(t, a.AgencyID)
	require.True(t, errors.Is(s.DeleteAgency(change), ErrNotFound))
}

func TestActionsCanBeListedMarkedDoneAndDeleted(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann", "community")
	bea := mustPerson(t, s, "Bea", "community")
	ag := &Agency{Name: "Shelter"}
	require.NoError(t, s.SaveAgency(ag))
	mk := func(a *Action) string {
		require.NoError(t, s.SaveAction(a))
		require.NotEmpty(t, a.ID)
		return a.ID
	}
	late := mk(&Action{PersonID: ann, AgencyID: ag.ID, Text: "Chase housing form", Due: "2025-07-01"})
	soon := mk(&Action{PersonID: ann, Text: "Ring GP", Due: "2025-07-12"})
	undated := mk(&Action{PersonID: ann, Text: "Ask about college"})
	done := mk(&Action{PersonID: ann, Text: "Post stamps", Due: "2025-06-01", DoneOn: "2025-06-01"})
	other := mk(&Action{PersonID: bea, Text: "Bea's", Due: "2025-06-30"})

	ids := func(f ActionFilter) []string {
		list, err := s.ListActions(f)
		require.NoError(t, err)
		var out []string
		for _, a := range list {
			out = append(out, a.ID)
		}
		return out
	}
	require.Equal(t, []string{late, soon, undated, done}, ids(ActionFilter{PersonID: ann}))
	require.Equal(t, []string{late, soon, undated}, ids(ActionFilter{PersonID: ann, OpenOnly: true}))
	require.Equal(t, []string{other, late}, ids(ActionFilter{OpenOnly: true, DueBefore: "2025-07-12"}))

	got, err := s.GetAction(late)
	require.NoError(t, err)
	require.Equal(t, "Ann", got.PersonName)
	require.Equal(t, "Shelter", got.AgencyName)

	require.NoError(t, s.MarkDone(soon, ""))
	got, err = s.GetAction(soon)
	require.NoError(t, err)
	require.Equal(t, testToday, got.DoneOn)
	require.NoError(t, s.MarkDone(late, "2025-07-03"))
	requireField(t, s.MarkDone(late, "2025-02-30"), "DoneOn")
	require.True(t, errors.Is(s.MarkDone("t-none", ""), ErrNotFound))
	require.Equal(t, []string{undated}, ids(ActionFilter{PersonID: ann, OpenOnly: true}))

	requireField(t, s.SaveAction(&Action{Text: "  "}), "Text")
	requireField(t, s.SaveAction(&Action{Text: "x", Due: "2025-13-01"}), "Due")
	requireField(t, s.SaveAction(&Action{Text: "x", PersonID: "p-none"}), "PersonID")
	requireField(t, s.SaveAction(&Action{Text: "x", ContactID: "c-none"}), "ContactID")

	require.NoError(t, s.DeleteAction(undated))
	_, err = s.GetAction(undated)
	require.True(t, errors.Is(err, ErrNotFound))
}

func TestEventsAreListedNewestFirstAndValidated(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann", "community")
	e1 := &Event{PersonID: ann, Date: "2025-03-01", Kind: "sentenced", Note: "18 months"}
	e2 := &Event{PersonID: ann, Date: "2025-06-01", Kind: "released"}
	require.NoError(t, s.SaveEvent(e1))
	require.NoError(t, s.SaveEvent(e2))
	list, err := s.ListEvents(ann)
	require.NoError(t, err)
	require.Equal(t, []Event{*e2, *e1}, list)

	e1.Kind = "remanded"
	require.NoError(t, s.SaveEvent(e1))
	got, err := s.GetEvent(e1.ID)
	require.NoError(t, err)
	require.Equal(t, "remanded", got.Kind)

	requireField(t, s.SaveEvent(&Event{PersonID: ann, Date: "2025-02-30", Kind: "housed"}), "Date")
	requireField(t, s.SaveEvent(&Event{PersonID: ann, Date: "2025-02-03", Kind: "party"}), "Kind")
	requireField(t, s.SaveEvent(&Event{Date: "2025-02-03", Kind: "housed"}), "PersonID")
	requireField(t, s.SaveEvent(&Event{PersonID: "p-none", Date: "2025-02-03", Kind: "housed"}), "PersonID")

	require.NoError(t, s.DeleteEvent(e1.ID))
	list, err = s.ListEvents(ann)
	require.NoError(t, err)
	require.Len(t, list, 1)
}

func TestDraftsAreKeptExactlyAndListedNewestFirst(t *testing.T) {
	s := newStore(t)
	_, ok, err := s.LoadDraft("contact:new")
	require.NoError(t, err)
	require.False(t, ok)

	body := []byte(`{"note":"Saw مريم 🌷 — she said \"later\"","x":"'); DROP TABLE drafts;--"}`)
	require.NoError(t, s.SaveDraft("contact:new", "contact", "Visit to HMP Styal", body))
	require.NoError(t, s.SaveDraft("diary:d-1", "diary", "Reflection", []byte(`{}`)))
	got, ok, err := s.LoadDraft("contact:new")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, body, got)

	list, err := s.ListDrafts()
	require.NoError(t, err)
	require.Len(t, list, 2)
	require.Equal(t, "diary:d-1", list[0].Key, "saved last, listed first")
	require.Equal(t, "Visit to HMP Styal", list[1].Title)

	require.NoError(t, s.SaveDraft("contact:new", "contact", "Visit to HMP Styal", []byte(`{"v":2}`)))
	got, _, err = s.LoadDraft("contact:new")
	require.NoError(t, err)
	require.Equal(t, `{"v":2}`, string(got))
	list, err = s.ListDrafts()
	require.NoError(t, err)
	require.Equal(t, "contact:new", list[0].Key)

	requireField(t, s.SaveDraft("", "contact", "", nil), "Key")
	require.NoError(t, s.DeleteDraft("contact:new"))
	require.NoError(t, s.DeleteDraft("contact:new"), "deleting twice is fine")
	_, ok, err = s.LoadDraft("contact:new")
	require.NoError(t, err)
	require.False(t, ok)
}

func TestSettingsFallBackToTheDefault(t *testing.T) {
	s := newStore(t)
	require.Equal(t, "10", s.GetSetting(SettingRetentionYears, "10"))
	require.NoError(t, s.SetSetting(SettingRetentionYears, "7"))
	require.Equal(t, "7", s.GetSetting(SettingRetentionYears, "10"))
	require.NoError(t, s.SetSetting(SettingPractitioner, "Róisín O'Neill"))
	require.Equal(t, "Róisín O'Neill", s.GetSetting(SettingPractitioner, ""))
	requireField(t, s.SetSetting(" ", "x"), "Key")
}
