package diary

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"inreach/diary"
	"inreach/ui/kit"
)

// collect reads the form into an entry (tags as typed, not yet tidied).
func (ed *diaryEditor) collect() diary.Entry {
	e := diary.Entry{ID: ed.id, Date: strings.TrimSpace(ed.date.Text), ContactID: ed.contactID(),
		Template: ed.tmplKey, Status: ed.status, Tags: kit.DiarySplitTags(ed.tags.Text)}
	for i, s := range ed.sections {
		e.Sections = append(e.Sections, diary.SectionText{Key: ed.sectionKeys[i], Body: s.Text})
	}
	return e
}

// draft is the form as typed.
func (ed *diaryEditor) draft() *diaryDraft {
	e := ed.collect()
	return &diaryDraft{ID: ed.id, Date: ed.date.Text, ContactID: e.ContactID, Template: e.Template,
		Sections: e.Sections, Tags: ed.tags.Text}
}

// save writes the entry if anything changed (or force). When the entry
// cannot be saved as it stands, the form is kept as a draft, the problems
// are shown at their fields, and false is returned.
func (ed *diaryEditor) save(force bool) bool {
	ed.stopTimer()
	if ed.Closed || ed.u.Locked() {
		return true
	}
	if !ed.Dirty && !force {
		return true
	}
	if !ed.Dirty && ed.id != "" {
		return true
	}
	ed.clearErrors()
	if msg := kit.DateProblem(ed.date.Text, true); msg != "" {
		kit.SetError(ed.dateErr, msg)
		ed.keepDraft(kit.NotSavedNote(kit.DateMissing("the date", ed.date.Text, true)))
		return false
	}
	e := ed.collect()
	if e.ID != "" {
		// The stored status wins: a supervision session may have changed it
		// since the entry was opened.
		cur, err := ed.u.Diary().Get(e.ID)
		switch {
		case err == nil:
			e.Status = cur.Status
			ed.comments = cur.Comments
		case errors.Is(err, diary.ErrNotFound):
		default:
			ed.keepDraft(kit.NotSavedNote("the entry could not be written"))
			kit.ShowError(ed.u.Window(), "The diary entry could not be saved", err)
			return false
		}
	} else {
		e.Status = "draft"
	}
	if err := ed.u.Diary().Save(&e); err != nil {
		if v, ok := diary.AsValidation(err); ok {
			ed.showProblems(v)
			ed.keepDraft(kit.NotSavedNote(kit.MarkedInRed))
			return false
		}
		ed.keepDraft(kit.NotSavedNote("the entry could not be written"))
		kit.ShowError(ed.u.Window(), "The diary entry could not be saved", err)
		return false
	}
	ed.id = e.ID
	ed.status = e.Status
	ed.last = kit.SupervisionSummaryOf(&e)
	ed.Dirty = false
	if ed.hasDraft {
		if err := ed.u.Notes().DeleteDraft(ed.draftKey); err == nil {
			ed.hasDraft = false
		}
	}
	ed.draftKey = diaryDraftKey(ed.id)
	ed.u.Changed()
	kit.SetSoft(ed.savedNote, kit.SavedNote(ed.u))
	ed.showStatus()
	ed.showComments()
	if ed.onSaved != nil {
		ed.onSaved(ed.id)
	}
	return true
}

// keepDraft stores the form as typed, so nothing is lost while it cannot
// be saved as an entry.
func (ed *diaryEditor) keepDraft(note string) {
	d := ed.draft()
	if err := ed.u.Notes().SaveDraft(ed.draftKey, diaryDraftKind, d.title(), d.encode()); err != nil {
		kit.ShowError(ed.u.Window(), "What you wrote could not be kept as a draft", err)
		return
	}
	ed.hasDraft = true
	ed.u.Changed()
	kit.SetSoft(ed.savedNote, note)
}

func (ed *diaryEditor) clearErrors() {
	kit.SetError(ed.dateErr, "")
	kit.SetError(ed.contactErr, "")
	kit.SetError(ed.tagsErr, "")
	for _, l := range ed.sectionErrs {
		kit.SetError(l, "")
	}
}

// showProblems puts each problem under its field.
func (ed *diaryEditor) showProblems(v diary.ValidationError) {
	var tags []string
	for _, fe := range v {
		switch {
		case fe.Field == "Date":
			kit.SetError(ed.dateErr, fe.Message)
		case fe.Field == "ContactID":
			kit.SetError(ed.contactErr, fe.Message)
		case strings.HasPrefix(fe.Field, "Tags"):
			tags = append(tags, fe.Message)
		case strings.HasPrefix(fe.Field, "Sections["):
			var i int
			if _, err := fmt.Sscanf(fe.Field, "Sections[%d]", &i); err == nil && i >= 0 && i < len(ed.sectionErrs) {
				kit.SetError(ed.sectionErrs[i], fe.Message)
			} else {
				tags = append(tags, fe.Message)
			}
		default:
			tags = append(tags, fe.Message)
		}
	}
	if len(tags) > 0 {
		kit.SetError(ed.tagsErr, strings.Join(kit.UniqueStrings(tags), " "))
	}
}

// flush saves what is typed now (before leaving the entry or locking).
func (ed *diaryEditor) flush() {
	if ed.Dirty {
		ed.save(false)
	}
}

// close flushes and stops the editor; it does nothing more afterwards.
func (ed *diaryEditor) close() {
	ed.flush()
	ed.stopTimer()
	ed.Closed = true
}

// setStatus saves the entry and moves it to status to.
func (ed *diaryEditor) setStatus(to string) {
	if ed.id == "" || ed.Dirty {
		if !ed.save(true) {
			return
		}
	}
	if err := ed.u.Diary().SetStatus(ed.id, to); err != nil {
		var se *diary.StatusError
		if errors.As(err, &se) {
			dialog.ShowInformation("The status was not changed", kit.Sentence(errors.New(se.Reason)), ed.u.Window())
		} else {
			kit.ShowError(ed.u.Window(), "The status could not be changed", err)
		}
		if cur, gerr := ed.u.Diary().Get(ed.id); gerr == nil {
			ed.status = cur.Status
			ed.showStatus()
		}
		return
	}
	ed.u.Changed()
	ed.status = to
	ed.last.Status = to
	ed.showStatus()
	if ed.onSaved != nil {
		ed.onSaved(ed.id)
	}
}

// confirmDelete asks, then deletes the entry (or drops a new one).
func (ed *diaryEditor) confirmDelete() {
	msg := "This entry and the supervisors' comments on it will be removed from the diary. This cannot be undone."
	if ed.id == "" {
		msg = "This entry has not been saved. What you wrote will be thrown away."
	}
	kit.Confirm(ed.u.Window(), "Delete this diary entry?", kit.Wrapped(msg), "Delete entry", "Keep it", true, func(ok bool) {
		if !ok {
			return
		}
		ed.stopTimer()
		if ed.id != "" {
			if err := ed.u.Diary().Delete(ed.id); err != nil && !errors.Is(err, diary.ErrNotFound) {
				kit.ShowError(ed.u.Window(), "The diary entry could not be deleted", err)
				return
			}
		}
		if ed.hasDraft {
			ed.u.Notes().DeleteDraft(ed.draftKey)
		}
		ed.u.Changed()
		ed.Closed = true
		if ed.onDeleted != nil {
			ed.onDeleted()
		}
	})
}

// reloadStored refreshes the status and comments from the store (after a
// supervision session changed them), leaving what is typed alone.
func (ed *diaryEditor) reloadStored() {
	if ed.id == "" {
		return
	}
	cur, err := ed.u.Diary().Get(ed.id)
	if err != nil {
		return
	}
	ed.status = cur.Status
	ed.comments = cur.Comments
	ed.showStatus()
	ed.showComments()
	ed.Loading = true
	ed.loadChips()
	ed.Loading = false
}
