package together

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/identity"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/kit"
)

// InboxEvery is how often the exchange folder is looked at while the vault
// is open: bundles arrive by a folder that syncs, so a modest pace is
// enough, and opening the inbox looks again at once.
const InboxEvery = 30 * time.Second

// Inbox is the banner over every screen that says what waits in the
// exchange folder ("2 waiting: supervision reply from Sam Cole") and
// opens the list where each bundle is received on one click.
type Inbox struct {
	u kit.Env

	// Waiting is what the folder held at the last look.
	Waiting []teamwork.Waiting
	Summary *widget.Label
	open    *widget.Button
	banner  *fyne.Container

	list   *fyne.Container // the rows of the open inbox dialog
	result *widget.Label   // what the last receive did, in the dialog
	dlg    dialog.Dialog
}

// NewInbox builds the banner and starts looking at the exchange folder.
func NewInbox(u kit.Env) *Inbox {
	in := &Inbox{u: u}
	in.Summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	in.Summary.Wrapping = fyne.TextWrapWord
	in.open = widget.NewButtonWithIcon("Open the inbox…", theme.MailComposeIcon(), in.Show)
	in.open.Importance = widget.HighImportance
	in.banner = container.NewPadded(container.NewBorder(nil, nil, widget.NewIcon(theme.MailComposeIcon()), in.open, in.Summary))
	in.banner.Hide()
	in.Check(true)
	return in
}

// Content is the banner (hidden while nothing waits).
func (in *Inbox) Content() fyne.CanvasObject { return in.banner }

// Check looks at the exchange folder off the UI goroutine and shows what
// it holds; with again, it looks again after InboxEvery.
func (in *Inbox) Check(again bool) {
	var ws []teamwork.Waiting
	var err error
	in.u.Go(func() { ws, err = lookInFolder(in.u) }, func() {
		if in.u.Locked() {
			return
		}
		if err == nil {
			in.show(ws)
		}
		if again {
			in.u.After(InboxEvery, func() { in.Check(true) })
		}
	})
}

// lookInFolder lists the bundles addressed to this vault; none when no
// folder is set.
func lookInFolder(u kit.Env) ([]teamwork.Waiting, error) {
	dir := teamwork.Folder(u.DB())
	if dir == "" {
		return nil, nil
	}
	me, err := identity.Load(u.DB())
	if err != nil {
		return nil, err
	}
	defer me.Wipe()
	return teamwork.Inbox(u.DB(), me, dir)
}

func (in *Inbox) show(ws []teamwork.Waiting) {
	in.Waiting = ws
	received := 0
	for _, w := range ws {
		if w.Received {
			received++
		}
	}
	switch {
	case len(ws) > received:
		in.Summary.SetText(teamwork.Summary(ws))
		in.banner.Show()
	default:
		in.Summary.SetText("")
		in.banner.Hide()
	}
	if in.list != nil {
		in.fillList()
	}
}

// Show opens the inbox: every bundle for this vault in the exchange
// folder, a Receive button on each not yet received, and the tidying.
func (in *Inbox) Show() {
	in.list = container.NewVBox()
	in.result = widget.NewLabel("")
	in.result.Wrapping = fyne.TextWrapWord
	in.result.Hide()
	in.fillList()
	tidy := widget.NewButtonWithIcon("Tidy away received bundles", theme.DeleteIcon(), in.Tidy)
	folder := kit.Muted("Exchange folder: " + teamwork.Folder(in.u.DB()))
	folder.Wrapping = fyne.TextWrapBreak
	body := container.NewBorder(container.NewVBox(folder, in.result), container.NewHBox(tidy), nil, nil,
		container.NewVScroll(in.list))
	in.dlg = dialog.NewCustom("Inbox", "Close", container.New(&kit.AtLeastWidth{Width: 640}, body), in.u.Window())
	in.dlg.SetOnClosed(func() { in.list, in.result, in.dlg = nil, nil, nil })
	in.dlg.Resize(fyne.NewSize(min(760, in.u.Window().Canvas().Size().Width*0.9), min(400, in.u.Window().Canvas().Size().Height*0.85)))
	in.dlg.Show()
	in.Check(false)
}

// Close closes the inbox when it is open.
func (in *Inbox) Close() {
	if in.dlg != nil {
		in.dlg.Hide()
	}
}

func (in *Inbox) fillList() {
	in.list.RemoveAll()
	if teamwork.Folder(in.u.DB()) == "" {
		in.list.Add(kit.Wrapped("No exchange folder is chosen yet. Choose it in Settings, under \"Exchange folder\"."))
		return
	}
	if len(in.Waiting) == 0 {
		in.list.Add(kit.Soft("Nothing waits for you in the exchange folder."))
		return
	}
	for _, w := range in.Waiting {
		line := widget.NewLabel(capital(w.Describe()))
		line.Wrapping = fyne.TextWrapWord
		var act fyne.CanvasObject = layout.NewSpacer()
		if !w.Received {
			b := widget.NewButtonWithIcon("Receive", theme.DownloadIcon(), func() { in.Receive(w) })
			b.Importance = widget.HighImportance
			act = b
		}
		in.list.Add(container.NewBorder(nil, nil, nil, act, line))
	}
}

// Receive merges one bundle and saves the vault; the result, or the
// refusal's plain message, is shown in the inbox.
func (in *Inbox) Receive(w teamwork.Waiting) {
	var res *teamwork.Result
	var err error
	in.u.Go(func() {
		var me *identity.Identity
		me, err = identity.Load(in.u.DB())
		if err != nil {
			return
		}
		defer me.Wipe()
		res, err = teamwork.ReceiveFile(in.u.Context(), in.u.DB(), me, w.Path)
		if err == nil {
			err = in.u.Save()
		}
	}, func() {
		if in.u.Locked() {
			return
		}
		if err != nil {
			in.refused(err)
			return
		}
		in.u.Changed()
		in.say("Received " + res.Summary + ".")
		in.Check(false)
	})
}

// refused shows why a bundle was refused; for someone not on the team list
// it shows her fingerprint large and offers to add her.
func (in *Inbox) refused(err error) {
	var rf *teamwork.Refusal
	if !errors.As(err, &rf) || rf.SenderID == "" {
		in.say("Not received. " + kit.Sentence(err))
		return
	}
	msg := rf.Message
	if i := strings.Index(msg, "\ninreach "); i > 0 {
		msg = msg[:i] // the command line's own advice
	}
	in.say("Not received. " + kit.Sentence(errors.New(msg)))
	fp := widget.NewLabelWithStyle(FingerprintLines(rf.Fingerprint), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true, Bold: true})
	fp.SizeName = theme.SizeNameSubHeadingText
	name := widget.NewEntry()
	name.SetPlaceHolder("Her name")
	role := widget.NewSelect(team.Roles, nil)
	role.SetSelected("colleague")
	compared := widget.NewCheck("I compared this fingerprint with her, in person or by phone", nil)
	problem := kit.ErrorLabel()
	body := container.NewVBox(
		kit.Wrapped("The bundle was sent by someone who is not on your team list. Their fingerprint is:"),
		fp,
		kit.Wrapped("If you know who sent it, compare this fingerprint with her before you add her. Then receive the bundle again."),
		widget.NewForm(widget.NewFormItem("Name", name), widget.NewFormItem("Role", role)),
		compared, problem)
	d := dialog.NewCustomConfirm("Someone not on your team list", "Add her to the team", "Not now",
		container.New(&kit.AtLeastWidth{Width: 480}, body), func(ok bool) {
			if !ok {
				return
			}
			if _, err := team.Add(in.u.DB(), strings.TrimSpace(name.Text), rf.SenderID, role.Selected, compared.Checked); err != nil {
				var p *team.Problem
				if errors.As(err, &p) {
					err = errors.New(p.Message)
				}
				kit.ShowError(in.u.Window(), "She was not added to the team", err)
				return
			}
			in.u.Changed()
			in.say(strings.TrimSpace(name.Text) + " is on your team list now. Receive the bundle again.")
			in.Check(false)
		}, in.u.Window())
	d.Show()
}

func (in *Inbox) say(s string) {
	if in.result == nil {
		dialog.ShowInformation("Inbox", s, in.u.Window())
		return
	}
	in.result.SetText(s)
	in.result.Show()
}

// Tidy removes the bundles already received from the exchange folder.
func (in *Inbox) Tidy() {
	var removed []string
	var err error
	in.u.Go(func() {
		var me *identity.Identity
		me, err = identity.Load(in.u.DB())
		if err != nil {
			return
		}
		defer me.Wipe()
		removed, err = teamwork.Tidy(in.u.DB(), me, teamwork.Folder(in.u.DB()))
	}, func() {
		if in.u.Locked() {
			return
		}
		if err != nil {
			in.say("Nothing was tidied: " + kit.Sentence(err))
			return
		}
		in.say(kit.CountWords(len(removed), "received bundle was", "received bundles were") + " removed from the exchange folder.")
		in.Check(false)
	})
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
