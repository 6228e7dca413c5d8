package letters

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/ui/kit"
)

// sectionCard is one section of the issue being written: its heading, its
// text, who wrote it and whether she agreed to it being printed, with
// buttons to move it up or down or remove it. A badge says how many
// things the safety check found in it.
type sectionCard struct {
	ed *issueEditor

	label *widget.Label
	flag  *kit.Pill
	up    *widget.Button
	down  *widget.Button
	del   *widget.Button

	heading     *kit.LeaveEntry
	headingErr  *widget.Label
	body        *kit.GrowingEntry
	bodyErr     *widget.Label
	contributor *kit.LeaveEntry
	contribErr  *widget.Label
	printedAs   *widget.RichText
	consent     *kit.Check

	root fyne.CanvasObject
}

func newSectionCard(ed *issueEditor, sec newsletter.Section) *sectionCard {
	c := &sectionCard{ed: ed}
	c.label = widget.NewLabelWithStyle("Section", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.flag = kit.NewPill()
	c.up = widget.NewButtonWithIcon("Up", theme.MoveUpIcon(), func() { ed.moveCard(c, true) })
	c.down = widget.NewButtonWithIcon("Down", theme.MoveDownIcon(), func() { ed.moveCard(c, false) })
	c.del = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { ed.removeCard(c) })
	send := widget.NewButtonWithIcon("Send to the editor…", theme.MailSendIcon(), func() { ed.sendToEditor(c) })
	for _, b := range []*widget.Button{c.up, c.down, c.del, send} {
		b.Importance = widget.LowImportance
	}

	c.headingErr = kit.ErrorLabel()
	c.heading = kit.NewLeaveEntry("Heading", nil)
	c.heading.SetText(sec.Heading)
	c.heading.OnChanged = func(string) { ed.changed() }
	c.bodyErr = kit.ErrorLabel()
	c.body = kit.NewGrowingEntry("The text. Leave a blank line between paragraphs.", 4, 16)
	c.body.SetText(sec.Body)
	c.body.OnChanged = func(string) { ed.changed() }
	c.contribErr = kit.ErrorLabel()
	c.contributor = kit.NewLeaveEntry("Who wrote it (empty: the service)", nil)
	c.contributor.SetText(sec.Contributor)
	c.contributor.OnChanged = func(string) { ed.changed() }
	c.contributor.OnLeave = c.showPrintedAs
	c.printedAs = kit.Soft("")
	c.consent = kit.NewCheck("She agreed to it being printed", func(bool) { ed.changed() })
	c.consent.Checked = sec.Consent

	// The buttons wrap under the label in a narrow window rather than
	// widening it.
	head := kit.Flow(c.label, send, c.up, c.down, c.del)
	body := container.NewVBox(
		head,
		c.flag.In(container.NewHBox(c.flag.Object())),
		c.heading, c.headingErr,
		c.body, c.bodyErr,
		kit.Captioned("Contributor", c.contributor, c.contribErr),
		c.printedAs,
		c.consent,
	)
	c.root = widget.NewCard("", "", body)
	c.flag.Set("", "")
	return c
}

// number labels the card as section i of n and enables the moves it can
// make.
func (c *sectionCard) number(i, n int) {
	c.label.SetText(fmt.Sprintf("Section %d", i+1))
	if i == 0 {
		c.up.Disable()
	} else {
		c.up.Enable()
	}
	if i == n-1 {
		c.down.Disable()
	} else {
		c.down.Enable()
	}
}

// section is the card as typed.
func (c *sectionCard) section() newsletter.Section {
	return newsletter.Section{Heading: strings.TrimSpace(c.heading.Text), Body: c.body.Text,
		Contributor: strings.TrimSpace(c.contributor.Text), Consent: c.consent.Checked}
}

// blank reports whether nothing is written in the card.
func (c *sectionCard) blank() bool {
	return strings.TrimSpace(c.heading.Text) == "" && strings.TrimSpace(c.body.Text) == "" &&
		strings.TrimSpace(c.contributor.Text) == ""
}

func (c *sectionCard) clearErrors() {
	for _, l := range []*widget.Label{c.headingErr, c.bodyErr, c.contribErr} {
		kit.SetError(l, "")
	}
}

// showProblem shows a store problem ("Sections[2].Body") at its field.
func (c *sectionCard) showProblem(field, msg string) {
	switch {
	case strings.HasSuffix(field, ".Heading"):
		kit.SetError(c.headingErr, msg)
	case strings.HasSuffix(field, ".Contributor"):
		kit.SetError(c.contribErr, msg)
	default:
		kit.SetError(c.bodyErr, msg)
	}
}

// fieldFor is the field a finding names ("Sections[2].Heading").
func (c *sectionCard) fieldFor(field string) fyne.Focusable {
	switch {
	case strings.HasSuffix(field, ".Heading"):
		return c.heading
	case strings.HasSuffix(field, ".Contributor"):
		return c.contributor
	case strings.HasSuffix(field, ".Consent"):
		return c.consent
	}
	return c.body
}

// showFlag shows how many things the check found in this section. It
// reports whether the flag appeared or went (the card changed height).
func (c *sectionCard) showFlag(n int) bool {
	was := c.flag.Wrap.Visible()
	switch n {
	case 0:
		c.flag.Set("", "")
	case 1:
		c.flag.Set("1 thing to fix", theme.ColorNameError)
	default:
		c.flag.Set(fmt.Sprintf("%d things to fix", n), theme.ColorNameError)
	}
	return was != c.flag.Wrap.Visible()
}

// showPrintedAs says how the contributor will be printed (never her full
// name: a pseudonym or a first name).
func (c *sectionCard) showPrintedAs() { c.showPrintedWith(nil) }

// showPrintedWith is showPrintedAs with the names read once for every
// card (namer), or read now when namer is nil.
func (c *sectionCard) showPrintedWith(namer func(string) string) {
	name := strings.TrimSpace(c.contributor.Text)
	if name == "" {
		kit.SetSoft(c.printedAs, "Printed with no name: from the service.")
		return
	}
	if namer == nil {
		if c.ed.u.Locked() {
			return
		}
		namer = c.ed.u.Letters().DisplayContributor
	}
	kit.SetSoft(c.printedAs, "Printed as “"+namer(name)+"”.")
}
