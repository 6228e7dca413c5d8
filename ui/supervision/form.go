package supervision

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/schema"
	"inreach/ui/kit"
)

// supervisionDraftKind is the notes.DraftInfo kind of session drafts; keys
// are "supervision:<id>" or "supervision:new-…".
const (
	supervisionDraftKind   = "supervision"
	supervisionDraftPrefix = "supervision:"
)

// supervisionDraft is a session form as typed, kept when it cannot be
// saved (a date is not a real date) so nothing is lost.
type supervisionDraft struct {
	Session diary.Session `json:"session"`
	From    string        `json:"from"`
	To      string        `json:"to"`
}

// supervisionForm is one supervision session: when and with whom, the
// diary entries discussed with a comment on each, notes, agreed actions
// and the sign-off.
type supervisionForm struct {
	kit.Editor // dirty, loading, closed

	u         kit.Env
	Id        string
	signed    string // the stored sign-off date ("" if not signed off)
	draftKey  string
	hasDraft  bool
	onSaved   func(id string)
	onDeleted func()

	title     *widget.Label
	state     *widget.Label
	savedNote *widget.RichText

	Date            *kit.LeaveEntry
	Supervisor      *widget.Entry
	DateErr, supErr *widget.Label
	from, to        *kit.LeaveEntry
	periodErr       *widget.Label
	picksBox        *fyne.Container
	Picks           map[string]*supervisionPick
	order           []string // picked entries, in the order added
	Shown           []string // entries listed, newest first
	entriesErr      *widget.Label

	Notes    *kit.GrowingEntry
	notesErr *widget.Label

	actionsBox *fyne.Container
	Actions    []*supervisionActionRow

	signedOn  *kit.LeaveEntry
	signErr   *widget.Label
	signBtn   *widget.Button
	unsignBtn *widget.Button

	root fyne.CanvasObject
}

// supervisionPick is one entry the session could discuss: a check box to
// pick it, its first line, a way to read it, and the supervisor's comment.
type supervisionPick struct {
	sum        diary.Summary
	Check      *widget.Check
	Comment    *kit.GrowingEntry
	commentErr *widget.Label
	CommentBox fyne.CanvasObject
	box        fyne.CanvasObject
}

// supervisionActionRow is one agreed action.
type supervisionActionRow struct {
	Text, Owner      *widget.Entry
	Due, done        *kit.LeaveEntry
	TextErr, DateErr *widget.Label
	Box              fyne.CanvasObject
}

func newSupervisionForm(u kit.Env, ss *diary.Session, onSaved func(string), onDeleted func()) *supervisionForm {
	f := &supervisionForm{u: u, Id: ss.ID, signed: ss.SignedOffOn, onSaved: onSaved, onDeleted: onDeleted,
		Picks: map[string]*supervisionPick{}}
	f.draftKey = supervisionDraftPrefix + ss.ID
	if ss.ID == "" {
		f.draftKey = supervisionDraftPrefix + schema.NewID("new")
	}
	f.build()
	from, to := f.defaultPeriod(ss.Date)
	f.fill(ss, from, to)
	if ss.ID != "" {
		if body, ok, err := u.Notes().LoadDraft(f.draftKey); err == nil && ok {
			var d supervisionDraft
			if json.Unmarshal(body, &d) == nil {
				d.Session.ID = ss.ID
				f.hasDraft = true
				f.fill(&d.Session, d.From, d.To)
				f.Dirty = true
				kit.SetSoft(f.savedNote, "Restored what you were writing; not saved yet")
			}
		}
	}
	return f
}

// newSupervisionFormFromDraft opens a session kept as a draft under key.
func newSupervisionFormFromDraft(u kit.Env, key string, body []byte, onSaved func(string), onDeleted func()) (*supervisionForm, error) {
	var d supervisionDraft
	if err := json.Unmarshal(body, &d); err != nil {
		return nil, err
	}
	f := &supervisionForm{u: u, Id: d.Session.ID, onSaved: onSaved, onDeleted: onDeleted,
		Picks: map[string]*supervisionPick{}, draftKey: key, hasDraft: true}
	if d.Session.ID != "" {
		if stored, err := u.Diary().GetSession(d.Session.ID); err == nil {
			f.signed = stored.SignedOffOn
		}
	}
	f.build()
	f.fill(&d.Session, d.From, d.To)
	f.Dirty = true
	kit.SetSoft(f.savedNote, "Restored what you were writing; not saved yet")
	return f, nil
}

func (f *supervisionForm) Content() fyne.CanvasObject { return f.root }

// defaultPeriod is the three months up to the session's date.
func (f *supervisionForm) defaultPeriod(date string) (string, string) {
	if _, err := schema.ParseDate(date); err != nil {
		date = kit.TodayFor(f.u)
	}
	return kit.DiaryPeriod(kit.DiaryLast3Months, date)
}

func (f *supervisionForm) build() {
	f.title = kit.Heading("")
	f.state = widget.NewLabel("")
	f.state.Truncation = fyne.TextTruncateEllipsis
	f.savedNote = kit.Soft("")
	f.savedNote.Wrapping = fyne.TextWrapOff
	saveBtn := widget.NewButtonWithIcon("Save session", theme.DocumentSaveIcon(), func() { f.save() })
	saveBtn.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("Delete this session…", theme.DeleteIcon(), f.confirmDelete)
	del.Importance = widget.LowImportance

	f.Date = kit.NewLeaveEntry("YYYY-MM-DD", func() {
		kit.SetError(f.DateErr, kit.DateProblem(f.Date.Text, true))
		f.updateTitle()
	})
	f.Date.OnChanged = func(string) { f.changed() }
	f.DateErr = kit.ErrorLabel()
	f.Supervisor = widget.NewEntry()
	f.Supervisor.SetPlaceHolder("Your supervisor's name")
	f.Supervisor.OnChanged = func(string) { f.changed() }
	f.supErr = kit.ErrorLabel()

	checkPeriod := func() {
		msg := kit.DateProblem(f.from.Text, false)
		if msg == "" {
			msg = kit.DateProblem(f.to.Text, false)
		}
		kit.SetError(f.periodErr, msg)
		if msg == "" {
			f.refreshCandidates()
		}
	}
	f.from = kit.NewLeaveEntry("YYYY-MM-DD", checkPeriod)
	f.to = kit.NewLeaveEntry("YYYY-MM-DD", checkPeriod)
	f.from.OnSubmitted = func(string) { checkPeriod() }
	f.to.OnSubmitted = func(string) { checkPeriod() }
	f.periodErr = kit.ErrorLabel()
	f.picksBox = container.NewVBox()
	f.entriesErr = kit.ErrorLabel()

	f.Notes = kit.NewGrowingEntry("What you talked about, in a few lines", 3, 14)
	f.Notes.OnChanged = func(string) { f.Notes.Fit(); f.changed() }
	f.notesErr = kit.ErrorLabel()

	f.actionsBox = container.NewVBox()
	addAction := widget.NewButtonWithIcon("Add action", theme.ContentAddIcon(), func() {
		r := f.addActionRow(diary.SessionAction{})
		f.changed()
		f.u.Window().Canvas().Focus(r.Text)
	})

	f.signedOn = kit.NewLeaveEntry("YYYY-MM-DD", func() {
		kit.SetError(f.signErr, kit.DateProblem(f.signedOn.Text, false))
	})
	f.signedOn.OnChanged = func(string) { f.changed() }
	f.signErr = kit.ErrorLabel()
	f.signBtn = widget.NewButtonWithIcon("Sign off", theme.ConfirmIcon(), f.signOff)
	f.signBtn.Importance = widget.HighImportance
	f.unsignBtn = widget.NewButtonWithIcon("Remove sign-off…", theme.ContentUndoIcon(), f.confirmUnsign)
	f.unsignBtn.Importance = widget.LowImportance

	status := container.NewBorder(nil, nil, nil, container.NewHBox(f.savedNote, saveBtn), f.state)
	top := container.NewVBox(f.title, status, widget.NewSeparator())

	when := container.New(&kit.DiaryColumnsLayout{Fixed: 170},
		kit.Captioned("Date", f.Date, f.DateErr),
		kit.Captioned("Supervisor", f.Supervisor, f.supErr))
	period := container.NewHBox(
		kit.Captioned("Entries from", container.New(&kit.DiaryFixedWidth{Width: 130}, f.from), nil),
		kit.Captioned("to", container.New(&kit.DiaryFixedWidth{Width: 130}, f.to), nil),
	)
	entries := container.NewVBox(
		kit.Subheading("Entries discussed"),
		kit.Soft("Entries marked for supervision in this period, and any already in this session. Tick those you talked about; a box opens under each for your supervisor's comment."),
		period, f.periodErr,
		f.picksBox, f.entriesErr,
	)
	actions := container.NewVBox(
		kit.Subheading("Agreed actions"),
		f.actionsBox,
		container.NewHBox(addAction),
	)
	sign := container.NewVBox(
		kit.Subheading("Sign-off"),
		kit.Soft("Signing off says the discussion is complete: the entries ticked above are then marked discussed in your diary, with the comments beside them."),
		container.NewHBox(
			kit.Captioned("Signed off on", container.New(&kit.DiaryFixedWidth{Width: 130}, f.signedOn), nil),
			container.NewVBox(kit.DiaryGap(theme.TextSize()), container.NewHBox(f.signBtn, f.unsignBtn))),
		f.signErr,
	)
	body := container.NewVBox(
		when,
		widget.NewSeparator(), entries,
		widget.NewSeparator(), kit.Subheading("Notes"), f.Notes, f.notesErr,
		widget.NewSeparator(), actions,
		widget.NewSeparator(), sign,
		widget.NewSeparator(), container.NewHBox(del),
	)
	scroll := container.NewVScroll(container.New(&kit.DiaryReadingWidth{Width: 820}, container.NewPadded(body)))
	f.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, scroll)
}

// fill puts a session into the form without marking it changed.
func (f *supervisionForm) fill(ss *diary.Session, from, to string) {
	f.Loading = true
	defer func() { f.Loading = false }()
	f.Date.SetText(ss.Date)
	f.Supervisor.SetText(ss.Supervisor)
	f.Notes.SetText(ss.Notes)
	f.signedOn.SetText(ss.SignedOffOn)
	f.from.SetText(from)
	f.to.SetText(to)
	f.Picks = map[string]*supervisionPick{}
	f.order = nil
	comments := map[string]string{}
	for _, e := range ss.Entries {
		f.order = append(f.order, e.DiaryID)
		comments[e.DiaryID] = e.Comment
	}
	f.loadCandidates(comments)
	f.Actions = nil
	f.actionsBox.Objects = nil
	for _, a := range ss.Actions {
		f.addActionRow(a)
	}
	f.actionsBox.Refresh()
	f.updateTitle()
	f.updateState()
	if ss.ID == "" {
		kit.SetSoft(f.savedNote, "Not saved yet")
	} else {
		kit.SetSoft(f.savedNote, "Saved")
	}
}

// period is the period the form lists entries for.
func (f *supervisionForm) period() (string, string) {
	from, to := strings.TrimSpace(f.from.Text), strings.TrimSpace(f.to.Text)
	if kit.DateProblem(from, false) != "" || kit.DateProblem(to, false) != "" {
		return "", ""
	}
	return from, to
}

// refreshCandidates lists the entries again, keeping what is ticked and
// typed.
func (f *supervisionForm) refreshCandidates() {
	comments := map[string]string{}
	for id, p := range f.Picks {
		if p.Check.Checked {
			comments[id] = p.Comment.Text
		}
	}
	was := f.Loading
	f.Loading = true
	f.loadCandidates(comments)
	f.Loading = was
}

// loadCandidates lists the entries the session could discuss (and those
// picked), ticking the picked ones with their comments.
func (f *supervisionForm) loadCandidates(comments map[string]string) {
	from, to := f.period()
	cands, err := f.u.Diary().CandidateEntries(from, to, f.Id)
	if err != nil {
		kit.ShowError(f.u.Window(), "The entries for supervision could not be read", err)
		return
	}
	listed := map[string]bool{}
	for _, c := range cands {
		listed[c.ID] = true
	}
	for _, id := range f.order {
		if listed[id] {
			continue
		}
		e, err := f.u.Diary().Get(id)
		if err != nil {
			continue
		}
		cands = append(cands, kit.SupervisionSummaryOf(e))
		listed[id] = true
	}
	old := f.Picks
	f.Picks = map[string]*supervisionPick{}
	f.Shown = nil
	var objs []fyne.CanvasObject
	for _, c := range cands {
		p := f.newPick(c)
		if prev, ok := old[c.ID]; ok && !prev.Check.Checked {
			// unticked stays unticked
		} else if text, ok := comments[c.ID]; ok {
			p.Comment.SetText(text)
			p.Check.SetChecked(true)
		}
		f.Picks[c.ID] = p
		f.Shown = append(f.Shown, c.ID)
		objs = append(objs, p.box)
	}
	if len(objs) == 0 {
		objs = append(objs, kit.Soft("No entries are marked for supervision in this period. In the Diary, use “Mark for supervision” on the entries you want to talk about, or widen the period."))
	}
	// Keep the order of those still picked.
	var order []string
	for _, id := range f.order {
		if p, ok := f.Picks[id]; ok && p.Check.Checked {
			order = append(order, id)
		}
	}
	f.order = order
	f.picksBox.Objects = objs
	f.picksBox.Refresh()
}

// newPick makes the row of one entry.
func (f *supervisionForm) newPick(c diary.Summary) *supervisionPick {
	p := &supervisionPick{sum: c}
	p.Comment = kit.NewGrowingEntry("Your supervisor's comment on this entry", 2, 10)
	p.Comment.OnChanged = func(string) { p.Comment.Fit(); f.changed() }
	p.commentErr = kit.ErrorLabel()
	p.Check = widget.NewCheck(kit.ShortDate(c.Date), func(on bool) {
		if on {
			p.CommentBox.Show()
			if !f.Loading {
				f.order = append(f.order, c.ID)
			}
		} else {
			p.CommentBox.Hide()
			f.unpick(c.ID)
		}
		f.changed()
	})
	summary := widget.NewLabel(c.Summary)
	summary.Truncation = fyne.TextTruncateEllipsis
	meta := kit.DiaryMutedLine()
	metaText := kit.DiaryStatusWords(c.Status) + " · " + schema.DiaryTemplate.Label(c.Template)
	if len(c.Tags) > 0 {
		metaText += " · " + strings.Join(c.Tags, ", ")
	}
	kit.SetSoft(meta, metaText)
	read := widget.NewButtonWithIcon("Read", theme.VisibilityIcon(), func() { f.ReadEntry(c.ID) })
	read.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, container.NewVBox(p.Check), container.NewVBox(read),
		container.New(&kit.StackLayout{Gap: -2 * theme.Padding()}, summary, meta))
	p.CommentBox = container.New(&diaryIndent{left: 36}, container.NewVBox(p.Comment, p.commentErr))
	p.CommentBox.Hide()
	p.box = container.NewVBox(head, p.CommentBox)
	return p
}

func (f *supervisionForm) unpick(id string) {
	var order []string
	for _, o := range f.order {
		if o != id {
			order = append(order, o)
		}
	}
	f.order = order
}

// readEntry shows an entry's full text, to read during the session.
func (f *supervisionForm) ReadEntry(id string) {
	e, err := f.u.Diary().Get(id)
	if err != nil {
		kit.ShowError(f.u.Window(), "The diary entry could not be read", err)
		return
	}
	t, _ := diary.TemplateByKey(e.Template)
	items := []fyne.CanvasObject{
		kit.Subheading(kit.DiaryLongDate(e.Date)),
		kit.Soft(t.Name + " · " + kit.DiaryStatusWords(e.Status)),
	}
	if e.ContactID != "" {
		if c, err := f.u.Diary().Contact(e.ContactID); err == nil {
			items = append(items, kit.Soft(kit.DiaryContactLabel(c.Kind, c.Place, c.Date)))
		}
	}
	for _, sec := range e.AllSections() {
		items = append(items, widget.NewLabelWithStyle(t.Heading(sec.Key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		body := widget.NewLabel(strings.TrimSpace(sec.Body))
		if strings.TrimSpace(sec.Body) == "" {
			body.SetText("Nothing written.")
			body.Importance = widget.LowImportance
		}
		body.Wrapping = fyne.TextWrapWord
		items = append(items, body)
	}
	if len(e.Tags) > 0 {
		items = append(items, kit.Soft("Tags: "+strings.Join(e.Tags, ", ")))
	}
	for _, c := range e.Comments {
		items = append(items, kit.DiaryNote(container.NewVBox(
			kit.SoftItalic(kit.ShortDate(c.Date)+" · "+c.Supervisor),
			widget.NewLabel(c.Text)), theme.Color(theme.ColorNameSuccess)))
	}
	scroll := container.NewVScroll(container.NewVBox(items...))
	d := dialog.NewCustom("Diary entry", "Close", scroll, f.u.Window())
	openBtn := widget.NewButtonWithIcon("Open in Diary", theme.DocumentCreateIcon(), func() {
		d.Hide()
		f.leave()
		f.u.Open(kit.Record(kit.Diary, id))
	})
	closeBtn := widget.NewButtonWithIcon("Close", theme.CancelIcon(), func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{closeBtn, openBtn})
	kit.EscapeCloses(f.u.Window(), d, nil)
	size := f.u.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(680, size.Width*0.9), min(560, size.Height*0.85)))
	d.Show()
}

// addActionRow adds a row for action a.
func (f *supervisionForm) addActionRow(a diary.SessionAction) *supervisionActionRow {
	r := &supervisionActionRow{}
	r.Text = widget.NewEntry()
	r.Text.SetPlaceHolder("What was agreed")
	r.Text.SetText(a.Text)
	r.Text.OnChanged = func(string) { f.changed() }
	r.Owner = widget.NewEntry()
	r.Owner.SetPlaceHolder("Who")
	r.Owner.SetText(a.Owner)
	r.Owner.OnChanged = func(string) { f.changed() }
	check := func() {
		msg := kit.DateProblem(r.Due.Text, false)
		if msg == "" {
			msg = kit.DateProblem(r.done.Text, false)
		}
		kit.SetError(r.DateErr, msg)
	}
	r.Due = kit.NewLeaveEntry("YYYY-MM-DD", check)
	r.Due.SetText(a.Due)
	r.Due.OnChanged = func(string) { f.changed() }
	r.done = kit.NewLeaveEntry("YYYY-MM-DD", check)
	r.done.SetText(a.DoneOn)
	r.done.OnChanged = func(string) { f.changed() }
	r.TextErr = kit.ErrorLabel()
	r.DateErr = kit.ErrorLabel()
	remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), nil)
	remove.Importance = widget.LowImportance
	details := container.NewHBox(
		kit.Captioned("Owner", container.New(&kit.DiaryFixedWidth{Width: 170}, r.Owner), nil),
		kit.Captioned("Due", container.New(&kit.DiaryFixedWidth{Width: 130}, r.Due), nil),
		kit.Captioned("Done on", container.New(&kit.DiaryFixedWidth{Width: 130}, r.done), nil),
	)
	inner := container.NewVBox(
		container.NewBorder(nil, nil, nil, remove, r.Text), r.TextErr,
		details, r.DateErr)
	r.Box = diaryPanel(inner)
	remove.OnTapped = func() {
		for i, x := range f.Actions {
			if x == r {
				f.Actions = append(f.Actions[:i], f.Actions[i+1:]...)
				break
			}
		}
		f.actionsBox.Remove(r.Box)
		f.changed()
	}
	f.Actions = append(f.Actions, r)
	f.actionsBox.Add(r.Box)
	return r
}

func (f *supervisionForm) updateTitle() {
	d := strings.TrimSpace(f.Date.Text)
	if _, err := schema.ParseDate(d); err == nil {
		f.title.SetText("Supervision, " + kit.DiaryLongDate(d))
	} else {
		f.title.SetText("Supervision session")
	}
}

func (f *supervisionForm) updateState() {
	if f.signed != "" {
		f.state.SetText("Signed off on " + kit.ShortDate(f.signed) + ".")
		f.state.Importance = widget.SuccessImportance
		f.signBtn.Hide()
		f.unsignBtn.Show()
	} else {
		f.state.SetText("Not signed off yet.")
		f.state.Importance = widget.WarningImportance
		f.signBtn.Show()
		f.unsignBtn.Hide()
	}
	f.state.Refresh()
}

func (f *supervisionForm) changed() {
	if !f.Edited() {
		return
	}
	kit.SetSoft(f.savedNote, "Not saved yet")
}

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

// save validates and writes the session; problems are shown at their
// fields and nothing typed is lost.
func (f *supervisionForm) save() bool {
	f.clearErrors()
	if !f.checkDates() {
		kit.SetSoft(f.savedNote, "Not saved: see the problem marked in red")
		return false
	}
	ss := f.collect()
	if err := f.u.Diary().SaveSession(&ss); err != nil {
		if v, ok := diary.AsValidation(err); ok {
			f.showProblems(v)
			kit.SetSoft(f.savedNote, "Not saved: see the problem marked in red")
			return false
		}
		kit.ShowError(f.u.Window(), "The supervision session could not be saved", err)
		return false
	}
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
	kit.SetSoft(f.savedNote, "Saved at "+kit.ClockFor(f.u))
	f.updateState()
	f.refreshCandidates()
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
