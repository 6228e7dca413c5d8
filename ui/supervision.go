package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
)

// supervisionScreen lists the supervision sessions on the left and shows
// one session's form on the right; with no session open, the right shows
// the supervision actions still open. Ctrl+P makes the supervision pack.
type supervisionScreen struct {
	u Env

	list     *widget.List
	sessions []diary.SessionSummary
	count    *widget.RichText

	detail   *fyne.Container
	form     *supervisionForm
	selected string

	actions     *widget.List
	openActions []diary.OpenAction
	actionsBody *fyne.Container
	actionsNote *widget.RichText
	drafts      *fyne.Container
	overview    fyne.CanvasObject

	root fyne.CanvasObject
}

func newSupervisionScreen(u Env) *supervisionScreen {
	s := &supervisionScreen{u: u}
	s.count = soft("")
	s.list = recordList(&s.sessions, newSupervisionRow, fillSupervisionRow, func(x diary.SessionSummary) {
		if x.ID != s.selected {
			s.showSession(x.ID)
		}
	})

	add := widget.NewButtonWithIcon("New session", theme.ContentAddIcon(), s.newSession)
	add.Importance = widget.HighImportance
	pack := widget.NewButtonWithIcon("Supervision pack PDF…", theme.DocumentPrintIcon(), s.Print)
	overview := widget.NewButtonWithIcon("Open actions", theme.ListIcon(), s.showOverview)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, add, heading("Supervision")),
		overview, pack,
		s.count,
	)
	left := container.NewBorder(top, nil, nil, nil, s.list)

	s.buildOverview()
	s.detail = container.NewStack()
	split := container.NewHSplit(container.NewPadded(left), s.detail)
	split.Offset = 0.32
	s.root = split
	s.reload()
	s.showOverview()
	return s
}

func (s *supervisionScreen) Content() fyne.CanvasObject { return s.root }

// reload lists the sessions, newest first.
func (s *supervisionScreen) reload() {
	sessions, err := s.u.Diary().ListSessions("", "")
	if err != nil {
		showError(s.u.Window(), "The supervision sessions could not be read", err)
		return
	}
	s.sessions = sessions
	switch n := len(sessions); n {
	case 0:
		setSoft(s.count, "No sessions yet")
	case 1:
		setSoft(s.count, "1 session")
	default:
		setSoft(s.count, fmt.Sprintf("%d sessions, newest first", n))
	}
	s.list.UnselectAll()
	s.list.Refresh()
	for i, ss := range sessions {
		if ss.ID == s.selected {
			s.list.Select(i)
		}
	}
}

// buildOverview makes the "open actions" page.
func (s *supervisionScreen) buildOverview() {
	s.actions = widget.NewList(
		func() int { return len(s.openActions) },
		newSupervisionActionLine,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.openActions) {
				s.fillActionLine(o, s.openActions[i])
			}
		},
	)
	s.actions.OnSelected = func(i widget.ListItemID) {
		s.actions.UnselectAll()
		if i < len(s.openActions) {
			s.showSession(s.openActions[i].SessionID)
		}
	}
	s.actionsNote = soft("")
	s.actionsBody = container.NewStack(s.actions)
	intro := soft("Actions agreed at supervision and not yet done, soonest due first. They also appear on Today. Choose one to open its session.")
	s.drafts = container.NewVBox()
	top := container.NewVBox(s.drafts, subheading("Open supervision actions"), intro, s.actionsNote)
	s.overview = container.NewPadded(container.NewBorder(top, nil, nil, nil, s.actionsBody))
}

// showOverview closes the open session and shows the open actions.
func (s *supervisionScreen) showOverview() {
	if !s.closeForm() {
		return
	}
	s.selected = ""
	s.list.UnselectAll()
	s.loadActions()
	s.loadDrafts()
	s.setDetail(s.overview)
}

// loadDrafts offers the sessions kept as drafts (they could not be saved
// when the user left them), to carry on with.
func (s *supervisionScreen) loadDrafts() {
	all, err := s.u.Notes().ListDrafts()
	if err != nil {
		return
	}
	var objs []fyne.CanvasObject
	for _, d := range all {
		if d.Kind != supervisionDraftKind {
			continue
		}
		key := d.Key
		b := widget.NewButtonWithIcon("Carry on: "+d.Title, theme.DocumentCreateIcon(), func() { s.openDraft(key) })
		b.Alignment = widget.ButtonAlignLeading
		objs = append(objs, b)
	}
	if len(objs) > 0 {
		objs = append([]fyne.CanvasObject{subheading("Not saved yet")}, objs...)
		objs = append(objs, widget.NewSeparator())
	}
	s.drafts.Objects = objs
	s.drafts.Refresh()
}

// openDraft opens a session kept as a draft.
func (s *supervisionScreen) openDraft(key string) {
	body, ok, err := s.u.Notes().LoadDraft(key)
	if err != nil || !ok {
		if err != nil {
			showError(s.u.Window(), "The draft could not be read", err)
		}
		s.loadDrafts()
		return
	}
	s.closeForm()
	f, err := newSupervisionFormFromDraft(s.u, key, body, s.saved, s.deleted)
	if err != nil {
		showError(s.u.Window(), "The draft could not be opened", err)
		return
	}
	s.setForm(f, f.id)
}

// loadActions reads the open supervision actions.
func (s *supervisionScreen) loadActions() {
	acts, err := s.u.Diary().OpenActions()
	if err != nil {
		showError(s.u.Window(), "The open supervision actions could not be read", err)
		return
	}
	s.openActions = acts
	switch n := len(acts); n {
	case 0:
		sessions, _ := s.u.Diary().ListSessions("", "")
		if len(sessions) == 0 {
			s.actionsBody.Objects = []fyne.CanvasObject{emptyState("No supervision sessions yet",
				"Start one with “New session”: pick the diary entries marked for supervision, note your supervisor's comments on each, agree actions and sign it off. Signed-off entries show as discussed in the Diary.")}
		} else {
			s.actionsBody.Objects = []fyne.CanvasObject{emptyState("No open actions", "Every action agreed at supervision has been done.")}
		}
		setSoft(s.actionsNote, "")
	default:
		s.actionsBody.Objects = []fyne.CanvasObject{s.actions}
		if n == 1 {
			setSoft(s.actionsNote, "1 action open")
		} else {
			setSoft(s.actionsNote, fmt.Sprintf("%d actions open", n))
		}
	}
	s.actionsBody.Refresh()
	s.actions.Refresh()
}

func (s *supervisionScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// closeForm leaves the open session, saving it (or keeping it as a draft
// when it cannot be saved yet).
func (s *supervisionScreen) closeForm() bool {
	if s.form != nil {
		s.form.leave()
		s.form = nil
	}
	return true
}

// showSession opens session id.
func (s *supervisionScreen) showSession(id string) {
	if s.form != nil && s.form.id == id {
		return
	}
	s.closeForm()
	ss, err := s.u.Diary().GetSession(id)
	if err != nil {
		showError(s.u.Window(), "The supervision session could not be opened", err)
		s.reload()
		return
	}
	s.setForm(newSupervisionForm(s.u, ss, s.saved, s.deleted), id)
}

func (s *supervisionScreen) setForm(f *supervisionForm, id string) {
	s.form = f
	s.selected = id
	s.setDetail(f.Content())
	s.list.UnselectAll()
	for i, ss := range s.sessions {
		if ss.ID == id {
			s.list.Select(i)
			s.list.ScrollTo(i)
		}
	}
}

// newSession starts a session dated today with the usual supervisor.
func (s *supervisionScreen) newSession() {
	s.closeForm()
	ss := &diary.Session{Date: todayFor(s.u),
		Supervisor: strings.TrimSpace(s.u.Notes().GetSetting(supervisionSupervisorKey, ""))}
	f := newSupervisionForm(s.u, ss, s.saved, s.deleted)
	s.setForm(f, "")
	s.u.Window().Canvas().Focus(f.date)
}

func (s *supervisionScreen) saved(id string) {
	s.selected = id
	s.reload()
}

func (s *supervisionScreen) deleted() {
	s.form = nil
	s.selected = ""
	s.reload()
	s.showOverview()
}

// open shows session id.
// Open shows the supervision session the route names.
func (s *supervisionScreen) Open(r Route) { s.open(r.ID) }

func (s *supervisionScreen) open(id string) {
	s.reload()
	s.showSession(id)
}

// refresh reloads the list, and the open actions when they are shown.
func (s *supervisionScreen) Reload() {
	s.reload()
	if s.form == nil {
		s.loadActions()
	} else {
		s.form.refreshCandidates()
	}
}

// save writes the open session (Ctrl+S).
func (s *supervisionScreen) Save() {
	if s.form != nil {
		s.form.save()
	}
}

// beforeLock keeps the open session before the vault locks.
func (s *supervisionScreen) BeforeLock() {
	if s.form != nil {
		s.form.leave()
	}
}

// print makes the supervision pack (Ctrl+P).
func (s *supervisionScreen) Print() {
	from, to := "", ""
	if s.form != nil {
		from, to = s.form.period()
	}
	showSupervisionPackDialog(s.u, from, to)
}

// supervisionRow is one line of the list of sessions.
type supervisionRow struct {
	widget.BaseWidget
	box   *fyne.Container
	date  *widget.Label
	state *widget.Label
	meta  *widget.RichText
}

func newSupervisionRow() fyne.CanvasObject {
	r := &supervisionRow{}
	r.date = widget.NewLabelWithStyle("30 Sep 2025", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.state = widget.NewLabel("Not signed off")
	r.state.SizeName = theme.SizeNameCaptionText
	r.meta = diaryMutedLine()
	r.box = container.New(&stackLayout{gap: -2 * theme.Padding()},
		container.NewBorder(nil, nil, nil, r.state, r.date), r.meta)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's parts.
func (r *supervisionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.box)
}

func fillSupervisionRow(o fyne.CanvasObject, ss diary.SessionSummary) {
	r := o.(*supervisionRow)
	r.date.SetText(shortDate(ss.Date))
	if ss.SignedOffOn != "" {
		r.state.SetText("Signed off")
		r.state.Importance = widget.SuccessImportance
	} else {
		r.state.SetText("Not signed off")
		r.state.Importance = widget.WarningImportance
	}
	r.state.Refresh()
	var parts []string
	if ss.Supervisor != "" {
		parts = append(parts, ss.Supervisor)
	}
	parts = append(parts, supervisionCount(ss.Entries, "entry", "entries"))
	if ss.OpenActions > 0 {
		parts = append(parts, supervisionCount(ss.OpenActions, "open action", "open actions"))
	}
	setSoft(r.meta, strings.Join(parts, " · "))
}

// supervisionCount is "1 entry" or "3 entries".
func supervisionCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// supervisionActionLine is one open action: what, then whose, due when and
// from which session, with a button to mark it done today.
type supervisionActionLine struct {
	widget.BaseWidget
	box  *fyne.Container
	text *widget.Label
	meta *widget.RichText
	done *widget.Button
}

func newSupervisionActionLine() fyne.CanvasObject {
	r := &supervisionActionLine{}
	r.text = widget.NewLabel("")
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.meta = diaryMutedLine()
	r.done = widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), nil)
	r.box = container.NewBorder(nil, nil, nil, container.NewCenter(r.done),
		container.New(&stackLayout{gap: -2 * theme.Padding()}, r.text, r.meta))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the line's parts.
func (r *supervisionActionLine) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.box)
}

func (s *supervisionScreen) fillActionLine(o fyne.CanvasObject, a diary.OpenAction) {
	r := o.(*supervisionActionLine)
	r.text.SetText(a.Text)
	var parts []string
	if a.Due != "" {
		due := "due " + shortDate(a.Due)
		if a.Due < todayFor(s.u) {
			due = "overdue since " + shortDate(a.Due)
		}
		parts = append(parts, due)
	}
	if a.Owner != "" {
		parts = append(parts, a.Owner)
	}
	parts = append(parts, "agreed "+shortDate(a.SessionDate))
	setSoft(r.meta, strings.Join(parts, " · "))
	r.done.OnTapped = func() { s.markDone(a) }
}

// markDone records that an open action was done today.
func (s *supervisionScreen) markDone(a diary.OpenAction) {
	if err := s.u.Diary().SetActionDone(a.SessionID, a.Position, todayFor(s.u)); err != nil {
		showError(s.u.Window(), "The action could not be marked done", err)
		return
	}
	s.u.Changed()
	s.reload()
	s.loadActions()
}
