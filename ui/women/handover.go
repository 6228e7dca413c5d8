package women

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/teamwork"
	"inreach/ui/kit"
	"inreach/ui/together"
)

// handOver asks which colleague on the team list she goes to, says what
// goes with her, and, if chosen, erases her from this vault once the
// bundle is written and opened again — confirmed by typing her name, as
// erasure is.
func (p *womanPage) handOver() {
	u, name, id := p.u, p.person.Name, p.id
	who := together.NewMemberChoice(u, "colleague")
	what := kit.Wrapped("Her whole record goes, sealed so that only your colleague can open it: her details, needs, " +
		"release plan, her part of each contact, actions, outcome events, letters and readings, and the prisons and " +
		"agencies they mention. Your diary, supervision and newsletters stay with you. Her timeline here records the handover.")
	typed := widget.NewEntry()
	typed.SetPlaceHolder("Her full name, as shown")
	ask := kit.Wrapped("To erase her after the handover, type her full name: " + name)
	confirmBox := container.NewVBox(ask, typed)
	confirmBox.Hide()
	erase := widget.NewCheck("Erase her from this vault after the bundle is written and checked", func(on bool) {
		if on {
			confirmBox.Show()
			u.Window().Canvas().Focus(typed)
		} else {
			confirmBox.Hide()
		}
	})
	msg := kit.ErrorLabel()
	var d *dialog.CustomDialog
	send := widget.NewButtonWithIcon("Hand her over", theme.MailSendIcon(), func() {
		to, ok := who.Chosen()
		switch {
		case !ok:
			kit.SetError(msg, "Choose the colleague from your team list (add her in Settings, under \"Team\").")
			return
		case erase.Checked && strings.TrimSpace(typed.Text) != name:
			kit.SetError(msg, "That is not her name as recorded. Type it exactly as shown, with the same capital letters, or untick erasing.")
			return
		}
		d.Hide()
		p.runHandover(to.Name, id, erase.Checked, who)
	})
	send.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	body := container.NewVBox(kit.Captioned("Hand her over to", who.Select, nil), what, widget.NewSeparator(), erase, confirmBox, msg)
	d = dialog.NewCustomWithoutButtons("Hand over "+name+" to a colleague", body, u.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, send})
	size := u.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(600, size.Width-40), min(480, size.Height-40)))
	d.Show()
}

// runHandover seals her record for the colleague chosen in who, erases her
// after if asked, and says what happened and which file holds it.
func (p *womanPage) runHandover(colleague, id string, eraseAfter bool, who *together.MemberChoice) {
	u := p.u
	to, _ := who.Chosen()
	var erased bool
	var after func(*teamwork.Outgoing, *teamwork.Sent) error
	if eraseAfter {
		after = func(out *teamwork.Outgoing, sent *teamwork.Sent) error {
			_, err := teamwork.EraseHandedOver(u.Context(), u.DB(), out, sent)
			erased = err == nil
			return err
		}
	}
	together.Send(u, "Sealing her record…", func() (*teamwork.Outgoing, error) {
		return teamwork.PrepareHandover(u.Context(), u.DB(), to, []string{id})
	}, after, func(sent *teamwork.Sent, err error) {
		if sent == nil {
			kit.ShowError(u.Window(), "She was not handed over; nothing was changed", err)
			return
		}
		text := fmt.Sprintf("Handed over to %s: %s.\nThe sealed file %s is in the exchange folder.", colleague, sent.Summary, filepath.Base(sent.Path))
		switch {
		case erased:
			text += "\nShe has been erased from this vault."
		case eraseAfter:
			text += "\nShe was NOT erased from this vault: " + kit.Sentence(err) + " Erase her from Reports when the problem is put right."
		case err != nil:
			text += "\n" + kit.Sentence(err)
		}
		if erased && p.onChanged != nil {
			p.onChanged(id) // her page closes
		} else {
			p.reload() // her timeline shows the handover
		}
		dialog.ShowInformation("Handed over", text, u.Window())
	})
}
