package contacts

import (
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
)

// showDetail shows one saved contact's write-up in the right-hand pane,
// with Edit, Write reflection and Delete.
func (s *ContactsScreen) showDetail(id string) {
	c, err := s.u.Notes().GetContact(id)
	if err != nil {
		s.setDetail(kit.EmptyState("This contact cannot be shown", kit.Sentence(err)))
		return
	}
	title := kit.Heading(schema.ContactKind.Label(c.Kind))
	parts := []string{contactLongDate(c.Date)}
	if t := contactTimeSpan(c.Start, c.End); t != "" {
		parts = append(parts, t)
	}
	if c.PlaceName != "" {
		parts = append(parts, c.PlaceName)
	}
	when := widget.NewLabel(strings.Join(parts, "  ·  "))

	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { s.edit(c.ID) })
	reflect := s.reflectionButton(c)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { s.askDelete(c) })
	del.Importance = widget.LowImportance
	buttons := container.NewHBox(edit, reflect, del)

	box := container.NewVBox(title, when)
	if c.HasLogistics {
		box.Add(kit.Muted(contactLogisticsText(c)))
	}
	if _, ok, _ := s.u.Notes().LoadDraft(contactDraftPrefix + c.ID); ok {
		l := widget.NewLabel("There are unsaved changes to this contact. Press Edit to carry on with them.")
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	box.Add(buttons)
	box.Add(widget.NewSeparator())
	seen := 0
	for _, p := range c.People {
		if p.Seen {
			seen++
		}
	}
	switch n := len(c.People); n {
	case 0:
		box.Add(kit.Muted("No women are listed at this contact. Press Edit to add them."))
	case 1:
		box.Add(kit.Subheading(fmt.Sprintf("1 woman, %d seen", seen)))
	default:
		box.Add(kit.Subheading(fmt.Sprintf("%d women, %d seen", n, seen)))
	}
	for _, p := range c.People {
		box.Add(s.personDetail(p))
	}
	s.setDetail(container.NewVScroll(container.NewPadded(box)))
}

// contactLogisticsText is the session's logistics in words.
func contactLogisticsText(c *notes.Contact) string {
	var parts []string
	if c.RoomBooked {
		parts = append(parts, "Visits room booked")
	} else {
		parts = append(parts, "Visits room not booked")
	}
	switch m := c.LateStartMinutes; {
	case m == 1:
		parts = append(parts, "started 1 minute late")
	case m > 1:
		parts = append(parts, fmt.Sprintf("started %d minutes late", m))
	}
	s := strings.Join(parts, ", ") + "."
	if c.LogisticsNote != "" {
		s += " " + c.LogisticsNote
	}
	return s
}

// personDetail is one woman's part of a saved contact.
func (s *ContactsScreen) personDetail(p notes.ContactPerson) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pid := p.PersonID
	page := widget.NewButtonWithIcon("Her page", theme.AccountIcon(), func() { s.u.Open(kit.Record(kit.Women, pid)) })
	page.Importance = widget.LowImportance

	var status []string
	if p.Seen {
		status = append(status, "Seen")
	} else if p.NotSeenReason != "" {
		status = append(status, "Not seen: "+strings.ToLower(schema.NotSeenReason.Label(p.NotSeenReason)))
	} else {
		status = append(status, "Not seen yet")
	}
	if p.Booked {
		status = append(status, "booked")
	} else {
		status = append(status, "not booked")
	}
	if p.Wellbeing != nil {
		status = append(status, fmt.Sprintf("wellbeing %d of 10", *p.Wellbeing))
	}
	st := widget.NewLabel(strings.Join(status, ", "))
	if !p.Seen {
		st.Importance = widget.WarningImportance
	}
	box := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(name, st), page))
	if p.Note != "" {
		note := widget.NewLabel(p.Note)
		note.Wrapping = fyne.TextWrapWord
		box.Add(note)
	}
	if len(p.NeedsDiscussed) > 0 {
		labels := make([]string, len(p.NeedsDiscussed))
		for i, a := range p.NeedsDiscussed {
			labels[i] = schema.NeedArea.Label(a)
		}
		box.Add(kit.Muted("Needs discussed: " + strings.Join(labels, ", ")))
	}
	if len(p.Items) > 0 {
		labels := make([]string, len(p.Items))
		for i, it := range p.Items {
			labels[i] = fmt.Sprintf("%s × %d", schema.Item.Label(it.Item), it.Quantity)
		}
		box.Add(kit.Muted("Given: " + strings.Join(labels, ", ")))
	}
	return contactPanel(box)
}

// reflectionButton opens the diary entry about this contact, or writes a
// new one linked to it.
func (s *ContactsScreen) reflectionButton(c *notes.Contact) *widget.Button {
	existing, err := s.u.Diary().List(diary.Filter{ContactID: c.ID, Limit: 1})
	if err == nil && len(existing) > 0 {
		id := existing[0].ID
		return widget.NewButtonWithIcon("Open reflection", theme.FileTextIcon(), func() {
			s.u.Open(kit.Record(kit.Diary, id))
		})
	}
	b := widget.NewButtonWithIcon("Write reflection", theme.FileTextIcon(), func() { s.writeReflection(c.ID) })
	if c.Kind == "prison_visit" {
		b.Importance = widget.HighImportance
	}
	return b
}

// writeReflection makes a draft diary entry linked to the contact, with
// what happened already filled in, and opens it in the diary.
func (s *ContactsScreen) writeReflection(contactID string) {
	e, err := s.u.Diary().NewEntryForContact(contactID)
	if err == nil {
		err = s.u.Diary().Save(e)
	}
	if err != nil {
		kit.ShowError(s.u.Window(), "The reflection could not be started", err)
		return
	}
	s.u.Changed()
	s.u.Open(kit.Record(kit.Diary, e.ID))
}

// askDelete deletes a contact after saying what goes with it.
func (s *ContactsScreen) askDelete(c *notes.Contact) {
	what := schema.ContactKind.Label(c.Kind)
	msg := fmt.Sprintf("The %s of %s will be deleted", strings.ToLower(what), contactLongDate(c.Date))
	switch n := len(c.People); n {
	case 0:
		msg += "."
	case 1:
		msg += ", with the notes about the 1 woman at it (seen or not, her note, needs discussed, items given)."
	default:
		msg += fmt.Sprintf(", with the notes about the %d women at it (seen or not, their notes, needs discussed, items given).", n)
	}
	msg += " Diary entries and actions that name it are kept. This cannot be undone."
	kit.Confirm(s.u.Window(), "Delete this contact?", kit.Wrapped(msg), "Delete", "Keep it", true, kit.IfYes(func() { s.deleteContact(c.ID) }))
}

func (s *ContactsScreen) deleteContact(id string) {
	if err := s.u.Notes().DeleteContact(id); err != nil {
		kit.ShowError(s.u.Window(), "The contact could not be deleted", err)
		return
	}
	if err := s.u.Notes().DeleteDraft(contactDraftPrefix + id); err != nil {
		kit.ShowError(s.u.Window(), "Its unsaved changes could not be thrown away", err)
	}
	s.u.Changed()
	s.selected = ""
	s.reload()
	s.loadDrafts()
}
