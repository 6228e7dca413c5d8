package women

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// The status filter's choices besides the statuses themselves.
const (
	womenAnyStatus = "Any status"
	womenInCustody = "In custody"
)

// womenOpenNew is the id that opens the "Add a woman" form.
const womenOpenNew = "new"

// womenScreen is the list of women on the left (searchable, filtered by
// status) and, on the right, her page or the form to add a woman.
type WomenScreen struct {
	u kit.Env

	search     *widget.Entry
	status     *widget.Select
	showClosed *widget.Check
	count      *widget.Label
	list       *widget.List
	people     []notes.PersonSummary

	detail   *fyne.Container
	Page     *womanPage  // her page while one is shown
	Adding   *personForm // the add form while it is shown
	Selected string      // her id while her page is shown
	root     fyne.CanvasObject
}

// New builds the Women section's screen for the open session.
func New(u kit.Env) *WomenScreen {
	s := &WomenScreen{u: u}
	s.search = kit.SearchBox("Name, pseudonym or number", s.reload)

	options := append([]string{womenAnyStatus, womenInCustody}, schema.PersonStatus.LabelList()...)
	s.status = widget.NewSelect(options, func(string) { s.reload() })
	s.status.Selected = womenAnyStatus
	s.showClosed = widget.NewCheck("Show closed", func(bool) { s.reload() })

	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance

	s.list = kit.RecordList(&s.people, newWomanRow, func(o fyne.CanvasObject, x notes.PersonSummary) { fillWomanRow(o, x, kit.TodayFor(u)) }, func(x notes.PersonSummary) {
		if x.ID != s.Selected {
			s.showPerson(x.ID)
		}
	})

	add := widget.NewButtonWithIcon("Add a woman", theme.ContentAddIcon(), s.startAdding)
	add.Importance = widget.HighImportance
	filters := container.NewBorder(nil, nil, nil, s.showClosed, s.status)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(add), kit.Heading("Women")),
		s.search,
		filters,
		s.count,
	)
	left := container.NewBorder(top, nil, nil, nil, s.list)

	s.detail = container.NewStack()
	split := kit.ListPane(container.NewPadded(left), s.detail)
	s.root = split
	s.reload()
	s.showNothing()
	// Carry on with a form left unsaved when the notebook locked.
	if id, ok := womanDraftOf(u.Notes()); ok {
		if id == "" {
			s.startAdding()
		} else if _, err := u.Notes().GetPerson(id); err == nil {
			s.open(id)
		} else if errors.Is(err, notes.ErrNotFound) {
			// Her record was erased: nothing to carry on with.
			u.Notes().DeleteDraft(womanDraftKey(id))
		}
	}
	return s
}

func (s *WomenScreen) Content() fyne.CanvasObject { return s.root }

// filter is what the search box, status and "show closed" ask for.
func (s *WomenScreen) filter() notes.PeopleFilter {
	f := notes.PeopleFilter{Text: strings.TrimSpace(s.search.Text), IncludeClosed: s.showClosed.Checked}
	switch s.status.Selected {
	case womenAnyStatus, "":
	case womenInCustody:
		f.InCustodyOnly = true
	default:
		if v, ok := schema.PersonStatus.ValueOf(s.status.Selected); ok {
			f.Statuses = []string{v}
		}
	}
	return f
}

// reload lists the women matching the filter, keeping her selected if she
// is still listed.
func (s *WomenScreen) reload() {
	people, err := s.u.Notes().ListPeople(s.filter())
	if err != nil {
		kit.ShowError(s.u.Window(), "The list of women could not be read", err)
		return
	}
	s.people = people
	switch n := len(people); {
	case n == 0 && s.search.Text != "":
		s.count.SetText("No woman matches “" + strings.TrimSpace(s.search.Text) + "”")
	case n == 0:
		s.count.SetText("No women to show")
	case n == 1:
		s.count.SetText("1 woman")
	default:
		s.count.SetText(fmt.Sprintf("%d women", n))
	}
	s.list.UnselectAll()
	s.list.Refresh()
	if i := s.indexOf(s.Selected); i >= 0 {
		s.list.Select(i)
	}
}

func (s *WomenScreen) indexOf(id string) int {
	return kit.IndexOfID(s.people, id, func(x notes.PersonSummary) string { return x.ID })
}

// showNothing shows what the right-hand side is for.
func (s *WomenScreen) showNothing() {
	s.Page, s.Adding, s.Selected = nil, nil, ""
	var msg fyne.CanvasObject
	if total, err := s.u.Notes().ListPeople(notes.PeopleFilter{IncludeClosed: true}); err == nil && len(total) == 0 {
		msg = kit.EmptyState("No women yet",
			"Add the first woman you support with “Add a woman”. Her page will gather her needs, release plan, actions and everything recorded about her, so she never has to tell her story twice.")
	} else {
		msg = kit.EmptyState("Choose a woman", "Her page shows her details, needs, release plan, actions and her whole timeline.")
	}
	s.setDetail(msg)
}

func (s *WomenScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// leaveDetail keeps what is typed on the right-hand side (as drafts)
// before it is replaced.
func (s *WomenScreen) leaveDetail() {
	if s.Adding != nil {
		s.Adding.keepDraft()
	}
	if s.Page != nil {
		s.Page.flush()
	}
}

// showPerson shows her page.
func (s *WomenScreen) showPerson(id string) {
	s.leaveDetail()
	p, err := newWomanPage(s.u, id, s.personChanged)
	if err != nil {
		kit.ShowError(s.u.Window(), "Her record could not be opened", err)
		return
	}
	s.Page, s.Adding, s.Selected = p, nil, id
	s.setDetail(p.Content())
}

// personChanged reloads the list after her details were saved (her name or
// status may have changed).
func (s *WomenScreen) personChanged(id string) {
	if _, err := s.u.Notes().GetPerson(id); err != nil {
		// She is gone (handed over and erased): her page goes too.
		s.Selected = ""
		s.reload()
		s.showNothing()
		return
	}
	s.Selected = id
	s.reload()
}

// startAdding shows the empty form to add a woman.
func (s *WomenScreen) startAdding() {
	s.leaveDetail()
	s.list.UnselectAll()
	s.Page, s.Selected = nil, ""
	form := newPersonForm(s.u, &notes.Person{}, func(p *notes.Person) {
		s.Adding = nil
		s.search.SetText("")
		if p.Status == "closed" {
			s.showClosed.SetChecked(true)
		}
		s.open(p.ID)
	}, s.showNothing)
	s.Adding = form
	title := container.NewVBox(kit.Heading("Add a woman"),
		kit.Muted("Dates can be typed as 2025-07-04, 4/7/2025 or “today”, or picked from the calendar."))
	s.setDetail(form.withBar(container.NewPadded(title)))
	form.restoreDraft()
	form.focusFirst()
}

// open shows her page, clearing filters that would hide her. The id "new"
// opens the form to add a woman.
// Open shows her page, or the form for a new woman.
func (s *WomenScreen) Open(r kit.Route) {
	if r.New {
		s.startAdding()
		return
	}
	s.open(r.ID)
	if r.Part == kit.PartReadings && s.Page != nil && s.Page.id == r.ID {
		s.Page.tabs.SelectIndex(womanTabReadings)
	}
}

func (s *WomenScreen) open(id string) {
	if id == womenOpenNew {
		s.startAdding()
		return
	}
	if s.indexOf(id) < 0 {
		s.search.OnChanged = nil
		s.search.SetText("")
		s.search.OnChanged = func(string) { s.reload() }
		s.status.Selected = womenAnyStatus
		s.status.Refresh()
		if p, err := s.u.Notes().GetPerson(id); err == nil && p.Status == "closed" {
			s.showClosed.Checked = true
			s.showClosed.Refresh()
		}
		s.reload()
	}
	s.showPerson(id)
	if i := s.indexOf(id); i >= 0 {
		s.list.Select(i)
		s.list.ScrollTo(i)
	}
}

// refresh reloads the list and her page when the section is shown again.
func (s *WomenScreen) Reload() {
	s.reload()
	if s.Page != nil {
		s.Page.reload()
	}
}

// save is Ctrl+S: it saves the form that is open.
func (s *WomenScreen) Save() {
	switch {
	case s.Adding != nil:
		s.Adding.save()
	case s.Page != nil:
		s.Page.Save()
	}
}

// beforeLock saves her page's notes in progress and keeps forms not yet
// saved as drafts.
func (s *WomenScreen) BeforeLock() { s.leaveDetail() }

// newWomanRow is the template of one line of the list: her name and
// prison number on the first line; her status, place and release date
// below.
func newWomanRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	number := widget.NewLabel("A1234BC")
	number.Importance = widget.LowImportance
	number.SizeName = theme.SizeNameCaptionText
	more := widget.NewLabel("")
	more.Truncation = fyne.TextTruncateEllipsis
	more.SizeName = theme.SizeNameCaptionText
	return container.New(&womanRowLayout{}, name, number, more)
}

func fillWomanRow(o fyne.CanvasObject, p notes.PersonSummary, today string) {
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(p.Name)
	c.Objects[1].(*widget.Label).SetText(p.PrisonNumber)
	bits := []string{schema.PersonStatus.Label(p.Status)}
	if p.EstablishmentName != "" && p.Status != "closed" {
		bits = append(bits, p.EstablishmentName)
	}
	switch {
	case p.ReleaseDate != "" && p.ReleaseDate >= today && p.ClosedOn == "":
		r := "release " + kit.DateWords(p.ReleaseDate, today)
		if !p.ReleaseDateConfirmed {
			r += " (estimated)"
		}
		bits = append(bits, r)
	case p.LastContact != "":
		bits = append(bits, "last seen "+kit.DateWords(p.LastContact, today))
	}
	c.Objects[2].(*widget.Label).SetText(strings.Join(bits, " · "))
}

// womanRowLayout puts the name (shortened if need be) and her prison
// number on one line and the details on a second, tighter line.
type womanRowLayout struct{}

func (l *womanRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	top := max(objs[0].MinSize().Height, objs[1].MinSize().Height)
	return fyne.NewSize(objs[1].MinSize().Width+60, top+objs[2].MinSize().Height-2*theme.Padding())
}

func (l *womanRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	name, number, more := objs[0], objs[1], objs[2]
	top := name.MinSize().Height
	nw, nh := number.MinSize().Width, number.MinSize().Height
	if number.(*widget.Label).Text == "" {
		nw = 0
	}
	number.Resize(fyne.NewSize(nw, nh))
	right := size.Width - theme.Padding()
	number.Move(fyne.NewPos(right-nw, (top-nh)/2+1))
	name.Resize(fyne.NewSize(max(right-nw, 0), top))
	name.Move(fyne.NewPos(0, 0))
	more.Resize(fyne.NewSize(size.Width, more.MinSize().Height))
	more.Move(fyne.NewPos(0, top-2*theme.Padding()))
}
