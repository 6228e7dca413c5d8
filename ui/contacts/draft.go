package contacts

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"inreach/schema"
	"inreach/ui/kit"
)

// contactDraftDelay is how long after the last keystroke the contact form
// keeps its draft (tests make it long and save the draft themselves).
var contactDraftDelay = time.Second

// contactDraftKind is the notes.DraftInfo kind of contact write-ups.
const contactDraftKind = "contact"

// contactDraftPrefix starts every contact draft key: "contact:<id>" for a
// saved contact being edited, "contact:new-<random>" for a new one.
const contactDraftPrefix = "contact:"

// contactDraft is the contact form exactly as typed, including what does
// not yet check out (a date that does not exist, a quantity that is not a
// number), so nothing typed is lost when the window closes or the vault
// locks. It is stored as JSON with notes.Store.SaveDraft.
type contactDraft struct {
	Version         int                  `json:"version"`
	ContactID       string               `json:"contact_id"` // "" for a new contact
	Date            string               `json:"date"`
	Start           string               `json:"start"`
	End             string               `json:"end"`
	Kind            string               `json:"kind"`
	EstablishmentID string               `json:"establishment_id"`
	Place           string               `json:"place"`
	RoomBooked      bool                 `json:"room_booked"`
	LateStart       string               `json:"late_start"`
	LogisticsNote   string               `json:"logistics_note"`
	People          []contactDraftPerson `json:"people"`
}

// contactDraftPerson is one woman's part of a draft.
type contactDraftPerson struct {
	PersonID  string             `json:"person_id"`
	Name      string             `json:"name"`
	Booked    bool               `json:"booked"`
	Seen      bool               `json:"seen"`
	Reason    string             `json:"reason"`
	Note      string             `json:"note"`
	Needs     []string           `json:"needs"`
	Items     []contactDraftItem `json:"items"`
	Wellbeing string             `json:"wellbeing"` // "" or "1".."10"
	// Her second "How is she doing?" score: a need area and "1".."10"
	// (either may be ""), and the areas of her readings at the contact
	// when it was opened.
	AreaReading  string   `json:"area_reading,omitempty"`
	AreaScore    string   `json:"area_score,omitempty"`
	ReadingAreas []string `json:"reading_areas,omitempty"`
}

// contactDraftItem is one item line of a draft, the quantity as typed.
type contactDraftItem struct {
	Item     string `json:"item"`
	Quantity string `json:"quantity"`
}

// newContactDraftKey is the key for a draft of a contact not yet saved.
func newContactDraftKey() string {
	return contactDraftPrefix + schema.NewID("new")
}

// title is what the "Resume" list shows: kind, place, date and how many
// women, never the text of a note.
func (d *contactDraft) title() string {
	var b strings.Builder
	b.WriteString(schema.ContactKind.Label(d.Kind))
	if d.Date != "" {
		b.WriteString(", " + contactLongDate(d.Date))
	}
	switch n := len(d.People); n {
	case 0:
	case 1:
		b.WriteString(", 1 woman")
	default:
		fmt.Fprintf(&b, ", %d women", n)
	}
	return b.String()
}

func parseContactDraft(body []byte) (*contactDraft, error) {
	var d contactDraft
	if err := json.Unmarshal(body, &d); err != nil {
		return nil, fmt.Errorf("the draft could not be read: %w", err)
	}
	return &d, nil
}

func (f *contactForm) stopDraftTimer() { f.StopTimer() }

// autosave keeps the draft if the form is still open on the same session.
func (f *contactForm) autosave() {
	if f.Closed || !f.unsavedDraft {
		return
	}
	f.keepDraft()
}

// keepDraft writes the form as typed to the vault's drafts now.
func (f *contactForm) keepDraft() {
	if f.Closed || f.u.Locked() {
		return
	}
	f.stopDraftTimer()
	d := f.state()
	body, err := json.Marshal(d)
	if err == nil {
		err = f.u.Notes().SaveDraft(f.draftKey, contactDraftKind, d.title(), body)
	}
	if err != nil {
		f.status.SetText("Your typing could not be kept as a draft: " + kit.Sentence(err))
		return
	}
	f.unsavedDraft = false
	f.status.SetText(kit.DraftNote(f.u))
	f.u.Changed()
}
