package letters

import (
	"encoding/json"
	"errors"
	"strings"

	"inreach/newsletter"
	"inreach/schema"
	"inreach/ui/kit"
)

// The issue being written saves itself as the user types. Only when that
// cannot be done (no title yet, a date that is not a real date) is the
// form kept, exactly as typed, with notes.Store.SaveDraft under
// "issue:<id>" (or "issue:new-…" for an issue never saved), and put back
// the next time the issue is opened (or offered as "Carry on" above the
// list of issues).

const (
	issueDraftKind   = "newsletter"
	issueDraftPrefix = "issue:"
)

// issueDraftKey is the draft key of issue id, or a fresh key for an issue
// not yet saved.
func issueDraftKey(id string) string {
	if id == "" {
		return issueDraftPrefix + schema.NewID("new")
	}
	return issueDraftPrefix + id
}

// isNewIssueDraftKey reports whether key is the draft of an issue never
// saved.
func isNewIssueDraftKey(key string) bool {
	return strings.HasPrefix(key, issueDraftPrefix+"new")
}

// issueDraft is the editor's form as typed.
type issueDraft struct {
	ID        string               `json:"id"`
	Title     string               `json:"title"`
	Number    string               `json:"number"`
	Date      string               `json:"date"`
	Sections  []newsletter.Section `json:"sections"`
	Checklist []string             `json:"checklist"`
}

func (ed *issueEditor) draft() issueDraft {
	d := issueDraft{ID: ed.is.ID, Title: ed.title.Text, Number: ed.number.Text, Date: ed.date.Text,
		Checklist: ed.side.checklist()}
	for _, c := range ed.cards {
		d.Sections = append(d.Sections, newsletter.Section{Heading: c.heading.Text, Body: c.body.Text,
			Contributor: c.contributor.Text, Consent: c.consent.Checked})
	}
	return d
}

// keepDraft stores the form as typed, so nothing is lost while it cannot
// be saved as an issue, and says so in note.
func (ed *issueEditor) keepDraft(note string) {
	if ed.u.Locked() {
		return
	}
	d := ed.draft()
	body, err := json.Marshal(d)
	if err != nil {
		return
	}
	n := strings.TrimSpace(d.Number)
	title := "Newsletter issue " + n
	if t := strings.TrimSpace(d.Title); t != "" {
		title += ": " + t
	}
	if err := ed.u.Notes().SaveDraft(ed.draftKey, issueDraftKind, strings.TrimSpace(title), body); err != nil {
		kit.ShowError(ed.u.Window(), "What you wrote could not be kept as a draft", err)
		return
	}
	ed.hasDraft = true
	ed.u.Changed()
	kit.SetSoft(ed.savedNote, note)
}

// dropDraft forgets the draft under key.
func (ed *issueEditor) dropDraft(key string) {
	if ed.u.Locked() || !ed.hasDraft {
		return
	}
	if err := ed.u.Notes().DeleteDraft(key); err == nil {
		ed.hasDraft = false
		ed.u.Changed()
	}
}

// restoreDraft puts back a draft kept for this issue, if any.
func (ed *issueEditor) restoreDraft() {
	body, ok, err := ed.u.Notes().LoadDraft(ed.draftKey)
	if err != nil || !ok {
		return
	}
	var d issueDraft
	if json.Unmarshal(body, &d) != nil {
		return
	}
	ed.hasDraft = true
	ed.applyDraft(d)
}

// applyDraft fills the form from d and marks it changed.
func (ed *issueEditor) applyDraft(d issueDraft) {
	ed.Loading = true
	ed.title.SetText(d.Title)
	ed.number.SetText(d.Number)
	ed.date.SetText(d.Date)
	ed.cards = nil
	for _, s := range d.Sections {
		ed.appendCard(s)
	}
	ed.layoutCards()
	ed.side.setChecklist(d.Checklist)
	ed.Loading = false
	ed.Dirty = true
	ed.showHeading()
	ed.updateLength()
	ed.runCheck()
	kit.SetSoft(ed.savedNote, "Put back what you were writing. It is not saved yet: see what is marked in red.")
	kit.SetError(ed.dateErr, kit.DateProblem(ed.date.Text, true))
	kit.SetError(ed.numberErr, issueNumberProblem(ed.number.Text, ed.is.ID != ""))
}

// issueEditorFromDraft builds the editor on the draft kept under key.
func issueEditorFromDraft(u kit.Env, key string, onSaved func(string, bool)) (*issueEditor, bool) {
	body, ok, err := u.Notes().LoadDraft(key)
	if err != nil || !ok {
		return nil, false
	}
	var d issueDraft
	if json.Unmarshal(body, &d) != nil {
		return nil, false
	}
	is := newsletter.Issue{Status: "draft"}
	if d.ID != "" {
		stored, err := u.Letters().GetIssue(d.ID)
		switch {
		case err == nil:
			is = stored
		case !errors.Is(err, newsletter.ErrNotFound):
			return nil, false
		}
	}
	ed := newIssueEditor(u, is, onSaved)
	ed.draftKey = key
	ed.hasDraft = true
	ed.applyDraft(d)
	return ed, true
}
