package contacts

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// Opening the write-up form: a new contact, a saved one to edit, or an
// unfinished draft; and coming back to the list when it closes.

// loadDrafts offers the write-ups that were started and not saved.
func (s *ContactsScreen) loadDrafts() {
	s.drafts.Objects = nil
	if s.u.Locked() {
		s.drafts.Refresh()
		return
	}
	all, err := s.u.Notes().ListDrafts()
	if err != nil {
		s.drafts.Add(kit.Muted("Unfinished write-ups could not be listed: " + kit.Sentence(err)))
		s.drafts.Refresh()
		return
	}
	var rows []fyne.CanvasObject
	for _, d := range all {
		if d.Kind != contactDraftKind || !strings.HasPrefix(d.Key, contactDraftPrefix) {
			continue
		}
		if s.Form != nil && d.Key == s.Form.draftKey {
			continue
		}
		key := d.Key
		title := widget.NewLabel(d.Title)
		title.Truncation = fyne.TextTruncateEllipsis
		when := widget.NewLabel("kept " + contactDraftWhen(d.UpdatedAt, s.u.Now()))
		when.SizeName = theme.SizeNameCaptionText
		resume := widget.NewButtonWithIcon("Resume", theme.DocumentCreateIcon(), func() { s.resumeDraft(key) })
		discard := widget.NewButtonWithIcon("Discard", theme.DeleteIcon(), func() {
			kit.Confirm(s.u.Window(), "Throw away this unfinished write-up?", kit.Wrapped("“"+title.Text+"” was never saved. Everything typed in it will be thrown away."), "Throw away", "Keep it", true, kit.IfYes(func() { s.discardDraft(key) }))
		})
		discard.Importance = widget.LowImportance
		rows = append(rows, container.New(&kit.StackLayout{Gap: -theme.InnerPadding()}, title,
			container.NewBorder(nil, nil, nil, container.NewHBox(resume, discard), when)))
	}
	if len(rows) > 0 {
		head := kit.Subheading("Unfinished write-ups")
		s.drafts.Add(contactPanel(container.NewVBox(append([]fyne.CanvasObject{head}, rows...)...)))
	}
	s.drafts.Refresh()
}

func (s *ContactsScreen) discardDraft(key string) {
	if err := s.u.Notes().DeleteDraft(key); err != nil {
		kit.ShowError(s.u.Window(), "The draft could not be thrown away", err)
		return
	}
	s.u.Changed()
	s.loadDrafts()
}

// resumeDraft opens an unfinished write-up as it was left.
func (s *ContactsScreen) resumeDraft(key string) {
	body, ok, err := s.u.Notes().LoadDraft(key)
	if err == nil && !ok {
		err = fmt.Errorf("it is no longer there")
	}
	var d *contactDraft
	if err == nil {
		d, err = parseContactDraft(body)
	}
	if err != nil {
		kit.ShowError(s.u.Window(), "The draft could not be opened", err)
		s.loadDrafts()
		return
	}
	s.parkForm()
	f := newContactForm(s, d, key)
	f.Dirty = true
	f.status.SetText("Carrying on from your draft")
	s.openForm(f)
}

// newContact starts writing up a new contact (the button and Ctrl+N).
func (s *ContactsScreen) newContact() { s.startNew("") }

// startNew opens the form for a new contact dated today: a prison visit
// at the prison of the last visit, or hers when personID names a woman,
// who is then already added.
func (s *ContactsScreen) startNew(personID string) {
	if s.u.Locked() {
		return
	}
	s.parkForm()
	store := s.u.Notes()
	d := &contactDraft{Version: 1, Date: s.today(), Kind: "prison_visit"}
	if last, err := store.ListContacts(notes.ContactFilter{Kind: "prison_visit", Limit: 1}); err == nil && len(last) > 0 {
		d.EstablishmentID = last[0].EstablishmentID
	}
	if personID != "" {
		p, err := store.GetPerson(personID)
		if err != nil {
			kit.ShowError(s.u.Window(), "Her record could not be opened", err)
			return
		}
		if p.EstablishmentID != "" && schema.InCustody(p.Status) {
			d.EstablishmentID = p.EstablishmentID
		}
		d.People = []contactDraftPerson{{PersonID: p.ID, Name: p.Name, Booked: true, Seen: true}}
	}
	f := newContactForm(s, d, newContactDraftKey())
	s.openForm(f)
	c := s.u.Window().Canvas()
	if len(f.women) > 0 {
		c.Focus(f.women[0].note)
	} else {
		c.Focus(f.add)
	}
}

// edit opens a saved contact in the form, or its unsaved changes if a
// draft of them was kept.
func (s *ContactsScreen) edit(id string) {
	key := contactDraftPrefix + id
	if _, ok, err := s.u.Notes().LoadDraft(key); err == nil && ok {
		s.resumeDraft(key)
		return
	}
	c, err := s.u.Notes().GetContact(id)
	if err != nil {
		kit.ShowError(s.u.Window(), "The contact could not be opened", err)
		return
	}
	readings, err := s.u.Notes().ListContactReadings(id)
	if err != nil {
		kit.ShowError(s.u.Window(), "The readings taken at this contact could not be read", err)
		return
	}
	s.parkForm()
	d := contactToDraft(c)
	addReadings(d, readings)
	s.openForm(newContactForm(s, d, key))
}

// contactToDraft is a stored contact in the form's terms.
func contactToDraft(c *notes.Contact) *contactDraft {
	d := &contactDraft{Version: 1, ContactID: c.ID, Date: c.Date, Start: c.Start, End: c.End, Kind: c.Kind,
		EstablishmentID: c.EstablishmentID, Place: c.Place, RoomBooked: c.RoomBooked, LogisticsNote: c.LogisticsNote}
	if c.LateStartMinutes != 0 {
		d.LateStart = fmt.Sprint(c.LateStartMinutes)
	}
	for _, p := range c.People {
		dp := contactDraftPerson{PersonID: p.PersonID, Name: p.Name, Booked: p.Booked, Seen: p.Seen,
			Reason: p.NotSeenReason, Note: p.Note, Needs: p.NeedsDiscussed}
		for _, it := range p.Items {
			dp.Items = append(dp.Items, contactDraftItem{Item: it.Item, Quantity: fmt.Sprint(it.Quantity)})
		}
		if p.Wellbeing != nil {
			dp.Wellbeing = fmt.Sprint(*p.Wellbeing)
		}
		d.People = append(d.People, dp)
	}
	return d
}

func (s *ContactsScreen) openForm(f *contactForm) {
	s.Form = f
	s.root.Objects = []fyne.CanvasObject{f.content}
	s.root.Refresh()
}

// parkForm closes an open form, keeping its draft if anything was typed.
func (s *ContactsScreen) parkForm() {
	if s.Form == nil {
		return
	}
	s.Form.park()
	s.Form = nil
	s.root.Objects = []fyne.CanvasObject{s.browse}
	s.root.Refresh()
}

// formClosed returns to the list after the form was saved or thrown away,
// showing the contact id (if it exists).
func (s *ContactsScreen) formClosed(id string) {
	s.Form = nil
	s.root.Objects = []fyne.CanvasObject{s.browse}
	s.root.Refresh()
	s.loadDrafts()
	s.showRecord(id)
}
