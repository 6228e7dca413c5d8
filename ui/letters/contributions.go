package letters

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/teamwork"
	"inreach/ui/kit"
	"inreach/ui/together"
)

// contributionsView is the editor's inbox of sections colleagues sent:
// each with who sent it, its contributor and consent, the safety check run
// on it, and Accept into an issue or Decline.
type contributionsView struct {
	u       kit.Env
	changed func() // an issue gained a section
	Waiting []newsletter.Contribution
	box     *fyne.Container
	root    fyne.CanvasObject
}

func newContributionsView(u kit.Env, changed func()) *contributionsView {
	v := &contributionsView{u: u, changed: changed}
	v.box = container.NewVBox()
	intro := kit.Soft("Sections your colleagues sent you for the newsletter. Accepting one adds it at the end of the issue you choose, " +
		"where the safety check covers it like any section. Nothing here is printed until it is accepted.")
	v.root = container.NewPadded(container.NewBorder(container.NewVBox(kit.Heading("Contributions"), intro), nil, nil, nil,
		container.NewVScroll(v.box)))
	v.reload()
	return v
}

func (v *contributionsView) Content() fyne.CanvasObject { return v.root }

// waitingCount is how many contributions wait, for the button's label.
func waitingContributions(u kit.Env) int {
	cs, err := u.Letters().Contributions(true)
	if err != nil {
		return 0
	}
	return len(cs)
}

func (v *contributionsView) reload() {
	cs, err := v.u.Letters().Contributions(true)
	v.box.RemoveAll()
	if err != nil {
		v.box.Add(kit.Wrapped("The contributions could not be read: " + kit.Sentence(err)))
		return
	}
	v.Waiting = cs
	if len(cs) == 0 {
		v.box.Add(kit.EmptyState("No contributions waiting",
			"When a colleague sends you a section for the newsletter, receive the bundle from the inbox and it waits here."))
		return
	}
	for _, c := range cs {
		v.box.Add(v.card(c))
	}
}

func (v *contributionsView) card(c newsletter.Contribution) fyne.CanvasObject {
	st := v.u.Letters()
	by := "Written by the service"
	if c.Section.Contributor != "" {
		by = "By " + c.Section.Contributor + ", printed as " + st.DisplayContributor(c.Section.Contributor)
		if c.Section.Consent {
			by += " · she agreed to it being printed"
		} else {
			by += " · NO consent to print recorded"
		}
	}
	check := widget.NewLabel("")
	check.Wrapping = fyne.TextWrapWord
	if rep, err := st.CheckContribution(c.ID); err != nil {
		check.SetText("The safety check could not run: " + kit.Sentence(err))
		check.Importance = widget.DangerImportance
	} else if rep.Clean() {
		check.SetText("Safety check: nothing found.")
		check.Importance = widget.SuccessImportance
	} else {
		text := "Safety check: " + rep.Summary()
		for _, f := range rep.Findings {
			text += "\n• " + f.Message
		}
		check.SetText(text)
		check.Importance = widget.WarningImportance
	}
	issues, _ := st.ListIssues()
	var open []newsletter.IssueSummary
	var labels []string
	for _, is := range issues {
		if is.Status != "sent" {
			open = append(open, is)
			labels = append(labels, issueHeading(is.Number, is.Title))
		}
	}
	into := widget.NewSelect(labels, nil)
	into.PlaceHolder = "Choose an issue not yet sent"
	if len(labels) > 0 {
		into.SetSelectedIndex(0)
	}
	accept := widget.NewButtonWithIcon("Accept into this issue", theme.ConfirmIcon(), func() {
		i := into.SelectedIndex()
		if i < 0 {
			dialog.ShowInformation("Not accepted", "Start an issue first with “New issue”, then accept the section into it.", v.u.Window())
			return
		}
		if err := st.AcceptContribution(c.ID, open[i].ID); err != nil {
			kit.ShowError(v.u.Window(), "The section was not accepted", err)
			return
		}
		v.u.Changed()
		v.reload()
		if v.changed != nil {
			v.changed()
		}
	})
	accept.Importance = widget.HighImportance
	decline := widget.NewButtonWithIcon("Decline…", theme.CancelIcon(), func() {
		kit.Confirm(v.u.Window(), "Decline this section?", kit.Wrapped("It leaves the contributions inbox and is not printed. "+
			"Tell "+c.SenderName+" yourself if she should know."), "Decline", "Keep it", true, kit.IfYes(func() {
			if err := st.DeclineContribution(c.ID); err != nil {
				kit.ShowError(v.u.Window(), "The section was not declined", err)
				return
			}
			v.u.Changed()
			v.reload()
		}))
	})
	from := fmt.Sprintf("From %s, received %s", c.SenderName, kit.ShortDate(dayOf(c.ReceivedAt)))
	body := container.NewVBox(kit.Soft(from), kit.Muted(by), kit.Wrapped(c.Section.Body), check,
		container.NewBorder(nil, nil, nil, container.NewHBox(accept, decline), into))
	return widget.NewCard(c.Section.Heading, "", body)
}

func dayOf(rfc string) string {
	if len(rfc) >= 10 {
		return rfc[:10]
	}
	return rfc
}

// sendToEditor sends one section of the saved issue to the editor chosen
// from the team list.
func (ed *issueEditor) sendToEditor(c *sectionCard) {
	if !ed.save(true) || ed.is.ID == "" {
		return
	}
	no := ed.indexOfCard(c) + 1
	issueID := ed.is.ID
	who := together.NewMemberChoice(ed.u, "editor")
	body := container.NewVBox(kit.Captioned("Send to", who.Select, nil),
		kit.Wrapped("The section “"+c.heading.Text+"”, with its contributor and consent, goes sealed to the editor. "+
			"It is printed only if she accepts it into an issue, after the safety check."))
	kit.Confirm(ed.u.Window(), "Send a section to the editor", body, "Send", "Cancel", false, kit.IfYes(func() {
		to, ok := who.Chosen()
		if !ok {
			dialog.ShowInformation("Nothing was sent", "Choose the editor from your team list (add her in Settings, under \"Team\").", ed.u.Window())
			return
		}
		together.Send(ed.u, "Sealing the section…", func() (*teamwork.Outgoing, error) {
			return teamwork.PrepareContribution(ed.u.Context(), ed.u.DB(), to, issueID, no)
		}, nil, func(sent *teamwork.Sent, err error) {
			if err != nil {
				kit.ShowError(ed.u.Window(), "Nothing was sent", err)
				return
			}
			dialog.ShowInformation("Sent to the editor", "Sent to "+to.Name+": "+sent.Summary+".\nThe sealed file "+
				filepath.Base(sent.Path)+" is in the exchange folder.", ed.u.Window())
		})
	}))
}
