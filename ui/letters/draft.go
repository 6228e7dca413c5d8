package letters

import (
	"encoding/json"

	"inreach/newsletter"
	"inreach/ui/kit"
)

// The letter being logged when the notebook locks is saved if it can be;
// if not (a date still to fix, no woman chosen yet) it is kept exactly as
// typed with notes.Store.SaveDraft under letterDraftKey, and put back in
// the form when the Letters tab is next opened.

const (
	letterDraftKey  = "letters:form"
	letterDraftKind = "letter"
)

// letterDraft is the form as typed.
type letterDraft struct {
	ID         string   `json:"id"`
	PersonID   string   `json:"person"`
	Woman      string   `json:"woman"`
	Date       string   `json:"date"`
	Direction  string   `json:"direction"`
	Channel    string   `json:"channel"`
	Summary    string   `json:"summary"`
	Enclosures []string `json:"enclosures"`
	Other      string   `json:"other"`
	ReplyDue   string   `json:"reply_due"`
}

// keepOnLock saves the letter, or keeps it as a draft when it cannot be
// saved as it stands.
func (f *letterForm) keepOnLock() {
	if f.u.Locked() || !f.Dirty {
		return
	}
	if f.save() {
		return
	}
	f.keepDraft()
}

// keepDraft keeps the letter exactly as typed while it cannot be saved.
func (f *letterForm) keepDraft() {
	lt := f.collect()
	var ticked []string
	for i, c := range f.enclosures {
		if c.Checked {
			ticked = append(ticked, letterEnclosures[i].value)
		}
	}
	d := letterDraft{ID: f.id, PersonID: f.woman.personID, Woman: f.woman.entry.Text, Date: f.date.Text,
		Direction: lt.Direction, Channel: lt.Channel, Summary: f.summary.Text, Enclosures: ticked,
		Other: f.other.Text, ReplyDue: f.replyDue.Text}
	body, err := json.Marshal(d)
	if err != nil {
		return
	}
	title := "Letter"
	if d.Woman != "" {
		title = "Letter: " + d.Woman
	}
	if err := f.u.Notes().SaveDraft(letterDraftKey, letterDraftKind, title, body); err != nil {
		kit.ShowError(f.u.Window(), "The letter you were logging could not be kept", err)
		return
	}
	f.u.Changed()
}

// restoreLetterForm builds the form from a kept draft, if there is one.
func restoreLetterForm(u kit.Env, done func(letterFormEvent)) (*letterForm, bool) {
	body, ok, err := u.Notes().LoadDraft(letterDraftKey)
	if err != nil || !ok {
		return nil, false
	}
	var d letterDraft
	if err := json.Unmarshal(body, &d); err != nil {
		return nil, false
	}
	lt := &newsletter.Letter{ID: d.ID, PersonID: d.PersonID, Date: d.Date, Direction: d.Direction,
		Channel: d.Channel, Summary: d.Summary, Enclosures: d.Enclosures, ReplyDue: d.ReplyDue}
	f := newLetterForm(u, lt, d.Woman, done)
	f.Loading = true
	if d.PersonID == "" {
		f.woman.set("", "")
		f.woman.setting = true
		f.woman.entry.SetText(d.Woman)
		f.woman.setting = false
	}
	f.other.SetText(d.Other)
	f.Loading = false
	f.Dirty = true
	kit.SetSoft(f.note, "Put back what you were writing when the notebook locked. It is not saved yet: check what is marked and press “Save”.")
	f.checkDates()
	return f, true
}

// dropLetterDraft forgets the kept draft once the letter is saved or
// closed.
func dropLetterDraft(u kit.Env) {
	if u.Locked() {
		return
	}
	if _, ok, err := u.Notes().LoadDraft(letterDraftKey); err == nil && ok {
		if err := u.Notes().DeleteDraft(letterDraftKey); err == nil {
			u.Changed()
		}
	}
}
