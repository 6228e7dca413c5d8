package women

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// The tabs of her page, in order.
const (
	womanTabTimeline = iota
	womanTabNeeds
	womanTabPlan
	womanTabActions
	womanTabEvents
	womanTabReadings
	womanTabDetails
)

// womanPage is everything about one woman: a header with who she is and
// her safety note, and tabs for her timeline, needs, release plan, actions,
// outcome events, her readings (how she is doing) and details.
type womanPage struct {
	u         kit.Env
	id        string
	person    *notes.Person
	onChanged func(id string)

	header   *fyne.Container
	tabs     *container.AppTabs
	timeline *womanTimeline
	// The other tabs are built the first time they are shown (nil until
	// then), so that her page opens quickly.
	needs    *womanNeeds
	plan     *womanPlan
	actions  *womanActions
	events   *womanEvents
	readings *womanReadings
	form     *personForm
	details  *fyne.Container
	root     fyne.CanvasObject
}

// newWomanPage builds her page. onChanged runs after her details are saved.
func newWomanPage(u kit.Env, id string, onChanged func(id string)) (*womanPage, error) {
	p := &womanPage{u: u, id: id, onChanged: onChanged}
	person, err := u.Notes().GetPerson(id)
	if err != nil {
		return nil, err
	}
	p.person = person
	p.header = container.NewVBox()
	p.timeline = newWomanTimeline(p)
	p.details = container.NewStack()
	p.tabs = container.NewAppTabs(
		container.NewTabItem("Timeline", p.timeline.Content()),
		container.NewTabItem("Needs", container.NewStack()),
		container.NewTabItem("Release plan", container.NewStack()),
		container.NewTabItem("Actions", container.NewStack()),
		container.NewTabItem("Outcomes", container.NewStack()),
		container.NewTabItem("How she is doing", container.NewStack()),
		container.NewTabItem("Details", p.details),
	)
	p.tabs.OnSelected = func(*container.TabItem) {
		p.flush()
		p.ensureTab(p.tabs.SelectedIndex())
	}
	p.fillHeader()
	p.root = container.NewBorder(container.NewPadded(p.header), nil, nil, nil, p.tabs)
	if hasWomanDraft(u.Notes(), id) {
		p.tabs.SelectIndex(womanTabDetails)
	}
	return p, nil
}

func (p *womanPage) Content() fyne.CanvasObject { return p.root }

// ensureTab builds tab i's content if it has not been built yet.
func (p *womanPage) ensureTab(i int) {
	var made fyne.CanvasObject
	switch {
	case i == womanTabNeeds && p.needs == nil:
		p.needs = newWomanNeeds(p)
		made = p.needs.Content()
	case i == womanTabPlan && p.plan == nil:
		p.plan = newWomanPlan(p)
		made = p.plan.Content()
	case i == womanTabActions && p.actions == nil:
		p.actions = newWomanActions(p)
		made = p.actions.Content()
	case i == womanTabEvents && p.events == nil:
		p.events = newWomanEvents(p)
		made = p.events.Content()
	case i == womanTabReadings && p.readings == nil:
		p.readings = newWomanReadings(p)
		made = p.readings.Content()
	case i == womanTabDetails && p.form == nil:
		p.buildForm()
		return
	default:
		return
	}
	box := p.tabs.Items[i].Content.(*fyne.Container)
	box.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(made))}
	box.Refresh()
}

// buildForm (re)makes the Details tab's form from her stored record.
func (p *womanPage) buildForm() {
	p.form = newPersonForm(p.u, p.person, func(saved *notes.Person) {
		p.person = saved
		p.fillHeader()
		if p.plan != nil {
			p.plan.reload()
		}
		if p.onChanged != nil {
			p.onChanged(saved.ID)
		}
	}, nil)
	p.form.restoreDraft()
	p.details.Objects = []fyne.CanvasObject{p.form.withBar(nil)}
	p.details.Refresh()
}

// fillHeader shows who she is, where she is, her release date and her
// safety note.
func (p *womanPage) fillHeader() {
	u, w := p.u, p.person
	today := kit.TodayFor(u)
	name := widget.NewLabelWithStyle(w.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	// Her name is never cut short: in a narrow window the buttons move onto
	// the line below it.

	var facts []string
	if w.Pseudonym != "" {
		facts = append(facts, "Pseudonym “"+w.Pseudonym+"”")
	}
	if w.PrisonNumber != "" {
		facts = append(facts, "Prison number "+w.PrisonNumber)
	}
	facts = append(facts, schema.PersonStatus.Label(w.Status))
	if w.EstablishmentID != "" {
		if e, err := u.Notes().GetEstablishment(w.EstablishmentID); err == nil {
			facts = append(facts, e.Name)
		}
	}
	edit := widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), func() {
		p.tabs.SelectIndex(womanTabDetails)
		p.ensureTab(womanTabDetails)
		p.form.focusFirst()
	})
	contact := widget.NewButtonWithIcon("New contact with her", theme.ContentAddIcon(), func() {
		u.Open(kit.Record(kit.Contacts, "new:"+p.id))
	})
	contact.Importance = widget.HighImportance
	handover := widget.NewButtonWithIcon("Hand over to a colleague…", theme.MailSendIcon(), p.handOver)
	// Her name is never cut short: in a narrow window the buttons move
	// onto the line below it.
	top := kit.Flow(name, contact, edit, handover)
	objs := []fyne.CanvasObject{top, kit.Wrapped(strings.Join(facts, " · "))}

	if w.ReleaseDate != "" {
		r := "Release date " + kit.DateWords(w.ReleaseDate, today)
		if w.ReleaseDateConfirmed {
			r += " (confirmed)"
		} else {
			r += " (estimated, not confirmed)"
		}
		if when := kit.WhenWords(w.ReleaseDate, today); when != "" && w.ReleaseDate >= today {
			r += " — " + when
		}
		l := widget.NewLabelWithStyle(r, fyne.TextAlignLeading, fyne.TextStyle{Bold: schema.InCustody(w.Status)})
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	if w.Status == "closed" && w.ClosedOn != "" {
		objs = append(objs, kit.Muted("Her record was closed on "+kit.DateWords(w.ClosedOn, today)+"."))
	}
	if strings.TrimSpace(w.SafetyNote) != "" {
		objs = append(objs, safetyBanner(w.SafetyNote))
	}
	if len(w.Sensitive) > 0 {
		var labels []string
		for _, f := range w.Sensitive {
			labels = append(labels, schema.SensitiveFlag.Label(f))
		}
		flags := kit.Muted(strings.Join(labels, ", ") + ". These are left out of redacted exports.")
		acc := widget.NewAccordion(widget.NewAccordionItem(fmt.Sprintf("Sensitive flags (%d)", len(labels)), flags))
		objs = append(objs, acc)
	}
	p.header.Objects = objs
	p.header.Refresh()
}

// reload reads her record again and refreshes every tab (the form only if
// it is not being edited).
func (p *womanPage) reload() {
	person, err := p.u.Notes().GetPerson(p.id)
	if err != nil {
		kit.ShowError(p.u.Window(), "Her record could not be read", err)
		return
	}
	p.person = person
	p.fillHeader()
	p.timeline.reload()
	if p.needs != nil {
		p.needs.reload()
	}
	if p.plan != nil {
		p.plan.reload()
	}
	if p.actions != nil {
		p.actions.reload()
	}
	if p.events != nil {
		p.events.reload()
	}
	if p.readings != nil {
		p.readings.reload()
	}
	if p.form != nil && p.tabs.SelectedIndex() != womanTabDetails {
		p.buildForm()
	}
}

// save is Ctrl+S on her page: the details form if it is shown, otherwise
// the notes being typed.
func (p *womanPage) Save() {
	if p.tabs.SelectedIndex() == womanTabDetails && p.form != nil {
		p.form.save()
		return
	}
	p.flush()
}

// flush saves need and release-plan notes still being typed, and keeps
// unsaved changes to her details as a draft.
func (p *womanPage) flush() {
	if p.form != nil {
		p.form.leave()
	}
	if p.needs != nil {
		p.needs.flush()
	}
	if p.plan != nil {
		p.plan.flush()
	}
}

// afterChange is called by a tab after it wrote something: the vault is
// saved soon and the timeline shows the change.
func (p *womanPage) afterChange() {
	p.u.Changed()
	p.timeline.reload()
}

// safetyBanner shows her safety note prominently, on a warm background
// with a warning sign.
func safetyBanner(note string) fyne.CanvasObject {
	bg := canvas.NewRectangle(kit.WithAlpha(theme.Color(theme.ColorNameWarning), 0x33))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameWarning)
	bg.StrokeWidth = 1
	icon := widget.NewIcon(theme.WarningIcon())
	text := widget.NewRichText(
		&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: "Safety note: "},
		&widget.TextSegment{Style: widget.RichTextStyleInline, Text: note})
	text.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(nil, nil, container.NewVBox(icon), nil, text)
	return container.NewStack(bg, container.NewPadded(body))
}
