package supervision

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/notes"
	"inreach/ui/kit"
)

// supervisionScreen lists the supervision sessions on the left and shows
// one session's form on the right; with no session open, the right shows
// the supervision actions still open. Ctrl+P makes the supervision pack.
type SupervisionScreen struct {
	u kit.Env

	list     *widget.List
	Sessions []diary.SessionSummary
	count    *widget.RichText

	detail   *fyne.Container
	Form     *supervisionForm
	selected string

	actions     *widget.List
	OpenActions []diary.OpenAction
	actionsBody *fyne.Container
	actionsNote *widget.RichText
	drafts      *fyne.Container
	overview    fyne.CanvasObject

	// Supervisees is the supervisor's view of the packs she received.
	Supervisees *SuperviseesView

	root fyne.CanvasObject
}

// New builds the Supervision section's screen for the open session.
func New(u kit.Env) *SupervisionScreen {
	s := &SupervisionScreen{u: u}
	s.count = kit.Soft("")
	s.list = kit.RecordList(&s.Sessions, newSupervisionRow, fillSupervisionRow, func(x diary.SessionSummary) {
		if x.ID != s.selected {
			s.ShowSession(x.ID)
		}
	})

	add := widget.NewButtonWithIcon("New session", theme.ContentAddIcon(), s.NewSession)
	add.Importance = widget.HighImportance
	pack := widget.NewButtonWithIcon("Supervision pack PDF…", theme.DocumentPrintIcon(), s.Print)
	overview := widget.NewButtonWithIcon("Open actions", theme.ListIcon(), s.ShowOverview)
	send := widget.NewButtonWithIcon("Send for supervision…", theme.MailSendIcon(), s.SendForSupervision)
	theirs := widget.NewButtonWithIcon("Supervisees", theme.AccountIcon(), s.ShowSupervisees)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, add, kit.Heading("Supervision")),
		overview, pack, send, theirs,
		s.count,
	)
	left := container.NewBorder(top, nil, nil, nil, s.list)

	s.buildOverview()
	s.detail = container.NewStack()
	split := kit.ListPane(container.NewPadded(left), s.detail)
	s.root = split
	s.reload()
	s.ShowOverview()
	return s
}

func (s *SupervisionScreen) Content() fyne.CanvasObject { return s.root }

// reload lists the sessions, newest first.
func (s *SupervisionScreen) reload() {
	sessions, err := s.u.Diary().ListSessions("", "")
	if err != nil {
		kit.ShowError(s.u.Window(), "The supervision sessions could not be read", err)
		return
	}
	s.Sessions = sessions
	switch n := len(sessions); n {
	case 0:
		kit.SetSoft(s.count, "No sessions yet")
	case 1:
		kit.SetSoft(s.count, "1 session")
	default:
		kit.SetSoft(s.count, fmt.Sprintf("%d sessions, newest first", n))
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
func (s *SupervisionScreen) buildOverview() {
	s.actions = widget.NewList(
		func() int { return len(s.OpenActions) },
		newSupervisionActionLine,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.OpenActions) {
				s.fillActionLine(o, s.OpenActions[i])
			}
		},
	)
	s.actions.OnSelected = func(i widget.ListItemID) {
		s.actions.UnselectAll()
		if i < len(s.OpenActions) {
			s.ShowSession(s.OpenActions[i].SessionID)
		}
	}
	s.actionsNote = kit.Soft("")
	s.actionsBody = container.NewStack(s.actions)
	intro := kit.Soft("Actions agreed at supervision and not yet done, soonest due first. They also appear on Today. Choose one to open its session.")
	s.drafts = container.NewVBox()
	top := container.NewVBox(s.drafts, kit.Subheading("Open supervision actions"), intro, s.actionsNote)
	s.overview = container.NewPadded(container.NewBorder(top, nil, nil, nil, s.actionsBody))
}

// ShowSupervisees closes the open session and shows the supervisor's
// view of the packs her supervisees sent.
func (s *SupervisionScreen) ShowSupervisees() {
	if !s.closeForm() {
		return
	}
	s.selected = ""
	s.list.UnselectAll()
	if s.Supervisees == nil {
		s.Supervisees = NewSuperviseesView(s.u)
	} else {
		s.Supervisees.Reload()
	}
	s.setDetail(s.Supervisees.Content())
}

// showOverview closes the open session and shows the open actions.
func (s *SupervisionScreen) ShowOverview() {
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
func (s *SupervisionScreen) loadDrafts() {
	all, err := s.u.Notes().ListDrafts()
	if err != nil {
		return
	}
	objs := kit.CarryOn(all, supervisionDraftKind, nil, 0, s.openDraft)
	if len(objs) > 0 {
		objs = append([]fyne.CanvasObject{kit.Subheading("Not saved yet")}, objs...)
		objs = append(objs, widget.NewSeparator())
	}
	s.drafts.Objects = objs
	s.drafts.Refresh()
}

// openDraft opens a session kept as a draft.
func (s *SupervisionScreen) openDraft(key string) {
	body, ok, err := s.u.Notes().LoadDraft(key)
	if err != nil || !ok {
		if err != nil {
			kit.ShowError(s.u.Window(), "The draft could not be read", err)
		}
		s.loadDrafts()
		return
	}
	s.closeForm()
	f, err := newSupervisionFormFromDraft(s.u, key, body, s.saved, s.deleted)
	if err != nil {
		kit.ShowError(s.u.Window(), "The draft could not be opened", err)
		return
	}
	s.setForm(f, f.Id)
}

// loadActions reads the open supervision actions.
func (s *SupervisionScreen) loadActions() {
	acts, err := s.u.Diary().OpenActions()
	if err != nil {
		kit.ShowError(s.u.Window(), "The open supervision actions could not be read", err)
		return
	}
	s.OpenActions = acts
	switch n := len(acts); n {
	case 0:
		sessions, _ := s.u.Diary().ListSessions("", "")
		if len(sessions) == 0 {
			s.actionsBody.Objects = []fyne.CanvasObject{kit.EmptyState("No supervision sessions yet",
				"Start one with “New session”: pick the diary entries marked for supervision, note your supervisor's comments on each, agree actions and sign it off. Signed-off entries show as discussed in the Diary.")}
		} else {
			s.actionsBody.Objects = []fyne.CanvasObject{kit.EmptyState("No open actions", "Every action agreed at supervision has been done.")}
		}
		kit.SetSoft(s.actionsNote, "")
	default:
		s.actionsBody.Objects = []fyne.CanvasObject{s.actions}
		if n == 1 {
			kit.SetSoft(s.actionsNote, "1 action open")
		} else {
			kit.SetSoft(s.actionsNote, fmt.Sprintf("%d actions open", n))
		}
	}
	s.actionsBody.Refresh()
	s.actions.Refresh()
}

func (s *SupervisionScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// closeForm leaves the open session, saving it (or keeping it as a draft
// when it cannot be saved yet).
func (s *SupervisionScreen) closeForm() bool {
	if s.Form != nil {
		s.Form.leave()
		s.Form = nil
	}
	s.Supervisees.flush()
	return true
}

// showSession opens session id.
func (s *SupervisionScreen) ShowSession(id string) {
	if s.Form != nil && s.Form.Id == id {
		return
	}
	s.closeForm()
	ss, err := s.u.Diary().GetSession(id)
	if err != nil {
		kit.ShowError(s.u.Window(), "The supervision session could not be opened", err)
		s.reload()
		return
	}
	s.setForm(newSupervisionForm(s.u, ss, s.saved, s.deleted), id)
}

func (s *SupervisionScreen) setForm(f *supervisionForm, id string) {
	s.Form = f
	s.selected = id
	s.setDetail(f.Content())
	s.list.UnselectAll()
	for i, ss := range s.Sessions {
		if ss.ID == id {
			s.list.Select(i)
			s.list.ScrollTo(i)
		}
	}
}

// newSession starts a session dated today with the usual supervisor.
func (s *SupervisionScreen) NewSession() {
	s.closeForm()
	ss := &diary.Session{Date: kit.TodayFor(s.u),
		Supervisor: strings.TrimSpace(s.u.Notes().GetSetting(notes.SettingSupervisor, ""))}
	f := newSupervisionForm(s.u, ss, s.saved, s.deleted)
	s.setForm(f, "")
	s.u.Window().Canvas().Focus(f.Date)
}

func (s *SupervisionScreen) saved(id string) {
	s.selected = id
	s.reload()
}

func (s *SupervisionScreen) deleted() {
	s.Form = nil
	s.selected = ""
	s.reload()
	s.ShowOverview()
}

// open shows session id.
// Open shows the supervision session the route names.
// The id SuperviseesRoute shows the Supervisees view, with the newest
// pack open.
func (s *SupervisionScreen) Open(r kit.Route) {
	if r.ID == SuperviseesRoute {
		s.ShowSupervisees()
		if len(s.Supervisees.Packs) > 0 {
			s.Supervisees.OpenPack(s.Supervisees.Packs[0].Sender)
		}
		return
	}
	s.open(r.ID)
}

// SuperviseesRoute is the route id of the Supervisees view.
const SuperviseesRoute = "supervisees"

func (s *SupervisionScreen) open(id string) {
	s.reload()
	s.ShowSession(id)
}

// refresh reloads the list, and the open actions when they are shown.
func (s *SupervisionScreen) Reload() {
	s.reload()
	if s.Form == nil {
		s.loadActions()
	} else {
		s.Form.refreshCandidates()
	}
}

// save writes the open session (Ctrl+S).
func (s *SupervisionScreen) Save() {
	if s.Form != nil {
		s.Form.save()
	}
}

// beforeLock keeps the open session before the vault locks.
func (s *SupervisionScreen) BeforeLock() {
	if s.Form != nil {
		s.Form.leave()
	}
	s.Supervisees.flush()
}

// print makes the supervision pack (Ctrl+P).
func (s *SupervisionScreen) Print() {
	from, to := "", ""
	if s.Form != nil {
		from, to = s.Form.period()
	}
	ShowSupervisionPackDialog(s.u, from, to)
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
	r.meta = kit.DiaryMutedLine()
	r.box = container.New(&kit.StackLayout{Gap: -2 * theme.Padding()},
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
	r.date.SetText(kit.ShortDate(ss.Date))
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
	kit.SetSoft(r.meta, strings.Join(parts, " · "))
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
	r.meta = kit.DiaryMutedLine()
	r.done = widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), nil)
	r.box = container.NewBorder(nil, nil, nil, container.NewCenter(r.done),
		container.New(&kit.StackLayout{Gap: -2 * theme.Padding()}, r.text, r.meta))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the line's parts.
func (r *supervisionActionLine) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.box)
}

func (s *SupervisionScreen) fillActionLine(o fyne.CanvasObject, a diary.OpenAction) {
	r := o.(*supervisionActionLine)
	r.text.SetText(a.Text)
	var parts []string
	if a.Due != "" {
		due := "due " + kit.ShortDate(a.Due)
		if a.Due < kit.TodayFor(s.u) {
			due = "overdue since " + kit.ShortDate(a.Due)
		}
		parts = append(parts, due)
	}
	if a.Owner != "" {
		parts = append(parts, a.Owner)
	}
	parts = append(parts, "agreed "+kit.ShortDate(a.SessionDate))
	kit.SetSoft(r.meta, strings.Join(parts, " · "))
	r.done.OnTapped = func() { s.MarkDone(a) }
}

// markDone records that an open action was done today.
func (s *SupervisionScreen) MarkDone(a diary.OpenAction) {
	if err := s.u.Diary().SetActionDone(a.SessionID, a.Position, kit.TodayFor(s.u)); err != nil {
		kit.ShowError(s.u.Window(), "The action could not be marked done", err)
		return
	}
	s.u.Changed()
	s.reload()
	s.loadActions()
}
