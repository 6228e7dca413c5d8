package diary

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/notes"
	"inreach/ui/kit"
)

// loadContacts fills the contact picker with recent contacts and selects
// id (added to the choices if it is older).
func (ed *diaryEditor) loadContacts(id string) {
	ed.contactIDs = map[string]string{diaryNoContact: ""}
	ed.contactLbl = map[string]string{"": diaryNoContact}
	options := []string{diaryNoContact}
	add := func(cid, kind, place, date, start string) {
		label := kit.DiaryContactLabel(kind, place, date)
		if _, dup := ed.contactIDs[label]; dup && start != "" {
			label += ", " + start
		}
		for n := 2; ; n++ {
			if _, dup := ed.contactIDs[label]; !dup {
				break
			}
			label = fmt.Sprintf("%s (%d)", kit.DiaryContactLabel(kind, place, date), n)
		}
		ed.contactIDs[label] = cid
		ed.contactLbl[cid] = label
		options = append(options, label)
	}
	recent, err := ed.u.Notes().ListContacts(notes.ContactFilter{Limit: diaryRecentContacts})
	if err != nil {
		kit.ShowError(ed.u.Window(), "The recent contacts could not be read", err)
	}
	for _, c := range recent {
		add(c.ID, c.Kind, c.PlaceName, c.Date, c.Start)
	}
	if _, ok := ed.contactLbl[id]; !ok {
		if c, err := ed.u.Diary().Contact(id); err == nil {
			add(c.ID, c.Kind, c.Place, c.Date, c.Start)
		}
	}
	ed.contact.Options = options
	if label, ok := ed.contactLbl[id]; ok {
		ed.contact.SetSelected(label)
	} else {
		ed.contact.SetSelected(diaryNoContact)
	}
	ed.updateOpenLink()
}

func (ed *diaryEditor) contactID() string { return ed.contactIDs[ed.contact.Selected] }

func (ed *diaryEditor) updateOpenLink() {
	if ed.openLink == nil {
		return
	}
	if ed.contactID() == "" {
		ed.openLink.Hide()
	} else {
		ed.openLink.Show()
	}
}

// openContact shows the linked contact in the Contacts screen, saving the
// entry first.
func (ed *diaryEditor) openContact() {
	id := ed.contactID()
	if id == "" {
		return
	}
	ed.flush()
	ed.u.Open(kit.Record(kit.Contacts, id))
}

// loadChips offers the most used tags; a tap adds one to the entry.
func (ed *diaryEditor) loadChips() {
	counts, err := ed.u.Diary().TagCounts("", "")
	if err != nil {
		return
	}
	var objs []fyne.CanvasObject
	for i, tc := range counts {
		if i == diaryChipCount {
			break
		}
		tag := tc.Tag
		b := widget.NewButtonWithIcon(tag, theme.ContentAddIcon(), func() { ed.addTag(tag) })
		b.Importance = widget.LowImportance
		objs = append(objs, b)
	}
	ed.chips.Objects = objs
	ed.chips.Refresh()
	if ed.body != nil {
		ed.body.Refresh() // the chips may now need more or fewer rows
	}
}

// addTag adds tag to the tags box unless it is there already.
func (ed *diaryEditor) addTag(tag string) {
	have := diary.NormaliseTags(kit.DiarySplitTags(ed.tags.Text))
	for _, t := range have {
		if t == tag {
			return
		}
	}
	text := strings.TrimSpace(ed.tags.Text)
	text = strings.TrimSuffix(text, ",")
	if text != "" {
		text += ", "
	}
	ed.tags.SetText(text + tag)
}

// showComments lists the supervisors' comments in their own panel.
func (ed *diaryEditor) showComments() {
	if len(ed.comments) == 0 {
		ed.commentsBox.Objects = nil
		ed.commentsBox.Refresh()
		return
	}
	items := []fyne.CanvasObject{kit.Subheading("Supervisor's comments")}
	for _, c := range ed.comments {
		who := kit.ShortDate(c.Date)
		if c.Supervisor != "" {
			who += " · " + c.Supervisor
		}
		w := kit.SoftItalic(who)
		t := widget.NewLabel(c.Text)
		t.Wrapping = fyne.TextWrapWord
		items = append(items, container.New(&kit.StackLayout{Gap: -2 * theme.Padding()}, w, t))
	}
	ed.commentsBox.Objects = []fyne.CanvasObject{
		kit.DiaryGap(theme.Padding()),
		kit.DiaryNote(container.NewVBox(items...), theme.Color(theme.ColorNameSuccess)),
	}
	ed.commentsBox.Refresh()
}

// showStatus shows the badge, a line about the status and the buttons for
// the changes the practitioner may make by hand.
func (ed *diaryEditor) showStatus() {
	kit.SetDiaryStatus(ed.badge, ed.status)
	switch ed.status {
	case "for_supervision":
		kit.SetSoft(ed.hint, "Ready to talk about at your next supervision session.")
	case "discussed":
		kit.SetSoft(ed.hint, "Discussed at supervision (set when the session was signed off).")
	default:
		kit.SetSoft(ed.hint, "A draft: mark it for supervision when it is ready to talk about.")
	}
	var buttons []fyne.CanvasObject
	for _, to := range diary.AllowedStatuses(ed.status) {
		to := to
		var b *widget.Button
		switch {
		case to == "for_supervision" && ed.status == "discussed":
			b = widget.NewButtonWithIcon("Reopen for supervision", theme.ViewRefreshIcon(), nil)
		case to == "for_supervision":
			b = widget.NewButtonWithIcon("Mark for supervision", theme.ConfirmIcon(), nil)
		case to == "draft":
			b = widget.NewButtonWithIcon("Back to draft", theme.ContentUndoIcon(), nil)
		default:
			b = widget.NewButton(kit.DiaryStatusWords(to), nil)
		}
		b.OnTapped = func() { ed.setStatus(to) }
		buttons = append(buttons, b)
	}
	ed.statusBox.Objects = buttons
	ed.statusBox.Refresh()
}
