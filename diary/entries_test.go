package diary

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSavingAnEntryTidiesTagsOrdersSectionsAndReadsBack(t *testing.T) {
	s, db := newStore(t)
	addVisit(t, db, "c1", "2025-07-04")
	e := &Entry{Date: "2025-07-04", ContactID: "c1", Template: "visit_reflection",
		Sections: []SectionText{{Key: "learning", Body: "Book the room a week ahead."}, {Key: "visit_detail", Body: "Saw Zoë — “good” day, £5 credit."}},
		Tags:     []string{" Housing ", "housing", "", "Release   Day", "HOUSING"}}
	require.NoError(t, s.Save(e))
	require.True(t, strings.HasPrefix(e.ID, "d-"))
	got, err := s.Get(e.ID)
	require.NoError(t, err)
	require.Equal(t, "draft", got.Status)
	require.Equal(t, "c1", got.ContactID)
	require.Equal(t, []string{"housing", "release day"}, got.Tags)
	require.Equal(t, []SectionText{{"visit_detail", "Saw Zoë — “good” day, £5 credit."}, {"learning", "Book the room a week ahead."}}, got.Sections)
	all := got.AllSections()
	require.Len(t, all, 5)
	require.Equal(t, "", all[1].Body)
	require.Equal(t, "Book the room a week ahead.", all[4].Body)

	// Saving again with the same id updates in place.
	got.Sections = got.AllSections()
	got.Sections[2].Body = "She laughed."
	got.Tags = []string{"court"}
	require.NoError(t, s.Save(got))
	again, err := s.Get(e.ID)
	require.NoError(t, err)
	require.Equal(t, "She laughed.", again.Section("positive_outcome"))
	require.Equal(t, []string{"court"}, again.Tags)
	require.Len(t, again.Sections, 5)
}

func TestSavingAnEntryWithAGivenIDKeepsIt(t *testing.T) {
	s, _ := newStore(t)
	e := entry("2025-01-02", "discussed", nil, "imported")
	e.ID = "d1"
	require.NoError(t, s.Save(e), "an imported entry may already be discussed")
	require.Equal(t, "d1", e.ID)
	require.Equal(t, "discussed", statusOf(t, s, "d1"))
}

func TestBadEntriesAreRefusedNamingTheFieldAndNothingIsWritten(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(e *Entry)
		field string
	}{
		{"no date", func(e *Entry) { e.Date = "" }, "Date"},
		{"impossible date", func(e *Entry) { e.Date = "2025-02-30" }, "Date"},
		{"unknown template", func(e *Entry) { e.Template = "diary" }, "Template"},
		{"section of the other template", func(e *Entry) { e.Sections[0].Key = "feelings" }, "Sections[0].Key"},
		{"section twice", func(e *Entry) { e.Sections = append(e.Sections, SectionText{Key: "visit_detail"}) }, "Sections[1].Key"},
		{"section without a key", func(e *Entry) { e.Sections[0].Key = " " }, "Sections[0].Key"},
		{"unknown status", func(e *Entry) { e.Status = "done" }, "Status"},
		{"tag too long", func(e *Entry) { e.Tags = []string{strings.Repeat("a", MaxTagLength+1)} }, "Tags[0]"},
		{"tag of punctuation", func(e *Entry) { e.Tags = []string{"--"} }, "Tags[0]"},
		{"text too long", func(e *Entry) { e.Sections[0].Body = strings.Repeat("x", MaxTextBytes+1) }, "Sections[0].Body"},
		{"broken text", func(e *Entry) { e.Sections[0].Body = "ab\xffcd" }, "Sections[0].Body"},
		{"missing contact", func(e *Entry) { e.ContactID = "c-gone" }, "ContactID"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newStore(t)
			e := entry("2025-07-04", "draft", nil, "secret words")
			tc.edit(e)
			err := s.Save(e)
			v, ok := AsValidation(err)
			require.True(t, ok, "want a ValidationError, got %v", err)
			require.True(t, v.Has(tc.field), "want a problem with %s, got %v", tc.field, v)
			require.NotContains(t, err.Error(), "secret words", "errors never repeat the text")
			require.Empty(t, e.ID, "a refused new entry stays new")
			list, err := s.List(Filter{})
			require.NoError(t, err)
			require.Empty(t, list)
		})
	}
}

func TestDeletingAnEntryRemovesItFromSessions(t *testing.T) {
	s, _ := newStore(t)
	e := entry("2025-07-04", "for_supervision", []string{"x"}, "a")
	require.NoError(t, s.Save(e))
	ss := &Session{Date: "2025-07-20", Entries: []SessionEntry{{DiaryID: e.ID, Comment: "ok"}}}
	require.NoError(t, s.SaveSession(ss))
	require.NoError(t, s.Delete(e.ID))
	_, err := s.Get(e.ID)
	require.True(t, errors.Is(err, ErrNotFound))
	got, err := s.GetSession(ss.ID)
	require.NoError(t, err)
	require.Empty(t, got.Entries)
	require.True(t, errors.Is(s.Delete(e.ID), ErrNotFound))
}

func TestListFiltersAndPutsTheNewestFirst(t *testing.T) {
	s, db := newStore(t)
	addVisit(t, db, "c1", "2025-03-10")
	a := entry("2025-03-10", "draft", []string{"housing"}, "", "Felt rushed: 100% of the time went on the booking.")
	a.ContactID = "c1"
	b := entry("2025-04-01", "for_supervision", []string{"Court", "housing"}, "Accompanied her to court.")
	c := entry("2025-05-20", "draft", nil, strings.Repeat("A long visit detail that goes on and on. ", 10))
	for _, e := range []*Entry{a, b, c} {
		require.NoError(t, s.Save(e))
	}
	ids := func(f Filter) []string {
		list, err := s.List(f)
		require.NoError(t, err)
		var out []string
		for _, x := range list {
			out = append(out, x.ID)
		}
		return out
	}
	require.Equal(t, []string{c.ID, b.ID, a.ID}, ids(Filter{}))
	require.Equal(t, []string{b.ID, a.ID}, ids(Filter{To: "2025-04-01"}))
	require.Equal(t, []string{c.ID, b.ID}, ids(Filter{From: "2025-04-01"}))
	require.Equal(t, []string{b.ID}, ids(Filter{Status: "for_supervision"}))
	require.Equal(t, []string{b.ID, a.ID}, ids(Filter{Tag: " HOUSING"}))
	require.Equal(t, []string{b.ID}, ids(Filter{Tag: "court"}))
	require.Equal(t, []string{b.ID}, ids(Filter{Text: "COURT"}))
	require.Equal(t, []string{a.ID}, ids(Filter{Text: "100%"}), "% is matched literally")
	require.Empty(t, ids(Filter{Text: "_"}))
	require.Equal(t, []string{a.ID}, ids(Filter{ContactID: "c1"}))
	require.Equal(t, []string{c.ID}, ids(Filter{Limit: 1}))

	list, err := s.List(Filter{})
	require.NoError(t, err)
	require.Equal(t, "Felt rushed: 100% of the time went on the booking.", list[2].Summary, "the first section with text")
	require.LessOrEqual(t, len([]rune(list[0].Summary)), SummaryLength+1)
	require.True(t, strings.HasSuffix(list[0].Summary, "…"))
	require.Equal(t, []string{"court", "housing"}, list[1].Tags)

	_, err = s.List(Filter{From: "yesterday"})
	v, ok := AsValidation(err)
	require.True(t, ok)
	require.True(t, v.Has("From"))
}

func TestANewReflectionForAContactIsPrefilledFromTheVisit(t *testing.T) {
	s, db := newStore(t)
	addVisit(t, db, "c1", "2025-07-04")
	e, err := s.NewEntryForContact("c1")
	require.NoError(t, err)
	require.Empty(t, e.ID, "not saved yet")
	require.Equal(t, "2025-07-04", e.Date)
	require.Equal(t, "c1", e.ContactID)
	require.Equal(t, "draft", e.Status)
	require.Equal(t, "visit_reflection", e.Template)
	require.Len(t, e.Sections, 5)
	detail := e.Section("visit_detail")
	require.Contains(t, detail, "Prison visit at HMP Testbury, 13:30 to 15:30.")
	require.Contains(t, detail, "Seen: Zoë Łukasz.")
	require.Contains(t, detail, "Not seen: Kira Smith (refused).")
	require.NoError(t, s.Save(e))
	list, err := s.List(Filter{ContactID: "c1"})
	require.NoError(t, err)
	require.Len(t, list, 1)

	_, err = s.NewEntryForContact("c-none")
	require.True(t, errors.Is(err, ErrNotFound))
}
