package supervision

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"inreach/teamwork"
	"inreach/ui/kit"
	"inreach/ui/together"
)

// Choices of the "Send for supervision" dialog.
const (
	sendMarked = "The entries marked for supervision"
	sendPeriod = "Every entry of a period"
	namesFull  = "Names in full"
	namesHide  = "Names redacted (pseudonyms)"
)

// SendForSupervision asks whom to send to (the supervisor, from the team
// list), which entries (those marked, or a period) and whether names are
// redacted, then seals the pack into the exchange folder.
func (s *SupervisionScreen) SendForSupervision() {
	who := together.NewMemberChoice(s.u, "supervisor")
	which := widget.NewRadioGroup([]string{sendMarked, sendPeriod}, nil)
	which.SetSelected(sendMarked)
	from, to := kit.DiaryPeriod(kit.DiaryLastMonth, kit.TodayFor(s.u))
	fromE, toE := kit.NewLeaveEntry("", nil), kit.NewLeaveEntry("", nil)
	fromE.SetText(from)
	toE.SetText(to)
	dates := container.NewHBox(
		kit.Captioned("From", kit.DateField(fromE, func() string { return kit.TodayFor(s.u) }), nil),
		kit.Captioned("To", kit.DateField(toE, func() string { return kit.TodayFor(s.u) }), nil))
	dates.Hide()
	which.OnChanged = func(v string) {
		if v == sendPeriod {
			dates.Show()
		} else {
			dates.Hide()
		}
	}
	names := widget.NewRadioGroup([]string{namesFull, namesHide}, nil)
	names.SetSelected(namesFull)
	problem := kit.ErrorLabel()
	body := container.NewVBox(
		kit.Captioned("Send to", who.Select, nil),
		kit.Captioned("Which entries", container.NewVBox(which, dates), nil),
		kit.Captioned("Women's names", names, nil),
		kit.Soft("Sealed so that only she can open it, with the contact facts the entries are about and your open supervision actions. "+
			"Sensitive flags, dates of birth and prison numbers never go."),
		problem)
	d := dialog.NewCustomConfirm("Send for supervision", "Send", "Cancel", container.New(&kit.AtLeastWidth{Width: 480}, body), func(ok bool) {
		if !ok {
			return
		}
		to, chosen := who.Chosen()
		if !chosen {
			dialog.ShowInformation("Nothing was sent", "Choose your supervisor from the team list. Add her in Settings, under \"Team\", with the Inreach ID she gives you.", s.u.Window())
			return
		}
		opt := teamwork.SupervisionOptions{Redact: names.Selected == namesHide}
		if which.Selected == sendPeriod {
			fromE.Normalise()
			toE.Normalise()
			opt.From, opt.To = strings.TrimSpace(fromE.Text), strings.TrimSpace(toE.Text)
			for _, p := range []string{kit.DateProblem(opt.From, true), kit.DateProblem(opt.To, true)} {
				if p != "" {
					dialog.ShowInformation("Nothing was sent", "The period: "+p, s.u.Window())
					return
				}
			}
		}
		together.Send(s.u, "Sealing the supervision pack…", func() (*teamwork.Outgoing, error) {
			return teamwork.PrepareSupervision(s.u.Context(), s.u.DB(), to, opt)
		}, nil, func(sent *teamwork.Sent, err error) {
			if err != nil {
				kit.ShowError(s.u.Window(), "Nothing was sent", err)
				return
			}
			dialog.ShowInformation("Sent for supervision", "Sent to "+to.Name+": "+sent.Summary+".\n"+
				"The sealed file "+filepath.Base(sent.Path)+" is in the exchange folder.", s.u.Window())
		})
	}, s.u.Window())
	d.Resize(fyne.NewSize(520, 420))
	d.Show()
}
