package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
)

// agencyForm shows and edits every field of one agency, with a gentle
// reminder when its details were last checked over a year ago.
type agencyForm struct {
	s     *directoryScreen
	a     notes.Agency
	form  *fieldForm
	hint  *fyne.Container
	saved *widget.Label

	name, area, keyContact, phone, email, website *leaveEntry
	services, notesText                           *leaveEntry
	lastChecked                                   *leaveEntry
	category                                      *widget.SelectEntry
	root                                          fyne.CanvasObject
}

func newAgencyForm(s *directoryScreen, a *notes.Agency) *agencyForm {
	f := &agencyForm{s: s, a: *a, form: newFieldForm()}
	ff := f.form
	f.name = ff.entry("Name", "Name", "For example Eastside Housing Options")
	f.category = widget.NewSelectEntry(notes.AgencyCategory.LabelList())
	f.category.SetPlaceHolder("Choose or type a category")
	ff.field("Category", "Category", f.category)
	f.area = ff.entry("Area", "Area covered", "For example Bristol and South Gloucestershire")
	f.services = ff.multiEntry("Services", "Services", "What they offer and who they take", 3)
	f.keyContact = ff.entry("KeyContact", "Key contact", "Name and role")
	f.phone = ff.entry("Phone", "Phone", "")
	f.email = ff.entry("Email", "Email", "")
	f.website = ff.entry("Website", "Website", "")
	today := todayFor(s.u)
	checkedToday := widget.NewButtonWithIcon("Checked today", theme.ConfirmIcon(), func() {
		f.lastChecked.SetText(today)
		f.form.rows["LastChecked"].setError("")
	})
	f.lastChecked = ff.date("LastChecked", "Last checked", checkedToday)
	f.notesText = ff.multiEntry("Notes", "Notes", "How referrals work, opening hours, anything the team should know", 3)

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

	f.saved = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	f.saved.Importance = widget.SuccessImportance
	f.saved.Hide()
	f.hint = container.NewVBox()
	f.showHint()

	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { f.save() })
	save.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{}
	title := "New agency"
	if a.ID != "" {
		title = a.Name
		del := widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), func() {
			confirmDeleteAgency(s.u, &f.a, s.deleted)
		})
		del.Importance = widget.DangerImportance
		buttons = append(buttons, del)
	} else {
		buttons = append(buttons, widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), s.showNothing))
	}
	buttons = append(buttons, layout.NewSpacer(), f.saved, save)

	body := container.NewVBox(
		f.hint,
		widget.NewCard("", "", container.NewVBox(subheading("The agency"),
			ff.rowsFor("Name", "Category", "Area", "Services"))),
		widget.NewCard("", "", container.NewVBox(subheading("How to reach them"),
			ff.rowsFor("KeyContact", "Phone", "Email", "Website", "LastChecked"))),
		widget.NewCard("", "", container.NewVBox(subheading("Notes for the team"),
			ff.rowsFor("Notes"))),
	)
	bar := container.NewVBox(widget.NewSeparator(), ff.general, container.NewHBox(buttons...))
	f.root = container.NewBorder(container.NewPadded(heading(title)), container.NewPadded(bar), nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	return f
}

func (f *agencyForm) Content() fyne.CanvasObject { return f.root }

// showHint shows "check these details" when they are over a year old or
// were never checked (for an agency already saved).
func (f *agencyForm) showHint() {
	f.hint.Objects = nil
	today := todayFor(f.s.u)
	if f.a.ID != "" && agencyNeedsChecking(f.a.LastChecked, today) {
		text := "These details have not been checked yet. Check them before you refer anyone, then press “Checked today” and save."
		if f.a.LastChecked != "" {
			text = "These details were last checked on " + dateWords(f.a.LastChecked, today) +
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

// save stores the agency, showing problems at their fields; it reports
// whether it was saved.
func (f *agencyForm) save() bool {
	f.form.clearErrors()
	f.saved.Hide()
	if !f.form.checkDates() {
		f.form.summarise("Not saved yet")
		return false
	}
	a := f.agency()
	if err := f.s.u.Notes().SaveAgency(&a); err != nil {
		if f.form.showProblems(err) {
			f.form.summarise("Not saved yet")
		} else {
			showError(f.s.u.Window(), "The agency could not be saved", err)
		}
		return false
	}
	f.s.u.Changed()
	f.s.saved(a.ID)
	return true
}
