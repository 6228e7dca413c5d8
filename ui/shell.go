package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"inreach/ui/kit"
	"inreach/ui/together"
)

// shell is the main window while the vault is open: the navigation, the
// search box, the banner for a failing save, and the current section's
// screen.
type shell struct {
	u       *UI
	Env     kit.Env
	content fyne.CanvasObject
	listed  []kit.NavEntry // the entries the navigation lists
	navList *widget.List
	body    *fyne.Container
	Search  *widget.Entry
	banner  *saveBanner
	Inbox   *together.Inbox // what waits in the exchange folder
	Screens map[kit.Section]kit.Screen
	Current kit.Section

	shortcuts []fyne.Shortcut
	// printItem is File › Print in mainMenu, disabled when nothing can be
	// printed.
	printItem *fyne.MenuItem
	mainMenu  *fyne.MainMenu
}

func newShell(u *UI, env kit.Env) *shell {
	s := &shell{u: u, Env: env, Screens: map[kit.Section]kit.Screen{}}
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
		if s.listed[i].Section != s.Current {
			s.Show(s.listed[i].Section)
		}
	}
	s.Search = widget.NewEntry()
	s.Search.SetPlaceHolder("Search everything (Ctrl+F)")
	s.Search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.Search.OnChanged = func(q string) { s.searchFor(q) }
	s.Search.OnSubmitted = func(q string) { s.searchFor(q) }

	lock := widget.NewButtonWithIcon("Lock", theme.VisibilityOffIcon(), u.Lock)
	title := widget.NewLabelWithStyle("Inreach", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, lock, s.Search)

	s.banner = newSaveBanner(u)
	s.Inbox = together.NewInbox(env)
	s.body = container.NewStack()
	split := container.NewHSplit(s.navList, container.NewBorder(container.NewVBox(s.banner.box, s.Inbox.Content()), nil, nil, nil, s.body))
	split.Offset = 0.18
	main := container.NewBorder(container.NewVBox(container.NewPadded(top), widget.NewSeparator()), nil, nil, nil, split)
	s.content = container.NewStack(newActivityLayer(u), main)
	u.Win.SetMainMenu(s.menu())
	return s
}

// entry is the navigation entry of a section.
func (s *shell) entry(id kit.Section) (kit.NavEntry, bool) {
	for _, e := range s.u.nav {
		if e.Section == id {
			return e, true
		}
	}
	return kit.NavEntry{}, false
}

// show switches to a section, building its screen the first time. A
// section the table does not have is ignored.
func (s *shell) Show(id kit.Section) {
	sc, ok := s.Screens[id]
	if !ok {
		e, known := s.entry(id)
		if !known {
			return
		}
		sc = e.Build(s.Env)
		s.Screens[id] = sc
	} else if r, ok := sc.(kit.Reloader); ok {
		r.Reload()
	}
	s.Current = id
	s.u.activity()
	s.body.Objects = []fyne.CanvasObject{sc.Content()}
	s.body.Refresh()
	s.updateMenu()
	for i, e := range s.listed {
		if e.Section == id {
			s.navList.Select(i)
			return
		}
	}
	s.navList.UnselectAll()
}

// open shows a route: its section and, in it, the record it names.
func (s *shell) Open(r kit.Route) {
	s.Show(r.Section)
	if r.ID == "" && !r.New && r.Part == "" {
		return
	}
	if o, ok := s.Screens[r.Section].(kit.Opener); ok {
		o.Open(r)
	}
	s.updateMenu()
}

// searchFor shows the search section with the query's results.
func (s *shell) searchFor(q string) {
	if q == "" && s.Current != kit.Search {
		return
	}
	s.Open(kit.SearchFor(q))
	if q == "" {
		if o, ok := s.Screens[kit.Search].(kit.Opener); ok {
			o.Open(kit.SearchFor(""))
		}
	}
}

// beforeLock lets every screen save its drafts.
func (s *shell) beforeLock() {
	for _, sc := range s.Screens {
		if b, ok := sc.(kit.BeforeLocker); ok {
			b.BeforeLock()
		}
	}
}

func (s *shell) installShortcuts() {
	c := s.u.Win.Canvas()
	add := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		sc := &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		c.AddShortcut(sc, func(fyne.Shortcut) { fn() })
		s.shortcuts = append(s.shortcuts, sc)
	}
	// Escape closes the dialog on top, whatever it is (Fyne's own
	// dialogs, the file dialogs included, do not do this themselves).
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name != fyne.KeyEscape {
			return
		}
		if top := c.Overlays().Top(); top != nil {
			top.Hide()
			c.Overlays().Remove(top)
		}
	})
	add(fyne.KeyL, fyne.KeyModifierShortcutDefault, s.u.Lock)
	add(fyne.KeyF, fyne.KeyModifierShortcutDefault, func() { c.Focus(s.Search) })
	add(fyne.KeyS, fyne.KeyModifierShortcutDefault, s.saveCurrent)
	add(fyne.KeyP, fyne.KeyModifierShortcutDefault, s.PrintCurrent)
	add(fyne.KeyN, fyne.KeyModifierShortcutDefault, s.newContact)
	add(fyne.KeyN, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, s.newDiaryEntry)
	for i, e := range s.listed {
		if i < len(sectionKeys) {
			id := e.Section
			add(sectionKeys[i], fyne.KeyModifierShortcutDefault, func() { s.Show(id) })
		}
	}
}

// sectionKeys are Ctrl+1 to Ctrl+9: the sections in the order listed, as
// the Go menu shows.
var sectionKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// newContact opens a new contact write-up (Ctrl+N).
func (s *shell) newContact() { s.Open(kit.NewRecord(kit.Contacts, "")) }

// newDiaryEntry opens a new diary entry (Ctrl+Shift+N).
func (s *shell) newDiaryEntry() { s.Open(kit.NewRecord(kit.Diary, "")) }

func (s *shell) removeShortcuts() {
	for _, sc := range s.shortcuts {
		s.u.Win.Canvas().RemoveShortcut(sc)
	}
	s.shortcuts = nil
	s.u.Win.Canvas().SetOnTypedKey(nil)
}

func (s *shell) saveCurrent() {
	if sv, ok := s.Screens[s.Current].(kit.Saver); ok {
		sv.Save()
	}
	if s.u.Sess != nil {
		if err := s.u.Sess.Save(); err != nil {
			s.u.showSaveError(err)
		} else {
			s.u.saveRecovered()
		}
	}
}

// PrintCurrent is Ctrl+P and File › Print: the open record's PDF, or a
// word on what can be printed when nothing here can be.
func (s *shell) PrintCurrent() {
	if !s.canPrint() {
		dialog.ShowInformation("Nothing to print here",
			"Open a woman's page, a contact, a diary entry, a supervision session, a newsletter issue or a report, then press Ctrl+P.", s.u.Win)
		return
	}
	s.Screens[s.Current].(kit.Printer).Print()
}

// canPrint is whether the screen shown has something to print now.
func (s *shell) canPrint() bool {
	p, ok := s.Screens[s.Current].(kit.Printer)
	if !ok || p == nil {
		return false
	}
	if c, ok := p.(kit.PrintChecker); ok {
		return c.CanPrint()
	}
	return true
}

// updateMenu disables File › Print while the screen shown has nothing to
// print. It runs as the pointer moves (on its way to the menu) and when
// the section changes.
func (s *shell) updateMenu() {
	if s.printItem == nil || s.mainMenu == nil {
		return
	}
	if can := s.canPrint(); s.printItem.Disabled == can {
		s.printItem.Disabled = !can
		s.mainMenu.Refresh()
	}
}

func (s *shell) menu() *fyne.MainMenu {
	lock := fyne.NewMenuItem("Lock", s.u.Lock)
	lock.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	save := fyne.NewMenuItem("Save now", s.saveCurrent)
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	print := fyne.NewMenuItem("Print or export PDF…", s.PrintCurrent)
	print.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	print.Disabled = !s.canPrint()
	s.printItem = print
	newContact := fyne.NewMenuItem("New contact", s.newContact)
	newContact.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	newEntry := fyne.NewMenuItem("New diary entry", s.newDiaryEntry)
	newEntry.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	importCSV := fyne.NewMenuItem("Import a spreadsheet (CSV)…", func() { s.Open(kit.PartOf(kit.Reports, "", kit.PartImport)) })
	file := fyne.NewMenu("File", newContact, newEntry, fyne.NewMenuItemSeparator(), importCSV, fyne.NewMenuItemSeparator(),
		save, print, fyne.NewMenuItemSeparator(), lock)
	var goItems []*fyne.MenuItem
	for i, e := range s.listed {
		id := e.Section
		it := fyne.NewMenuItem(e.Title, func() { s.Show(id) })
		if i < len(sectionKeys) {
			it.Shortcut = &desktop.CustomShortcut{KeyName: sectionKeys[i], Modifier: fyne.KeyModifierShortcutDefault}
		}
		goItems = append(goItems, it)
	}
	find := fyne.NewMenuItem("Search", func() { s.u.Win.Canvas().Focus(s.Search) })
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	goItems = append([]*fyne.MenuItem{find, fyne.NewMenuItemSeparator()}, goItems...)
	s.mainMenu = fyne.NewMainMenu(file, fyne.NewMenu("Go", goItems...))
	return s.mainMenu
}
