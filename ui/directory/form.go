package directory

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/ui/kit"
)

// agencyForm shows and edits every field of one agency, with a gentle
// reminder when its details were last checked over a year ago.
type agencyForm struct {
	kit.Editor // the agency saves itself a moment after each change
	s          *DirectoryScreen
	a          notes.Agency
	form       *kit.FieldForm
	hint       *fyne.Container
	saved      *kit.Footer // the footer; its note says whether the agency is saved

	name, area, keyContact, phone, email, website *kit.LeaveEntry
	services, notesText                           *kit.LeaveEntry
	lastChecked                                   *kit.LeaveEntry
	category                                      *kit.SelectEntry
	root                                          fyne.CanvasObject
}

func newAgencyForm(s *DirectoryScreen, a *notes.Agency) *agencyForm {
	f := &agencyForm{s: s, a: *a, form: kit.NewFieldForm()}
	f.Init(s.u, &agencyAutosaveDelay, f.autosave)
	ff := f.form
	f.name = ff.Entry("Name", "Name", "For example Eastside Housing Options")
	f.category = kit.NewSelectEntry(notes.AgencyCategory.LabelList())
	f.category.SetPlaceHolder("Choose or type a category")
	ff.Field("Category", "Category", f.category)
	f.area = ff.Entry("Area", "Area covered", "For example Bristol and South Gloucestershire")
	f.services = ff.MultiEntry("Services", "Services", "What they offer and who they take", 3)
	f.keyContact = ff.Entry("KeyContact", "Key contact", "Name and role")
	f.phone = ff.Entry("Phone", "Phone", "")
	f.email = ff.Entry("Email", "Email", "")
	f.website = ff.Entry("Website", "Website", "")
	today := kit.TodayFor(s.u)
	checkedToday := widget.NewButtonWithIcon("Checked today", theme.ConfirmIcon(), func() {
		f.lastChecked.SetText(today)
		f.form.Rows["LastChecked"].SetError("")
	})
	f.lastChecked = ff.Date("LastChecked", "Last checked", checkedToday)
	f.notesText = ff.MultiEntry("Notes", "Notes", "How referrals work, opening hours, anything the team should know", 3)

	f.fillFields(a)

	f.hint = container.NewVBox()
	f.showHint()

	opts := kit.FooterOptions{OnPrimary: func() { f.save() },
		OnDelete: func() { confirmDeleteAgency(s.u, &f.a, s.deleted) }}
	title := "New agency"
	if a.ID != "" {
		title = a.Name
	} else {
		opts.Close, opts.OnClose = "Cancel", func() {
			dropAgencyDraft(s.u)
			s.showNothing()
		}
	}
	f.saved = kit.NewFooter(opts)
	f.saved.ShowDelete(a.ID != "")
	f.saved.SetNote(kit.AutosaveNote)
	for _, e := range []*kit.LeaveEntry{f.name, f.area, f.keyContact, f.phone, f.email, f.website, f.services, f.notesText, f.lastChecked} {
		e.OnChanged = func(string) { f.Edited() }
	}
	f.category.OnChanged = func(string) { f.Edited() }

	body := container.NewVBox(
		f.hint,
		widget.NewCard("", "", container.NewVBox(kit.Subheading("The agency"),
			ff.RowsFor("Name", "Category", "Area", "Services"))),
		widget.NewCard("", "", container.NewVBox(kit.Subheading("How to reach them"),
			ff.RowsFor("KeyContact", "Phone", "Email", "Website", "LastChecked"))),
		widget.NewCard("", "", container.NewVBox(kit.Subheading("Notes for the team"),
			ff.RowsFor("Notes"))),
	)
	bar := container.NewVBox(ff.General, f.saved.Content())
	f.root = container.NewBorder(container.NewPadded(kit.Heading(title)), bar, nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	return f
}

func (f *agencyForm) Content() fyne.CanvasObject { return f.root }

// fillFields puts a's details in the fields.
func (f *agencyForm) fillFields(a *notes.Agency) {
	f.name.SetText(a.Name)
	f.category.SetText(notes.AgencyCategory.Label(a.Category))
	f.area.SetText(a.Area)
	f.services.SetText(a.Services)
	f.keyContact.SetText(a.KeyContact)
	f.phone.SetText(a.Phone)
	f.email.SetText(a.Email)
	f.website.SetText(a.Website)
	f.lastChecked.SetText(a.LastChecked)
	f.notesText.SetText(a.Notes)
}

// showHint shows "check these details" when they are over a year old or
// were never checked (for an agency already saved).
func (f *agencyForm) showHint() {
	f.hint.Objects = nil
	today := kit.TodayFor(f.s.u)
	if f.a.ID != "" && agencyNeedsChecking(f.a.LastChecked, today) {
		text := "These details have not been checked yet. Check them before you refer anyone, then press “Checked today” and save."
		if f.a.LastChecked != "" {
			text = "These details were last checked on " + kit.DateWords(f.a.LastChecked, today) +
				", over a year ago. Check these details before you refer anyone, then press “Checked today” and save."
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		icon := widget.NewIcon(theme.InfoIcon())
		f.hint.Objects = []fyne.CanvasObject{widget.NewCard("", "", container.NewBorder(nil, nil, container.NewVBox(icon), nil, l))}
	}
	f.hint.Refresh()
}

// agency reads the fields over the stored record.
func (f *agencyForm) agency() notes.Agency {
	a := f.a
	a.Name = strings.TrimSpace(f.name.Text)
	cat := strings.TrimSpace(f.category.Text)
	if v, ok := notes.AgencyCategory.ValueOf(cat); ok {
		cat = v
	}
	a.Category = cat
	a.Area = strings.TrimSpace(f.area.Text)
	a.Services = f.services.Text
	a.KeyContact = strings.TrimSpace(f.keyContact.Text)
	a.Phone = strings.TrimSpace(f.phone.Text)
	a.Email = strings.TrimSpace(f.email.Text)
	a.Website = strings.TrimSpace(f.website.Text)
	a.LastChecked = strings.TrimSpace(f.lastChecked.Text)
	a.Notes = f.notesText.Text
	return a
}

// agencyAutosaveDelay is how long after the last change the agency saves
// itself (tests shorten it).
var agencyAutosaveDelay = time.Second

// autosave saves the agency a moment after the last change, in place:
// the form is not rebuilt under the cursor.
func (f *agencyForm) autosave() {
	if !f.Closed && f.Dirty && !f.s.u.Locked() {
		f.store(true)
	}
}

// save stores the agency now (the Save button, Ctrl+S), showing problems
// at their fields; it reports whether it was saved.
func (f *agencyForm) save() bool { return f.store(false) }

// missing says what the agency lacks before it can be stored, for the note.
func (f *agencyForm) missing() string {
	if strings.TrimSpace(f.name.Text) == "" {
		return "the name is needed"
	}
	if m := kit.DateMissing("the date last checked", f.lastChecked.Text, false); m != "" {
		return m
	}
	return kit.MarkedInRed
}

// store writes the agency. quiet (the autosave) keeps the form as it is;
// otherwise the screen shows the agency as stored.
func (f *agencyForm) store(quiet bool) bool {
	f.StopTimer()
	f.form.ClearErrors()
	if !f.form.CheckDates() {
		f.saved.NotSaved(f.missing())
		return false
	}
	a := f.agency()
	if err := f.s.u.Notes().SaveAgency(&a); err != nil {
		if f.form.ShowProblems(err) {
			f.saved.NotSaved(f.missing())
		} else {
			kit.ShowError(f.s.u.Window(), "The agency could not be saved", err)
		}
		return false
	}
	f.Dirty = false
	f.s.u.Changed()
	dropAgencyDraft(f.s.u)
	if quiet {
		f.a = a
		f.saved.ShowDelete(true)
		if f.saved.Close != nil {
			f.saved.Close.SetText("Close") // it is stored: closing throws nothing away
		}
		f.s.savedInPlace(a.ID)
		f.saved.Saved(f.s.u)
		return true
	}
	f.s.saved(a.ID)
	return true
}
