package letters

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
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
	ed.heading.Truncation = fyne.TextTruncateEllipsis
	ed.badge = kit.NewPill()
	ed.savedNote = kit.Soft("")

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
			kit.Captioned("Date printed on it", kit.Sized(ed.date, 150), nil),
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
	del := widget.NewButtonWithIcon("Delete issue…", theme.DeleteIcon(), ed.confirmDelete)
	del.Importance = widget.LowImportance

	main := container.NewVBox(
		widget.NewCard("", "", details),
		container.NewBorder(nil, nil, kit.Subheading("Sections"), nil, ed.sectionsNum),
		ed.sectionsBox,
		ed.sectionsErr,
		container.NewHBox(ed.addSection),
		layout.NewSpacer(),
		widget.NewSeparator(),
		container.NewHBox(layout.NewSpacer(), del),
	)
	ed.scroll = container.NewVScroll(container.NewPadded(main))

	ed.side = newIssueSide(ed)
	head := container.NewVBox(ed.badge.In(container.NewBorder(nil, nil, nil, ed.badge.Object(), ed.heading)), ed.savedNote)
	body := container.New(&issueColumns{}, ed.scroll, ed.side.Content())
	ed.root = container.NewPadded(container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil, body))
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
	ed.showHeading()
	ed.showStatus()
	ed.updateLength()
	if is.ID == "" {
		kit.SetSoft(ed.savedNote, "A new issue: it is saved as you type, once it has a title.")
	} else {
		kit.SetSoft(ed.savedNote, "Saved as you type.")
	}
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
	kit.SetSoft(ed.savedNote, "Editing…")
	ed.updateLength()
}

func (ed *issueEditor) stopTimer() { ed.StopTimer() }

// updateLength shows the word count and page estimate of the form as it
// stands.
func (ed *issueEditor) updateLength() {
	is := ed.current()
	ed.side.showLength(newsletter.WordCount(is), newsletter.PageEstimate(is))
}

// current is the issue as typed, with every section (blank ones too, so
// that section i is card i), for the length and the safety check.
func (ed *issueEditor) current() newsletter.Issue {
	n, _ := strconv.Atoi(strings.TrimSpace(ed.number.Text))
	is := newsletter.Issue{ID: ed.is.ID, Title: strings.TrimSpace(ed.title.Text), Number: n,
		Date: strings.TrimSpace(ed.date.Text), Status: ed.is.Status, Checklist: ed.side.checklist()}
	for _, c := range ed.cards {
		is.Sections = append(is.Sections, c.section())
	}
	return is
}

// issueNumberProblem says what is wrong with a typed issue number; an
// empty number is fine for a new issue (it takes the next one).
func issueNumberProblem(s string, stored bool) string {
	s = strings.TrimSpace(s)
	if s == "" {
		if stored {
			return "Enter the issue number, such as 12."
		}
		return ""
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return "Write the issue number as a whole number, such as 12."
	}
	return ""
}

// collect is the issue to save: blank sections are left out; index[i] is
// the card of saved section i. problems are the form's own findings by
// field (a date or number that cannot be read).
func (ed *issueEditor) collect() (is newsletter.Issue, index []int, problems map[string]string) {
	is = ed.current()
	is.Sections = nil
	for i, c := range ed.cards {
		if c.blank() {
			continue
		}
		is.Sections = append(is.Sections, c.section())
		index = append(index, i)
	}
	problems = map[string]string{}
	if msg := kit.DateProblem(ed.date.Text, true); msg != "" {
		problems["Date"] = msg
	}
	if msg := issueNumberProblem(ed.number.Text, ed.is.ID != ""); msg != "" {
		problems["Number"] = msg
	}
	if strings.TrimSpace(ed.title.Text) == "" {
		problems["Title"] = "Enter a title for the issue: it is saved as soon as it has one."
	}
	return is, index, problems
}

// save writes the issue if anything changed (or force). When it cannot be
// saved as it stands, the form is kept as a draft, the problems are shown
// at their fields, and false is returned.
func (ed *issueEditor) save(force bool) bool {
	ed.stopTimer()
	if ed.Closed || ed.u.Locked() || ed.is.Status == "sent" {
		return true
	}
	if !ed.Dirty && (!force || ed.is.ID != "") {
		return true
	}
	ed.clearErrors()
	is, index, problems := ed.collect()
	if len(problems) > 0 {
		ed.showFieldProblems(problems)
		ed.keepDraft("Not saved yet: see what is marked in red. What you wrote is kept.")
		return false
	}
	wasReady := ed.is.Status == "ready"
	if err := ed.u.Letters().SaveIssue(&is); err != nil {
		if v, ok := newsletter.AsValidation(err); ok {
			ed.showProblems(v, index)
			ed.keepDraft("Not saved yet: see what is marked in red. What you wrote is kept.")
			return false
		}
		var se *newsletter.StatusError
		if errors.As(err, &se) {
			kit.ShowError(ed.u.Window(), "The issue could not be saved", errors.New(se.Message))
		} else {
			kit.ShowError(ed.u.Window(), "The issue could not be saved", err)
		}
		ed.keepDraft("Not saved yet.")
		return false
	}
	oldKey := ed.draftKey
	ed.is.ID, ed.is.Number, ed.is.Status = is.ID, is.Number, is.Status
	ed.Dirty = false
	ed.draftKey = issueDraftKey(is.ID)
	if ed.hasDraft {
		ed.dropDraft(oldKey)
	}
	if strings.TrimSpace(ed.number.Text) != strconv.Itoa(is.Number) {
		ed.Loading = true
		ed.number.SetText(strconv.Itoa(is.Number))
		ed.Loading = false
		ed.showHeading()
	}
	ed.u.Changed()
	note := "Saved at " + kit.ClockFor(ed.u) + "."
	if wasReady && is.Status == "draft" {
		note = "Saved at " + kit.ClockFor(ed.u) + ". Changed since it was marked ready, so it is a draft again: check it and mark it ready again."
	}
	kit.SetSoft(ed.savedNote, note)
	ed.showStatus()
	if ed.onSaved != nil {
		ed.onSaved(is.ID, false)
	}
	return true
}

func (ed *issueEditor) clearErrors() {
	for _, l := range []*widget.Label{ed.titleErr, ed.numberErr, ed.dateErr, ed.sectionsErr} {
		kit.SetError(l, "")
	}
	for _, c := range ed.cards {
		c.clearErrors()
	}
}

// showFieldProblems shows the form's own problems at their fields.
func (ed *issueEditor) showFieldProblems(p map[string]string) {
	kit.SetError(ed.titleErr, p["Title"])
	kit.SetError(ed.numberErr, p["Number"])
	kit.SetError(ed.dateErr, p["Date"])
}

// showProblems puts each of the store's problems under its field; index
// maps saved sections to cards.
func (ed *issueEditor) showProblems(v newsletter.ValidationError, index []int) {
	var other []string
	for _, fe := range v {
		switch {
		case fe.Field == "Title":
			kit.SetError(ed.titleErr, fe.Message)
		case fe.Field == "Number":
			kit.SetError(ed.numberErr, fe.Message)
		case fe.Field == "Date":
			kit.SetError(ed.dateErr, fe.Message)
		case strings.HasPrefix(fe.Field, "Sections["):
			var i int
			if _, err := fmt.Sscanf(fe.Field, "Sections[%d]", &i); err == nil && i >= 0 && i < len(index) {
				ed.cards[index[i]].showProblem(fe.Field, fe.Message)
			} else {
				other = append(other, fe.Message)
			}
		default:
			other = append(other, fe.Message)
		}
	}
	kit.SetError(ed.sectionsErr, strings.Join(other, " "))
}

// runCheck runs the safety check on the issue as typed and shows what it
// finds beside the issue and on the sections' cards.
func (ed *issueEditor) runCheck() {
	if ed.Closed || ed.u.Locked() {
		return
	}
	rep, err := ed.u.Letters().CheckIssue(ed.current())
	if err != nil {
		ed.side.showCheckError(err)
		return
	}
	ed.side.showFindings(rep)
	counts := make([]int, len(ed.cards))
	for _, f := range rep.Findings {
		if f.Section >= 0 && f.Section < len(counts) {
			counts[f.Section]++
		}
	}
	namer, err := ed.u.Letters().ContributorNamer()
	if err != nil {
		namer = nil
	}
	grew := false
	for i, c := range ed.cards {
		if c.showFlag(counts[i]) {
			grew = true
		}
		c.showPrintedWith(namer)
	}
	if grew {
		// A card's flag line appeared or went: lay the column out again.
		ed.scroll.Refresh()
	}
}

// refreshChecks rereads what the check and the distribution list depend
// on (the women may have changed elsewhere).
func (ed *issueEditor) refreshChecks() {
	ed.side.loadRecipients()
	ed.runCheck()
}

// focusFinding takes the author to where a finding is: the field of the
// section (scrolled into view), the title, or the checklist.
func (ed *issueEditor) focusFinding(f newsletter.Finding) {
	c := ed.u.Window().Canvas()
	switch {
	case f.Field == "Title":
		ed.scroll.ScrollToTop()
		c.Focus(ed.title)
	case f.Kind == newsletter.KindChecklist:
		ed.side.focusChecklist(f.Message)
	case f.Kind == newsletter.KindEmpty:
		ed.scrollTo(ed.addSection)
		c.Focus(ed.addSection)
	case f.Section >= 0 && f.Section < len(ed.cards):
		card := ed.cards[f.Section]
		ed.scrollTo(card.root)
		c.Focus(card.fieldFor(f.Field))
	}
}

// flush saves what is typed now (before leaving the issue or locking).
func (ed *issueEditor) flush() {
	if ed.Dirty {
		ed.save(false)
	}
}

// close flushes and stops the editor; it does nothing more afterwards.
func (ed *issueEditor) close() {
	ed.flush()
	ed.stopTimer()
	ed.Closed = true
}

// confirmDelete asks, then deletes the issue (a draft never saved is just
// dropped).
func (ed *issueEditor) confirmDelete() {
	what := "This issue, with its sections and checklist, is deleted. This cannot be undone."
	kit.Confirm(ed.u.Window(), "Delete "+issueHeading(ed.is.Number, strings.TrimSpace(ed.title.Text))+"?",
		kit.Wrapped(what), "Delete", "Keep it", true, func(yes bool) {
			if !yes || ed.u.Locked() {
				return
			}
			if ed.is.ID != "" {
				if err := ed.u.Letters().DeleteIssue(ed.is.ID); err != nil {
					kit.ShowError(ed.u.Window(), "The issue could not be deleted", err)
					return
				}
			}
			ed.dropDraft(ed.draftKey)
			ed.u.Changed()
			ed.stopTimer()
			ed.Dirty = false
			ed.Closed = true
			if ed.onDeleted != nil {
				ed.onDeleted()
			}
		})
}

// issueColumns lays out the sections column and, beside it, the side
// column at about a third of the width (between 260 and 330 wide).
type issueColumns struct{}

func (issueColumns) side(w float32) float32 { return min(max(w*0.36, 260), 330) }

func (l issueColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+max(b.Width, 260)+theme.Padding(), max(a.Height, b.Height))
}

func (l issueColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	sw := l.side(size.Width)
	gap := theme.Padding()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width-sw-gap, size.Height))
	objs[1].Move(fyne.NewPos(size.Width-sw, 0))
	objs[1].Resize(fyne.NewSize(sw, size.Height))
}
