package newsletter

import (
	"fmt"
	"sort"
	"strings"

	"inreach/schema"
)

// The kinds of finding the safety and confidentiality check makes.
const (
	KindRealName     = "real_name"     // a woman's real name is in the text
	KindFirstName    = "first_name"    // a woman's first name on its own is in the text
	KindPrisonNumber = "prison_number" // a woman's prison number is in the text
	KindNoConsent    = "no_consent"    // a section's contributor has not consented
	KindPhone        = "phone"         // a phone number that is not the service's own
	KindAddress      = "address"       // a postcode or street address not the service's own
	KindEmail        = "email"         // an email address not the service's own
	KindChecklist    = "checklist"     // a prison-mail check not yet ticked
	KindEmpty        = "empty"         // the issue has no sections
)

// kindWords names each kind in the singular and plural, for summaries.
var kindWords = map[string][2]string{
	KindRealName:     {"real name", "real names"},
	KindFirstName:    {"first name", "first names"},
	KindPrisonNumber: {"prison number", "prison numbers"},
	KindNoConsent:    {"section without consent", "sections without consent"},
	KindPhone:        {"phone number", "phone numbers"},
	KindAddress:      {"address", "addresses"},
	KindEmail:        {"email address", "email addresses"},
	KindChecklist:    {"checklist item not ticked", "checklist items not ticked"},
	KindEmpty:        {"empty issue", "empty issues"},
}

var kindOrder = []string{KindRealName, KindFirstName, KindPrisonNumber, KindNoConsent, KindPhone,
	KindAddress, KindEmail, KindEmpty, KindChecklist}

// A Finding is one thing the author must put right before the issue can be
// marked ready.
type Finding struct {
	Kind string // one of the Kind constants
	// Section is the index of the section (0 for the first), or -1 for
	// the issue itself (its title, its checklist).
	Section int
	// Field is where it was found, named as in ValidationError: "Title",
	// "Sections[2].Body", "Sections[0].Heading", "Sections[1].Contributor",
	// "Checklist".
	Field string
	// Message says what is wrong and what to do, in plain English.
	Message string
	// Excerpt is the words around what was found, so the author can find
	// it ("" when there is nothing to quote). It is shown to the author
	// only and must never be logged.
	Excerpt string
}

// A CheckReport is everything the check found in one issue. An issue that
// is safe to print has no findings.
type CheckReport struct {
	IssueID  string
	Number   int
	Findings []Finding
}

// Clean reports whether nothing was found.
func (r CheckReport) Clean() bool { return len(r.Findings) == 0 }

// Counts is the number of findings of each kind.
func (r CheckReport) Counts() map[string]int {
	out := map[string]int{}
	for _, f := range r.Findings {
		out[f.Kind]++
	}
	return out
}

// Summary says how many problems there are and of what kinds, without
// quoting the text: "3 problems: 2 real names, 1 phone number". A clean
// report says "No problems found.".
func (r CheckReport) Summary() string {
	if r.Clean() {
		return "No problems found."
	}
	return fmt.Sprintf("%s: %s", r.problems(), r.kinds())
}

// problems is "1 problem" or "N problems".
func (r CheckReport) problems() string {
	if len(r.Findings) == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", len(r.Findings))
}

// kinds is the count of each kind found: "2 real names, 1 phone number".
func (r CheckReport) kinds() string {
	counts := r.Counts()
	var parts []string
	for _, k := range kindOrder {
		if n := counts[k]; n > 0 {
			w := kindWords[k][1]
			if n == 1 {
				w = kindWords[k][0]
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, w))
		}
	}
	return strings.Join(parts, ", ")
}

// Check runs the safety and confidentiality check on a saved issue. See
// CheckIssue for what it looks for.
func (s *Store) Check(issueID string) (CheckReport, error) {
	is, err := s.GetIssue(issueID)
	if err != nil {
		return CheckReport{}, err
	}
	return s.CheckIssue(is)
}

// CheckIssue runs the safety and confidentiality check on an issue as it
// stands (saved or not), finding, in the title, every heading and body and
// every contributor as it will be printed:
//   - any woman's real name (her full name as recorded, or her first and
//     last names together; whole words, any case);
//   - any woman's first name on its own, written with a capital (so the
//     word "hope" is not Hope), in the title, headings and bodies — the
//     contributor line is printed by DisplayContributor's rule instead;
//   - any woman's prison number (any case, spaces ignored);
//   - UK phone numbers, postcodes and street addresses, and email
//     addresses, except the service's own (settings org_phone, org_address,
//     org_email) and those of agencies in the directory;
//
// and also each section with a contributor but no recorded consent, an
// issue with no sections, and each prison-mail check (schema.NewsletterCheck)
// not yet ticked — "return_address" counts as not ticked while the
// service's return address (setting org_address) is empty. Findings come in the order of the issue: title,
// sections, then the checklist.
func (s *Store) CheckIssue(is Issue) (CheckReport, error) {
	women, err := loadWomen(s.DB)
	if err != nil {
		return CheckReport{}, err
	}
	ok, err := s.allowedContacts()
	if err != nil {
		return CheckReport{}, err
	}
	names := newNameMatcher(women)
	numbers := map[string]bool{}
	for _, w := range women {
		if len(w.PrisonNumber) >= 3 {
			numbers[w.PrisonNumber] = true
		}
	}
	r := CheckReport{IssueID: is.ID, Number: is.Number}
	add := func(kind string, sec int, field, msg, ex string) {
		r.Findings = append(r.Findings, Finding{Kind: kind, Section: sec, Field: field, Message: msg, Excerpt: ex})
	}
	scan := func(sec int, field, where, text string, firstNames bool) {
		type at struct {
			start int
			f     Finding
		}
		var found []at
		put := func(kind string, start, end int, msg string) {
			found = append(found, at{start, Finding{Kind: kind, Section: sec, Field: field,
				Message: msg, Excerpt: excerpt(text, start, end)}})
		}
		full := names.find(text)
		for _, h := range full {
			put(KindRealName, h.start, h.end, fmt.Sprintf("%s has a woman's real name. Use her pseudonym.", where))
		}
		if firstNames {
			for _, h := range names.findFirst(text, full) {
				put(KindFirstName, h.start, h.end, fmt.Sprintf("%s has the first name of a woman on record on its own, which can be enough to identify her. Use her pseudonym; if the word is not about her, reword it.", where))
			}
		}
		for _, h := range findPrisonNumbers(text, numbers) {
			put(KindPrisonNumber, h.start, h.end, fmt.Sprintf("%s has a woman's prison number. Take it out: prison numbers must never be printed.", where))
		}
		spans, nums := findPhones(text)
		for i, sp := range spans {
			if !ok.phones[nums[i]] {
				put(KindPhone, sp.start, sp.end, fmt.Sprintf("%s has a phone number that is not the service's own or an agency's in the directory. Take it out, or add the agency to the directory if it is a public service.", where))
			}
		}
		spans, keys := findAddresses(text)
		for i, sp := range spans {
			if !ok.addressOK(keys[i]) {
				put(KindAddress, sp.start, sp.end, fmt.Sprintf("%s has a postal address that is not the service's own. Take it out: the only address printed should be the service's return address.", where))
			}
		}
		spans, keys = findEmails(text)
		for i, sp := range spans {
			if !ok.emails[keys[i]] {
				put(KindEmail, sp.start, sp.end, fmt.Sprintf("%s has an email address that is not the service's own or an agency's in the directory. Take it out.", where))
			}
		}
		// in the order they appear in the text
		sort.SliceStable(found, func(a, b int) bool { return found[a].start < found[b].start })
		for _, x := range found {
			r.Findings = append(r.Findings, x.f)
		}
	}

	scan(-1, "Title", "The title", is.Title, true)
	if len(is.Sections) == 0 {
		add(KindEmpty, -1, "Sections", "The issue has nothing in it yet. Add at least one section.", "")
	}
	for i, sec := range is.Sections {
		f := fmt.Sprintf("Sections[%d]", i)
		where := fmt.Sprintf("Section %d", i+1)
		scan(i, f+".Heading", where+" (heading)", sec.Heading, true)
		scan(i, f+".Body", where, sec.Body, true)
		scan(i, f+".Contributor", where+" (contributor as printed)", names.display(sec.Contributor), false)
		if strings.TrimSpace(sec.Contributor) != "" && !sec.Consent {
			add(KindNoConsent, i, f+".Consent", fmt.Sprintf("%s: there is no recorded consent from its contributor to print it. Ask her, and tick consent once she agrees, or remove the section.", where), "")
		}
	}
	for _, item := range schema.NewsletterCheck.Values {
		switch {
		case !is.Ticked(item):
			add(KindChecklist, -1, "Checklist", fmt.Sprintf("Prison-mail check not ticked: %s.", schema.NewsletterCheck.Label(item)), "")
		case item == "return_address" && ok.address == "":
			add(KindChecklist, -1, "Checklist", "Prison-mail check: a return address is ticked, but the service has no return address set. Add it in Settings (it is printed on the issue), or untick the check.", "")
		}
	}
	return r, nil
}

// findPrisonNumbers finds the given prison numbers (compacted, upper case)
// in text, as one word or two adjacent words ("A1234 BC").
func findPrisonNumbers(text string, numbers map[string]bool) []span {
	if len(numbers) == 0 {
		return nil
	}
	ts := tokenize(text)
	var out []span
	for i := 0; i < len(ts); i++ {
		if numbers[strings.ToUpper(ts[i].word)] {
			out = append(out, span{ts[i].start, ts[i].end})
			continue
		}
		if i+1 < len(ts) && strings.TrimSpace(strings.Trim(text[ts[i].end:ts[i+1].start], " -")) == "" &&
			numbers[strings.ToUpper(ts[i].word+ts[i+1].word)] {
			out = append(out, span{ts[i].start, ts[i+1].end})
			i++
		}
	}
	return out
}

// allowedContacts reads the contact details that may be printed.
func (s *Store) allowedContacts() (*allowed, error) {
	a := newAllowed()
	for _, key := range []string{SettingOrgPhone, SettingOrgAddress, SettingOrgEmail} {
		v, err := setting(s.DB, key)
		if err != nil {
			return nil, err
		}
		switch key {
		case SettingOrgPhone:
			a.addPhones(v)
		case SettingOrgEmail:
			a.addEmails(v)
			a.emails[strings.ToLower(strings.TrimSpace(v))] = true
		case SettingOrgAddress:
			a.address = compactUpper(v)
		}
	}
	rows, err := s.DB.Query(`SELECT phone, email FROM agencies`)
	if err != nil {
		return nil, fmt.Errorf("reading the agency directory: %w", err)
	}
	var phones, emails []string
	for rows.Next() {
		var p, e string
		if err := rows.Scan(&p, &e); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading the agency directory: %w", err)
		}
		phones = append(phones, p)
		emails = append(emails, e)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("reading the agency directory: %w", err)
	}
	for i := range phones {
		a.addPhones(phones[i])
		a.addEmails(emails[i])
	}
	return a, nil
}
