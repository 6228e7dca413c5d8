package exchange

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Format is the value of a document's "format" field.
const Format = "inreach"

// Version is the version of the format this package reads and writes.
const Version = 1

// A Document is one interchange file. Its fields mirror the JSON exactly.
type Document struct {
	Format         string          `json:"format"`
	Version        int             `json:"version"`
	ExportedAt     string          `json:"exported_at"`
	Establishments []Establishment `json:"establishments"`
	Agencies       []Agency        `json:"agencies"`
	People         []Person        `json:"people"`
	Contacts       []Contact       `json:"contacts"`
	Actions        []Action        `json:"actions"`
	Events         []Event         `json:"events"`
	Diary          []DiaryEntry    `json:"diary"`
	Supervision    []Supervision   `json:"supervision"`
	Letters        []Letter        `json:"letters"`
	Newsletters    []Newsletter    `json:"newsletters"`
	Readings       []Reading       `json:"readings"`
}

// An Establishment is a prison, court, probation office or hub.
type Establishment struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Kind           string `json:"kind"`
	Address        string `json:"address"`
	BookingContact string `json:"booking_contact"`
	Notes          string `json:"notes"`
}

// An Agency is one entry of the directory of services. Category is free
// text (usually a word such as "housing").
type Agency struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Category    string  `json:"category"`
	Area        string  `json:"area"`
	Services    string  `json:"services"`
	KeyContact  string  `json:"key_contact"`
	Phone       string  `json:"phone"`
	Email       string  `json:"email"`
	Website     string  `json:"website"`
	LastChecked *string `json:"last_checked"`
	Notes       string  `json:"notes"`
}

// A Person is one woman supported.
type Person struct {
	ID                   string     `json:"id"`
	Name                 string     `json:"name"`
	Pseudonym            string     `json:"pseudonym"`
	DateOfBirth          *string    `json:"date_of_birth"`
	PrisonNumber         string     `json:"prison_number"`
	Status               string     `json:"status"`
	Establishment        *string    `json:"establishment"`
	Sentence             string     `json:"sentence"`
	ReleaseDate          *string    `json:"release_date"`
	ReleaseDateConfirmed bool       `json:"release_date_confirmed"`
	Referral             string     `json:"referral"`
	ReferralDate         *string    `json:"referral_date"`
	Consent              Consent    `json:"consent"`
	Needs                []Need     `json:"needs"`
	Sensitive            []string   `json:"sensitive"`
	SafetyNote           string     `json:"safety_note"`
	ClosedOn             *string    `json:"closed_on"`
	RetentionNote        string     `json:"retention_note"`
	ReleasePlan          []PlanItem `json:"release_plan"`
	// Ethnicity, OffenceGroup: words of schema.Ethnicity and
	// schema.OffenceGroup; "not_recorded" when unknown (absent or "" is
	// read as "not_recorded").
	Ethnicity    string `json:"ethnicity"`
	OffenceGroup string `json:"offence_group"`
	// PreviousCustodialSentences is a whole number 0 or more, or null when
	// not known.
	PreviousCustodialSentences *int `json:"previous_custodial_sentences"`
}

// Consent records when she agreed to support and who may be told what.
type Consent struct {
	RecordedOn *string `json:"recorded_on"`
	ShareWith  string  `json:"share_with"`
}

// A Need is one area of need of a woman and where it stands.
type Need struct {
	Area   string `json:"area"`
	Status string `json:"status"`
	Note   string `json:"note"`
}

// A PlanItem is one line of the release-day plan (an Inreach extension).
type PlanItem struct {
	Item string `json:"item"`
	Done bool   `json:"done"`
	Note string `json:"note"`
}

// A Contact is a visit, call, court date or meeting, with a row per woman.
type Contact struct {
	ID            string          `json:"id"`
	Date          string          `json:"date"`
	Start         string          `json:"start"`
	End           string          `json:"end"`
	Kind          string          `json:"kind"`
	Establishment *string         `json:"establishment"`
	Place         string          `json:"place"`
	Logistics     *Logistics      `json:"logistics"`
	People        []ContactPerson `json:"people"`
}

// Logistics are the practical details of a session.
type Logistics struct {
	RoomBooked       bool   `json:"room_booked"`
	LateStartMinutes int    `json:"late_start_minutes"`
	Note             string `json:"note"`
}

// A ContactPerson is one woman's row at a contact.
type ContactPerson struct {
	Person         string      `json:"person"`
	Booked         bool        `json:"booked"`
	Seen           bool        `json:"seen"`
	NotSeenReason  string      `json:"not_seen_reason"`
	Note           string      `json:"note"`
	NeedsDiscussed []string    `json:"needs_discussed"`
	Items          []ItemCount `json:"items"`
	Wellbeing      *int        `json:"wellbeing"`
}

// UnmarshalJSON reads a contact person, taking "booked" as true when the
// field is absent (the database's default).
func (p *ContactPerson) UnmarshalJSON(b []byte) error {
	type plain ContactPerson
	x := plain{Booked: true}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&x); err != nil {
		return err
	}
	*p = ContactPerson(x)
	return nil
}

// An ItemCount is something given to her, and how many.
type ItemCount struct {
	Item     string `json:"item"`
	Quantity int    `json:"quantity"`
}

// An Action is a task, usually for one woman, perhaps with an agency.
type Action struct {
	ID      string  `json:"id"`
	Person  *string `json:"person"`
	Contact *string `json:"contact"`
	Agency  *string `json:"agency"`
	Text    string  `json:"text"`
	Due     *string `json:"due"`
	DoneOn  *string `json:"done_on"`
}

// An Event is an outcome in a woman's story: remanded, released, housed …
type Event struct {
	ID     string `json:"id"`
	Person string `json:"person"`
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	Note   string `json:"note"`
	// NoticeDays: only on a released event, the days of notice the service
	// had (0 or more), else null.
	NoticeDays *int `json:"notice_days"`
	// Outcome: only on a court_outcome event, a word of
	// schema.CourtOutcome, else null.
	Outcome *string `json:"outcome"`
}

// A Reading is a woman's own rating, 1 (worst) to 10 (best), of an area
// (wellbeing or a need area) on a date, perhaps taken at a contact.
type Reading struct {
	ID      string  `json:"id"`
	Person  string  `json:"person"`
	Date    string  `json:"date"`
	Area    string  `json:"area"`
	Score   int     `json:"score"`
	Contact *string `json:"contact"`
}

// A DiaryEntry is a reflective entry for supervision.
type DiaryEntry struct {
	ID       string   `json:"id"`
	Date     string   `json:"date"`
	Contact  *string  `json:"contact"`
	Template string   `json:"template"`
	Sections Sections `json:"sections"`
	Tags     []string `json:"tags"`
	Status   string   `json:"status"`
}

// A Supervision is one supervision session.
type Supervision struct {
	ID          string              `json:"id"`
	Date        string              `json:"date"`
	Supervisor  string              `json:"supervisor"`
	Entries     []string            `json:"entries"`
	Comments    map[string]string   `json:"comments"`
	Notes       string              `json:"notes"`
	Actions     []SupervisionAction `json:"actions"`
	SignedOffOn *string             `json:"signed_off_on"`
}

// A SupervisionAction is an action agreed in supervision.
type SupervisionAction struct {
	Text   string  `json:"text"`
	Owner  string  `json:"owner"`
	Due    *string `json:"due"`
	DoneOn *string `json:"done_on"`
}

// A Letter is a letter, email or call to or from a woman.
type Letter struct {
	ID         string   `json:"id"`
	Person     string   `json:"person"`
	Date       string   `json:"date"`
	Direction  string   `json:"direction"`
	Channel    string   `json:"channel"`
	Summary    string   `json:"summary"`
	Enclosures []string `json:"enclosures"`
	ReplyDue   *string  `json:"reply_due"`
}

// A Newsletter is one issue of the newsletter.
type Newsletter struct {
	ID        string              `json:"id"`
	Title     string              `json:"title"`
	Issue     int                 `json:"issue"`
	Date      string              `json:"date"`
	Status    string              `json:"status"`
	Sections  []NewsletterSection `json:"sections"`
	SentTo    []string            `json:"sent_to"`
	Checklist []string            `json:"checklist"`
}

// A NewsletterSection is one contribution to an issue.
type NewsletterSection struct {
	Heading     string `json:"heading"`
	Body        string `json:"body"`
	Contributor string `json:"contributor"`
	Consent     bool   `json:"consent"`
}

// A Section is one heading of a diary entry: its key and its text.
type Section struct {
	Key  string
	Body string
}

// Sections are a diary entry's headings in order. In JSON they are one
// object, {"visit_detail": "…", …}, whose keys keep their order.
type Sections []Section

// Get returns the body of the section with key k, or "".
func (s Sections) Get(k string) string {
	for _, x := range s {
		if x.Key == k {
			return x.Body
		}
	}
	return ""
}

// MarshalJSON writes the sections as one object, keys in order.
func (s Sections) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, x := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeJSONString(&b, x.Key); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := writeJSONString(&b, x.Body); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an object of text values, keeping the keys' order.
func (s *Sections) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		*s = nil
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return &json.UnmarshalTypeError{Value: jsonKindOf(b), Type: sectionsType}
	}
	out := Sections{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := kt.(string)
		vt, err := dec.Token()
		if err != nil {
			return err
		}
		body, ok := vt.(string)
		if !ok {
			if vt != nil {
				return fmt.Errorf("diary section %q must be text", key)
			}
		}
		out = append(out, Section{Key: key, Body: body})
	}
	*s = out
	return nil
}

// writeJSONString writes v as a JSON string without HTML escaping.
func writeJSONString(b *bytes.Buffer, v string) error {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Write(bytes.TrimRight(tmp.Bytes(), "\n"))
	return nil
}
