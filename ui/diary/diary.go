package diary

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
	"inreach/ui/supervision"
)

// The status and tag filters' "no filter" choices.
const (
	diaryAnyStatus = "Any status"
	diaryAnyTag    = "Any tag"
)

// diaryScreen is the reflective diary: a tab with the list of entries on
// the left (newest first, filtered by status, tag, period and text) and the
// entry being written on the right, and a tab gathering the learning across
// entries. Ctrl+Shift+N starts a new entry (newEntry); open(id) shows an
// entry, or the reflection on a contact.
type DiaryScreen struct {
	u kit.Env

	tabs     *container.AppTabs
	entryTab *container.TabItem

	search *widget.Entry
	status *widget.Select
	tag    *widget.Select
	period *widget.Select
	count  *widget.RichText
	list   *widget.List
	items  []diary.Summary

	drafts *fyne.Container // unsaved drafts to carry on with

	detail   *fyne.Container
	Editor   *diaryEditor
	selected string

	learning *learningView
	root     fyne.CanvasObject
}

// New builds the Diary section's screen for the open session.
func New(u kit.Env) *DiaryScreen {
	s := &DiaryScreen{u: u}
	s.search = kit.SearchBox("Words in an entry or its tags", s.reload)

	s.status = widget.NewSelect(append([]string{diaryAnyStatus}, schema.DiaryStatus.LabelList()...), func(string) { s.reload() })
	s.status.Selected = diaryAnyStatus
	s.tag = widget.NewSelect([]string{diaryAnyTag}, func(string) { s.reload() })
	s.tag.Selected = diaryAnyTag
	s.period = widget.NewSelect(kit.DiaryPeriods, func(string) { s.reload() })
	s.period.Selected = kit.DiaryAnyTime

	s.count = kit.Soft("")

	s.list = kit.RecordList(&s.items, newDiaryRow, fillDiaryRow, func(x diary.Summary) {
		if x.ID != s.selected {
			s.showEntry(x.ID)
		}
	})

	add := widget.NewButtonWithIcon("New entry", theme.ContentAddIcon(), s.newEntry)
	add.Importance = widget.HighImportance
	s.drafts = container.NewVBox()
	filters := container.NewGridWithColumns(2, s.status, s.tag)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, add, kit.Heading("Diary")),
		s.search,
		filters,
		s.period,
		s.drafts,
		s.count,
	)
	left := container.NewBorder(top, nil, nil, nil, s.list)

	s.detail = container.NewStack()
	split := container.NewHSplit(container.NewPadded(left), s.detail)
	split.Offset = 0.34

	s.learning = newLearningView(u, func(id string) {
		s.tabs.Select(s.entryTab)
		s.open(id)
	})
	s.entryTab = container.NewTabItemWithIcon("Entries", theme.DocumentCreateIcon(), split)
	s.tabs = container.NewAppTabs(s.entryTab,
		container.NewTabItemWithIcon("Learning across entries", theme.ListIcon(), s.learning.Content()))
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t != s.entryTab {
			if s.Editor != nil {
				s.Editor.flush()
			}
			s.learning.reload()
		}
	}
	s.root = s.tabs
	s.loadTags()
	s.reload()
	s.showNothing()
	return s
}

func (s *DiaryScreen) Content() fyne.CanvasObject { return s.root }

// filter is what the search box and the filters ask for.
func (s *DiaryScreen) filter() diary.Filter {
	f := diary.Filter{Text: strings.TrimSpace(s.search.Text)}
	if v, ok := schema.DiaryStatus.ValueOf(s.status.Selected); ok {
		f.Status = v
	}
	if s.tag.Selected != diaryAnyTag {
		f.Tag = diaryTagOf(s.tag.Selected)
	}
	f.From, f.To = kit.DiaryPeriod(s.period.Selected, kit.TodayFor(s.u))
	return f
}

// diaryTagOf takes the count off a tag choice ("housing (12)" → "housing").
func diaryTagOf(choice string) string {
	if i := strings.LastIndex(choice, " ("); i > 0 && strings.HasSuffix(choice, ")") {
		return choice[:i]
	}
	return choice
}

// loadTags fills the tag filter with every tag and how often it is used.
func (s *DiaryScreen) loadTags() {
	counts, err := s.u.Diary().TagCounts("", "")
	if err != nil {
		kit.ShowError(s.u.Window(), "The diary's tags could not be read", err)
		return
	}
	opts := []string{diaryAnyTag}
	keep := diaryAnyTag
	for _, tc := range counts {
		label := fmt.Sprintf("%s (%d)", tc.Tag, tc.Count)
		opts = append(opts, label)
		if s.tag.Selected != diaryAnyTag && diaryTagOf(s.tag.Selected) == tc.Tag {
			keep = label
		}
	}
	s.tag.Options = opts
	s.tag.Selected = keep
	s.tag.Refresh()
}

// reload lists the entries matching the filters, keeping the open one
// selected when it is listed.
func (s *DiaryScreen) reload() {
	items, err := s.u.Diary().List(s.filter())
	if err != nil {
		kit.ShowError(s.u.Window(), "The diary could not be read", err)
		return
	}
	s.items = items
	switch n := len(items); {
	case n == 0 && s.filtered():
		kit.SetSoft(s.count, "No entry matches these filters")
	case n == 0:
		kit.SetSoft(s.count, "No entries yet")
	case n == 1:
		kit.SetSoft(s.count, "1 entry")
	default:
		kit.SetSoft(s.count, fmt.Sprintf("%d entries, newest first", n))
	}
	s.list.UnselectAll()
	s.list.Refresh()
	if i := s.indexOf(s.selected); i >= 0 {
		s.list.Select(i)
	}
	s.loadDrafts()
}

func (s *DiaryScreen) filtered() bool {
	f := s.filter()
	return f.Text != "" || f.Status != "" || f.Tag != "" || f.From != "" || f.To != ""
}

func (s *DiaryScreen) indexOf(id string) int {
	return kit.IndexOfID(s.items, id, func(x diary.Summary) string { return x.ID })
}

// loadDrafts offers the diary drafts that could not be saved as entries,
// so the user can carry on with them.
func (s *DiaryScreen) loadDrafts() {
	all, err := s.u.Notes().ListDrafts()
	if err != nil {
		return
	}
	objs := kit.CarryOn(all, diaryDraftKind, func(d notes.DraftInfo) bool {
		return s.Editor == nil || s.Editor.Closed || d.Key != s.Editor.draftKey
	}, 3, s.openDraft)
	if len(objs) > 0 {
		objs = append([]fyne.CanvasObject{kit.Soft("Not saved yet:")}, objs...)
	}
	s.drafts.Objects = objs
	s.drafts.Refresh()
}

// openDraft puts a kept draft back into the editor.
func (s *DiaryScreen) openDraft(key string) {
	body, ok, err := s.u.Notes().LoadDraft(key)
	if err != nil {
		kit.ShowError(s.u.Window(), "The draft could not be read", err)
		return
	}
	if !ok {
		s.loadDrafts()
		return
	}
	d, err := parseDiaryDraft(body)
	if err != nil {
		kit.ShowError(s.u.Window(), "The draft could not be read", err)
		return
	}
	s.closeEditor()
	ed, err := newDiaryEditorFromDraft(s.u, key, d, s.saved, s.deleted)
	if err != nil {
		kit.ShowError(s.u.Window(), "The draft could not be opened", err)
		return
	}
	s.setEditor(ed, d.ID)
}

// showNothing says what the right-hand side is for.
func (s *DiaryScreen) showNothing() {
	s.closeEditor()
	s.selected = ""
	var msg fyne.CanvasObject
	if all, err := s.u.Diary().List(diary.Filter{Limit: 1}); err == nil && len(all) == 0 {
		msg = kit.EmptyState("No diary entries yet",
			"After a visit, write a short reflection: what happened, how it went for you, what went well, what did not, and what you learned. Start one with “New entry” (Ctrl+Shift+N), or with “Write reflection” on a contact. Mark entries for supervision when they are ready to talk about.")
	} else {
		msg = kit.EmptyState("Choose an entry", "Pick an entry on the left to read or carry on writing it, or start a new one with “New entry” (Ctrl+Shift+N).")
	}
	s.setDetail(msg)
}

func (s *DiaryScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// closeEditor saves and closes the entry being written, if any.
func (s *DiaryScreen) closeEditor() {
	if s.Editor != nil {
		s.Editor.close()
		s.Editor = nil
	}
}

func (s *DiaryScreen) setEditor(ed *diaryEditor, id string) {
	s.Editor = ed
	s.selected = id
	s.setDetail(ed.Content())
	if i := s.indexOf(id); i >= 0 {
		s.list.Select(i)
		s.list.ScrollTo(i)
	} else {
		s.list.UnselectAll()
	}
	s.loadDrafts()
}

// showEntry opens stored entry id in the editor.
func (s *DiaryScreen) showEntry(id string) {
	if s.Editor != nil && s.Editor.id == id && !s.Editor.Closed {
		return
	}
	s.closeEditor()
	e, err := s.u.Diary().Get(id)
	if err != nil {
		kit.ShowError(s.u.Window(), "The diary entry could not be opened", err)
		s.reload()
		return
	}
	s.setEditor(newDiaryEditor(s.u, e, s.saved, s.deleted), id)
}

// saved is called by the editor after each save: the list follows.
// While no filter is set and the entry keeps its date (so its place in
// the list), its line is updated in place: autosave stays light on a
// diary of thousands of entries.
func (s *DiaryScreen) saved(id string) {
	s.selected = id
	if ed := s.Editor; ed != nil && ed.id == id && ed.last.ID == id && !s.filtered() {
		if i := s.indexOf(id); i >= 0 && s.items[i].Date == ed.last.Date {
			old := s.items[i]
			s.items[i] = ed.last
			s.list.RefreshItem(i)
			if strings.Join(old.Tags, "\x1f") != strings.Join(ed.last.Tags, "\x1f") {
				s.loadTags()
			}
			return
		}
	}
	s.loadTags()
	s.reload()
}

// deleted is called by the editor once its entry is gone.
func (s *DiaryScreen) deleted() {
	s.Editor = nil
	s.selected = ""
	s.loadTags()
	s.reload()
	s.showNothing()
}

// newEntry starts a new entry dated today (Ctrl+Shift+N). It is saved as a
// draft once something is written in it.
func (s *DiaryScreen) newEntry() {
	s.tabs.Select(s.entryTab)
	s.closeEditor()
	e := &diary.Entry{Date: kit.TodayFor(s.u), Template: "visit_reflection", Status: "draft"}
	e.Sections = e.AllSections()
	ed := newDiaryEditor(s.u, e, s.saved, s.deleted)
	s.setEditor(ed, "")
	if len(ed.sections) > 0 {
		s.u.Window().Canvas().Focus(ed.sections[0])
	}
}

// open shows diary entry id. Given a contact's id instead (the Contacts
// screen's "Write reflection"), it opens the entry reflecting on that
// contact, or starts one from the contact's details.
// Open shows the record (or the query) the route names.
func (s *DiaryScreen) Open(r kit.Route) {
	if r.New {
		s.newEntry()
		return
	}
	s.open(r.ID)
}

func (s *DiaryScreen) open(id string) {
	s.tabs.Select(s.entryTab)
	if id == "" {
		return
	}
	_, err := s.u.Diary().Get(id)
	if err == nil {
		s.showIfHidden(id)
		s.showEntry(id)
		return
	}
	if !errors.Is(err, diary.ErrNotFound) {
		kit.ShowError(s.u.Window(), "The diary entry could not be opened", err)
		return
	}
	existing, lerr := s.u.Diary().List(diary.Filter{ContactID: id, Limit: 1})
	if lerr == nil && len(existing) == 1 {
		s.showIfHidden(existing[0].ID)
		s.showEntry(existing[0].ID)
		return
	}
	e, cerr := s.u.Diary().NewEntryForContact(id)
	if cerr != nil {
		kit.ShowError(s.u.Window(), "The diary entry could not be opened", cerr)
		return
	}
	s.closeEditor()
	ed := newDiaryEditor(s.u, e, s.saved, s.deleted)
	s.setEditor(ed, "")
	if len(ed.sections) > 0 {
		s.u.Window().Canvas().Focus(ed.sections[0])
	}
}

// showIfHidden clears the filters when they hide entry id.
func (s *DiaryScreen) showIfHidden(id string) {
	if s.indexOf(id) >= 0 {
		return
	}
	s.search.OnChanged = nil
	s.search.SetText("")
	s.search.OnChanged = func(string) { s.reload() }
	s.status.Selected = diaryAnyStatus
	s.status.Refresh()
	s.tag.Selected = diaryAnyTag
	s.tag.Refresh()
	s.period.Selected = kit.DiaryAnyTime
	s.period.Refresh()
	s.reload()
}

// refresh reloads the list (a supervision session may have changed
// statuses) and the open entry's status and comments.
func (s *DiaryScreen) Reload() {
	s.loadTags()
	s.reload()
	if s.Editor != nil && !s.Editor.Closed {
		s.Editor.reloadStored()
	}
	if s.tabs.Selected() != s.entryTab {
		s.learning.reload()
	}
}

// save writes the open entry now (Ctrl+S).
func (s *DiaryScreen) Save() {
	if s.Editor != nil && !s.Editor.Closed {
		s.Editor.save(true)
	}
}

// print makes a supervision pack PDF (Ctrl+P): of the open entry's day
// when an entry is open, otherwise of the last three months.
func (s *DiaryScreen) Print() {
	from, to := "", ""
	if s.Editor != nil && !s.Editor.Closed {
		s.Editor.flush()
		if d := strings.TrimSpace(s.Editor.date.Text); kit.DateProblem(d, true) == "" {
			from, to = d, d
		}
	}
	supervision.ShowSupervisionPackDialog(s.u, from, to)
}

// beforeLock keeps what is being written before the vault locks.
func (s *DiaryScreen) BeforeLock() {
	if s.Editor != nil && !s.Editor.Closed {
		s.Editor.flush()
		s.Editor.stopTimer()
	}
}

// newDiaryRow is the template of a list row: date and status, the
// template and tags, then the first lines.
func newDiaryRow() fyne.CanvasObject {
	r := &diaryRow{}
	r.date = widget.NewLabelWithStyle("30 Sep 2025", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.badge = kit.NewPill()
	kit.SetDiaryStatus(r.badge, "for_supervision")
	r.meta = kit.DiaryMutedLine()
	r.text = kit.DiaryWrapText()
	head := r.badge.In(container.NewBorder(nil, nil, nil, r.badge.Object(), r.date))
	r.box = container.New(&kit.DiaryRowLayout{TextLines: 2}, head, r.text, r.meta)
	r.ExtendBaseWidget(r)
	return r
}

// diaryRow is one line of the list of entries.
type diaryRow struct {
	widget.BaseWidget
	box   *fyne.Container
	date  *widget.Label
	badge *kit.Pill
	meta  *widget.RichText
	text  *widget.Label
}

// CreateRenderer draws the row's parts.
func (r *diaryRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func fillDiaryRow(o fyne.CanvasObject, it diary.Summary) {
	r := o.(*diaryRow)
	r.date.SetText(kit.ShortDate(it.Date))
	kit.SetDiaryStatus(r.badge, it.Status)
	meta := schema.DiaryTemplate.Label(it.Template)
	if len(it.Tags) > 0 {
		meta += " · " + strings.Join(it.Tags, ", ")
	}
	kit.SetSoft(r.meta, meta)
	text := it.Summary
	if text == "" {
		text = "(nothing written yet)"
	}
	r.text.SetText(text)
}
