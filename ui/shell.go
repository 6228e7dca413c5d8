package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shell is the main window while the vault is open: the navigation, the
// search box, the banner for a failing save, and the current section's
// screen.
type shell struct {
	u       *UI
	env     Env
	content fyne.CanvasObject
	listed  []NavEntry // the entries the navigation lists
	navList *widget.List
	body    *fyne.Container
	search  *widget.Entry
	banner  *saveBanner
	screens map[Section]Screen
	current Section

	shortcuts []fyne.Shortcut
}

func newShell(u *UI, env Env) *shell {
	s := &shell{u: u, env: env, screens: map[Section]Screen{}}
	for _, e := range u.nav {
		if !e.Hidden {
			s.listed = append(s.listed, e)
		}
	}
	s.navList = widget.NewList(
		func() int { return len(s.listed) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Letters & newsletter"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(s.listed[i].Icon())
			row.Objects[1].(*widget.Label).SetText(s.listed[i].Title)
		},
	)
	s.navList.OnSelected = func(i widget.ListItemID) {
		if s.listed[i].Section != s.current {
			s.show(s.listed[i].Section)
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

	s.banner = newSaveBanner(u)
	s.body = container.NewStack()
	split := container.NewHSplit(s.navList, container.NewBorder(s.banner.box, nil, nil, nil, s.body))
	split.Offset = 0.18
	main := container.NewBorder(container.NewVBox(container.NewPadded(top), widget.NewSeparator()), nil, nil, nil, split)
	s.content = container.NewStack(newActivityLayer(u), main)
	u.win.SetMainMenu(s.menu())
	return s
}

// entry is the navigation entry of a section.
func (s *shell) entry(id Section) (NavEntry, bool) {
	for _, e := range s.u.nav {
		if e.Section == id {
			return e, true
		}
	}
	return NavEntry{}, false
}

// show switches to a section, building its screen the first time. A
// section the table does not have is ignored.
func (s *shell) show(id Section) {
	sc, ok := s.screens[id]
	if !ok {
		e, known := s.entry(id)
		if !known {
			return
		}
		sc = e.Build(s.env)
		s.screens[id] = sc
	} else if r, ok := sc.(Reloader); ok {
		r.Reload()
	}
	s.current = id
	s.u.activity()
	s.body.Objects = []fyne.CanvasObject{sc.Content()}
	s.body.Refresh()
	for i, e := range s.listed {
		if e.Section == id {
			s.navList.Select(i)
			return
		}
	}
	s.navList.UnselectAll()
}

// open shows a route: its section and, in it, the record it names.
func (s *shell) open(r Route) {
	s.show(r.Section)
	if r.ID == "" && !r.New {
		return
	}
	if o, ok := s.screens[r.Section].(Opener); ok {
		o.Open(r)
	}
}

// searchFor shows the search section with the query's results.
func (s *shell) searchFor(q string) {
	if q == "" && s.current != Search {
		return
	}
	s.open(SearchFor(q))
	if q == "" {
		if o, ok := s.screens[Search].(Opener); ok {
			o.Open(SearchFor(""))
		}
	}
}

// beforeLock lets every screen save its drafts.
func (s *shell) beforeLock() {
	for _, sc := range s.screens {
		if b, ok := sc.(BeforeLocker); ok {
			b.BeforeLock()
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
func (s *shell) newContact() { s.open(NewRecord(Contacts, "")) }

// newDiaryEntry opens a new diary entry (Ctrl+Shift+N).
func (s *shell) newDiaryEntry() { s.open(NewRecord(Diary, "")) }

func (s *shell) removeShortcuts() {
	for _, sc := range s.shortcuts {
		s.u.win.Canvas().RemoveShortcut(sc)
	}
	s.shortcuts = nil
}

func (s *shell) saveCurrent() {
	if sv, ok := s.screens[s.current].(Saver); ok {
		sv.Save()
	}
	if s.u.sess != nil {
		if err := s.u.sess.Save(); err != nil {
			s.u.showSaveError(err)
		} else {
			s.u.saveRecovered()
		}
	}
}

func (s *shell) printCurrent() {
	if p, ok := s.screens[s.current].(Printer); ok {
		p.Print()
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
	for _, e := range s.listed {
		id := e.Section
		goItems = append(goItems, fyne.NewMenuItem(e.Title, func() { s.show(id) }))
	}
	find := fyne.NewMenuItem("Search", func() { s.u.win.Canvas().Focus(s.search) })
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	goItems = append([]*fyne.MenuItem{find, fyne.NewMenuItemSeparator()}, goItems...)
	return fyne.NewMainMenu(file, fyne.NewMenu("Go", goItems...))
}
