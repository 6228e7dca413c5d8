package women

import (
	"time"

	"inreach/ui/kit"
)

// Her details save themselves a moment after each change, once what is
// typed is valid; until then they are kept as a draft and the note says
// what is missing. The form to add a woman is kept as a draft as you type
// and adds her only with Save: a record made by mistake could only be
// erased through Data protection, so it is not made by typing alone.

// womanAutosaveDelay is how long after the last change the form keeps
// itself (tests shorten it).
var womanAutosaveDelay = time.Second

// watch makes every field count as an edit when the user changes it.
func (f *personForm) watch() {
	edited := func(string) { f.Edited() }
	for _, e := range []*kit.LeaveEntry{f.name, f.pseudonym, f.prisonNumber, f.sentence, f.shareWith,
		f.dob, f.release, f.referralDate, f.consentOn, f.closedOn, f.safety, f.retention, f.previous} {
		e.OnChanged = edited
	}
	for _, s := range []*kit.Select{f.referral, f.establishment, f.ethnicity, f.offence} {
		s.OnChanged = edited
	}
	checked := func(bool) { f.Edited() }
	f.confirmed.OnChanged = checked
	for _, c := range f.flags {
		c.OnChanged = checked
	}
}

// autosave saves her details, or keeps them as a draft while they cannot
// be saved (and always for a woman not yet added).
func (f *personForm) autosave() {
	if f.Closed || !f.Dirty || f.u.Locked() {
		return
	}
	if f.id == "" {
		f.keepDraft()
		f.savedNote.SetNote(kit.DraftKeptNote(f.u, "Save adds her record"))
		return
	}
	if !f.store(true) {
		f.keepDraft()
	}
}

// leave saves her details before the form goes (another woman shown, the
// vault locking), or keeps them as a draft when they cannot be saved.
func (f *personForm) leave() {
	f.StopTimer()
	if f.Dirty && f.id != "" && !f.u.Locked() && f.store(true) {
		return
	}
	f.keepDraft()
}
