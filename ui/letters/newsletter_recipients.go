package letters

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/ui/kit"
)

// issueRecipients is the distribution list card: every woman in custody
// now, with her prison number and establishment for the envelope, and a
// warning on those whose envelope cannot be addressed yet.
type issueRecipients struct {
	u      kit.Env
	title  *widget.Label
	note   *widget.RichText
	list   *widget.List
	people []newsletter.Recipient
	root   fyne.CanvasObject
}

func newIssueRecipients(u kit.Env) *issueRecipients {
	r := &issueRecipients{u: u, title: kit.Subheading("Distribution list"), note: kit.Soft("")}
	r.list = widget.NewList(
		func() int { return len(r.people) },
		func() fyne.CanvasObject {
			return kit.TightStack(lettersLine(true), lettersLine(false))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(r.people) {
				return
			}
			p := r.people[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(p.Name)
			second := box.Objects[1].(*widget.Label)
			second.SetText(recipientLine(p))
			if p.Addressable() {
				second.Importance = widget.MediumImportance
			} else {
				second.Importance = widget.DangerImportance
			}
			second.Refresh()
		},
	)
	r.list.HideSeparators = true
	r.root = container.NewBorder(container.NewVBox(r.title, r.note), nil, nil, nil,
		container.New(&lettersMinHeight{h: 240}, r.list))
	return r
}

func (r *issueRecipients) Content() fyne.CanvasObject { return r.root }

// recipientLine is the envelope detail under her name, or what is missing.
func recipientLine(p newsletter.Recipient) string {
	var bits []string
	if p.PrisonNumber != "" {
		bits = append(bits, p.PrisonNumber)
	} else {
		bits = append(bits, "no prison number")
	}
	switch {
	case p.Establishment == "":
		bits = append(bits, "no prison recorded")
	case strings.TrimSpace(p.Address) == "":
		bits = append(bits, p.Establishment+" (no address)")
	default:
		bits = append(bits, p.Establishment)
	}
	return strings.Join(bits, " · ")
}

// load reads the distribution list as it stands now.
func (r *issueRecipients) load() {
	if r.u.Locked() {
		return
	}
	people, err := r.u.Letters().DistributionList()
	if err != nil {
		kit.SetSoft(r.note, "The distribution list could not be read: "+kit.Sentence(err))
		return
	}
	r.people = people
	r.title.SetText(fmt.Sprintf("Distribution list · %s", kit.CountWords(len(people), "woman", "women")))
	bad := 0
	for _, p := range people {
		if !p.Addressable() {
			bad++
		}
	}
	text := "Every woman in custody now, for the envelopes. Marking the issue sent records a letter to each."
	if len(people) == 0 {
		text = "No woman is recorded as in custody, so there is no one to post it to yet."
	}
	if bad > 0 {
		text += fmt.Sprintf(" %s cannot be addressed yet: add her prison number, or the prison's address in the Directory.",
			kit.CountWords(bad, "envelope", "envelopes"))
	}
	kit.SetSoft(r.note, text)
	r.list.Refresh()
}

// loadRecipients fills the distribution list card.
func (s *issueSide) loadRecipients() { s.recipients.load() }

// lettersMinHeight gives its object at least height h (a virtual list
// inside a scrolling column would otherwise shrink to one row).
type lettersMinHeight struct{ h float32 }

func (l *lettersMinHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(m.Width, max(m.Height, l.h))
}

func (l *lettersMinHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
