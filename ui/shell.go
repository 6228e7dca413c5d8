package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The sections of the main window, in navigation order.
const (
	sectionToday       = "today"
	sectionWomen       = "women"
	sectionContacts    = "contacts"
	sectionDiary       = "diary"
	sectionSupervision = "supervision"
	sectionLetters     = "letters"
	sectionDirectory   = "directory"
	sectionReports     = "reports"
	sectionSettings    = "settings"
	sectionSearch      = "search" // reached from the search box, not the list
)

// A section is one entry of the navigation.
type section struct {
	id    string
	title string
	icon  func() fyne.Resource // a theme icon, looked up when drawn (never at start-up, which the command line shares)
}

var sections = []section{
	{sectionToday, "Today", theme.HomeIcon},
	{sectionWomen, "Women", theme.AccountIcon},
	{sectionContacts, "Contacts", theme.CalendarIcon},
	{sectionDiary, "Diary", theme.DocumentCreateIcon},
	{sectionSupervision, "Supervision", theme.GridIcon},
	{sectionLetters, "Letters & newsletter", theme.MailComposeIcon},
	{sectionDirectory, "Directory", theme.StorageIcon},
	{sectionReports, "Reports", theme.DocumentPrintIcon},
	{sectionSettings, "Settings", theme.SettingsIcon},
}

// A screen is the content of one section. Screens may also implement the
// optional interfaces below.
type screen interface {
	content() fyne.CanvasObject
}

// refresher screens reload their data when shown again.
type refresher interface{ refresh() }

// opener screens can show one record (a woman's page, a contact).
type opener interface{ open(id string) }

// beforeLocker screens save drafts in progress before the vault locks.
type beforeLocker interface{ beforeLock() }

// saver and printer screens act on Ctrl+S and Ctrl+P.
type saver interface{ save() }
type printer interface{ print() }

// screenBuilders make each section's screen; screen files register theirs
// in init.
var screenBuilders = map[string]func(u *UI) screen{}

// shell is the main window while the vault is open.
type shell struct {
	u       *UI
	content fyne.CanvasObject
	nav     *widget.List
	body    *fyne.Container
	search  *widget.Entry
	screens map[string]screen
	current string

	shortcuts []fyne.Shortcut
}

func newShell(u *UI) *shell {
	s := &shell{u: u, screens: map[string]screen{}}
	s.nav = widget.NewList(
		func() int { return len(sections) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Letters & newsletter"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(sections[i].icon())
			row.Objects[1].(*widget.Label).SetText(sections[i].title)
		},
	)
	s.nav.OnSelected = func(i widget.ListItemID) {
		if sections[i].id != s.current {
			s.show(sections[i].id)
		}
	}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search everything (Ctrl+F)")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(q string) { s.searchFor(q) }
	s.search.OnSubmitted = func(q string) { s.searchFor(q) }

	lock := widget.NewButtonWithIcon("Lock", theme.VisibilityOffIcon(), u.Lock)
	title := widget.NewLabelWithStyle("Inreach", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, lock, s.search)

	s.body = container.NewStack()
	split := container.NewHSplit(s.nav, s.body)
	split.Offset = 0.18
	main := container.NewBorder(container.NewVBox(container.NewPadded(top), widget.NewSeparator()), nil, nil, nil, split)
	s.content = container.NewStack(newActivityLayer(u), main)
	u.win.SetMainMenu(s.menu())
	return s
}

// show switches to a section, building its screen the first time.
func (s *shell) show(id string) {
	sc, ok := s.screens[id]
	if !ok {
		sc = screenBuilders[id](s.u)
		s.screens[id] = sc
	} else if r, ok := sc.(refresher); ok {
		r.refresh()
	}
	s.current = id
	s.u.activity()
	s.body.Objects = []fyne.CanvasObject{sc.content()}
	s.body.Refresh()
	for i, sec := range sections {
		if sec.id == id {
			s.nav.Select(i)
			return
		}
	}
	s.nav.UnselectAll()
}

// openRecord shows a section and, in it, one record.
func (s *shell) openRecord(section, id string) {
	s.show(section)
	if o, ok := s.screens[section].(opener); ok {
		o.open(id)
	}
}

// searchFor shows the search section with the query's results.
func (s *shell) searchFor(q string) {
	if q == "" && s.current != sectionSearch {
		return
	}
	s.show(sectionSearch)
	if o, ok := s.screens[sectionSearch].(opener); ok {
		o.open(q)
	}
}

// beforeLock lets every screen save its drafts.
func (s *shell) beforeLock() {
	for _, sc := range s.screens {
		if b, ok := sc.(beforeLocker); ok {
			b.beforeLock()
		}
	}
}

func (s *shell) installShortcuts() {
	c := s.u.win.Canvas()
	add := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		sc := &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		c.AddShortcut(sc, func(fyne.Shortcut) { fn() })
		s.shortcuts = append(s.shortcuts, sc)
	}
	add(fyne.KeyL, fyne.KeyModifierShortcutDefault, s.u.Lock)
	add(fyne.KeyF, fyne.KeyModifierShortcutDefault, func() { c.Focus(s.search) })
	add(fyne.KeyS, fyne.KeyModifierShortcutDefault, s.saveCurrent)
	add(fyne.KeyP, fyne.KeyModifierShortcutDefault, s.printCurrent)
	add(fyne.KeyN, fyne.KeyModifierShortcutDefault, s.newContact)
	add(fyne.KeyN, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, s.newDiaryEntry)
}

// newContact opens a new contact write-up (Ctrl+N).
func (s *shell) newContact() {
	s.show(sectionContacts)
	if c, ok := s.screens[sectionContacts].(interface{ newContact() }); ok {
		c.newContact()
	}
}

// newDiaryEntry opens a new diary entry (Ctrl+Shift+N).
func (s *shell) newDiaryEntry() {
	s.show(sectionDiary)
	if c, ok := s.screens[sectionDiary].(interface{ newEntry() }); ok {
		c.newEntry()
	}
}

func (s *shell) removeShortcuts() {
	for _, sc := range s.shortcuts {
		s.u.win.Canvas().RemoveShortcut(sc)
	}
	s.shortcuts = nil
}

func (s *shell) saveCurrent() {
	if sv, ok := s.screens[s.current].(saver); ok {
		sv.save()
	}
	if s.u.sess != nil {
		if err := s.u.sess.Save(); err != nil {
			s.u.showSaveError(err)
		}
	}
}

func (s *shell) printCurrent() {
	if p, ok := s.screens[s.current].(printer); ok {
		p.print()
	}
}

func (s *shell) menu() *fyne.MainMenu {
	lock := fyne.NewMenuItem("Lock", s.u.Lock)
	lock.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	save := fyne.NewMenuItem("Save now", s.saveCurrent)
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	print := fyne.NewMenuItem("Print or export PDF…", s.printCurrent)
	print.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	newContact := fyne.NewMenuItem("New contact", s.newContact)
	newContact.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	newEntry := fyne.NewMenuItem("New diary entry", s.newDiaryEntry)
	newEntry.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	file := fyne.NewMenu("File", newContact, newEntry, fyne.NewMenuItemSeparator(), save, print, fyne.NewMenuItemSeparator(), lock)
	var goItems []*fyne.MenuItem
	for _, sec := range sections {
		id := sec.id
		goItems = append(goItems, fyne.NewMenuItem(sec.title, func() { s.show(id) }))
	}
	find := fyne.NewMenuItem("Search", func() { s.u.win.Canvas().Focus(s.search) })
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	goItems = append([]*fyne.MenuItem{find, fyne.NewMenuItemSeparator()}, goItems...)
	return fyne.NewMainMenu(file, fyne.NewMenu("Go", goItems...))
}

// showSaveError reports a failed save in plain words; the data stays in
// memory and the next change tries again.
func (u *UI) showSaveError(err error) {
	showError(u.win, "Your latest changes could not be saved", err)
}
