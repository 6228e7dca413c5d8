package diary

import (
	"encoding/json"
	"strings"

	"inreach/diary"
	"inreach/schema"
	"inreach/ui/kit"
)

// Autosaved diary drafts. The editor saves the entry itself as the user
// types; only when that cannot be done (the date is not a real date, a tag
// is too long) is the form kept, exactly as typed, with
// notes.Store.SaveDraft under "diary:<entry id>" (or "diary:new-…" for an
// entry never saved), and put back the next time the entry is opened.

// diaryDraftKind is the notes.DraftInfo kind of diary drafts.
const diaryDraftKind = "diary"

// diaryDraftPrefix starts every diary draft key.
const diaryDraftPrefix = "diary:"

// diaryDraft is the editor's form as typed.
type diaryDraft struct {
	ID        string              `json:"id"`
	Date      string              `json:"date"`
	ContactID string              `json:"contact"`
	Template  string              `json:"template"`
	Sections  []diary.SectionText `json:"sections"`
	Tags      string              `json:"tags"`
}

// diaryDraftKey is the draft key of entry id, or a fresh key for an entry
// not yet saved.
func diaryDraftKey(id string) string {
	if id == "" {
		return diaryDraftPrefix + schema.NewID("new")
	}
	return diaryDraftPrefix + id
}

// title is what a list of unsaved drafts shows for it.
func (d *diaryDraft) title() string {
	name := "Diary entry"
	if t, ok := diary.TemplateByKey(d.Template); ok {
		name = t.Name
	}
	if d.Date != "" {
		return name + ", " + kit.ShortDate(strings.TrimSpace(d.Date))
	}
	return name
}

func (d *diaryDraft) encode() []byte {
	b, _ := json.Marshal(d) // plain strings and slices: cannot fail
	return b
}

func parseDiaryDraft(body []byte) (*diaryDraft, error) {
	var d diaryDraft
	if err := json.Unmarshal(body, &d); err != nil {
		return nil, err
	}
	return &d, nil
}
