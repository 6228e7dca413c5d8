package newsletter

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// kindsAt lists (kind, field) of every finding.
func kindsAt(r CheckReport) [][2]string {
	var out [][2]string
	for _, f := range r.Findings {
		out = append(out, [2]string{f.Kind, f.Field})
	}
	return out
}

func TestNewsletterCheckOfACleanIssueFindsNothing(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	is := cleanIssue()
	require.NoError(t, s.SaveIssue(&is))
	r, err := s.Check(is.ID)
	require.NoError(t, err)
	require.Empty(t, r.Findings)
	require.True(t, r.Clean())
	require.Equal(t, "No problems found.", r.Summary())
}

func TestNewsletterCheckFindsEveryKindOfProblem(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	setSetting(t, s, SettingOrgPhone, "01632 960000")
	is := Issue{
		Title: "News for ann JONES", // full name, any case
		Date:  "2025-07-01",
		Sections: []Section{
			{Heading: "Letters", Body: "Mary Smith says hello.", Contributor: "Staff", Consent: true},        // first + surname
			{Heading: "Numbers", Body: "Write to C3456 DE or a1234bc.", Contributor: "Staff", Consent: true}, // two prison numbers
			{Heading: "My story", Body: "It gets better.", Contributor: "Kate Brown"},                        // no consent
			{Heading: "Call", Body: "Ring my sister on 07700 900123 any time.", Contributor: "Staff", Consent: true},
			{Heading: "Visit", Body: "She lives at 12 Acacia Avenue, Leeds LS1 4AP now.", Contributor: "Staff", Consent: true},
			{Heading: "Email", Body: "Or email jo.bloggs@example.org.", Contributor: "Staff", Consent: true},
		},
		Checklist: []string{"plain_paper", "return_address"},
	}
	require.NoError(t, s.SaveIssue(&is))
	r, err := s.Check(is.ID)
	require.NoError(t, err)
	require.Equal(t, [][2]string{
		{KindRealName, "Title"},
		{KindRealName, "Sections[0].Body"},
		{KindPrisonNumber, "Sections[1].Body"},
		{KindPrisonNumber, "Sections[1].Body"},
		{KindNoConsent, "Sections[2].Consent"},
		{KindPhone, "Sections[3].Body"},
		{KindAddress, "Sections[4].Body"},
		{KindAddress, "Sections[4].Body"},
		{KindEmail, "Sections[5].Body"},
		{KindChecklist, "Checklist"},
		{KindChecklist, "Checklist"},
	}, kindsAt(r))
	f := r.Findings
	require.Equal(t, -1, f[0].Section)
	require.Equal(t, "News for ann JONES", f[0].Excerpt)
	require.Equal(t, 0, f[1].Section)
	require.Equal(t, "Mary Smith says hello.", f[1].Excerpt)
	require.Equal(t, 2, f[4].Section)
	require.Contains(t, f[5].Excerpt, "07700 900123")
	require.Contains(t, f[6].Excerpt, "12 Acacia Avenue")
	require.Contains(t, f[7].Excerpt, "LS1 4AP")
	require.Contains(t, f[8].Excerpt, "jo.bloggs@example.org")
	require.Contains(t, f[9].Message, "No staples, glitter or stickers")
	require.Contains(t, f[10].Message, "No contact details of other prisoners")
	for _, x := range f {
		require.NotEmpty(t, x.Message)
	}
	require.Equal(t, "11 problems: 2 real names, 2 prison numbers, 1 section without consent, 1 phone number, 2 addresses, 1 email address, 2 checklist items not ticked", r.Summary())
}

func TestNewsletterCheckFindsNamesAsWholeWordsOnly(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	cases := map[string]int{
		"Ann Jones":                       1,
		"ANN   JONES's":                   1,
		"Ann\nJones":                      1,
		"Mary Ellen Smith and Mary Smith": 2,
		"Zoe O'Neill":                     0, // the name is recorded with ë
		"Zoë O’Neill":                     1, // curly apostrophe
		"Joanne Jonesy":                   0,
		"Ann is here. Jones was there.":   1, // her first name on its own (issue 15)
		"Rosie (Mary) wrote this":         1, // the pseudonym is fine, the first name is not
		"Rosie wrote this":                0,
		"Louise Green left last year":     1, // closed records count too
	}
	for text, want := range cases {
		is := cleanIssue()
		is.Sections[0].Body = text
		r, err := s.CheckIssue(is)
		require.NoError(t, err)
		require.Len(t, r.Findings, want, text)
	}
}

func TestNewsletterCheckPhoneNumbersInUKForms(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	setSetting(t, s, SettingOrgPhone, "+44 (0)1632 960000")
	setSetting(t, s, SettingOrgEmail, "Hello@Service.org.uk")
	setSetting(t, s, SettingOrgAddress, "Freepost RTKX-1234, Inreach Service, 4 Mill Lane, Leeds LS1 4AP")
	exec(t, s.DB, `INSERT INTO agencies(id, name, phone, email) VALUES('a1', 'Helpline', '0808 2000 247', 'help@helpline.org.uk')`)
	cases := map[string]int{
		"Call 01632 960123.":                1,
		"07700 900123":                      1,
		"07700900123":                       1,
		"+44 7700 900123":                   1,
		"+447700900123":                     1,
		"(01632) 960123":                    1,
		"020 7946 0123 or 0161 496 0123":    2,
		"01632-960-123":                     1,
		"Ring us free on 01632 960000":      0, // the service's own
		"or 01632960000":                    0,
		"The helpline: 0808 2000 247":       0, // an agency in the directory
		"Write to hello@service.org.uk":     0,
		"help@helpline.org.uk":              0,
		"Our address: 4 Mill Lane, LS1 4AP": 0,
		"Dated 2025-07-04, £1,000 raised":   0,
		"Reference 1234567890123":           0,
		"1 in 3 of us, 07 July":             0,
		"room 0 123 456":                    0,
	}
	for text, want := range cases {
		is := cleanIssue()
		is.Sections[0].Body = text
		r, err := s.CheckIssue(is)
		require.NoError(t, err)
		require.Len(t, r.Findings, want, text)
	}
}

func TestNewsletterSetStatusReadyIsRefusedWhileProblemsRemain(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	is := cleanIssue()
	is.Sections[0].Body = "Ann Jones rang 07700 900123."
	is.Checklist = nil
	require.NoError(t, s.SaveIssue(&is))

	err := s.SetStatus(is.ID, "ready")
	var se *StatusError
	require.ErrorAs(t, err, &se)
	require.Equal(t, "Issue 1 cannot be marked ready yet: 6 problems remain (1 real name, 1 phone number, 4 checklist items not ticked). Open the safety check to see and fix them.", se.Message)
	require.NotContains(t, se.Message, "Ann", "the message never quotes the text")
	require.Len(t, se.Report.Findings, 6)
	got, err := s.GetIssue(is.ID)
	require.NoError(t, err)
	require.Equal(t, "draft", got.Status)

	got.Sections[0].Body = "Ann rang us."
	got.Checklist = allTicked()
	require.NoError(t, s.SaveIssue(&got))
	require.ErrorAs(t, s.SetStatus(is.ID, "ready"), &se, "a first name on its own is not fine either")
	require.Equal(t, "Issue 1 cannot be marked ready yet: 1 problem remains (1 first name). Open the safety check to see and fix them.", se.Message)
	got.Sections[0].Body = "She rang us."
	require.NoError(t, s.SaveIssue(&got))
	require.NoError(t, s.SetStatus(is.ID, "ready"))
	require.NoError(t, s.SetStatus(is.ID, "draft"))
	require.ErrorAs(t, s.SetStatus(is.ID, "sent"), &se)
	_, ok := AsValidation(s.SetStatus(is.ID, "posted"))
	require.True(t, ok)

	empty := Issue{Title: "Nothing yet", Date: "2025-07-01", Checklist: allTicked()}
	require.NoError(t, s.SaveIssue(&empty))
	require.ErrorAs(t, s.SetStatus(empty.ID, "ready"), &se)
	require.Equal(t, KindEmpty, se.Report.Findings[0].Kind)
}

func TestNewsletterDisplayContributorNeverPrintsAFullName(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	cases := map[string]string{
		"Mary Ellen Smith":       "Rosie",
		"mary smith":             "Rosie",
		"Ann Jones":              AnonymousContributor, // no pseudonym
		"Ann Jones (Houseblock)": AnonymousContributor,
		"Star":                   "Star", // already her pseudonym
		"Sam Worker":             "Sam",
		"  Jo  ":                 "Jo",
		"":                       "",
	}
	for in, want := range cases {
		require.Equal(t, want, s.DisplayContributor(in), in)
	}
}

func TestNewsletterCheckFlagsAReleasedWomansPrisonNumberWrittenWithASpace(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	is := cleanIssue()
	is.Sections[1].Heading = "From D4567 EF"
	r, err := s.CheckIssue(is)
	require.NoError(t, err)
	require.Equal(t, [][2]string{{KindPrisonNumber, "Sections[1].Heading"}}, kindsAt(r))
}

func TestContributorsWhoAreNotWomenOnRecordArePrintedByFirstNameOrAsAGroup(t *testing.T) {
	for in, want := range map[string]string{
		"Jane Smith":          "Jane",
		"Dr. Jane Smith":      "Jane",
		"Mrs Amira Okafor":    "Amira",
		"The team":            "The team",
		"Our volunteers":      "Our volunteers",
		"everyone at the hub": "everyone at the hub",
		"":                    "",
	} {
		require.Equal(t, want, firstWord(in), in)
	}
}

func TestNewsletterCheckFlagsAWomansFirstNameOnItsOwn(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	exec(t, s.DB, `INSERT INTO people(id, name, status) VALUES('p-hope', 'Hope Young', 'custody_sentenced')`)
	cases := map[string][]string{
		"Ann wrote to say hello.":                 {"Ann"},
		"We all hope to see you. hope is lovely.": nil, // an ordinary word, not written as a name
		"Hope came to the group.":                 {"Hope"},
		"Ann Jones and Ann":                       {"Ann"}, // the full name is a real-name finding; the second Ann is hers alone
		"Annie and Annabel":                       nil,     // whole words only
		"Thanks, ANN!":                            {"ANN"},
	}
	for text, want := range cases {
		is := cleanIssue()
		is.Sections[0].Body = text
		r, err := s.CheckIssue(is)
		require.NoError(t, err)
		var got []Finding
		for _, f := range r.Findings {
			if f.Kind == KindFirstName {
				got = append(got, f)
			}
		}
		require.Len(t, got, len(want), text)
		for i, f := range got {
			require.Equal(t, "Sections[0].Body", f.Field)
			require.Contains(t, f.Excerpt, want[i], text)
		}
	}
	// The title and headings are checked too; a contributor is printed by
	// its own rule and not flagged for a first name.
	is := cleanIssue()
	is.Title = "News from Ann"
	is.Sections[0].Heading = "Hope's poem"
	r, err := s.CheckIssue(is)
	require.NoError(t, err)
	require.Equal(t, map[string]int{KindFirstName: 2}, r.Counts())
	require.Equal(t, "Title", r.Findings[0].Field)
	require.Equal(t, "Sections[0].Heading", r.Findings[1].Field)
}

func TestNewsletterReturnAddressTickCannotPassWithoutAReturnAddress(t *testing.T) {
	s := testStore(t)
	twoPrisons(t, s)
	exec(t, s.DB, `DELETE FROM settings WHERE key = ?`, SettingOrgAddress)
	is := cleanIssue()
	require.True(t, is.Ticked("return_address"))
	r, err := s.CheckIssue(is)
	require.NoError(t, err)
	require.Len(t, r.Findings, 1)
	require.Equal(t, KindChecklist, r.Findings[0].Kind)
	require.Contains(t, r.Findings[0].Message, "no return address set")

	setSetting(t, s, SettingOrgAddress, "   ")
	r, err = s.CheckIssue(is)
	require.NoError(t, err)
	require.Len(t, r.Findings, 1, "blank is not an address")

	setSetting(t, s, SettingOrgAddress, "Inreach, Freepost RTKX-1234")
	r, err = s.CheckIssue(is)
	require.NoError(t, err)
	require.True(t, r.Clean())
	require.Equal(t, []string{"plain_paper", "no_staples_glitter", "no_prisoner_contacts", "return_address"}, is.Checklist, "the check changes nothing")
}
