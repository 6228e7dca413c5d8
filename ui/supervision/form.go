package supervision

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/schema"
	"inreach/teamwork"
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

	// Received says who wrote a session received in a supervision reply;
	// changedSince are its entries edited after they were sent.
	Received     *widget.Label
	changedSince map[string]bool

	Date            *kit.LeaveEntry
	Supervisor      *kit.LeaveEntry
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
	Check      *kit.Check
	Comment    *kit.GrowingEntry
	commentErr *widget.Label
	CommentBox fyne.CanvasObject
	box        fyne.CanvasObject
}

// supervisionActionRow is one agreed action.
type supervisionActionRow struct {
	Text, Owner      *kit.LeaveEntry
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
	f.Init(f.u, &supervisionAutosaveDelay, f.autosave)
	f.title = kit.Heading("")
	f.state = widget.NewLabel("")
	f.state.Truncation = fyne.TextTruncateEllipsis
	foot := kit.NewFooter(kit.FooterOptions{OnPrimary: func() { f.save() }, OnDelete: f.confirmDelete})
	f.savedNote = foot.Note

	f.Date = kit.NewLeaveEntry("YYYY-MM-DD", func() {
		kit.SetError(f.DateErr, kit.DateProblem(f.Date.Text, true))
		f.updateTitle()
	})
	f.Date.OnChanged = func(string) { f.changed() }
	f.DateErr = kit.ErrorLabel()
	f.Supervisor = kit.NewLeaveEntry("", nil)
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

	status := f.state
	f.Received = kit.Muted("")
	f.Received.Hide()
	top := container.NewVBox(f.title, status, f.Received, widget.NewSeparator())

	when := container.New(&kit.DiaryColumnsLayout{Fixed: 170},
		kit.Captioned("Date", kit.DateField(f.Date, func() string { return kit.TodayFor(f.u) }), f.DateErr),
		kit.Captioned("Supervisor", f.Supervisor, f.supErr))
	period := container.NewHBox(
		kit.Captioned("Entries from", kit.DateField(f.from, func() string { return kit.TodayFor(f.u) }), nil),
		kit.Captioned("to", kit.DateField(f.to, func() string { return kit.TodayFor(f.u) }), nil),
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
			kit.Captioned("Signed off on", kit.DateField(f.signedOn, func() string { return kit.TodayFor(f.u) }), nil),
			container.NewVBox(kit.DiaryGap(theme.TextSize()), container.NewHBox(f.signBtn, f.unsignBtn))),
		f.signErr,
	)
	body := container.NewVBox(
		when,
		widget.NewSeparator(), entries,
		widget.NewSeparator(), kit.Subheading("Notes"), f.Notes, f.notesErr,
		widget.NewSeparator(), actions,
		widget.NewSeparator(), sign,
	)
	scroll := container.NewVScroll(container.New(&kit.DiaryReadingWidth{Width: 820}, container.NewPadded(body)))
	f.root = kit.EditorWithFooter(container.NewPadded(top), scroll, foot)
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
	f.markReceived(ss.ID)
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
	kit.SetSoft(f.savedNote, kit.AutosaveNote)
}

// period is the period the form lists entries for.
func (f *supervisionForm) period() (string, string) {
	from, to := strings.TrimSpace(f.from.Text), strings.TrimSpace(f.to.Text)
	if kit.DateProblem(from, false) != "" || kit.DateProblem(to, false) != "" {
		return "", ""
	}
	return from, to
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
	f.Edited()
}

// markReceived says, for a session received in a supervision reply, who
// wrote it, and notes which of its entries were edited after they were
// sent.
func (f *supervisionForm) markReceived(id string) {
	f.changedSince = nil
	f.Received.Hide()
	if id == "" {
		return
	}
	from, ok, err := teamwork.ReceivedFrom(f.u.DB(), id)
	if err != nil || !ok {
		return
	}
	f.Received.SetText("Written by " + from + " and received in her supervision reply. Entries you edited after sending them are marked.")
	f.Received.Show()
	f.changedSince, _ = teamwork.ChangedSinceSent(f.u.DB(), id)
}
