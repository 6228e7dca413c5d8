package letters

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/schema"
	"inreach/ui/kit"
)

// issueSide is the column beside the issue being written: its status with
// "Mark ready" and "Mark sent…", its length, the safety and
// confidentiality check, the prison-mail checklist, the PDFs and the
// distribution list.
type issueSide struct {
	ed *issueEditor

	statusText *widget.RichText
	ready      *widget.Button
	sent       *widget.Button

	words *widget.Label
	pages *widget.RichText

	checkSummary *widget.Label
	findings     *fyne.Container
	report       newsletter.CheckReport

	checks []*lettersCheck
	// keep holds the check's space: ticking the checklist below it must
	// not pull the checklist up under the pointer.
	keep *kit.GrowOnly

	recipients *issueRecipients

	scroll *container.Scroll
}

func newIssueSide(ed *issueEditor) *issueSide {
	s := &issueSide{ed: ed, keep: &kit.GrowOnly{}}
	s.statusText = kit.Soft("")
	s.ready = widget.NewButtonWithIcon("Mark ready", theme.ConfirmIcon(), s.markReady)
	s.ready.Importance = widget.HighImportance
	s.sent = widget.NewButtonWithIcon("Mark sent…", theme.MailSendIcon(), s.markSent)

	s.words = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.pages = kit.Soft("")

	s.checkSummary = widget.NewLabel("")
	s.checkSummary.Wrapping = fyne.TextWrapWord
	s.findings = container.NewVBox()

	var ticks []fyne.CanvasObject
	for _, item := range schema.NewsletterCheck.Values {
		c, row := newLettersWrapCheck(schema.NewsletterCheck.Label(item), func(bool) {
			ed.changed()
			ed.runCheck()
		})
		s.checks = append(s.checks, c)
		ticks = append(ticks, row)
	}

	pdfB := widget.NewButtonWithIcon("Newsletter PDF…", theme.DocumentPrintIcon(), ed.exportPDF)
	labels := widget.NewButtonWithIcon("Address labels PDF…", theme.MailComposeIcon(), ed.exportLabels)
	s.recipients = newIssueRecipients(ed.u)

	col := container.NewVBox(
		widget.NewCard("", "", container.NewVBox(kit.Subheading("Status"), s.statusText, s.ready, s.sent)),
		widget.NewCard("", "", container.NewVBox(kit.Subheading("Length"), s.words, s.pages)),
		widget.NewCard("", "", container.NewVBox(kit.Subheading("Safety and confidentiality check"),
			container.New(s.keep, container.NewVBox(s.checkSummary, s.findings)))),
		widget.NewCard("", "", container.NewVBox(append([]fyne.CanvasObject{kit.Subheading("Prison-mail checklist"),
			kit.Soft("Tick each once it is true of the printed copy.")}, ticks...)...)),
		widget.NewCard("", "", container.NewVBox(kit.Subheading("Print"), pdfB, labels)),
		widget.NewCard("", "", s.recipients.Content()),
	)
	s.scroll = container.NewVScroll(col)
	return s
}

func (s *issueSide) Content() fyne.CanvasObject { return s.scroll }

// checklist is the ticked checks, in the checklist's order.
func (s *issueSide) checklist() []string {
	var out []string
	for i, c := range s.checks {
		if c.Checked {
			out = append(out, schema.NewsletterCheck.Values[i])
		}
	}
	return out
}

// setChecklist ticks the stored checks.
func (s *issueSide) setChecklist(ticked []string) {
	on := map[string]bool{}
	for _, t := range ticked {
		on[t] = true
	}
	for i, c := range s.checks {
		c.Checked = on[schema.NewsletterCheck.Values[i]]
		c.Refresh()
	}
}

// focusChecklist puts the keyboard on the check a finding's message names.
func (s *issueSide) focusChecklist(msg string) {
	for i, c := range s.checks {
		if !c.Checked && strings.Contains(msg, schema.NewsletterCheck.Label(schema.NewsletterCheck.Values[i])) {
			lettersScrollTo(s.scroll, c)
			s.ed.u.Window().Canvas().Focus(c)
			return
		}
	}
}

// showStatus says what the status means and what can be done next.
func (s *issueSide) showStatus(status string) {
	switch status {
	case "ready":
		kit.SetSoft(s.statusText, "Ready: checked and safe to print. Print it, post it, then mark it sent. Any change makes it a draft again.")
		s.ready.Disable()
		s.sent.Enable()
		s.sent.Importance = widget.HighImportance
		s.ready.Importance = widget.MediumImportance
	default:
		kit.SetSoft(s.statusText, "Draft: being written. Mark it ready once the check below finds nothing.")
		s.ready.Enable()
		s.sent.Disable()
		s.sent.Importance = widget.MediumImportance
		s.ready.Importance = widget.HighImportance
	}
	s.ready.Refresh()
	s.sent.Refresh()
}

// showLength shows the word count and the page estimate.
func (s *issueSide) showLength(words, pages int) {
	s.words.SetText(fmt.Sprintf("%s · about %s", kit.CountWords(words, "word", "words"), kit.CountWords(pages, "page", "pages")))
	kit.SetSoft(s.pages, fmt.Sprintf("A4 in large clear type, about %d words a page. Prisons often limit the pages in one envelope.", newsletter.WordsPerPage))
}

// showCheckError says the check could not run.
func (s *issueSide) showCheckError(err error) {
	s.checkSummary.Importance = widget.DangerImportance
	s.checkSummary.SetText("The check could not run: " + kit.Sentence(err))
	s.findings.Objects = nil
	s.findings.Refresh()
}

// showFindings lists what the check found, each a row that takes the
// author to the place.
func (s *issueSide) showFindings(rep newsletter.CheckReport) {
	s.report = rep
	if rep.Clean() {
		s.checkSummary.Importance = widget.SuccessImportance
		s.checkSummary.SetText("Nothing found: no real names, prison numbers or contact details, every contributor has agreed, and the checklist is ticked.")
		s.findings.Objects = nil
		s.findings.Refresh()
		return
	}
	s.checkSummary.Importance = widget.DangerImportance
	s.checkSummary.SetText(rep.Summary() + ". Click one to go to it.")
	s.findings.Objects = findingRows(rep, s.ed.focusFinding)
	s.findings.Refresh()
}

// findingRows are the findings as rows the author can act on.
func findingRows(rep newsletter.CheckReport, open func(newsletter.Finding)) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, f := range rep.Findings {
		f := f
		kind := widget.NewLabelWithStyle(findingKindWords(f.Kind), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		where := kit.Soft(findingWhere(f))
		msg := kit.Wrapped(f.Message)
		parts := []fyne.CanvasObject{container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, kind), where, msg}
		if f.Excerpt != "" {
			ex := kit.Soft("“" + strings.TrimSpace(f.Excerpt) + "”")
			ex.Segments[0].(*widget.TextSegment).Style.TextStyle = fyne.TextStyle{Italic: true}
			parts = append(parts, ex)
		}
		rows = append(rows, newLettersTapRow(kit.TightStack(parts...), theme.ColorNameError, func() { open(f) }))
	}
	return rows
}

// findingKindWords is a kind of finding in words.
func findingKindWords(kind string) string {
	switch kind {
	case newsletter.KindRealName:
		return "Real name"
	case newsletter.KindFirstName:
		return "First name"
	case newsletter.KindPrisonNumber:
		return "Prison number"
	case newsletter.KindNoConsent:
		return "No consent recorded"
	case newsletter.KindPhone:
		return "Phone number"
	case newsletter.KindAddress:
		return "Postal address"
	case newsletter.KindEmail:
		return "Email address"
	case newsletter.KindChecklist:
		return "Checklist not ticked"
	case newsletter.KindEmpty:
		return "Nothing in the issue"
	}
	return kind
}

// findingWhere says where a finding is: "Section 2 · text", "Title".
func findingWhere(f newsletter.Finding) string {
	if f.Section < 0 {
		switch f.Field {
		case "Title":
			return "The title"
		case "Checklist":
			return "Prison-mail checklist"
		}
		return "The issue"
	}
	part := "text"
	switch {
	case strings.HasSuffix(f.Field, ".Heading"):
		part = "heading"
	case strings.HasSuffix(f.Field, ".Contributor"):
		part = "contributor as printed"
	case strings.HasSuffix(f.Field, ".Consent"):
		part = "consent"
	}
	return fmt.Sprintf("Section %d · %s", f.Section+1, part)
}

// markReady saves the issue and asks the store to mark it ready; the
// store refuses while the check finds anything, and the findings are
// shown.
func (s *issueSide) markReady() {
	ed := s.ed
	if !ed.save(true) {
		dialog.ShowInformation("Not ready yet", "The issue cannot be saved as it stands: put right what is marked in red first.", ed.u.Window())
		return
	}
	if ed.is.ID == "" {
		return
	}
	if ed.is.Status == "ready" {
		dialog.ShowInformation("Already ready", "This issue is already marked ready. Print it, post it, then mark it sent.", ed.u.Window())
		return
	}
	err := ed.u.Letters().SetStatus(ed.is.ID, "ready")
	var se *newsletter.StatusError
	switch {
	case errors.As(err, &se):
		ed.runCheck()
		if se.Report != nil {
			s.showRefusal(se)
			return
		}
		dialog.ShowInformation("Not ready yet", se.Message, ed.u.Window())
		return
	case err != nil:
		kit.ShowError(ed.u.Window(), "The issue could not be marked ready", err)
		return
	}
	ed.is.Status = "ready"
	ed.u.Changed()
	ed.showStatus()
	kit.SetSoft(ed.savedNote, "Marked ready at "+kit.ClockFor(ed.u)+". Print it, post it, then mark it sent.")
	if ed.onSaved != nil {
		ed.onSaved(ed.is.ID, false)
	}
}

// showRefusal shows why the issue is not ready: the store's message and
// each finding, which takes the author to it.
func (s *issueSide) showRefusal(se *newsletter.StatusError) {
	// The check just run on the form numbers sections as the cards are
	// (the stored issue leaves out blank ones), so its findings lead to
	// the right card; the store's report is the fallback.
	rep := s.report
	if rep.Clean() {
		rep = *se.Report
	}
	var d dialog.Dialog
	rows := findingRows(rep, func(f newsletter.Finding) {
		d.Hide()
		s.ed.focusFinding(f)
	})
	list := container.NewVScroll(container.NewVBox(rows...))
	list.SetMinSize(fyne.NewSize(440, min(float32(len(rows))*110, 320)))
	body := container.NewBorder(kit.Wrapped(se.Message), nil, nil, nil, list)
	d = dialog.NewCustom("Not ready yet", "Close", body, s.ed.u.Window())
	kit.EscapeCloses(s.ed.u.Window(), d, nil)
	d.Show()
}

// markSent asks for the posting date, then records the issue as sent: one
// outgoing letter to each woman on the distribution list.
func (s *issueSide) markSent() {
	ed := s.ed
	if ed.Dirty && !ed.save(true) {
		return
	}
	if ed.is.Status != "ready" {
		dialog.ShowInformation("Not ready yet", "Mark the issue ready first: it is checked again then.", ed.u.Window())
		return
	}
	list, err := ed.u.Letters().DistributionList()
	if err != nil {
		kit.ShowError(ed.u.Window(), "The distribution list could not be read", err)
		return
	}
	n := len(list)
	if n == 0 {
		dialog.ShowInformation("No one to send it to", "No woman is recorded as in custody now, so the issue cannot be marked sent. Check the women's statuses in Women.", ed.u.Window())
		return
	}
	date := kit.NewLeaveEntry("YYYY-MM-DD", nil)
	date.SetText(kit.TodayFor(ed.u))
	dateErr := kit.ErrorLabel()
	body := container.NewVBox(
		kit.Wrapped(fmt.Sprintf("This records an outgoing letter to each of %s on the distribution list, with the newsletter enclosed, and the issue can no longer be changed.", kit.CountWords(n, "woman", "women"))),
		kit.Captioned("Posted on", container.NewHBox(kit.DateField(date, func() string { return kit.TodayFor(ed.u) })), dateErr),
	)
	var d *dialog.CustomDialog
	confirm := widget.NewButtonWithIcon("Mark sent", theme.MailSendIcon(), func() {
		date.Normalise()
		msg := kit.DateProblem(date.Text, true)
		kit.SetError(dateErr, msg)
		if msg != "" {
			return
		}
		d.Hide()
		s.recordSent(strings.TrimSpace(date.Text))
	})
	confirm.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Not yet", theme.CancelIcon(), func() { d.Hide() })
	date.OnEnter = confirm.OnTapped
	d = dialog.NewCustomWithoutButtons("Mark "+issueHeading(ed.is.Number, "")+" sent?", container.New(&kit.AtLeastWidth{Width: 420}, body), ed.u.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, confirm})
	kit.EscapeCloses(ed.u.Window(), d, nil)
	date.OnEscape = d.Hide
	d.Show()
	ed.u.Window().Canvas().Focus(date)
}

// recordSent marks the issue sent on date.
func (s *issueSide) recordSent(date string) {
	ed := s.ed
	if ed.u.Locked() {
		return
	}
	err := ed.u.Letters().MarkSent(ed.is.ID, date)
	var se *newsletter.StatusError
	switch {
	case errors.As(err, &se):
		if se.Report != nil {
			ed.runCheck()
			s.showRefusal(se)
			return
		}
		dialog.ShowInformation("Not sent", se.Message, ed.u.Window())
		return
	case err != nil:
		kit.ShowError(ed.u.Window(), "The issue could not be marked sent", err)
		return
	}
	ed.u.Changed()
	ed.is.Status = "sent"
	ed.stopTimer()
	ed.Closed = true
	if ed.onSaved != nil {
		ed.onSaved(ed.is.ID, true)
	}
}
