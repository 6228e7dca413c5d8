package diary

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// diaryAutosaveDelay is how long after the last keystroke the entry being
// written is saved.
var diaryAutosaveDelay = time.Second

// diaryRecentContacts is how many recent contacts the contact picker offers.
const diaryRecentContacts = 60

// diaryNoContact is the contact picker's choice for an entry about no
// particular contact.
const diaryNoContact = "No linked contact"

// diaryChipCount is how many of the most used tags are offered as chips.
const diaryChipCount = 10

// diaryEditor writes one reflective entry: its date, the contact it
// reflects on, the template, one box per heading, tags and status, with
// the supervisors' comments under it. It saves itself as the user types.
type diaryEditor struct {
	kit.Editor // dirty, loading, closed; autosave shortly after the last change

	u kit.Env

	// id is the entry's id once saved ("" before); status its stored status;
	// comments the supervisors' comments, read when the entry was opened.
	id       string
	status   string
	comments []diary.Comment
	// last is the list line of the entry as last saved.
	last     diary.Summary
	draftKey string
	// hasDraft says a draft is stored under draftKey.
	hasDraft bool

	onSaved   func(id string) // after every save or status change
	onDeleted func()

	title     *widget.Label
	badge     *kit.Pill
	hint      *widget.RichText
	statusBox *fyne.Container
	savedNote *widget.RichText

	date       *kit.LeaveEntry
	dateErr    *widget.Label
	contact    *widget.Select
	contactErr *widget.Label
	contactIDs map[string]string // label → id
	contactLbl map[string]string // id → label
	openLink   *widget.Hyperlink
	template   *widget.Select
	tmplKey    string

	sectionsBox *fyne.Container
	sections    []*kit.GrowingEntry
	sectionKeys []string
	sectionErrs []*widget.Label

	tags    *widget.Entry
	tagsErr *widget.Label
	chips   *fyne.Container

	commentsBox *fyne.Container
	body        *fyne.Container

	root fyne.CanvasObject
}

// newDiaryEditor builds the editor for e (a stored entry, or a new one
// with no ID). A draft kept for it, if any, is put back into the form.
func newDiaryEditor(u kit.Env, e *diary.Entry, onSaved func(string), onDeleted func()) *diaryEditor {
	ed := &diaryEditor{u: u, id: e.ID, status: e.Status, comments: e.Comments,
		onSaved: onSaved, onDeleted: onDeleted}
	ed.Init(u, &diaryAutosaveDelay, func() { ed.save(false) })
	if ed.status == "" {
		ed.status = "draft"
	}
	ed.draftKey = diaryDraftKey(e.ID)
	ed.build()
	ed.fill(e)
	if e.ID != "" {
		ed.restoreDraft()
	}
	return ed
}

// newDiaryEditorFromDraft builds the editor on a draft kept under key.
func newDiaryEditorFromDraft(u kit.Env, key string, d *diaryDraft, onSaved func(string), onDeleted func()) (*diaryEditor, error) {
	e := &diary.Entry{ID: d.ID, Status: "draft"}
	if d.ID != "" {
		stored, err := u.Diary().Get(d.ID)
		switch {
		case err == nil:
			e = stored
		case !errors.Is(err, diary.ErrNotFound):
			return nil, err
		}
	}
	ed := &diaryEditor{u: u, id: e.ID, status: e.Status, comments: e.Comments,
		onSaved: onSaved, onDeleted: onDeleted, draftKey: key, hasDraft: true}
	ed.Init(u, &diaryAutosaveDelay, func() { ed.save(false) })
	if ed.status == "" {
		ed.status = "draft"
	}
	ed.build()
	ed.fill(e)
	ed.applyDraft(d)
	return ed, nil
}

func (ed *diaryEditor) Content() fyne.CanvasObject { return ed.root }

func (ed *diaryEditor) build() {
	ed.title = kit.Heading("")
	ed.badge = kit.NewPill()
	kit.SetDiaryStatus(ed.badge, ed.status)
	ed.hint = kit.Soft("")
	ed.statusBox = container.NewHBox()
	ed.savedNote = kit.Soft("")
	ed.savedNote.Wrapping = fyne.TextWrapOff

	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { ed.save(true) })
	del := widget.NewButtonWithIcon("Delete this entry…", theme.DeleteIcon(), ed.confirmDelete)
	del.Importance = widget.LowImportance

	ed.date = kit.NewLeaveEntry("YYYY-MM-DD", ed.checkDate)
	ed.date.OnChanged = func(string) { ed.changed() }
	ed.dateErr = kit.ErrorLabel()

	ed.contact = widget.NewSelect(nil, func(string) {
		ed.updateOpenLink()
		ed.changed()
	})
	ed.contactErr = kit.ErrorLabel()
	ed.openLink = widget.NewHyperlink("Open contact", nil)
	ed.openLink.OnTapped = ed.openContact

	var names []string
	for _, t := range diary.Templates() {
		names = append(names, t.Name)
	}
	ed.template = widget.NewSelect(names, ed.templateChosen)

	ed.sectionsBox = container.NewVBox()

	ed.tags = widget.NewEntry()
	ed.tags.SetPlaceHolder("housing, release day, trauma-informed")
	ed.tags.OnChanged = func(string) { ed.changed() }
	ed.tagsErr = kit.ErrorLabel()
	ed.chips = container.New(layout.NewRowWrapLayout())

	ed.commentsBox = container.NewVBox()

	status := ed.badge.In(container.NewBorder(nil, nil, container.NewHBox(ed.badge.Object(), ed.statusBox),
		container.NewHBox(ed.savedNote, save)))
	top := container.NewVBox(ed.title, status, ed.hint, widget.NewSeparator())

	contactRow := container.NewBorder(nil, nil, nil, ed.openLink, ed.contact)
	details := container.New(&kit.DiaryColumnsLayout{Fixed: 170},
		kit.Captioned("Date", ed.date, ed.dateErr),
		kit.Captioned("Template", ed.template, nil))
	tagsPart := container.NewVBox(
		kit.Captioned("Tags, separated by commas", ed.tags, ed.tagsErr),
		ed.chips)

	body := container.NewVBox(
		details,
		kit.Captioned("Contact this reflects on", contactRow, ed.contactErr),
		widget.NewSeparator(),
		ed.sectionsBox,
		widget.NewSeparator(),
		tagsPart,
		ed.commentsBox,
		widget.NewSeparator(),
		container.NewHBox(del),
	)
	ed.body = body
	scroll := container.NewVScroll(container.New(&kit.DiaryReadingWidth{Width: 760}, container.NewPadded(body)))
	ed.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, scroll)
}

// fill puts entry e into the form without marking it changed.
func (ed *diaryEditor) fill(e *diary.Entry) {
	ed.Loading = true
	defer func() { ed.Loading = false }()
	ed.date.SetText(e.Date)
	ed.loadContacts(e.ContactID)
	key := e.Template
	if key == "" {
		key = "visit_reflection"
	}
	ed.setTemplate(key, e.AllSections())
	ed.tags.SetText(strings.Join(e.Tags, ", "))
	ed.loadChips()
	ed.showComments()
	ed.showStatus()
	ed.updateTitle()
	if e.ID == "" {
		kit.SetSoft(ed.savedNote, "Not saved yet")
	} else {
		kit.SetSoft(ed.savedNote, "Saved")
	}
}

// applyDraft puts a kept draft into the form, marked as changed.
func (ed *diaryEditor) applyDraft(d *diaryDraft) {
	ed.Loading = true
	ed.date.SetText(d.Date)
	ed.loadContacts(d.ContactID)
	tmpl := d.Template
	if _, ok := diary.TemplateByKey(tmpl); !ok {
		tmpl = "visit_reflection"
	}
	e := diary.Entry{Template: tmpl, Sections: d.Sections}
	ed.setTemplate(tmpl, e.AllSections())
	ed.tags.SetText(d.Tags)
	ed.updateTitle()
	ed.Loading = false
	ed.Dirty = true
	kit.SetSoft(ed.savedNote, "Restored what you were writing; not saved yet")
	ed.checkDate()
}

// restoreDraft puts back a draft kept for this entry, if there is one.
func (ed *diaryEditor) restoreDraft() {
	body, ok, err := ed.u.Notes().LoadDraft(ed.draftKey)
	if err != nil || !ok {
		return
	}
	d, err := parseDiaryDraft(body)
	if err != nil {
		return
	}
	ed.hasDraft = true
	ed.applyDraft(d)
}

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

// setTemplate lays out one box per heading of template key, holding texts.
func (ed *diaryEditor) setTemplate(key string, texts []diary.SectionText) {
	t, _ := diary.TemplateByKey(key)
	ed.tmplKey = key
	was := ed.Loading
	ed.Loading = true
	ed.template.SetSelected(t.Name)
	ed.Loading = was
	body := map[string]string{}
	for _, s := range texts {
		body[s.Key] = s.Body
	}
	ed.sections, ed.sectionKeys, ed.sectionErrs = nil, nil, nil
	var objs []fyne.CanvasObject
	for _, sec := range t.Sections {
		h := widget.NewLabelWithStyle(sec.Heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		p := kit.SoftItalic(sec.Prompt)
		e := kit.NewGrowingEntry("", 3, 18)
		e.SetText(body[sec.Key])
		e.OnChanged = func(string) {
			e.Fit()
			ed.changed()
		}
		errL := kit.ErrorLabel()
		ed.sections = append(ed.sections, e)
		ed.sectionKeys = append(ed.sectionKeys, sec.Key)
		ed.sectionErrs = append(ed.sectionErrs, errL)
		objs = append(objs, container.New(&kit.StackLayout{Gap: -2 * theme.Padding()}, h, p),
			e, errL, kit.DiaryGap(theme.Padding()))
	}
	ed.sectionsBox.Objects = objs
	ed.sectionsBox.Refresh()
}

// templateChosen switches template, asking first when something is written.
func (ed *diaryEditor) templateChosen(name string) {
	if ed.Loading {
		return
	}
	var key string
	for _, t := range diary.Templates() {
		if t.Name == name {
			key = t.Key
		}
	}
	if key == "" || key == ed.tmplKey {
		return
	}
	if !ed.hasText() {
		ed.setTemplate(key, nil)
		ed.changed()
		return
	}
	to, _ := diary.TemplateByKey(key)
	msg := fmt.Sprintf("The headings change to those of %s. Nothing you wrote is lost: it moves under “%s”, with its old headings, for you to sort into the new sections.",
		to.Name, to.Sections[0].Heading)
	kit.Confirm(ed.u.Window(), "Change the template?", kit.Wrapped(msg), "Change template", "Keep "+diaryTemplateName(ed.tmplKey), false, func(ok bool) {
		if !ok {
			old, _ := diary.TemplateByKey(ed.tmplKey)
			ed.Loading = true
			ed.template.SetSelected(old.Name)
			ed.Loading = false
			return
		}
		ed.switchTemplate(key)
	})
}

// diaryTemplateName is the name of template key.
func diaryTemplateName(key string) string {
	t, _ := diary.TemplateByKey(key)
	return t.Name
}

// switchTemplate moves to template key, carrying every written section
// into its first section under the old headings.
func (ed *diaryEditor) switchTemplate(key string) {
	old, _ := diary.TemplateByKey(ed.tmplKey)
	var parts []string
	for i, e := range ed.sections {
		if strings.TrimSpace(e.Text) != "" {
			parts = append(parts, old.Heading(ed.sectionKeys[i])+":\n"+strings.TrimSpace(e.Text))
		}
	}
	to, _ := diary.TemplateByKey(key)
	texts := []diary.SectionText{{Key: to.Sections[0].Key, Body: strings.Join(parts, "\n\n")}}
	ed.setTemplate(key, texts)
	ed.changed()
}

func (ed *diaryEditor) hasText() bool {
	for _, e := range ed.sections {
		if strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	return false
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

func (ed *diaryEditor) updateTitle() {
	d := strings.TrimSpace(ed.date.Text)
	if _, err := schema.ParseDate(d); err == nil {
		ed.title.SetText(kit.DiaryLongDate(d))
	} else {
		ed.title.SetText("Diary entry")
	}
}

// checkDate shows a problem with the date at the field as the user leaves it.
func (ed *diaryEditor) checkDate() {
	kit.SetError(ed.dateErr, kit.DateProblem(ed.date.Text, true))
	ed.updateTitle()
}

// changed marks the form changed and saves it shortly after the last change.
func (ed *diaryEditor) changed() {
	if !ed.Edited() {
		return
	}
	kit.SetSoft(ed.savedNote, "Editing…")
}

func (ed *diaryEditor) stopTimer() { ed.StopTimer() }

// collect reads the form into an entry (tags as typed, not yet tidied).
func (ed *diaryEditor) collect() diary.Entry {
	e := diary.Entry{ID: ed.id, Date: strings.TrimSpace(ed.date.Text), ContactID: ed.contactID(),
		Template: ed.tmplKey, Status: ed.status, Tags: kit.DiarySplitTags(ed.tags.Text)}
	for i, s := range ed.sections {
		e.Sections = append(e.Sections, diary.SectionText{Key: ed.sectionKeys[i], Body: s.Text})
	}
	return e
}

// draft is the form as typed.
func (ed *diaryEditor) draft() *diaryDraft {
	e := ed.collect()
	return &diaryDraft{ID: ed.id, Date: ed.date.Text, ContactID: e.ContactID, Template: e.Template,
		Sections: e.Sections, Tags: ed.tags.Text}
}

// save writes the entry if anything changed (or force). When the entry
// cannot be saved as it stands, the form is kept as a draft, the problems
// are shown at their fields, and false is returned.
func (ed *diaryEditor) save(force bool) bool {
	ed.stopTimer()
	if ed.Closed || ed.u.Locked() {
		return true
	}
	if !ed.Dirty && !force {
		return true
	}
	if !ed.Dirty && ed.id != "" {
		return true
	}
	ed.clearErrors()
	if msg := kit.DateProblem(ed.date.Text, true); msg != "" {
		kit.SetError(ed.dateErr, msg)
		ed.keepDraft("Not saved: the date needs fixing. What you wrote is kept.")
		return false
	}
	e := ed.collect()
	if e.ID != "" {
		// The stored status wins: a supervision session may have changed it
		// since the entry was opened.
		cur, err := ed.u.Diary().Get(e.ID)
		switch {
		case err == nil:
			e.Status = cur.Status
			ed.comments = cur.Comments
		case errors.Is(err, diary.ErrNotFound):
		default:
			ed.keepDraft("Not saved yet.")
			kit.ShowError(ed.u.Window(), "The diary entry could not be saved", err)
			return false
		}
	} else {
		e.Status = "draft"
	}
	if err := ed.u.Diary().Save(&e); err != nil {
		if v, ok := diary.AsValidation(err); ok {
			ed.showProblems(v)
			ed.keepDraft("Not saved: see the problem marked in red. What you wrote is kept.")
			return false
		}
		ed.keepDraft("Not saved yet.")
		kit.ShowError(ed.u.Window(), "The diary entry could not be saved", err)
		return false
	}
	ed.id = e.ID
	ed.status = e.Status
	ed.last = kit.SupervisionSummaryOf(&e)
	ed.Dirty = false
	if ed.hasDraft {
		if err := ed.u.Notes().DeleteDraft(ed.draftKey); err == nil {
			ed.hasDraft = false
		}
	}
	ed.draftKey = diaryDraftKey(ed.id)
	ed.u.Changed()
	kit.SetSoft(ed.savedNote, "Saved at "+ed.clock())
	ed.showStatus()
	ed.showComments()
	if ed.onSaved != nil {
		ed.onSaved(ed.id)
	}
	return true
}

func (ed *diaryEditor) clock() string { return kit.ClockFor(ed.u) }

// keepDraft stores the form as typed, so nothing is lost while it cannot
// be saved as an entry.
func (ed *diaryEditor) keepDraft(note string) {
	d := ed.draft()
	if err := ed.u.Notes().SaveDraft(ed.draftKey, diaryDraftKind, d.title(), d.encode()); err != nil {
		kit.ShowError(ed.u.Window(), "What you wrote could not be kept as a draft", err)
		return
	}
	ed.hasDraft = true
	ed.u.Changed()
	kit.SetSoft(ed.savedNote, note)
}

func (ed *diaryEditor) clearErrors() {
	kit.SetError(ed.dateErr, "")
	kit.SetError(ed.contactErr, "")
	kit.SetError(ed.tagsErr, "")
	for _, l := range ed.sectionErrs {
		kit.SetError(l, "")
	}
}

// showProblems puts each problem under its field.
func (ed *diaryEditor) showProblems(v diary.ValidationError) {
	var tags []string
	for _, fe := range v {
		switch {
		case fe.Field == "Date":
			kit.SetError(ed.dateErr, fe.Message)
		case fe.Field == "ContactID":
			kit.SetError(ed.contactErr, fe.Message)
		case strings.HasPrefix(fe.Field, "Tags"):
			tags = append(tags, fe.Message)
		case strings.HasPrefix(fe.Field, "Sections["):
			var i int
			if _, err := fmt.Sscanf(fe.Field, "Sections[%d]", &i); err == nil && i >= 0 && i < len(ed.sectionErrs) {
				kit.SetError(ed.sectionErrs[i], fe.Message)
			} else {
				tags = append(tags, fe.Message)
			}
		default:
			tags = append(tags, fe.Message)
		}
	}
	if len(tags) > 0 {
		kit.SetError(ed.tagsErr, strings.Join(kit.UniqueStrings(tags), " "))
	}
}

// flush saves what is typed now (before leaving the entry or locking).
func (ed *diaryEditor) flush() {
	if ed.Dirty {
		ed.save(false)
	}
}

// close flushes and stops the editor; it does nothing more afterwards.
func (ed *diaryEditor) close() {
	ed.flush()
	ed.stopTimer()
	ed.Closed = true
}

// setStatus saves the entry and moves it to status to.
func (ed *diaryEditor) setStatus(to string) {
	if ed.id == "" || ed.Dirty {
		if !ed.save(true) {
			return
		}
	}
	if err := ed.u.Diary().SetStatus(ed.id, to); err != nil {
		var se *diary.StatusError
		if errors.As(err, &se) {
			dialog.ShowInformation("The status was not changed", kit.Sentence(errors.New(se.Reason)), ed.u.Window())
		} else {
			kit.ShowError(ed.u.Window(), "The status could not be changed", err)
		}
		if cur, gerr := ed.u.Diary().Get(ed.id); gerr == nil {
			ed.status = cur.Status
			ed.showStatus()
		}
		return
	}
	ed.u.Changed()
	ed.status = to
	ed.last.Status = to
	ed.showStatus()
	if ed.onSaved != nil {
		ed.onSaved(ed.id)
	}
}

// confirmDelete asks, then deletes the entry (or drops a new one).
func (ed *diaryEditor) confirmDelete() {
	msg := "This entry and the supervisors' comments on it will be removed from the diary. This cannot be undone."
	if ed.id == "" {
		msg = "This entry has not been saved. What you wrote will be thrown away."
	}
	kit.Confirm(ed.u.Window(), "Delete this diary entry?", kit.Wrapped(msg), "Delete entry", "Keep it", true, func(ok bool) {
		if !ok {
			return
		}
		ed.stopTimer()
		if ed.id != "" {
			if err := ed.u.Diary().Delete(ed.id); err != nil && !errors.Is(err, diary.ErrNotFound) {
				kit.ShowError(ed.u.Window(), "The diary entry could not be deleted", err)
				return
			}
		}
		if ed.hasDraft {
			ed.u.Notes().DeleteDraft(ed.draftKey)
		}
		ed.u.Changed()
		ed.Closed = true
		if ed.onDeleted != nil {
			ed.onDeleted()
		}
	})
}

// reloadStored refreshes the status and comments from the store (after a
// supervision session changed them), leaving what is typed alone.
func (ed *diaryEditor) reloadStored() {
	if ed.id == "" {
		return
	}
	cur, err := ed.u.Diary().Get(ed.id)
	if err != nil {
		return
	}
	ed.status = cur.Status
	ed.comments = cur.Comments
	ed.showStatus()
	ed.showComments()
	ed.Loading = true
	ed.loadChips()
	ed.Loading = false
}
