package notes

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func exec(t *testing.T, s *Store, q string, args ...any) {
	t.Helper()
	_, err := s.DB.Exec(q, args...)
	require.NoError(t, err, q)
}

func TestTimelineHasEveryKindNewestFirstWithStableTies(t *testing.T) {
	s := newStore(t)
	drake := mustPrison(t, s, "HMP Drake Hall")
	ann := mustPerson(t, s, "Ann Lovell", "custody_sentenced")
	bea := mustPerson(t, s, "Bea Kerr", "custody_sentenced")

	// Two visits on one day: the later start comes first.
	morning := &Contact{ID: "c-morning", Date: "2025-06-06", Start: "10:00", Kind: "prison_visit", EstablishmentID: drake,
		People: []ContactPerson{{PersonID: ann, Booked: true, Seen: true, Note: "Talked about\n\nher son"}}}
	afternoon := &Contact{ID: "c-afternoon", Date: "2025-06-06", Start: "14:00", Kind: "prison_visit", EstablishmentID: drake,
		People: []ContactPerson{{PersonID: ann, Booked: true, NotSeenReason: "refused"}, {PersonID: bea, Seen: true}}}
	beaOnly := &Contact{ID: "c-bea", Date: "2025-06-07", Kind: "phone", People: []ContactPerson{{PersonID: bea, Seen: true}}}
	call := &Contact{ID: "c-call", Date: "2025-06-20", Kind: "phone", People: []ContactPerson{{PersonID: ann, Seen: true}}}
	planned := &Contact{ID: "c-planned", Date: "2025-07-17", Start: "13:30", Kind: "prison_visit", EstablishmentID: drake,
		People: []ContactPerson{{PersonID: ann, Booked: true}}}
	for _, c := range []*Contact{morning, afternoon, beaOnly, call, planned} {
		require.NoError(t, s.SaveContact(c))
	}
	// Actions: done, overdue, from a contact with no due date, no date at all.
	for _, a := range []*Action{
		{ID: "t-done", PersonID: ann, Text: "Book ID appointment", Due: "2025-06-10", DoneOn: "2025-06-09"},
		{ID: "t-late", PersonID: ann, Text: "Ring housing", Due: "2025-07-01"},
		{ID: "t-fromvisit", PersonID: ann, ContactID: morning.ID, Text: "Send stamps"},
		{ID: "t-nodate", PersonID: ann, Text: "Ask about college"},
		{ID: "t-bea", PersonID: bea, Text: "Not hers", Due: "2025-06-06"},
	} {
		require.NoError(t, s.SaveAction(a))
	}
	// Two events on one date: ordered by id.
	for _, e := range []*Event{
		{ID: "v-b", PersonID: ann, Date: "2025-06-20", Kind: "court_outcome", Note: "Adjourned"},
		{ID: "v-a", PersonID: ann, Date: "2025-06-20", Kind: "sentenced"},
		{ID: "v-bea", PersonID: bea, Date: "2025-06-20", Kind: "sentenced"},
	} {
		require.NoError(t, s.SaveEvent(e))
	}
	exec(t, s, `INSERT INTO letters(id, person_id, date, direction, channel, summary, reply_due) VALUES
		('l-in', ?, '2025-06-12', 'in', 'letter', 'Asked for a photo of the garden', '2025-06-26'),
		('l-out', ?, '2025-06-06', 'out', 'letter', 'Newsletter and stamps', NULL),
		('l-bea', ?, '2025-06-12', 'in', 'letter', 'Bea''s letter', NULL)`, ann, ann, bea)
	exec(t, s, `INSERT INTO diary(id, date, contact_id, template, status) VALUES
		('d-linked', '2025-06-06', 'c-afternoon', 'visit_reflection', 'for_supervision'),
		('d-named', '2025-06-25', NULL, 'gibbs', 'draft'),
		('d-other', '2025-06-25', 'c-bea', 'visit_reflection', 'draft'),
		('d-none', '2025-06-26', NULL, 'visit_reflection', 'draft')`)
	exec(t, s, `INSERT INTO diary_sections(diary_id, key, body, position) VALUES
		('d-linked', 'visit_detail', 'A hard session.', 0),
		('d-named', 'description', '', 0),
		('d-named', 'feelings', 'Worried about ANN LOVELL after the hearing.', 1),
		('d-other', 'visit_detail', 'Bea Kerr was cheerful.', 0),
		('d-none', 'visit_detail', 'Team meeting about Annual leave.', 0)`)

	items, err := s.Timeline(ann)
	require.NoError(t, err)
	type row struct{ Date, Kind, RefID, Title string }
	var got []row
	for _, it := range items {
		got = append(got, row{it.Date, it.Kind, it.RefID, it.Title})
	}
	require.Equal(t, []row{
		{"2025-07-17", "contact", "c-planned", "Prison visit at HMP Drake Hall — booked"},
		{"2025-07-01", "action", "t-late", "Action overdue"},
		{"2025-06-25", "diary", "d-named", "Diary entry (Gibbs' reflective cycle, draft)"},
		{"2025-06-20", "contact", "c-call", "Phone call"},
		{"2025-06-20", "event", "v-a", "Sentenced"},
		{"2025-06-20", "event", "v-b", "Court outcome"},
		{"2025-06-12", "letter", "l-in", "Letter from her — reply due 2025-06-26"},
		{"2025-06-09", "action", "t-done", "Action done"},
		{"2025-06-06", "contact", "c-afternoon", "Prison visit at HMP Drake Hall — not seen (refused)"},
		{"2025-06-06", "contact", "c-morning", "Prison visit at HMP Drake Hall — seen"},
		{"2025-06-06", "diary", "d-linked", "Diary entry (Visit reflection, for supervision)"},
		{"2025-06-06", "letter", "l-out", "Letter to her"},
		{"2025-06-06", "action", "t-fromvisit", "Action (no due date)"},
		{"", "action", "t-nodate", "Action (no due date)"},
	}, got)

	byRef := map[string]TimelineItem{}
	for _, it := range items {
		byRef[it.RefID] = it
	}
	require.Equal(t, "Talked about her son", byRef["c-morning"].Detail, "detail is one line")
	require.Equal(t, "10:00", byRef["c-morning"].Time)
	require.Equal(t, "Worried about ANN LOVELL after the hearing.", byRef["d-named"].Detail, "first non-empty section")
	require.Equal(t, "Asked for a photo of the garden", byRef["l-in"].Detail)

	// Same answer every time: ties are stable.
	for i := 0; i < 5; i++ {
		again, err := s.Timeline(ann)
		require.NoError(t, err)
		require.Equal(t, items, again)
	}
}

func TestTimelineDetailIsShortenedWithAnEllipsis(t *testing.T) {
	s := newStore(t)
	ann := mustPerson(t, s, "Ann", "community")
	long := strings.Repeat("word ", 400)
	require.NoError(t, s.SaveEvent(&Event{PersonID: ann, Date: "2025-06-01", Kind: "housed", Note: long}))
	spaced := "start" + strings.Repeat(" ", 2000) + "end"
	require.NoError(t, s.SaveEvent(&Event{PersonID: ann, Date: "2025-06-02", Kind: "housed", Note: spaced}))
	items, err := s.Timeline(ann)
	require.NoError(t, err)
	require.Len(t, items, 2)
	require.LessOrEqual(t, len([]rune(items[1].Detail)), DetailRunes)
	require.True(t, strings.HasSuffix(items[1].Detail, "…"))
	require.True(t, strings.HasPrefix(items[1].Detail, "word word"))
	require.Equal(t, "start…", items[0].Detail, "a text cut by the query still ends in an ellipsis")
}

func TestTimelineOfAMissingPersonSaysNotFound(t *testing.T) {
	s := newStore(t)
	_, err := s.Timeline("p-none")
	require.True(t, errors.Is(err, ErrNotFound))
}
