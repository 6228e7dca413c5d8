package report

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// womanData builds a vault with every kind of record about p1, Marguerite
// Oyelaran (pseudonym Tamsin), beside records of two other women:
// p2 Bea Jones (Lily) and p3 Annabel Hall. Marguerite's name
// appears in text of every kind that stays when she is erased.
func womanData(t *testing.T, db *sql.DB) {
	t.Helper()
	exec(t, db,
		`INSERT INTO establishments(id, name, notes) VALUES ('e1', 'HMP Bronzefield', 'Ask for Marguerite''s officer')`,
		`INSERT INTO agencies(id, name, category, notes) VALUES ('a1', 'Women''s Housing Trust', 'housing', 'Helped Oyelaran before')`,
		`INSERT INTO people(id, name, pseudonym, date_of_birth, prison_number, status, establishment_id, sentence,
			release_date, release_date_confirmed, referral, referral_date, consent_recorded_on, consent_share_with, safety_note)
		VALUES ('p1', 'Marguerite Oyelaran', 'Tamsin', '1990-02-03', 'A1234BC', 'custody_sentenced', 'e1', '18 months',
			'2025-09-01', 1, 'new', '2025-06-01', '2025-06-01', 'Probation', 'Do not share her address with Bea Jones')`,
		`INSERT INTO people(id, name, pseudonym, safety_note) VALUES
			('p2', 'Bea Jones', 'Lily', 'Knows Marguerite from the wing'),
			('p3', 'Annabel Hall', '', '')`,
		`INSERT INTO person_needs(person_id, area, status, note, position) VALUES
			('p1', 'housing', 'open', 'Needs a flat near her son', 0),
			('p1', 'substance_use', 'in_progress', 'On a script', 1)`,
		`INSERT INTO person_sensitive(person_id, flag) VALUES ('p1', 'children_removed'), ('p1', 'self_harm')`,
		`INSERT INTO release_plan(person_id, item, done, note) VALUES ('p1', 'housing', 1, 'Hostel bed booked'), ('p1', 'id', 0, '')`,
		`INSERT INTO contacts(id, date, kind, establishment_id, logistics_note) VALUES
			('c1', '2025-07-04', 'prison_visit', 'e1', 'Marguerite came late from education'),
			('c2', '2025-07-20', 'phone', NULL, ''),
			('c3', '2025-07-21', 'phone', NULL, '')`,
		`INSERT INTO contact_people(contact_id, person_id, seen, note, wellbeing) VALUES
			('c1', 'p1', 1, 'Talked about her son and about Bea Jones', 6),
			('c1', 'p2', 1, 'Bea asked after marguerite', NULL),
			('c2', 'p1', 1, 'Phoned about the hostel', NULL),
			('c3', 'p2', 1, 'Quick call', NULL)`,
		`INSERT INTO contact_needs(contact_id, person_id, area) VALUES ('c1', 'p1', 'housing')`,
		`INSERT INTO contact_items(contact_id, person_id, item, quantity) VALUES ('c1', 'p1', 'stamps', 6), ('c1', 'p2', 'stamps', 2)`,
		`INSERT INTO actions(id, person_id, contact_id, agency_id, text, due) VALUES
			('t1', 'p1', 'c1', 'a1', 'Refer to the housing trust', '2025-07-11'),
			('t2', 'p2', 'c1', NULL, 'Tell Bea that Oyelaran has moved wing', '2025-07-12')`,
		`INSERT INTO events(id, person_id, date, kind, note) VALUES
			('v1', 'p1', '2025-06-01', 'referred', 'Self-referral'),
			('v2', 'p2', '2025-06-02', 'released', 'Marguerite waved her off')`,
		`INSERT INTO letters(id, person_id, date, direction, channel, summary) VALUES
			('l1', 'p1', '2025-07-10', 'in', 'letter', 'Asked for stamps'),
			('l2', 'p2', '2025-07-11', 'out', 'letter', 'Passed on news of Marguerite')`,
		`INSERT INTO letter_enclosures(letter_id, item, position) VALUES ('l1', 'stamps', 0)`,
		`INSERT INTO diary(id, date, contact_id) VALUES ('d1', '2025-07-04', 'c1'), ('d2', '2025-07-25', NULL), ('d3', '2025-07-26', NULL)`,
		`INSERT INTO diary_sections(diary_id, key, body, position) VALUES
			('d1', 'visit_detail', 'Marguerite Oyelaran and Bea Jones were both seen.', 0),
			('d1', 'learning', 'Ask education to release women on time.', 4),
			('d2', 'visit_detail', 'Thinking about MARGUERITE again; oyelaran''s plan is fragile. Annabel is fine.', 0),
			('d3', 'visit_detail', 'A quiet week with nothing about anyone.', 0)`,
		`INSERT INTO diary_tags(diary_id, tag, position) VALUES ('d2', 'Marguerite', 0), ('d2', 'Oyelaran', 1), ('d2', 'housing', 2)`,
		`INSERT INTO supervision(id, date, supervisor, notes) VALUES ('s1', '2025-07-30', 'Maya', 'Talked about Marguerite and boundaries')`,
		`INSERT INTO supervision_entries(supervision_id, diary_id, comment) VALUES
			('s1', 'd1', 'Good reflection on Oyelaran'), ('s1', 'd3', 'Fine')`,
		`INSERT INTO supervision_actions(supervision_id, position, text, owner) VALUES ('s1', 0, 'Check on Marguerite next month', 'Maya')`,
		`INSERT INTO newsletters(id, title, issue, date) VALUES
			('n1', 'Summer', 1, '2025-08-01'), ('n2', 'Autumn with Tamsin', 2, '2025-10-01'), ('n3', 'Winter', 3, '2025-12-01')`,
		`INSERT INTO newsletter_sections(newsletter_id, position, heading, body, contributor, consent) VALUES
			('n1', 0, 'Poem', 'A poem for Marguerite', 'Lily', 1),
			('n2', 0, 'My garden', 'Growing tomatoes', 'Tamsin', 1),
			('n3', 0, 'Recipes', 'Flapjack', 'Lily', 1)`,
		`INSERT INTO newsletter_sent_to(newsletter_id, person_id) VALUES ('n1', 'p1'), ('n1', 'p2'), ('n3', 'p2')`,
		`INSERT INTO drafts(key, kind, title, body, updated_at) VALUES
			('visit:c9', 'visit', 'Visit', '{"people":[{"person":"p1","note":"draft"}]}', '2025-07-30T10:00'),
			('diary:new', 'diary', 'Diary', '{"text":"Marguerite said"}', '2025-07-30T10:00'),
			('diary:other', 'diary', 'Diary', '{"text":"nothing"}', '2025-07-30T10:00')`,
		`INSERT INTO settings(key, value) VALUES ('organisation', 'Women Ahead')`,
	)
}

func TestSubjectAccessReportHoldsEveryKindOfRecordAboutHer(t *testing.T) {
	db := newDB(t)
	womanData(t, db)
	p, err := PersonReport(ctx, db, "p1")
	require.NoError(t, err)

	require.Equal(t, "Marguerite Oyelaran", p.Name)
	require.Equal(t, "Tamsin", p.Pseudonym)
	require.Equal(t, "In custody (sentenced)", p.Status)
	require.Equal(t, "HMP Bronzefield", p.Establishment)
	require.True(t, p.ReleaseDateConfirmed)
	require.Equal(t, "Do not share her address with "+OtherPersonMark, p.SafetyNote, "another woman's name is withheld")
	require.Equal(t, []NeedData{{"Housing", "Open", "Needs a flat near her son"}, {"Drugs and alcohol", "In progress", "On a script"}}, p.Needs)
	require.ElementsMatch(t, []string{"Children removed", "Self-harm"}, p.Sensitive)
	require.Equal(t, []PlanData{{"Housing", true, "Hostel bed booked"}, {"ID", false, ""}}, p.ReleasePlan)

	require.Len(t, p.Contacts, 2)
	c := p.Contacts[0]
	require.Equal(t, "c1", c.ID)
	require.Equal(t, "Prison visit", c.Kind)
	require.Equal(t, "HMP Bronzefield", c.Place)
	require.Equal(t, "Talked about her son and about "+OtherPersonMark, c.Note)
	require.Equal(t, []string{"Housing"}, c.NeedsDiscussed)
	require.Equal(t, []string{"Stamps × 6"}, c.Items, "only her items, not the other woman's")
	require.Equal(t, "6", c.Wellbeing)
	require.Equal(t, "c2", p.Contacts[1].ID)

	require.Equal(t, []ActionData{{ID: "t1", Text: "Refer to the housing trust", Due: "2025-07-11",
		Agency: "Women's Housing Trust", ContactDate: "2025-07-04"}}, p.Actions)
	require.Equal(t, []EventData{{"v1", "2025-06-01", "Referred", "Self-referral", ""}}, p.Events)
	require.Equal(t, []LetterData{{ID: "l1", Date: "2025-07-10", Direction: "From her", Channel: "Letter",
		Summary: "Asked for stamps", Enclosures: []string{"Stamps"}}}, p.Letters)

	require.Len(t, p.Diary, 2)
	require.Equal(t, "d1", p.Diary[0].ID)
	require.Equal(t, "Written after a contact you were at, and mentions you", p.Diary[0].Reason)
	require.Equal(t, "Marguerite Oyelaran and "+OtherPersonMark+" were both seen.", p.Diary[0].Sections[0].Body)
	require.Equal(t, "Visit detail", p.Diary[0].Sections[0].Heading)
	require.Equal(t, []string{"Good reflection on Oyelaran"}, p.Diary[0].Comments)
	require.Equal(t, "d2", p.Diary[1].ID)
	require.Equal(t, "Mentions you", p.Diary[1].Reason)
	require.Equal(t, []string{"Marguerite", "Oyelaran", "housing"}, p.Diary[1].Tags)

	require.Len(t, p.Supervision, 1)
	require.Equal(t, []string{"Talked about Marguerite and boundaries", "Agreed action: Check on Marguerite next month"}, p.Supervision[0].Texts)

	require.Equal(t, []NewsletterData{
		{ID: "n1", Title: "Summer", Issue: 1, Date: "2025-08-01", SentToHer: true},
		{ID: "n2", Title: "Autumn with Tamsin", Issue: 2, Date: "2025-10-01", Contributed: true},
	}, p.Newsletters)

	details := map[string]string{}
	for _, f := range p.Details() {
		details[f.Label] = f.Value
	}
	require.Equal(t, "A1234BC", details["Prison number"])
	require.Equal(t, "1990-02-03", details["Date of birth"])
}

func TestSubjectAccessReportLeavesOutOtherWomensRecords(t *testing.T) {
	db := newDB(t)
	womanData(t, db)
	p, err := PersonReport(ctx, db, "p2")
	require.NoError(t, err)
	require.Equal(t, []string{"c1", "c3"}, []string{p.Contacts[0].ID, p.Contacts[1].ID})
	require.Equal(t, "Bea asked after marguerite", p.Contacts[0].Note,
		"another woman's first name in lower case is taken for a word, not a name")
	require.Len(t, p.Actions, 1)
	require.Equal(t, "Tell Bea that "+OtherPersonMark+" has moved wing", p.Actions[0].Text)
	require.Equal(t, "d1", p.Diary[0].ID)
	require.Equal(t, OtherPersonMark+" and Bea Jones were both seen.", p.Diary[0].Sections[0].Body)
	for _, d := range p.Diary {
		require.NotEqual(t, "d2", d.ID)
	}
	require.Len(t, p.Newsletters, 2) // n1 and n3 sent to her, contributed as Lily
}

func TestSubjectAccessReportFindsHerByAFirstNameNobodyElseHas(t *testing.T) {
	db := newDB(t)
	womanData(t, db)
	exec(t, db, `INSERT INTO diary(id, date) VALUES ('d9', '2025-08-01')`,
		`INSERT INTO diary_sections(diary_id, key, body) VALUES ('d9', 'visit_detail', 'Annabel seemed brighter')`)
	p, err := PersonReport(ctx, db, "p3")
	require.NoError(t, err)
	var ids []string
	for _, d := range p.Diary {
		ids = append(ids, d.ID)
	}
	// d2 names "Annabel" (only p3 has that first name) and d9 too
	require.Equal(t, []string{"d2", "d9"}, ids)

	// once another woman shares the first name, a first name alone is not enough
	exec(t, db, `INSERT INTO people(id, name) VALUES ('p4', 'Annabel Lee')`)
	p, err = PersonReport(ctx, db, "p3")
	require.NoError(t, err)
	require.Empty(t, p.Diary)
}

func TestSubjectAccessReportOfAnUnknownPersonSaysSo(t *testing.T) {
	db := newDB(t)
	_, err := PersonReport(ctx, db, "nobody")
	require.ErrorIs(t, err, ErrPersonNotFound)
	require.Contains(t, err.Error(), "nobody")
}

func TestNameMatchingIsWholeWordAndCaseInsensitive(t *testing.T) {
	m := newNameMatcher("Ann Smith", "Ann", "Smith", "Zoë")
	for in, want := range map[string]string{
		"Ann Smith came":            "[x] came",
		"ann\nsmith came":           "[x] came",
		"Annabel and Joanne":        "Annabel and Joanne",
		"Ann's plan; SMITH agreed":  "[x]'s plan; [x] agreed",
		"Ann-Marie":                 "[x]-Marie",
		"Smithson":                  "Smithson",
		"ZOË and zoë, not Zoëlla":   "[x] and [x], not Zoëlla",
		"AnnAnn Ann":                "AnnAnn [x]",
		"(ann)":                     "([x])",
		"Smith Smith":               "[x] [x]",
		"":                          "",
		"nothing about her at all.": "nothing about her at all.",
	} {
		got, _ := m.Replace(in, "[x]")
		require.Equal(t, want, got, in)
	}
	got, n := m.ReplaceProtected("Ann Jones met Ann, then ann jones and Smith", "[x]", newNameMatcher("Ann Jones"))
	require.Equal(t, "Ann Jones met [x], then ann jones and [x]", got)
	require.Equal(t, 2, n)
	require.True(t, newNameMatcher("").empty())
	require.True(t, newNameMatcher("J").empty(), "a single initial is not a name to match")
	require.Equal(t, "A. M. S.", WomanLabel("Ann marie  Smith", ""))
	require.Equal(t, "Rose", WomanLabel("Ann Smith", " Rose "))
	require.True(t, strings.HasPrefix(WomanLabel("", ""), "("))
}
