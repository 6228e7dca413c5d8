package women

import (
	"slices"
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

// personForm adds a woman or edits her details: every field of
// notes.Person except her needs (edited on her page). Problems are shown at
// each field and nothing typed is lost.
type personForm struct {
	kit.Editor // her details save themselves; the add form keeps a draft
	u          kit.Env
	id         string // "" while adding
	form       *kit.FieldForm
	onSave     func(p *notes.Person)
	onQuit     func()

	name, pseudonym, prisonNumber, sentence, shareWith *kit.LeaveEntry
	dob, release, referralDate, consentOn, closedOn    *kit.LeaveEntry
	safety, retention                                  *kit.LeaveEntry
	status, referral, establishment                    *kit.Select
	ethnicity, offence                                 *kit.Select
	previous                                           *kit.LeaveEntry
	confirmed                                          *kit.Check
	flags                                              []*kit.Check
	places                                             kit.EstablishmentChoices
	saveButton                                         *widget.Button
	savedNote                                          *kit.Footer // the footer, whose note says whether she is saved
	root, footer                                       fyne.CanvasObject
	original                                           notes.Person // as stored (empty while adding)
	notice                                             *fyne.Container
}

// newPersonForm builds the form for p (a new, empty Person to add one).
// onSave runs after a successful save; onQuit (if not nil) gives the form a
// Cancel button.
func newPersonForm(u kit.Env, p *notes.Person, onSave func(*notes.Person), onQuit func()) *personForm {
	f := &personForm{u: u, id: p.ID, original: *p, form: kit.NewFieldForm(), onSave: onSave, onQuit: onQuit}
	f.Init(u, &womanAutosaveDelay, f.autosave)
	ff := f.form

	f.name = ff.Entry("Name", "Name", "Her full name")
	f.pseudonym = ff.Entry("Pseudonym", "Pseudonym", "The name used in the newsletter and redacted exports")
	f.dob = ff.Date("DateOfBirth", "Date of birth")
	f.prisonNumber = ff.Entry("PrisonNumber", "Prison number", "For example A1234BC")

	f.status = kit.EnumSelect(schema.PersonStatus, p.Status)
	f.status.PlaceHolder = "Choose…"
	ff.Field("Status", "Status", f.status)
	f.establishment = kit.NewSelect(nil, nil)
	f.establishment.PlaceHolder = kit.NoEstablishment
	addPlace := kit.NewButton("Add new…", theme.ContentAddIcon(), f.addEstablishment)
	ff.Field("EstablishmentID", "Establishment", kit.FillRow(f.establishment, addPlace))
	f.sentence = ff.Entry("Sentence", "Sentence", "For example 18 months, or on remand")
	f.confirmed = kit.NewCheck("Confirmed", nil)
	f.release = ff.Date("ReleaseDate", "Release date", f.confirmed)
	ff.Rows["ReleaseDateConfirmed"] = ff.Rows["ReleaseDate"]

	f.referral = kit.EnumSelect(schema.Referral, p.Referral)
	f.referral.PlaceHolder = "Choose…"
	ff.Field("Referral", "Referral", f.referral)
	f.referralDate = ff.Date("ReferralDate", "Referral date")
	f.consentOn = ff.Date("ConsentRecordedOn", "Consent recorded on")
	f.shareWith = ff.Entry("ConsentShareWith", "May share with", "Who she agreed we may share information with")

	f.safety = ff.MultiEntry("SafetyNote", "Safety note", "Anything staff must know to keep her and others safe (shown at the top of her page)", 3)
	var flagBoxes []fyne.CanvasObject
	for _, v := range schema.SensitiveFlag.Values {
		c := kit.NewCheck(schema.SensitiveFlag.Label(v), nil)
		f.flags = append(f.flags, c)
		flagBoxes = append(flagBoxes, c)
	}
	flagHelp := kit.Muted("Recorded with care and left out of redacted exports.")
	cell := fyne.NewSize(0, 0)
	for _, c := range flagBoxes {
		cell = cell.Max(c.MinSize())
	}
	ff.Field("Sensitive", "Sensitive", container.NewVBox(container.NewGridWrap(cell, flagBoxes...), flagHelp))

	f.ethnicity = kit.EnumSelect(schema.Ethnicity, "not_recorded")
	ff.Field("Ethnicity", "Ethnicity", f.ethnicity)
	f.offence = kit.EnumSelect(schema.OffenceGroup, "not_recorded")
	ff.Field("OffenceGroup", "Offence group", f.offence)
	f.previous = ff.Entry("PreviousCustodialSentences", "Previous custodial sentences", "How many; leave empty if not known")
	f.previous.OnLeave = func() { ff.Rows["PreviousCustodialSentences"].SetError(previousProblem(f.previous.Text)) }

	f.closedOn = ff.Date("ClosedOn", "Closed on")
	f.retention = ff.MultiEntry("RetentionNote", "Kept because", "Why a closed record is kept past the retention period", 2)

	f.fill(p)
	f.status.OnChanged = func(string) {
		f.Edited()
		// Closed goes with the date it was closed, and only then.
		switch closed := kit.EnumValue(schema.PersonStatus, f.status) == "closed"; {
		case closed && strings.TrimSpace(f.closedOn.Text) == "":
			f.closedOn.SetText(kit.TodayFor(u))
		case !closed && f.original.Status != "closed" && f.closedOn.Text != "":
			f.closedOn.SetText("")
			f.form.Rows["ClosedOn"].SetError("")
		}
	}

	opts := kit.FooterOptions{OnPrimary: func() { f.save() }}
	if onQuit != nil {
		opts.Close, opts.OnClose = "Cancel", f.cancel
	}
	f.savedNote = kit.NewFooter(opts)
	f.saveButton = f.savedNote.Primary
	if p.ID != "" {
		f.savedNote.SetNote(kit.AutosaveNote)
	}
	f.watch()

	part := func(title, about string, rows *fyne.Container) fyne.CanvasObject {
		return widget.NewCard("", "", container.NewVBox(kit.Subheading(title), kit.Muted(about), rows))
	}
	f.notice = container.NewVBox()
	f.root = container.NewVBox(
		f.notice,
		part("Who she is", "Only her name is needed to start; add the rest when you know it.",
			ff.RowsFor("Name", "Pseudonym", "DateOfBirth", "PrisonNumber")),
		part("Where she is", "Her status and, while she is in custody, where and until when.",
			ff.RowsFor("Status", "EstablishmentID", "Sentence", "ReleaseDate")),
		part("Referral and consent", "How she came to the service and what she agreed to.",
			ff.RowsFor("Referral", "ReferralDate", "ConsentRecordedOn", "ConsentShareWith")),
		part("For the evaluation", "Optional. Counted, never named, in the monitoring figures; leave as Not recorded when you do not know.",
			ff.RowsFor("Ethnicity", "OffenceGroup", "PreviousCustodialSentences")),
		part("Keeping her safe", "The safety note is shown prominently on her page.",
			ff.RowsFor("SafetyNote", "Sensitive")),
		part("Closing her record", "Fill in only when her status is Closed.",
			ff.RowsFor("ClosedOn", "RetentionNote")),
	)
	f.footer = container.NewVBox(ff.General, f.savedNote.Content())
	return f
}

// content is the form's fields (to put in a scroll container).
func (f *personForm) Content() fyne.CanvasObject { return f.root }

// bar is the row with the Save button and what is wrong, to pin under the
// scrolling fields so that it is always in view.
func (f *personForm) bar() fyne.CanvasObject { return f.footer }

// withBar is the fields scrolling above the pinned bar.
func (f *personForm) withBar(top fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(top, f.bar(), nil, nil,
		container.NewVScroll(container.NewPadded(f.Content())))
}

// fill puts p's details in the fields (not counted as an edit).
func (f *personForm) fill(p *notes.Person) { f.Load(func() { f.fillFields(p) }) }

func (f *personForm) fillFields(p *notes.Person) {
	kit.SetEnumSelect(f.status, schema.PersonStatus, p.Status)
	kit.SetEnumSelect(f.referral, schema.Referral, p.Referral)
	f.name.SetText(p.Name)
	f.pseudonym.SetText(p.Pseudonym)
	f.dob.SetText(p.DateOfBirth)
	f.prisonNumber.SetText(p.PrisonNumber)
	f.sentence.SetText(p.Sentence)
	f.release.SetText(p.ReleaseDate)
	f.confirmed.SetChecked(p.ReleaseDateConfirmed)
	f.referralDate.SetText(p.ReferralDate)
	f.consentOn.SetText(p.ConsentRecordedOn)
	f.shareWith.SetText(p.ConsentShareWith)
	f.safety.SetText(p.SafetyNote)
	f.closedOn.SetText(p.ClosedOn)
	f.retention.SetText(p.RetentionNote)
	kit.SetEnumSelect(f.ethnicity, schema.Ethnicity, orNotRecorded(p.Ethnicity))
	kit.SetEnumSelect(f.offence, schema.OffenceGroup, orNotRecorded(p.OffenceGroup))
	f.previous.SetText(countText(p.PreviousCustodialSentences))
	for i, v := range schema.SensitiveFlag.Values {
		f.flags[i].SetChecked(slices.Contains(p.Sensitive, v))
	}
	f.loadPlaces(p.EstablishmentID)
}

// loadPlaces fills the establishment select and chooses id.
func (f *personForm) loadPlaces(id string) {
	places, err := kit.LoadEstablishmentChoices(f.u.Notes())
	if err != nil {
		kit.ShowError(f.u.Window(), "The list of establishments could not be read", err)
	}
	f.places = places
	f.establishment.Options = places.Labels
	f.establishment.Selected = places.Label(id)
	f.establishment.Refresh()
}

// person reads the fields over base (which keeps her needs).
func (f *personForm) person(base notes.Person) notes.Person {
	p := base
	p.Name = strings.TrimSpace(f.name.Text)
	p.Pseudonym = strings.TrimSpace(f.pseudonym.Text)
	p.DateOfBirth = strings.TrimSpace(f.dob.Text)
	p.PrisonNumber = strings.TrimSpace(f.prisonNumber.Text)
	p.Status = kit.EnumValue(schema.PersonStatus, f.status)
	p.EstablishmentID = f.places.Id(f.establishment.Selected)
	p.Sentence = f.sentence.Text
	p.ReleaseDate = strings.TrimSpace(f.release.Text)
	p.ReleaseDateConfirmed = f.confirmed.Checked
	p.Referral = kit.EnumValue(schema.Referral, f.referral)
	p.ReferralDate = strings.TrimSpace(f.referralDate.Text)
	p.ConsentRecordedOn = strings.TrimSpace(f.consentOn.Text)
	p.ConsentShareWith = f.shareWith.Text
	p.SafetyNote = f.safety.Text
	p.ClosedOn = strings.TrimSpace(f.closedOn.Text)
	p.RetentionNote = f.retention.Text
	p.Ethnicity = keptNotRecorded(kit.EnumValue(schema.Ethnicity, f.ethnicity), base.Ethnicity)
	p.OffenceGroup = keptNotRecorded(kit.EnumValue(schema.OffenceGroup, f.offence), base.OffenceGroup)
	p.PreviousCustodialSentences, _ = typedCount(f.previous.Text)
	p.Sensitive = nil
	for i, v := range schema.SensitiveFlag.Values {
		if f.flags[i].Checked {
			p.Sensitive = append(p.Sensitive, v)
		}
	}
	return p
}

// save checks the dates, saves her record now (the Save button) and
// reports problems at their fields. It reports whether she was saved.
func (f *personForm) save() bool { return f.store(false) }

// store saves her record. quiet (the autosave) leaves the keyboard where
// it is when something is not right yet.
func (f *personForm) store(quiet bool) bool {
	f.StopTimer()
	st := f.u.Notes()
	f.form.ClearErrors()
	datesOK := f.form.CheckDates()
	if msg := previousProblem(f.previous.Text); msg != "" {
		f.form.Rows["PreviousCustodialSentences"].SetError(msg)
		datesOK = false
	}
	if !datesOK {
		f.notSaved(quiet)
		return false
	}
	var base notes.Person
	if f.id != "" {
		cur, err := st.GetPerson(f.id)
		if err != nil {
			kit.ShowError(f.u.Window(), "Her record could not be read", err)
			return false
		}
		base = *cur
	}
	p := f.person(base)
	if err := st.SavePerson(&p); err != nil {
		if f.form.ShowProblems(err) {
			f.notSaved(quiet)
			return false
		}
		kit.ShowError(f.u.Window(), "Her record could not be saved", err)
		return false
	}
	f.dropDraft()
	f.id = p.ID
	f.original = p
	f.notice.Objects = nil
	f.notice.Refresh()
	f.u.Changed()
	f.Dirty = false
	f.savedNote.Saved(f.u)
	if f.onSave != nil {
		f.onSave(&p)
	}
	return true
}

// notSaved says what is missing; the Save button also takes the keyboard
// to it.
func (f *personForm) notSaved(quiet bool) {
	f.form.Summarise("Not saved yet")
	f.savedNote.NotSaved(f.form.Missing())
	if !quiet {
		f.focusProblem()
	}
}

// focusProblem puts the keyboard on the first field with a problem.
func (f *personForm) focusProblem() {
	name := f.form.FirstProblem()
	if name == "" {
		return
	}
	if fo, ok := f.form.Rows[name].Input.(fyne.Focusable); ok {
		f.u.Window().Canvas().Focus(fo)
	} else if e, ok := f.form.Dates[name]; ok {
		f.u.Window().Canvas().Focus(e)
	}
	// A select box does not scroll itself into view: show the field and
	// its message.
	kit.Reveal(f.form.Rows[name].Body)
}

// focusFirst puts the keyboard on her name.
func (f *personForm) focusFirst() { f.u.Window().Canvas().Focus(f.name) }

// addEstablishment asks for a new place's name and kind, saves it and
// chooses it.
func (f *personForm) addEstablishment() {
	name := widget.NewEntry()
	name.SetPlaceHolder("For example HMP Eastwood Park")
	kind := kit.EnumSelect(schema.EstablishmentKind, "prison")
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	body := container.NewVBox(
		widget.NewLabel("Name"), name,
		widget.NewLabel("Kind of place"), kind,
		msg,
	)
	var d *dialog.CustomDialog
	add := func() {
		msg.Hide()
		e := notes.Establishment{Name: strings.TrimSpace(name.Text), Kind: kit.EnumValue(schema.EstablishmentKind, kind)}
		if err := f.u.Notes().SaveEstablishment(&e); err != nil {
			if v, ok := notes.AsValidation(err); ok {
				msg.SetText(kit.ValidationText(v))
				msg.Show()
				return
			}
			kit.ShowError(f.u.Window(), "The establishment could not be saved", err)
			return
		}
		f.u.Changed()
		f.loadPlaces(e.ID)
		d.Hide()
	}
	name.OnSubmitted = func(string) { add() }
	addButton := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), add)
	addButton.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Add an establishment", body, f.u.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, addButton})
	d.Resize(fyne.NewSize(420, body.MinSize().Height+120))
	d.Show()
	f.u.Window().Canvas().Focus(name)
}
