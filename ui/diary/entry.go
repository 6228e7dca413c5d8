package diary

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
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
	contact    *kit.Select
	contactErr *widget.Label
	contactIDs map[string]string // label → id
	contactLbl map[string]string // id → label
	openLink   *widget.Hyperlink
	template   *kit.Select
	tmplKey    string

	sectionsBox *fyne.Container
	sections    []*kit.GrowingEntry
	sectionKeys []string
	sectionErrs []*widget.Label

	tags    *kit.LeaveEntry
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
	foot := kit.NewFooter(kit.FooterOptions{OnPrimary: func() { ed.save(true) }, OnDelete: ed.confirmDelete})
	ed.savedNote = foot.Note

	ed.date = kit.NewLeaveEntry("YYYY-MM-DD", ed.checkDate)
	ed.date.OnChanged = func(string) { ed.changed() }
	ed.dateErr = kit.ErrorLabel()

	ed.contact = kit.NewSelect(nil, func(string) {
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
	ed.template = kit.NewSelect(names, ed.templateChosen)

	ed.sectionsBox = container.NewVBox()

	ed.tags = kit.NewLeaveEntry("", nil)
	ed.tags.SetPlaceHolder("housing, release day, trauma-informed")
	ed.tags.OnChanged = func(string) { ed.changed() }
	ed.tagsErr = kit.ErrorLabel()
	ed.chips = container.New(layout.NewRowWrapLayout())

	ed.commentsBox = container.NewVBox()

	status := ed.badge.In(kit.Flow(container.NewHBox(ed.badge.Object(), ed.statusBox)))
	top := container.NewVBox(ed.title, status, ed.hint, widget.NewSeparator())

	contactRow := container.NewBorder(nil, nil, nil, ed.openLink, ed.contact)
	details := container.New(&kit.DiaryColumnsLayout{Fixed: 170},
		kit.Captioned("Date", kit.DateField(ed.date, func() string { return kit.TodayFor(ed.u) }), ed.dateErr),
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
	)
	ed.body = body
	scroll := container.NewVScroll(container.New(&kit.DiaryReadingWidth{Width: 760}, container.NewPadded(body)))
	ed.root = kit.EditorWithFooter(container.NewPadded(top), scroll, foot)
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
	kit.SetSoft(ed.savedNote, kit.AutosaveNote)
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
	ed.Edited()
}

func (ed *diaryEditor) stopTimer() { ed.StopTimer() }
