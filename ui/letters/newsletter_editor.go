package letters

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/ui/kit"
)

// issueAutosaveDelay is how long after the last keystroke the issue being
// written is saved and checked again.
var issueAutosaveDelay = time.Second

// issueEditor writes one newsletter issue (draft or ready): its title,
// number and date, its sections in order, with the length, the safety
// check, the prison-mail checklist, the status buttons, the PDFs and the
// distribution list beside them. It saves itself as the user types.
type issueEditor struct {
	kit.Editor // dirty, loading, closed; saved and checked shortly after the last change

	u kit.Env
	// is is the issue as last saved or opened: its ID ("" until saved),
	// Number, Status and Checklist are read from it.
	is        newsletter.Issue
	onSaved   func(id string, sent bool)
	onDeleted func()

	draftKey string
	hasDraft bool

	heading   *widget.Label
	badge     *kit.Pill
	savedNote *widget.RichText

	title     *kit.LeaveEntry
	titleErr  *widget.Label
	number    *kit.LeaveEntry
	numberErr *widget.Label
	date      *kit.LeaveEntry
	dateErr   *widget.Label

	cards       []*sectionCard
	sectionsBox *fyne.Container
	sectionsErr *widget.Label
	sectionsNum *widget.RichText
	addSection  *widget.Button
	scroll      *container.Scroll

	side *issueSide

	root fyne.CanvasObject
}

// newIssueEditor builds the editor on is (a stored issue, or a new one
// with no ID).
func newIssueEditor(u kit.Env, is newsletter.Issue, onSaved func(id string, sent bool)) *issueEditor {
	ed := &issueEditor{u: u, is: is, onSaved: onSaved, draftKey: issueDraftKey(is.ID)}
	ed.Init(u, &issueAutosaveDelay, func() {
		ed.save(false)
		ed.runCheck()
	})
	if ed.is.Status == "" {
		ed.is.Status = "draft"
	}
	ed.build()
	ed.fill(is)
	ed.side.loadRecipients()
	ed.runCheck()
	return ed
}

func (ed *issueEditor) Content() fyne.CanvasObject { return ed.root }

func (ed *issueEditor) build() {
	ed.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.heading.SizeName = theme.SizeNameHeadingText
	ed.heading.Wrapping = fyne.TextWrapWord
	ed.badge = kit.NewPill()
	foot := kit.NewFooter(kit.FooterOptions{OnPrimary: func() { ed.save(true) }, OnDelete: ed.confirmDelete})
	ed.savedNote = foot.Note

	ed.titleErr = kit.ErrorLabel()
	ed.title = kit.NewLeaveEntry("The issue's title, as printed at the top", nil)
	ed.title.OnChanged = func(string) { ed.changed(); ed.showHeading() }
	ed.title.OnLeave = func() {
		if strings.TrimSpace(ed.title.Text) != "" {
			kit.SetError(ed.titleErr, "")
		}
	}
	ed.numberErr = kit.ErrorLabel()
	ed.number = kit.NewLeaveEntry("12", nil)
	ed.number.OnChanged = func(string) { ed.changed(); ed.showHeading() }
	ed.number.OnLeave = func() { kit.SetError(ed.numberErr, issueNumberProblem(ed.number.Text, ed.is.ID != "")) }
	ed.dateErr = kit.ErrorLabel()
	ed.date = kit.NewLeaveEntry("YYYY-MM-DD", nil)
	ed.date.OnChanged = func(string) { ed.changed() }
	ed.date.OnLeave = func() { kit.SetError(ed.dateErr, kit.DateProblem(ed.date.Text, true)) }

	details := container.NewVBox(
		kit.Captioned("Title", ed.title, ed.titleErr),
		container.NewHBox(
			kit.Captioned("Issue number", kit.Sized(ed.number, 90), nil),
			kit.Captioned("Date printed on it", kit.DateField(ed.date, func() string { return kit.TodayFor(ed.u) }), nil),
		),
		ed.numberErr, ed.dateErr,
	)

	ed.sectionsBox = container.NewVBox()
	ed.sectionsErr = kit.ErrorLabel()
	ed.sectionsNum = kit.Soft("")
	ed.addSection = widget.NewButtonWithIcon("Add section", theme.ContentAddIcon(), func() {
		c := ed.appendCard(newsletter.Section{})
		ed.layoutCards()
		ed.changed()
		ed.scrollTo(c.root)
		ed.u.Window().Canvas().Focus(c.heading)
	})

	main := container.NewVBox(
		widget.NewCard("", "", details),
		container.NewBorder(nil, nil, kit.Subheading("Sections"), nil, ed.sectionsNum),
		ed.sectionsBox,
		ed.sectionsErr,
		container.NewHBox(ed.addSection),
	)
	ed.scroll = container.NewVScroll(container.NewPadded(main))

	ed.side = newIssueSide(ed)
	head := ed.badge.In(container.NewBorder(nil, nil, nil, ed.badge.Object(), ed.heading))
	body := container.New(&issueColumns{}, ed.scroll, ed.side.Content())
	ed.root = kit.EditorWithFooter(container.NewPadded(container.NewVBox(head, widget.NewSeparator())), container.NewPadded(body), foot)
}

// fill puts is into the form.
func (ed *issueEditor) fill(is newsletter.Issue) {
	ed.Loading = true
	defer func() { ed.Loading = false }()
	ed.title.SetText(is.Title)
	if is.Number > 0 {
		ed.number.SetText(strconv.Itoa(is.Number))
	} else {
		ed.number.SetText("")
	}
	ed.date.SetText(is.Date)
	ed.cards = nil
	for _, sec := range is.Sections {
		ed.appendCard(sec)
	}
	ed.layoutCards()
	ed.side.setChecklist(is.Checklist)
	ed.side.keep.Reset()
	ed.showHeading()
	ed.showStatus()
	ed.updateLength()
	kit.SetSoft(ed.savedNote, kit.AutosaveNote)
}

func (ed *issueEditor) showHeading() {
	n, _ := strconv.Atoi(strings.TrimSpace(ed.number.Text))
	ed.heading.SetText(issueHeading(n, strings.TrimSpace(ed.title.Text)))
}

// showStatus shows the stored status on the badge and beside the buttons.
func (ed *issueEditor) showStatus() {
	ed.badge.Set(newsletterStatusWords(ed.is.Status), newsletterStatusTint(ed.is.Status))
	ed.side.showStatus(ed.is.Status)
}

// appendCard adds a section card at the end.
func (ed *issueEditor) appendCard(sec newsletter.Section) *sectionCard {
	c := newSectionCard(ed, sec)
	ed.cards = append(ed.cards, c)
	return c
}

// layoutCards shows the cards in order, numbered, with the move buttons
// each position allows.
func (ed *issueEditor) layoutCards() {
	objs := make([]fyne.CanvasObject, len(ed.cards))
	for i, c := range ed.cards {
		c.number(i, len(ed.cards))
		objs[i] = c.root
	}
	ed.sectionsBox.Objects = objs
	ed.sectionsBox.Refresh()
	switch len(ed.cards) {
	case 0:
		kit.SetSoft(ed.sectionsNum, "none yet: add the first with “Add section”")
	default:
		kit.SetSoft(ed.sectionsNum, kit.CountWords(len(ed.cards), "section", "sections")+", in print order")
	}
}

// moveCard moves card i up or down one place.
func (ed *issueEditor) moveCard(c *sectionCard, up bool) {
	i := ed.indexOfCard(c)
	j := i + 1
	if up {
		j = i - 1
	}
	if i < 0 || j < 0 || j >= len(ed.cards) {
		return
	}
	ed.cards[i], ed.cards[j] = ed.cards[j], ed.cards[i]
	ed.layoutCards()
	ed.changed()
	ed.scrollTo(c.root)
}

// removeCard removes a section; one with words in it is only removed
// when the user says so.
func (ed *issueEditor) removeCard(c *sectionCard) {
	remove := func() {
		i := ed.indexOfCard(c)
		if i < 0 {
			return
		}
		ed.cards = append(ed.cards[:i], ed.cards[i+1:]...)
		ed.layoutCards()
		ed.changed()
	}
	if c.blank() {
		remove()
		return
	}
	what := "This section"
	if h := strings.TrimSpace(c.heading.Text); h != "" {
		what = "The section “" + h + "”"
	}
	kit.Confirm(ed.u.Window(), "Remove this section?",
		kit.Wrapped(what+" and everything written in it is taken out of the issue."),
		"Remove", "Keep it", true, func(yes bool) {
			if yes {
				remove()
			}
		})
}

func (ed *issueEditor) indexOfCard(c *sectionCard) int {
	for i, x := range ed.cards {
		if x == c {
			return i
		}
	}
	return -1
}

// scrollTo brings o (inside the sections column) into view.
func (ed *issueEditor) scrollTo(o fyne.CanvasObject) {
	lettersScrollTo(ed.scroll, o)
}

// lettersScrollTo scrolls sc so that o (somewhere inside it) is in view,
// its top near the top of the view when it has to move.
func lettersScrollTo(sc *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(o) == nil || d.CanvasForObject(sc) == nil {
		return
	}
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc.Content).Y
	bottom := top + o.Size().Height
	view := sc.Size().Height
	if top < sc.Offset.Y || bottom > sc.Offset.Y+view {
		sc.ScrollToOffset(fyne.NewPos(sc.Offset.X, max(0, top-theme.Padding())))
	}
}

// changed marks the issue changed, updates the length at once, and saves
// and checks it shortly after the last change.
func (ed *issueEditor) changed() {
	if !ed.Edited() {
		return
	}
	ed.updateLength()
}

func (ed *issueEditor) stopTimer() { ed.StopTimer() }

// updateLength shows the word count and page estimate of the form as it
// stands.
func (ed *issueEditor) updateLength() {
	is := ed.current()
	ed.side.showLength(newsletter.WordCount(is), newsletter.PageEstimate(is))
}

// issueColumns lays out the sections column and, beside it, the side
// column at about a third of the width (between 260 and 330 wide). In a
// window too narrow for both side by side, the side column goes below the
// sections (two fifths of the height) instead of widening the window.
type issueColumns struct{}

func (issueColumns) side(w float32) float32 { return min(max(w*0.36, 260), 330) }

func (l issueColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width, 260), a.Height+b.Height+theme.Padding())
}

func (l issueColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a := objs[0].MinSize()
	sw := l.side(size.Width)
	gap := theme.Padding()
	objs[0].Move(fyne.NewPos(0, 0))
	if size.Width < a.Width+sw+gap {
		sh := size.Height * 0.4
		objs[0].Resize(fyne.NewSize(size.Width, size.Height-sh-gap))
		objs[1].Move(fyne.NewPos(0, size.Height-sh))
		objs[1].Resize(fyne.NewSize(size.Width, sh))
		return
	}
	objs[0].Resize(fyne.NewSize(size.Width-sw-gap, size.Height))
	objs[1].Move(fyne.NewPos(size.Width-sw, 0))
	objs[1].Resize(fyne.NewSize(sw, size.Height))
}
