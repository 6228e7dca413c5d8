package directory

import (
	"encoding/json"

	"inreach/notes"
	"inreach/ui/kit"
)

// An agency being edited is saved as it is typed. When the vault locks
// (or the window closes) while it cannot be saved yet (a name taken out, a
// date that does not exist), it is kept as typed with notes.Store.SaveDraft
// under agencyDraftKey and shown again when the Directory next opens.

const (
	agencyDraftKey  = "directory:form"
	agencyDraftKind = "agency"
)

// keepDraft keeps the form as typed.
func (f *agencyForm) keepDraft() {
	a := f.agency()
	body, err := json.Marshal(a)
	if err != nil {
		return
	}
	title := "An agency"
	if a.Name != "" {
		title = "Agency: " + a.Name
	}
	if err := f.s.u.Notes().SaveDraft(agencyDraftKey, agencyDraftKind, title, body); err != nil {
		kit.ShowError(f.s.u.Window(), "The agency you were editing could not be kept", err)
		return
	}
	f.s.u.Changed()
}

// dropAgencyDraft forgets the kept draft once the agency saves.
func dropAgencyDraft(u kit.Env) {
	if _, ok, err := u.Notes().LoadDraft(agencyDraftKey); err == nil && ok {
		if u.Notes().DeleteDraft(agencyDraftKey) == nil {
			u.Changed()
		}
	}
}

// restoreDraft shows the agency that was being edited when the vault
// locked, as it was typed, if one was kept. It reports whether it did.
func (s *DirectoryScreen) restoreDraft() bool {
	body, ok, err := s.u.Notes().LoadDraft(agencyDraftKey)
	if err != nil || !ok {
		return false
	}
	var a notes.Agency
	if json.Unmarshal(body, &a) != nil {
		return false
	}
	stored := &notes.Agency{}
	if a.ID != "" {
		if got, err := s.u.Notes().GetAgency(a.ID); err == nil {
			stored = got
		} else {
			a.ID = ""
		}
	}
	s.selected = stored.ID
	s.form = newAgencyForm(s, stored)
	f := s.form
	f.Load(func() { f.fillFields(&a) })
	f.Dirty = true
	f.form.CheckDates()
	f.saved.NotSaved(f.missing())
	s.setDetail(f.Content())
	s.reload()
	return true
}
