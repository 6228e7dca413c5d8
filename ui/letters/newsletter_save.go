package letters

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/ui/kit"
)

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

// missing says, for the note, what the form's own findings lack.
func (ed *issueEditor) missing(problems map[string]string) string {
	switch {
	case problems["Title"] != "":
		return "the title is needed"
	case problems["Date"] != "":
		return kit.DateMissing("the date", ed.date.Text, true)
	case problems["Number"] != "":
		return "the issue number is not right yet"
	}
	return kit.MarkedInRed
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
		ed.keepDraft(kit.NotSavedNote(ed.missing(problems)))
		return false
	}
	wasReady := ed.is.Status == "ready"
	if err := ed.u.Letters().SaveIssue(&is); err != nil {
		if v, ok := newsletter.AsValidation(err); ok {
			ed.showProblems(v, index)
			ed.keepDraft(kit.NotSavedNote(kit.MarkedInRed))
			return false
		}
		var se *newsletter.StatusError
		if errors.As(err, &se) {
			kit.ShowError(ed.u.Window(), "The issue could not be saved", errors.New(se.Message))
		} else {
			kit.ShowError(ed.u.Window(), "The issue could not be saved", err)
		}
		ed.keepDraft(kit.NotSavedNote("the issue could not be written"))
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
	note := kit.SavedNote(ed.u)
	if wasReady && is.Status == "draft" {
		note += " — changed since it was marked ready, so a draft again: check it and mark it ready again"
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
