package contacts

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// placeHint is the free-text place's placeholder.
const placeHint = "The gate, the station, a café…"

// somewhereElse is the "where" choice for a place that is not a listed
// establishment (the gate, the station, a café).
const somewhereElse = "Somewhere else…"

// contactForm writes up one contact: when, what kind, where, the session's
// logistics, then each woman seen or not. It keeps a draft as the user
// types and saves the contact only when everything checks out.
type contactForm struct {
	kit.Editor // dirty, loading, closed; the draft kept shortly after the last change

	s *ContactsScreen
	u kit.Env

	id       string // "" until saved
	draftKey string

	title  *widget.Label
	status *kit.Footer // the footer: its note is the form's status
	banner *widget.Label
	save   *widget.Button
	cancel *widget.Button

	date, start, end *kit.LeaveEntry
	kind             *kit.Select
	where            *kit.Select
	whereIDs         map[string]string // label → establishment id
	whereLabels      map[string]string // establishment id → label
	place            *kit.LeaveEntry
	placeField       fyne.CanvasObject
	logistics        *fyne.Container
	room             *kit.Check
	late             *kit.LeaveEntry
	logNote          *kit.LeaveEntry
	hdrErr           map[string]string
	errWhen          *widget.Label // date, times, kind
	errWhere         *widget.Label
	errSession       *widget.Label

	women      []*visitPerson
	womenBox   *fyne.Container
	womenCount *widget.Label
	noWomen    *widget.Label
	add        *contactKeyEntry
	suggestBox *fyne.Container
	suggests   []contactSuggestion
	hi         int

	scroll  *container.Scroll
	content fyne.CanvasObject

	unsavedDraft bool // changed since the draft was last kept
}

// contactSuggestion is one line under the name box: a woman on record, or
// "add her as a new woman" when no one matches.
type contactSuggestion struct {
	personID string
	name     string
	newName  string // set for "add as a new woman"
	row      *contactSuggestRow
}

// newContactForm builds the form over d (a stored contact or a draft).
func newContactForm(s *ContactsScreen, d *contactDraft, draftKey string) *contactForm {
	f := &contactForm{s: s, u: s.u, id: d.ContactID, draftKey: draftKey, hdrErr: map[string]string{}}
	f.Init(s.u, &contactDraftDelay, f.autosave)
	f.build()
	f.fill(d)
	return f
}

func (f *contactForm) build() {
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.SizeName = theme.SizeNameSubHeadingText
	f.title.Truncation = fyne.TextTruncateEllipsis
	f.status = kit.NewFooter(kit.FooterOptions{Primary: "Save contact", OnPrimary: f.saveContact,
		Close: "Cancel", OnClose: f.askCancel})
	f.banner = kit.ErrorLabel()
	f.save, f.cancel = f.status.Primary, f.status.Close

	f.date = kit.NewLeaveEntry("YYYY-MM-DD", func() { f.checkDate() })
	f.start = kit.NewLeaveEntry("HH:MM", func() { f.checkTimes("Start") })
	f.end = kit.NewLeaveEntry("HH:MM", func() { f.checkTimes("End") })
	f.late = kit.NewLeaveEntry("0", func() { f.checkLate() })
	for _, e := range []*kit.LeaveEntry{f.date, f.start, f.end, f.late} {
		e.AlwaysShowValidationError = true
	}
	f.date.OnChanged = func(string) { f.clearHeaderError("Date"); f.changed() }
	f.start.OnChanged = func(string) { f.clearHeaderError("Start"); f.changed() }
	f.end.OnChanged = func(string) { f.clearHeaderError("End"); f.changed() }
	f.late.OnChanged = func(string) { f.clearHeaderError("LateStartMinutes"); f.changed() }

	f.kind = kit.NewSelect(schema.ContactKind.LabelList(), func(string) {
		f.clearHeaderError("Kind")
		f.showLogistics()
		f.showTitle()
		f.showWords()
		f.showWarnings()
		f.updateCount()
		f.changed()
	})
	f.where = kit.NewSelect(nil, func(string) {
		f.clearHeaderError("EstablishmentID")
		f.showPlace()
		f.changed()
	})
	f.where.PlaceHolder = "Choose where"
	f.loadEstablishments()
	f.place = kit.NewLeaveEntry("", nil)
	f.place.SetPlaceHolder(placeHint)
	f.place.OnChanged = func(string) { f.clearHeaderError("Place"); f.changed() }

	f.room = kit.NewCheck("Visits room booked", func(bool) { f.changed() })
	f.logNote = kit.NewLeaveEntry("", nil)
	f.logNote.SetPlaceHolder("The room, escorts, the regime, anything that got in the way")
	f.logNote.OnChanged = func(string) { f.clearHeaderError("LogisticsNote"); f.changed() }
	f.errWhen, f.errWhere, f.errSession = kit.ErrorLabel(), kit.ErrorLabel(), kit.ErrorLabel()

	when := kit.Flow(
		kit.Captioned("Date", kit.DateField(f.date, func() string { return f.s.today() }), nil),
		kit.Captioned("Start", kit.Sized(f.start, 84), nil),
		kit.Captioned("End", kit.Sized(f.end, 84), nil),
		kit.Captioned("Kind", kit.Sized(f.kind, 190), nil),
		kit.Captioned("Where", kit.Sized(f.where, 230), nil),
	)
	f.placeField = container.NewVBox(kit.Captioned("Place", f.place, nil), f.errWhere)
	f.logistics = container.NewVBox(
		container.NewBorder(nil, nil,
			container.NewHBox(container.NewVBox(widget.NewLabel(""), f.room),
				kit.Captioned("Late start (minutes)", kit.Sized(f.late, 84), nil)),
			nil, kit.Captioned("Session note", f.logNote, nil)),
		f.errSession,
	)

	f.womenCount = widget.NewLabel("")
	f.noWomen = kit.Muted("No women added yet. Type a name in the box below and press Enter; add each woman you saw or were booked to see.")
	f.womenBox = container.NewVBox()
	f.add = newContactKeyEntry("Type her name and press Enter")
	f.add.onKey = f.suggestKey
	f.add.OnChanged = func(q string) { f.suggest(q) }
	f.add.OnSubmitted = func(string) { f.takeSuggestion() }
	f.suggestBox = container.NewVBox()
	addIcon := widget.NewIcon(theme.ContentAddIcon())
	addBox := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(addIcon, widget.NewLabelWithStyle("Add a woman", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})), nil, f.add),
		f.suggestBox,
		kit.Muted(visitKeysHint),
	)

	body := container.NewVBox(
		when, f.errWhen,
		f.placeField,
		f.logistics,
		widget.NewSeparator(),
		container.NewHBox(kit.Subheading("Women"), f.womenCount),
		f.noWomen,
		f.womenBox,
		addBox,
	)
	f.scroll = container.NewVScroll(container.NewPadded(body))
	f.content = kit.EditorWithFooter(container.NewVBox(container.NewPadded(f.title), f.banner, widget.NewSeparator()), f.scroll, f.status)
}

// visitKeysHint says how the women's part of the form is written by
// keyboard, in the order Tab really takes (a test drives each step).
const visitKeysHint = "Enter adds her and moves to her note. Tab goes on to the next woman, or back to this box to add another; " +
	"Shift+Tab goes back through her ticks, needs and items. Ctrl+S saves."

// loadEstablishments fills the "where" choices; names that repeat get
// their kind added so each choice is distinct.
func (f *contactForm) loadEstablishments() {
	f.whereIDs, f.whereLabels = map[string]string{}, map[string]string{}
	var opts []string
	ests, err := f.u.Notes().ListEstablishments()
	if err != nil {
		f.status.SetText("The list of places could not be read: " + kit.Sentence(err))
	}
	for _, e := range ests {
		label := e.Name
		if _, dup := f.whereIDs[label]; dup {
			label = e.Name + " (" + schema.EstablishmentKind.Label(e.Kind) + ")"
		}
		for i := 2; ; i++ {
			if _, dup := f.whereIDs[label]; !dup {
				break
			}
			label = fmt.Sprintf("%s (%d)", e.Name, i)
		}
		f.whereIDs[label] = e.ID
		f.whereLabels[e.ID] = label
		opts = append(opts, label)
	}
	f.where.Options = append(opts, somewhereElse)
}

// fill puts a stored contact or a draft into the widgets.
func (f *contactForm) fill(d *contactDraft) {
	f.Loading = true
	defer func() { f.Loading = false }()
	f.date.SetText(d.Date)
	f.start.SetText(d.Start)
	f.end.SetText(d.End)
	kind := d.Kind
	if kind == "" {
		kind = "prison_visit"
	}
	f.kind.SetSelected(schema.ContactKind.Label(kind))
	switch {
	case d.EstablishmentID != "" && f.whereLabels[d.EstablishmentID] != "":
		f.where.SetSelected(f.whereLabels[d.EstablishmentID])
	case d.Place != "" || d.ContactID != "":
		f.where.SetSelected(somewhereElse)
	default:
		f.where.ClearSelected()
	}
	f.place.SetText(d.Place)
	f.room.SetChecked(d.RoomBooked)
	f.late.SetText(d.LateStart)
	f.logNote.SetText(d.LogisticsNote)
	f.women = nil
	for _, p := range d.People {
		f.women = append(f.women, newVisitPerson(f, p))
	}
	f.layoutWomen()
	f.showLogistics()
	f.showPlace()
	f.showTitle()
}

// state is the whole form as typed.
func (f *contactForm) state() *contactDraft {
	d := &contactDraft{Version: 1, ContactID: f.id,
		Date: strings.TrimSpace(f.date.Text), Start: strings.TrimSpace(f.start.Text), End: strings.TrimSpace(f.end.Text),
		RoomBooked: f.room.Checked, LateStart: strings.TrimSpace(f.late.Text), LogisticsNote: f.logNote.Text}
	d.Kind, _ = schema.ContactKind.ValueOf(f.kind.Selected)
	d.EstablishmentID = f.whereIDs[f.where.Selected]
	if d.EstablishmentID == "" {
		d.Place = f.place.Text
	}
	for _, p := range f.women {
		d.People = append(d.People, p.state())
	}
	return d
}

// changed marks the form changed by the user and schedules the draft.
func (f *contactForm) changed() {
	if !f.Edited() {
		return
	}
	f.unsavedDraft = true
}

func (f *contactForm) kindValue() string {
	k, _ := schema.ContactKind.ValueOf(f.kind.Selected)
	return k
}

func (f *contactForm) showTitle() {
	kind := schema.ContactKind.Label(f.kindValue())
	if f.id == "" {
		f.title.SetText("New contact: " + strings.ToLower(kind))
		return
	}
	f.title.SetText(kind + ", " + contactLongDate(strings.TrimSpace(f.date.Text)))
}

// showLogistics shows the session's logistics for prison visits only.
func (f *contactForm) showLogistics() {
	if f.kindValue() == "prison_visit" {
		f.logistics.Show()
	} else {
		f.logistics.Hide()
	}
}

// showPlace offers the free-text place unless an establishment is chosen.
// The row stays where it is either way (disabled, saying why), so picking
// "Where" never moves the rows below it under the pointer.
func (f *contactForm) showPlace() {
	if f.whereIDs[f.where.Selected] != "" {
		f.place.SetPlaceHolder("Not needed: the place is " + f.where.Selected)
		f.place.Disable()
	} else {
		f.place.SetPlaceHolder(placeHint)
		f.place.Enable()
	}
}

// record builds the contact to save, with the problems the form can see
// itself before the store checks the rest.
func (f *contactForm) record() (*notes.Contact, []notes.FieldError) {
	var errs []notes.FieldError
	f.checkTimes("")
	d := f.state()
	c := &notes.Contact{ID: f.id, Date: d.Date, Start: d.Start, End: d.End, Kind: d.Kind,
		EstablishmentID: d.EstablishmentID, Place: d.Place}
	if d.Date == "" {
		errs = append(errs, notes.FieldError{Field: "Date", Message: "Enter the date of the contact (YYYY-MM-DD)."})
	} else if _, err := schema.ParseDate(d.Date); err != nil {
		errs = append(errs, notes.FieldError{Field: "Date", Message: kit.Sentence(err)})
	}
	for _, field := range []string{"Start", "End"} {
		if msg, ok := f.hdrErr[field]; ok {
			errs = append(errs, notes.FieldError{Field: field, Message: msg})
		}
	}
	if d.Kind == "" {
		errs = append(errs, notes.FieldError{Field: "Kind", Message: "Choose what kind of contact this was."})
	}
	if f.where.Selected == "" && strings.TrimSpace(d.Place) == "" && d.Kind == "prison_visit" {
		errs = append(errs, notes.FieldError{Field: "EstablishmentID", Message: "Choose the prison, or Somewhere else and type the place."})
	}
	if d.Kind == "prison_visit" {
		c.RoomBooked, c.LogisticsNote = d.RoomBooked, d.LogisticsNote
		n, err := f.lateMinutes()
		if err != nil {
			errs = append(errs, notes.FieldError{Field: "LateStartMinutes", Message: kit.Sentence(err)})
		}
		c.LateStartMinutes = n
	}
	for i, p := range f.women {
		cp, perrs := p.record()
		for _, e := range perrs {
			errs = append(errs, notes.FieldError{Field: fmt.Sprintf("People[%d].%s", i, e.Field), Message: e.Message})
		}
		c.People = append(c.People, cp)
	}
	return c, errs
}

// saveContact checks and stores the contact. On any problem nothing is
// stored, the problems are shown at their fields and the form stays as
// typed.
func (f *contactForm) saveContact() {
	if f.Closed || f.u.Locked() {
		return
	}
	f.clearAllErrors()
	c, errs := f.record()
	var opened []notes.OpenedNeed
	if len(errs) == 0 {
		var err error
		opened, err = f.u.Notes().SaveContactOpeningNeeds(c)
		if v, ok := notes.AsValidation(err); ok {
			errs = v
		} else if err != nil {
			kit.ShowError(f.u.Window(), "The contact could not be saved", err)
			return
		}
	}
	if len(errs) > 0 {
		f.showErrors(errs)
		f.keepDraft()
		f.scroll.ScrollToTop()
		return
	}
	if err := f.u.Notes().DeleteDraft(f.draftKey); err != nil {
		f.status.SetText("The draft could not be removed: " + kit.Sentence(err))
	}
	if err := f.saveReadings(c); err != nil {
		// The contact is saved; her readings are not. Say so and stay.
		f.u.Changed()
		f.id = c.ID
		kit.ShowError(f.u.Window(), "The contact was saved, but the “How is she doing?” scores were not", err)
		return
	}
	f.u.Changed()
	f.close()
	f.s.formClosed(c.ID)
	if len(opened) > 0 {
		dialog.ShowInformation("Needs added to her record", openedNeedsText(opened), f.u.Window())
	}
}

// openedNeedsText says which needs discussed at the contact were opened
// or reopened on each woman's record.
func openedNeedsText(opened []notes.OpenedNeed) string {
	var lines []string
	for _, o := range opened {
		verb := "now an open need"
		if o.Reopened {
			verb = "reopened (it was met or declined)"
		}
		lines = append(lines, fmt.Sprintf("%s: %s is %s.", o.Name, schema.NeedArea.Label(o.Area), verb))
	}
	return "Discussed at this contact and not yet open on her record:\n\n" + strings.Join(lines, "\n") +
		"\n\nYou will find them under Needs on her page."
}

// askCancel closes the form; if anything was typed it asks first, and
// throws the draft away only when the user says so.
func (f *contactForm) askCancel() {
	if !f.Dirty {
		f.discard()
		return
	}
	what := "this new contact"
	if f.id != "" {
		what = "your changes to this contact"
	}
	kit.Confirm(f.u.Window(), "Throw away the write-up?", kit.Wrapped("Everything you typed in "+what+" will be thrown away. This cannot be undone."), "Throw away", "Keep writing", true, kit.IfYes(f.discard))
}

func (f *contactForm) discard() {
	if !f.u.Locked() {
		if err := f.u.Notes().DeleteDraft(f.draftKey); err != nil {
			kit.ShowError(f.u.Window(), "The draft could not be removed", err)
		} else {
			f.u.Changed()
		}
	}
	f.close()
	f.s.formClosed(f.id)
}

// park keeps the draft and closes the form (another record is being
// opened); the draft is offered again under "Unfinished write-ups".
func (f *contactForm) park() {
	if f.Dirty {
		f.keepDraft()
	}
	f.close()
}

func (f *contactForm) close() {
	f.stopDraftTimer()
	f.Closed = true
}
