package women

import (
	"encoding/json"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/ui/kit"
)

// The person form keeps what was typed and not saved as a draft
// (notes.Store.SaveDraft) when the user moves to another tab or the vault
// locks, including dates that do not check out yet, and offers it again
// the next time the form opens.

// womanDraftKind is the notes.DraftInfo kind of person-form drafts.
const womanDraftKind = "woman"

// womanDraftPrefix starts every key: "woman:new" for the add form,
// "woman:<id>" for changes to her details.
const womanDraftPrefix = "woman:"

func womanDraftKey(id string) string {
	if id == "" {
		return womanDraftPrefix + womenOpenNew
	}
	return womanDraftPrefix + id
}

// typed is the form as typed, over her stored record.
func (f *personForm) typed() notes.Person { return f.person(f.original) }

// changed reports whether anything typed differs from the stored record.
func (f *personForm) changed() bool {
	a, b := f.typed(), f.original
	if len(a.Sensitive) == 0 {
		a.Sensitive = nil
	}
	if len(b.Sensitive) == 0 {
		b.Sensitive = nil
	}
	return !reflect.DeepEqual(a, b)
}

// keepDraft stores the form as typed if it has changes, or removes an old
// draft if it has none.
func (f *personForm) keepDraft() {
	st := f.u.Notes()
	if !f.changed() {
		f.dropDraft()
		return
	}
	p := f.typed()
	body, err := json.Marshal(p)
	if err != nil {
		return
	}
	title := "A woman not yet added"
	if f.id != "" {
		title = "Changes to the details of " + f.original.Name
	} else if strings.TrimSpace(p.Name) != "" {
		title = "Adding " + strings.TrimSpace(p.Name)
	}
	if err := st.SaveDraft(womanDraftKey(f.id), womanDraftKind, title, body); err != nil {
		kit.ShowError(f.u.Window(), "What you typed could not be kept as a draft", err)
		return
	}
	f.u.Changed()
}

// dropDraft removes the form's draft, if any.
func (f *personForm) dropDraft() {
	if err := f.u.Notes().DeleteDraft(womanDraftKey(f.id)); err == nil {
		f.u.Changed()
	}
}

// restoreDraft fills the form from its draft, if there is one, and says so.
// It reports whether a draft was restored.
func (f *personForm) restoreDraft() bool {
	body, ok, err := f.u.Notes().LoadDraft(womanDraftKey(f.id))
	if err != nil || !ok {
		return false
	}
	var p notes.Person
	if err := json.Unmarshal(body, &p); err != nil {
		return false
	}
	p.ID = f.id
	f.fill(&p)
	for name := range f.form.Dates {
		f.form.Rows[name].SetError(kit.DateProblem(f.form.Dates[name].Text, false))
	}
	discard := widget.NewButtonWithIcon("Discard these changes", theme.ContentUndoIcon(), func() {
		dialog.ShowConfirm("Discard the unsaved changes?",
			"What you typed and did not save will be thrown away.", func(ok bool) {
				if !ok {
					return
				}
				f.dropDraft()
				f.fill(&f.original)
				f.form.ClearErrors()
				f.notice.Objects = nil
				f.notice.Refresh()
			}, f.u.Window())
	})
	discard.Importance = widget.LowImportance
	text := kit.Wrapped("These are changes you had not saved (the notebook locked or you moved away). Check them and save, or discard them.")
	f.notice.Objects = []fyne.CanvasObject{widget.NewCard("", "", container.NewBorder(nil, nil,
		container.NewVBox(widget.NewIcon(theme.InfoIcon())), nil, container.NewVBox(text, container.NewHBox(discard))))}
	f.notice.Refresh()
	return true
}

// cancel closes the add form, asking first if something was typed.
func (f *personForm) cancel() {
	if !f.changed() {
		f.dropDraft()
		f.onQuit()
		return
	}
	dialog.ShowConfirm("Throw away what you typed?",
		"She has not been added yet. Everything typed in this form will be thrown away.", func(ok bool) {
			if ok {
				f.dropDraft()
				f.onQuit()
			}
		}, f.u.Window())
}

// womanDraftOf finds the first draft of the person form: the add form's
// (id "") or changes to one woman's details.
func womanDraftOf(st *notes.Store) (id string, ok bool) {
	all, err := st.ListDrafts()
	if err != nil {
		return "", false
	}
	for _, d := range all {
		if d.Kind == womanDraftKind && strings.HasPrefix(d.Key, womanDraftPrefix) {
			id := strings.TrimPrefix(d.Key, womanDraftPrefix)
			if id == womenOpenNew {
				return "", true
			}
			return id, true
		}
	}
	return "", false
}

// hasWomanDraft reports whether her details have unsaved changes kept.
func hasWomanDraft(st *notes.Store, id string) bool {
	_, ok, err := st.LoadDraft(womanDraftKey(id))
	return err == nil && ok
}
