package directory

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/ui/kit"
)

// directoryAll is the category filter's "no filter" choice.
const directoryAll = "All categories"

// directoryScreen is the directory of partner agencies: a searchable list
// filtered by category on the left, the chosen agency's details (to read
// and edit) on the right.
type DirectoryScreen struct {
	u        kit.Env
	search   *widget.Entry
	category *widget.Select
	count    *widget.Label
	List     *widget.List
	Agencies []notes.Agency

	detail   *fyne.Container
	form     *agencyForm // the form shown, or nil
	selected string
	root     fyne.CanvasObject
}

// New builds the Directory section's screen for the open session.
func New(u kit.Env) *DirectoryScreen {
	s := &DirectoryScreen{u: u}
	s.search = kit.SearchBox("Name, area, service or contact", s.reload)
	s.category = widget.NewSelect(append([]string{directoryAll}, notes.AgencyCategory.LabelList()...), func(string) { s.reload() })
	s.category.Selected = directoryAll
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance

	s.List = kit.RecordList(&s.Agencies, newAgencyRow, func(o fyne.CanvasObject, x notes.Agency) { fillAgencyRow(o, x, kit.TodayFor(u)) }, func(x notes.Agency) {
		if x.ID != s.selected {
			s.showAgency(x.ID)
		}
	})

	add := widget.NewButtonWithIcon("Add an agency", theme.ContentAddIcon(), s.startAdding)
	add.Importance = widget.HighImportance
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(add), kit.Heading("Directory")),
		s.search,
		s.category,
		s.count,
	)
	s.detail = container.NewStack()
	split := kit.ListPane(container.NewPadded(container.NewBorder(top, nil, nil, nil, s.List)), s.detail)
	s.root = split
	s.reload()
	if !s.restoreDraft() {
		s.showNothing()
	}
	return s
}

func (s *DirectoryScreen) Content() fyne.CanvasObject { return s.root }

// reload lists the agencies matching the search and category.
func (s *DirectoryScreen) reload() {
	f := notes.AgencyFilter{Text: strings.TrimSpace(s.search.Text)}
	if s.category.Selected != directoryAll {
		if v, ok := notes.AgencyCategory.ValueOf(s.category.Selected); ok {
			f.Category = v
		}
	}
	list, err := s.u.Notes().ListAgencies(f)
	if err != nil {
		kit.ShowError(s.u.Window(), "The directory could not be read", err)
		return
	}
	s.Agencies = list
	switch len(list) {
	case 0:
		s.count.SetText("No agencies to show")
	case 1:
		s.count.SetText("1 agency")
	default:
		s.count.SetText(fmt.Sprintf("%d agencies", len(list)))
	}
	s.List.UnselectAll()
	s.List.Refresh()
	for i, a := range list {
		if a.ID == s.selected {
			s.List.Select(i)
			break
		}
	}
}

// showNothing says what the right-hand side is for.
func (s *DirectoryScreen) showNothing() {
	if s.form != nil {
		s.form.Close() // thrown away (Cancel) or deleted: no autosave after
	}
	s.form, s.selected = nil, ""
	all, err := s.u.Notes().ListAgencies(notes.AgencyFilter{})
	if err == nil && len(all) == 0 {
		s.setDetail(kit.EmptyState("No agencies yet",
			"Add the housing teams, probation offices, drug and alcohol services and others you refer women to, with a key contact, so what you know stays with the team."))
		return
	}
	s.setDetail(kit.EmptyState("Choose an agency", "Its services, key contact and how to reach them are shown here to read and update."))
}

func (s *DirectoryScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// showAgency shows one agency's form.
func (s *DirectoryScreen) showAgency(id string) {
	if !s.leaveForm() {
		return
	}
	a, err := s.u.Notes().GetAgency(id)
	if err != nil {
		kit.ShowError(s.u.Window(), "The agency could not be opened", err)
		return
	}
	s.selected = id
	s.form = newAgencyForm(s, a)
	s.setDetail(s.form.Content())
}

// startAdding shows an empty form for a new agency.
func (s *DirectoryScreen) startAdding() {
	if !s.leaveForm() {
		return
	}
	s.List.UnselectAll()
	s.selected = ""
	s.form = newAgencyForm(s, &notes.Agency{})
	s.setDetail(s.form.Content())
	s.u.Window().Canvas().Focus(s.form.name)
}

// saved is called by the form after a save: the list and the form show
// the agency as stored, with a word that it was saved.
func (s *DirectoryScreen) saved(id string) {
	s.selected = id
	s.reload()
	if s.indexOf(id) < 0 {
		// The filter hides it: clear the filter so it can be seen.
		s.search.SetText("")
		s.category.SetSelected(directoryAll)
	}
	s.showAgency(id)
	if s.form != nil {
		s.form.saved.Saved(s.u)
	}
}

// savedInPlace is called after the form saved itself: the list shows the
// agency as stored, and the form stays as it is.
func (s *DirectoryScreen) savedInPlace(id string) {
	s.selected = id
	s.reload()
}

// leaveForm saves the agency being edited before another is shown; when
// it cannot be saved yet it stays, with the note saying what is missing,
// so nothing typed is lost. It reports whether the form may be left.
func (s *DirectoryScreen) leaveForm() bool {
	if s.form == nil || !s.form.Dirty {
		return true
	}
	if s.form.store(true) {
		s.form.Close()
		return true
	}
	s.reload() // the list shows the agency still being edited
	return false
}

// BeforeLock saves the agency being edited, or keeps it as a draft when
// it cannot be saved yet, so nothing typed is lost.
func (s *DirectoryScreen) BeforeLock() {
	if s.form != nil && s.form.Dirty && !s.form.store(true) {
		s.form.keepDraft()
	}
}

func (s *DirectoryScreen) indexOf(id string) int {
	return kit.IndexOfID(s.Agencies, id, func(x notes.Agency) string { return x.ID })
}

// deleted is called by the form after the agency was deleted.
func (s *DirectoryScreen) deleted() {
	dropAgencyDraft(s.u)
	s.selected = ""
	s.reload()
	s.showNothing()
}

// open shows one agency.
// Open shows the record (or the query) the route names.
func (s *DirectoryScreen) Open(r kit.Route) { s.open(r.ID) }

func (s *DirectoryScreen) open(id string) {
	if s.indexOf(id) < 0 {
		s.search.SetText("")
		s.category.SetSelected(directoryAll)
	}
	s.showAgency(id)
	if i := s.indexOf(id); i >= 0 {
		s.List.Select(i)
		s.List.ScrollTo(i)
	}
}

// refresh reloads the list when the section is shown again.
func (s *DirectoryScreen) Reload() { s.reload() }

// save is Ctrl+S: it saves the agency being edited.
func (s *DirectoryScreen) Save() {
	if s.form != nil {
		s.form.save()
	}
}

func newAgencyRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Agency", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	more := widget.NewLabel("")
	more.Truncation = fyne.TextTruncateEllipsis
	more.SizeName = theme.SizeNameCaptionText
	return container.New(&kit.TightRowsLayout{}, name, more)
}

func fillAgencyRow(o fyne.CanvasObject, a notes.Agency, today string) {
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(a.Name)
	var bits []string
	if a.Category != "" {
		bits = append(bits, notes.AgencyCategory.Label(a.Category))
	}
	if a.Area != "" {
		bits = append(bits, a.Area)
	}
	if agencyNeedsChecking(a.LastChecked, today) {
		bits = append(bits, "details to check")
	}
	c.Objects[1].(*widget.Label).SetText(strings.Join(bits, " · "))
}

// agencyNeedsChecking reports whether details last checked on date (or
// never) are more than a year old.
func agencyNeedsChecking(date, today string) bool {
	if date == "" {
		return true
	}
	n, ok := kit.DaysBetween(date, today)
	return ok && n > 365
}

// confirmDeleteAgency asks before deleting an agency.
func confirmDeleteAgency(u kit.Env, a *notes.Agency, done func()) {
	dialog.ShowConfirm("Delete this agency?",
		"“"+a.Name+"” will be removed from the directory. Actions that named it keep their text.",
		func(ok bool) {
			if !ok {
				return
			}
			if err := u.Notes().DeleteAgency(a.ID); err != nil {
				kit.ShowError(u.Window(), "The agency could not be deleted", err)
				return
			}
			u.Changed()
			done()
		}, u.Window())
}
