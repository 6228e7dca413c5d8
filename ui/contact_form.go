package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
)

// somewhereElse is the "where" choice for a place that is not a listed
// establishment (the gate, the station, a café).
const somewhereElse = "Somewhere else…"

// contactForm writes up one contact: when, what kind, where, the session's
// logistics, then each woman seen or not. It keeps a draft as the user
// types and saves the contact only when everything checks out.
type contactForm struct {
	s    *contactsScreen
	u    *UI
	sess *Session // the session the form belongs to

	id       string // "" until saved
	draftKey string

	title  *widget.Label
	status *widget.Label
	banner *widget.Label
	save   *widget.Button
	cancel *widget.Button

	date, start, end *contactLeaveEntry
	kind             *widget.Select
	where            *widget.Select
	whereIDs         map[string]string // label → establishment id
	whereLabels      map[string]string // establishment id → label
	place            *widget.Entry
	placeField       fyne.CanvasObject
	logistics        *fyne.Container
	room             *widget.Check
	late             *contactLeaveEntry
	logNote          *widget.Entry
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

	loading      bool // filling the widgets, not the user typing
	dirty        bool // changed since opened or last saved
	unsavedDraft bool // changed since the draft was last kept
	closed       bool
	timer        *time.Timer
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
func newContactForm(s *contactsScreen, d *contactDraft, draftKey string) *contactForm {
	f := &contactForm{s: s, u: s.u, sess: s.u.sess, id: d.ContactID, draftKey: draftKey, hdrErr: map[string]string{}}
	f.build()
	f.fill(d)
	return f
}

func (f *contactForm) build() {
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.SizeName = theme.SizeNameSubHeadingText
	f.title.Truncation = fyne.TextTruncateEllipsis
	f.status = widget.NewLabel("")
	f.status.Importance = widget.LowImportance
	f.banner = contactErrorLabel()
	f.save = widget.NewButtonWithIcon("Save contact", theme.DocumentSaveIcon(), f.saveContact)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), f.askCancel)

	f.date = newContactLeaveEntry("YYYY-MM-DD", func() { f.checkDate() })
	f.start = newContactLeaveEntry("HH:MM", func() { f.checkTimes("Start") })
	f.end = newContactLeaveEntry("HH:MM", func() { f.checkTimes("End") })
	f.late = newContactLeaveEntry("0", func() { f.checkLate() })
	for _, e := range []*contactLeaveEntry{f.date, f.start, f.end, f.late} {
		e.AlwaysShowValidationError = true
	}
	f.date.OnChanged = func(string) { f.clearHeaderError("Date"); f.changed() }
	f.start.OnChanged = func(string) { f.clearHeaderError("Start"); f.changed() }
	f.end.OnChanged = func(string) { f.clearHeaderError("End"); f.changed() }
	f.late.OnChanged = func(string) { f.clearHeaderError("LateStartMinutes"); f.changed() }

	f.kind = widget.NewSelect(schema.ContactKind.LabelList(), func(string) {
		f.clearHeaderError("Kind")
		f.showLogistics()
		f.showTitle()
		f.changed()
	})
	f.where = widget.NewSelect(nil, func(string) {
		f.clearHeaderError("EstablishmentID")
		f.showPlace()
		f.changed()
	})
	f.where.PlaceHolder = "Choose where"
	f.loadEstablishments()
	f.place = widget.NewEntry()
	f.place.SetPlaceHolder("The gate, the station, a café…")
	f.place.OnChanged = func(string) { f.clearHeaderError("Place"); f.changed() }

	f.room = widget.NewCheck("Visits room booked", func(bool) { f.changed() })
	f.logNote = widget.NewEntry()
	f.logNote.SetPlaceHolder("The room, escorts, the regime, anything that got in the way")
	f.logNote.OnChanged = func(string) { f.clearHeaderError("LogisticsNote"); f.changed() }
	f.errWhen, f.errWhere, f.errSession = contactErrorLabel(), contactErrorLabel(), contactErrorLabel()

	when := container.NewHBox(
		contactField("Date", contactSized(f.date, 150), nil),
		contactField("Start", contactSized(f.start, 96), nil),
		contactField("End", contactSized(f.end, 96), nil),
		contactField("Kind", contactSized(f.kind, 210), nil),
	)
	f.placeField = contactField("Place", f.place, nil)
	where := container.NewBorder(nil, nil, contactField("Where", contactSized(f.where, 260), nil), nil, f.placeField)
	f.logistics = container.NewVBox(
		container.NewBorder(nil, nil,
			container.NewHBox(container.NewVBox(widget.NewLabel(""), f.room),
				contactField("Minutes lost to a late start", contactSized(f.late, 96), nil)),
			nil, contactField("Session note", f.logNote, nil)),
		f.errSession,
	)

	f.womenCount = widget.NewLabel("")
	f.womenCount.Importance = widget.LowImportance
	f.noWomen = muted("No women added yet. Type a name in the box below and press Enter; add each woman you saw or were booked to see.")
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
		muted("Enter adds her and moves to her note. Tab goes through her details and on to the next woman; Ctrl+S saves."),
	)

	body := container.NewVBox(
		when, f.errWhen,
		where, f.errWhere,
		f.logistics,
		widget.NewSeparator(),
		container.NewHBox(subheading("Women"), f.womenCount),
		f.noWomen,
		f.womenBox,
		addBox,
	)
	f.scroll = container.NewVScroll(container.NewPadded(body))
	top := container.NewBorder(nil, nil, nil, container.NewHBox(f.status, f.cancel, f.save), f.title)
	f.content = container.NewBorder(container.NewVBox(container.NewPadded(top), f.banner, widget.NewSeparator()), nil, nil, nil, f.scroll)
}

// loadEstablishments fills the "where" choices; names that repeat get
// their kind added so each choice is distinct.
func (f *contactForm) loadEstablishments() {
	f.whereIDs, f.whereLabels = map[string]string{}, map[string]string{}
	var opts []string
	ests, err := f.sess.Notes.ListEstablishments()
	if err != nil {
		f.status.SetText("The list of places could not be read: " + sentence(err))
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
	f.loading = true
	defer func() { f.loading = false }()
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
	if f.loading || f.closed {
		return
	}
	f.dirty = true
	f.unsavedDraft = true
	f.scheduleDraft()
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

// showPlace shows the free-text place unless an establishment is chosen.
func (f *contactForm) showPlace() {
	if f.whereIDs[f.where.Selected] != "" {
		f.placeField.Hide()
	} else {
		f.placeField.Show()
	}
}

// Field checks as the user leaves a field.

func (f *contactForm) checkDate() bool {
	d := strings.TrimSpace(f.date.Text)
	var msg string
	if d == "" {
		msg = "Enter the date of the contact (YYYY-MM-DD)."
	} else if _, err := schema.ParseDate(d); err != nil {
		msg = sentence(err)
	}
	f.setHeaderError("Date", msg)
	if msg == "" {
		f.showTitle()
	}
	return msg == ""
}

// checkTimes tidies a typed time ("930" → "09:30") and checks both times
// when the user leaves one of them.
func (f *contactForm) checkTimes(left string) bool {
	ok := true
	for _, x := range []struct {
		field string
		e     *contactLeaveEntry
	}{{"Start", f.start}, {"End", f.end}} {
		t := contactClock(x.e.Text)
		if t != x.e.Text && schema.ValidTime(t) {
			f.loading = true
			x.e.SetText(t)
			f.loading = false
			f.changed()
		}
		if t != "" && !schema.ValidTime(t) {
			f.setHeaderError(x.field, fmt.Sprintf("%s: enter a time as HH:MM, for example 13:30.", x.field))
			ok = false
		} else if x.field == left || x.field == "End" {
			f.setHeaderError(x.field, "")
		}
	}
	s, e := f.start.Text, f.end.Text
	if ok && s != "" && e != "" && e < s {
		f.setHeaderError("End", fmt.Sprintf("The end time %s is before the start time %s.", e, s))
		ok = false
	}
	return ok
}

func (f *contactForm) checkLate() bool {
	if _, err := f.lateMinutes(); err != nil {
		f.setHeaderError("LateStartMinutes", sentence(err))
		return false
	}
	f.setHeaderError("LateStartMinutes", "")
	return true
}

func (f *contactForm) lateMinutes() (int, error) {
	t := strings.TrimSpace(f.late.Text)
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > notes.MaxLateStartMinutes {
		return 0, fmt.Errorf("minutes lost to a late start: enter a whole number from 0 to %d, for example 20", notes.MaxLateStartMinutes)
	}
	return n, nil
}

// headerRows says which error line shows each field above the women.
func (f *contactForm) headerLine(field string) *widget.Label {
	switch field {
	case "Date", "Start", "End", "Kind":
		return f.errWhen
	case "EstablishmentID", "Place":
		return f.errWhere
	case "LateStartMinutes", "LogisticsNote", "RoomBooked", "HasLogistics":
		return f.errSession
	}
	return nil
}

var contactHeaderOrder = []string{"Date", "Start", "End", "Kind", "EstablishmentID", "Place", "RoomBooked", "LateStartMinutes", "LogisticsNote", "HasLogistics"}

func (f *contactForm) setHeaderError(field, msg string) {
	if msg == "" {
		delete(f.hdrErr, field)
	} else {
		f.hdrErr[field] = msg
	}
	if e := f.entryFor(field); e != nil {
		if msg == "" {
			e.SetValidationError(nil)
		} else {
			e.SetValidationError(errors.New(msg))
		}
	}
	f.showHeaderErrors()
}

func (f *contactForm) clearHeaderError(field string) {
	if f.loading {
		return
	}
	if _, ok := f.hdrErr[field]; ok {
		f.setHeaderError(field, "")
	}
}

func (f *contactForm) entryFor(field string) *contactLeaveEntry {
	switch field {
	case "Date":
		return f.date
	case "Start":
		return f.start
	case "End":
		return f.end
	case "LateStartMinutes":
		return f.late
	}
	return nil
}

func (f *contactForm) showHeaderErrors() {
	lines := map[*widget.Label][]string{}
	for _, field := range contactHeaderOrder {
		if msg, ok := f.hdrErr[field]; ok {
			l := f.headerLine(field)
			lines[l] = append(lines[l], msg)
		}
	}
	for _, l := range []*widget.Label{f.errWhen, f.errWhere, f.errSession} {
		contactSetError(l, strings.Join(lines[l], "\n"))
	}
}

// clearAllErrors hides every error before a new attempt to save.
func (f *contactForm) clearAllErrors() {
	for field := range f.hdrErr {
		if e := f.entryFor(field); e != nil {
			e.SetValidationError(nil)
		}
	}
	f.hdrErr = map[string]string{}
	f.showHeaderErrors()
	contactSetError(f.banner, "")
	for _, p := range f.women {
		p.clearErrors()
	}
}

// showErrors puts each problem at its field: the contact's own fields in
// the lines under them, each woman's under her card. Anything else goes in
// the banner at the top.
func (f *contactForm) showErrors(errs []notes.FieldError) {
	var other []string
	for _, e := range errs {
		if i, rest, ok := contactPersonField(e.Field); ok && i < len(f.women) {
			f.women[i].showError(rest, e.Message)
			continue
		}
		if f.headerLine(e.Field) != nil {
			msg := e.Message
			if e.Field == "Date" && !strings.Contains(strings.ToLower(msg), "date") {
				msg = "Date: " + msg
			}
			f.setHeaderError(e.Field, msg)
			continue
		}
		other = append(other, e.Message)
	}
	n := len(errs)
	msg := "This contact is not saved yet: 1 thing needs putting right (shown in red). Nothing you typed has been lost."
	if n != 1 {
		msg = fmt.Sprintf("This contact is not saved yet: %d things need putting right (shown in red). Nothing you typed has been lost.", n)
	}
	if len(other) > 0 {
		msg += "\n" + strings.Join(other, "\n")
	}
	contactSetError(f.banner, msg)
}

// contactPersonField splits "People[2].Items[0].Quantity" into 2 and
// "Items[0].Quantity".
func contactPersonField(field string) (int, string, bool) {
	rest, ok := strings.CutPrefix(field, "People[")
	if !ok {
		return 0, "", false
	}
	num, after, ok := strings.Cut(rest, "]")
	if !ok {
		return 0, "", false
	}
	i, err := strconv.Atoi(num)
	if err != nil {
		return 0, "", false
	}
	return i, strings.TrimPrefix(after, "."), true
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
		errs = append(errs, notes.FieldError{Field: "Date", Message: sentence(err)})
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
			errs = append(errs, notes.FieldError{Field: "LateStartMinutes", Message: sentence(err)})
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
	if f.closed || f.u.sess != f.sess {
		return
	}
	f.clearAllErrors()
	c, errs := f.record()
	if len(errs) == 0 {
		err := f.sess.Notes.SaveContact(c)
		if v, ok := notes.AsValidation(err); ok {
			errs = v
		} else if err != nil {
			showError(f.u.win, "The contact could not be saved", err)
			return
		}
	}
	if len(errs) > 0 {
		f.showErrors(errs)
		f.keepDraft()
		f.scroll.ScrollToTop()
		return
	}
	if err := f.sess.Notes.DeleteDraft(f.draftKey); err != nil {
		f.status.SetText("The draft could not be removed: " + sentence(err))
	}
	f.sess.Changed()
	f.close()
	f.s.formClosed(c.ID)
}

// askCancel closes the form; if anything was typed it asks first, and
// throws the draft away only when the user says so.
func (f *contactForm) askCancel() {
	if !f.dirty {
		f.discard()
		return
	}
	what := "this new contact"
	if f.id != "" {
		what = "your changes to this contact"
	}
	contactConfirm(f.u.win, "Throw away the write-up?",
		"Everything you typed in "+what+" will be thrown away. This cannot be undone.",
		"Throw away", "Keep writing", f.discard)
}

func (f *contactForm) discard() {
	if f.sess != nil && f.u.sess == f.sess {
		if err := f.sess.Notes.DeleteDraft(f.draftKey); err != nil {
			showError(f.u.win, "The draft could not be removed", err)
		} else {
			f.sess.Changed()
		}
	}
	f.close()
	f.s.formClosed(f.id)
}

// park keeps the draft and closes the form (another record is being
// opened); the draft is offered again under "Unfinished write-ups".
func (f *contactForm) park() {
	if f.dirty {
		f.keepDraft()
	}
	f.close()
}

func (f *contactForm) close() {
	f.stopDraftTimer()
	f.closed = true
}
