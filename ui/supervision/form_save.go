package supervision

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/ui/kit"
)

// collect reads the form into a session.
func (f *supervisionForm) collect() diary.Session {
	ss := diary.Session{ID: f.Id, Date: strings.TrimSpace(f.Date.Text), Supervisor: f.Supervisor.Text,
		Notes: f.Notes.Text, SignedOffOn: strings.TrimSpace(f.signedOn.Text)}
	for _, id := range f.order {
		p, ok := f.Picks[id]
		if !ok || !p.Check.Checked {
			continue
		}
		ss.Entries = append(ss.Entries, diary.SessionEntry{DiaryID: id, Comment: p.Comment.Text})
	}
	for _, r := range f.Actions {
		ss.Actions = append(ss.Actions, diary.SessionAction{Text: r.Text.Text, Owner: r.Owner.Text,
			Due: strings.TrimSpace(r.Due.Text), DoneOn: strings.TrimSpace(r.done.Text)})
	}
	return ss
}

func (f *supervisionForm) clearErrors() {
	for _, l := range []*widget.Label{f.DateErr, f.supErr, f.notesErr, f.signErr, f.entriesErr} {
		kit.SetError(l, "")
	}
	for _, p := range f.Picks {
		kit.SetError(p.commentErr, "")
	}
	for _, r := range f.Actions {
		kit.SetError(r.TextErr, "")
		kit.SetError(r.DateErr, "")
	}
}

// checkDates shows a problem at each date field that is not a real date;
// false when there is one.
func (f *supervisionForm) checkDates() bool {
	ok := true
	if msg := kit.DateProblem(f.Date.Text, true); msg != "" {
		kit.SetError(f.DateErr, msg)
		ok = false
	}
	if msg := kit.DateProblem(f.signedOn.Text, false); msg != "" {
		kit.SetError(f.signErr, msg)
		ok = false
	}
	for _, r := range f.Actions {
		msg := kit.DateProblem(r.Due.Text, false)
		if msg == "" {
			msg = kit.DateProblem(r.done.Text, false)
		}
		if msg != "" {
			kit.SetError(r.DateErr, msg)
			ok = false
		}
	}
	return ok
}

// supervisionAutosaveDelay is how long after the last change the session
// saves itself (tests shorten it).
var supervisionAutosaveDelay = time.Second

// autosave saves the session a moment after the last change; while it
// cannot be saved it is kept as a draft and the note says what is missing.
func (f *supervisionForm) autosave() {
	if f.Closed || !f.Dirty || f.u.Locked() {
		return
	}
	if !f.store(true) {
		f.keepDraft()
	}
}

// save validates and writes the session now (the Save button, sign-off);
// problems are shown at their fields and nothing typed is lost.
func (f *supervisionForm) save() bool { return f.store(false) }

// missing says what the session lacks before it can be stored, for the
// note: "" when its dates will do.
func (f *supervisionForm) missing() string {
	if m := kit.DateMissing("the date", f.Date.Text, true); m != "" {
		return m
	}
	if m := kit.DateMissing("the sign-off date", f.signedOn.Text, false); m != "" {
		return m
	}
	return kit.MarkedInRed
}

// store writes the session. quiet (the autosave) leaves the list of
// entries alone unless the sign-off changed, so a comment being typed is
// not rebuilt under the cursor.
func (f *supervisionForm) store(quiet bool) bool {
	f.StopTimer()
	f.clearErrors()
	if !f.checkDates() {
		kit.SetSoft(f.savedNote, kit.NotSavedNote(f.missing()))
		return false
	}
	ss := f.collect()
	if err := f.u.Diary().SaveSession(&ss); err != nil {
		if v, ok := diary.AsValidation(err); ok {
			f.showProblems(v)
			kit.SetSoft(f.savedNote, kit.NotSavedNote(kit.MarkedInRed))
			return false
		}
		kit.ShowError(f.u.Window(), "The supervision session could not be saved", err)
		return false
	}
	signChanged := f.signed != ss.SignedOffOn
	f.Id = ss.ID
	f.signed = ss.SignedOffOn
	f.Dirty = false
	if f.hasDraft {
		if err := f.u.Notes().DeleteDraft(f.draftKey); err == nil {
			f.hasDraft = false
		}
	}
	f.draftKey = supervisionDraftPrefix + f.Id
	f.u.Changed()
	kit.SetSoft(f.savedNote, kit.SavedNote(f.u))
	f.updateState()
	if !quiet || signChanged {
		f.refreshCandidates()
	}
	if f.onSaved != nil {
		f.onSaved(f.Id)
	}
	return true
}

// showProblems puts each problem under its field.
func (f *supervisionForm) showProblems(v diary.ValidationError) {
	var entries []string
	for _, fe := range v {
		var i int
		switch {
		case fe.Field == "Date":
			kit.SetError(f.DateErr, fe.Message)
		case fe.Field == "Supervisor":
			kit.SetError(f.supErr, fe.Message)
		case fe.Field == "Notes":
			kit.SetError(f.notesErr, fe.Message)
		case fe.Field == "SignedOffOn":
			kit.SetError(f.signErr, fe.Message)
		case strings.HasPrefix(fe.Field, "Entries["):
			if _, err := fmt.Sscanf(fe.Field, "Entries[%d]", &i); err == nil && i < len(f.order) && strings.HasSuffix(fe.Field, ".Comment") {
				if p, ok := f.Picks[f.order[i]]; ok {
					kit.SetError(p.commentErr, fe.Message)
					continue
				}
			}
			entries = append(entries, fe.Message)
		case strings.HasPrefix(fe.Field, "Actions["):
			if _, err := fmt.Sscanf(fe.Field, "Actions[%d]", &i); err == nil && i < len(f.Actions) {
				r := f.Actions[i]
				if strings.HasSuffix(fe.Field, ".Due") || strings.HasSuffix(fe.Field, ".DoneOn") {
					kit.SetError(r.DateErr, fe.Message)
				} else {
					kit.SetError(r.TextErr, fe.Message)
				}
			}
		default:
			entries = append(entries, fe.Message)
		}
	}
	if len(entries) > 0 {
		kit.SetError(f.entriesErr, strings.Join(kit.UniqueStrings(entries), " "))
	}
}

// signOff dates the sign-off today (unless a date is typed) and saves.
func (f *supervisionForm) signOff() {
	if strings.TrimSpace(f.signedOn.Text) == "" {
		f.signedOn.SetText(kit.TodayFor(f.u))
	}
	f.save()
}

// confirmUnsign asks, then removes the sign-off.
func (f *supervisionForm) confirmUnsign() {
	kit.Confirm(f.u.Window(), "Remove the sign-off?", kit.Wrapped("The entries of this session go back to “For supervision”, unless another signed-off session includes them. The comments and actions stay."),
		"Remove sign-off", "Keep it signed off", false,
		func(ok bool) {
			if !ok {
				return
			}
			f.signedOn.SetText("")
			f.save()
		})
}

// confirmDelete asks, then deletes the session.
func (f *supervisionForm) confirmDelete() {
	msg := "The session, its comments and actions are removed. Entries it marked discussed go back to “For supervision”. This cannot be undone."
	if f.Id == "" {
		msg = "This session has not been saved. What you typed will be thrown away."
	}
	kit.Confirm(f.u.Window(), "Delete this supervision session?", kit.Wrapped(msg), "Delete session", "Keep it", true, func(ok bool) {
		if !ok {
			return
		}
		if f.Id != "" {
			if err := f.u.Diary().DeleteSession(f.Id); err != nil && !errors.Is(err, diary.ErrNotFound) {
				kit.ShowError(f.u.Window(), "The supervision session could not be deleted", err)
				return
			}
		}
		if f.hasDraft {
			f.u.Notes().DeleteDraft(f.draftKey)
		}
		f.u.Changed()
		f.Closed = true
		if f.onDeleted != nil {
			f.onDeleted()
		}
	})
}

// leave saves the session if it changed; when it cannot be saved, it is
// kept as a draft so nothing typed is lost.
func (f *supervisionForm) leave() {
	if f.Closed || !f.Dirty || f.u.Locked() {
		return
	}
	if f.save() {
		return
	}
	f.keepDraft()
}

// keepDraft keeps the session as typed as a draft, so nothing is lost
// while it cannot be saved.
func (f *supervisionForm) keepDraft() {
	from, to := strings.TrimSpace(f.from.Text), strings.TrimSpace(f.to.Text)
	d := supervisionDraft{Session: f.collect(), From: from, To: to}
	body, _ := json.Marshal(d)
	title := "Supervision session"
	if kit.DateProblem(d.Session.Date, true) == "" {
		title += ", " + kit.ShortDate(d.Session.Date)
	}
	if err := f.u.Notes().SaveDraft(f.draftKey, supervisionDraftKind, title, body); err != nil {
		kit.ShowError(f.u.Window(), "What you typed could not be kept as a draft", err)
		return
	}
	f.hasDraft = true
	f.u.Changed()
}

// diaryIndent shifts its objects right by left.
type diaryIndent struct{ left float32 }

func (l *diaryIndent) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(m.Width+l.left, m.Height)
}

func (l *diaryIndent) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.left, 0))
		o.Resize(fyne.NewSize(max(0, size.Width-l.left), size.Height))
	}
}

// diaryPanel is a quiet rounded background behind a group of fields.
func diaryPanel(content fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	return container.NewStack(bg, container.NewPadded(content))
}
