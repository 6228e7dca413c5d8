package together

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/identity"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/kit"
)

// Cards are the Settings cards of working together: "Your Inreach ID",
// the team list and the exchange folder.
type Cards struct {
	u kit.Env

	idLine      *widget.Label
	fingerprint *widget.Label
	copied      *widget.Label

	members  *fyne.Container
	Name, ID *kit.LeaveEntry
	Role     *kit.Select
	Verified *kit.Check
	Problem  *widget.Label

	folder *widget.Label

	box *fyne.Container
}

// NewCards builds the cards for the open session.
func NewCards(u kit.Env) *Cards {
	c := &Cards{u: u}
	c.idLine = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	c.idLine.Wrapping = fyne.TextWrapBreak
	c.fingerprint = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true, Bold: true})
	c.fingerprint.SizeName = theme.SizeNameHeadingText
	c.copied = kit.Muted("")
	copyID := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), c.copyID)
	idCard := kit.TitledCard("Your Inreach ID", "Give this line to your colleagues so that they can add you to their team list. It holds no secret.",
		container.NewVBox(
			c.idLine,
			container.NewHBox(copyID, c.copied),
			widget.NewSeparator(),
			kit.Muted("Fingerprint — read it aloud to a colleague, in person or on the phone, and she compares it with the one her Inreach shows for you:"),
			c.fingerprint,
		))

	c.members = container.NewVBox()
	c.Name = kit.NewLeaveEntry("", nil)
	c.Name.SetPlaceHolder("Her name, as you call her")
	c.ID = kit.NewLeaveEntry("", nil)
	c.ID.SetPlaceHolder("Paste her Inreach ID (one line, from her Settings)")
	c.Role = kit.NewSelect(team.Roles, nil)
	c.Role.SetSelected("colleague")
	c.Verified = kit.NewCheck("Fingerprint compared with her, in person or by phone", nil)
	c.Problem = kit.ErrorLabel()
	add := widget.NewButtonWithIcon("Add to the team", theme.ContentAddIcon(), c.Add)
	form := widget.NewForm(
		widget.NewFormItem("Name", c.Name),
		widget.NewFormItem("Inreach ID", c.ID),
		widget.NewFormItem("Role", c.Role),
	)
	teamCard := kit.TitledCard("Team", "The people you exchange sealed bundles with. Bundles from anyone else are refused.",
		container.NewVBox(c.members, widget.NewSeparator(), kit.Subheading("Add someone"), form, c.Verified,
			container.NewHBox(add), c.Problem))

	c.folder = widget.NewLabel("")
	c.folder.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButtonWithIcon("Choose the folder…", theme.FolderOpenIcon(), c.chooseFolder)
	folderCard := kit.TitledCard("Exchange folder", "Where bundles are written and looked for: a folder your organisation syncs or shares.",
		container.NewVBox(c.folder,
			kit.Wrapped("Bundles written there are sealed: only the colleague they are for can open them, and "+
				"the files are readable by your account only (owner-only). Nothing is sent over the internet by Inreach."),
			container.NewHBox(choose)))

	c.box = container.NewVBox(idCard, teamCard, folderCard)
	c.Reload()
	return c
}

// Content is the three cards, one above the other.
func (c *Cards) Content() fyne.CanvasObject { return c.box }

// Reload shows the ID, the team list and the folder as they are now.
func (c *Cards) Reload() {
	db := c.u.DB()
	if me, err := identity.Load(db); err == nil {
		id := me.Public()
		me.Wipe()
		c.idLine.SetText(id.String())
		c.fingerprint.SetText(FingerprintLines(id.Fingerprint()))
	} else {
		c.idLine.SetText(kit.Sentence(err))
		c.fingerprint.SetText("")
	}
	c.copied.SetText("")
	c.loadMembers()
	if dir := teamwork.Folder(db); dir != "" {
		c.folder.SetText(dir)
	} else {
		c.folder.SetText("No exchange folder chosen yet.")
	}
}

// FingerprintLines puts a fingerprint's eight groups of four on two lines
// of four groups, wide apart, for reading aloud.
func FingerprintLines(fp string) string {
	g := strings.Fields(fp)
	if len(g) != 8 {
		return fp
	}
	return strings.Join(g[:4], "  ") + "\n" + strings.Join(g[4:], "  ")
}

func (c *Cards) copyID() {
	fyne.CurrentApp().Clipboard().SetContent(c.idLine.Text)
	c.copied.SetText("Copied")
}

func (c *Cards) loadMembers() {
	ms, err := team.List(c.u.DB())
	c.members.RemoveAll()
	if err != nil {
		c.members.Add(kit.Wrapped("The team list could not be read: " + kit.Sentence(err)))
		return
	}
	if len(ms) == 0 {
		c.members.Add(kit.Soft("No one yet. Add your supervisor and colleagues with the IDs they give you."))
		return
	}
	for _, m := range ms {
		c.members.Add(c.memberRow(m))
	}
}

func (c *Cards) memberRow(m team.Member) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(m.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	fp := widget.NewLabelWithStyle(m.Fingerprint(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	role := widget.NewLabel(m.Role)
	role.Importance = widget.LowImportance
	check := kit.NewCheck("Fingerprint compared", nil)
	check.SetChecked(m.Verified)
	check.OnChanged = func(on bool) {
		if err := team.SetVerified(c.u.DB(), m.Name, on); err != nil {
			kit.ShowError(c.u.Window(), "The team list could not be changed", err)
			return
		}
		c.u.Changed()
	}
	remove := widget.NewButtonWithIcon("Remove…", theme.DeleteIcon(), func() { c.confirmRemove(m) })
	return container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(check, remove)),
		container.NewVBox(container.NewHBox(name, role), fp))
}

func (c *Cards) confirmRemove(m team.Member) {
	kit.Confirm(c.u.Window(), "Remove "+m.Name+" from the team?",
		kit.Wrapped("Bundles from her will be refused from now on, and you will not be able to send her any. "+
			"What she sent you before stays in your vault."),
		"Remove", "Keep her", true, kit.IfYes(func() {
			if err := team.Remove(c.u.DB(), m.Name); err != nil {
				kit.ShowError(c.u.Window(), "The team list could not be changed", err)
				return
			}
			c.u.Changed()
			c.loadMembers()
		}))
}

// Add puts the person of the form on the team list; a malformed, own or
// duplicate ID gets the domain's plain message under the form.
func (c *Cards) Add() {
	_, err := team.Add(c.u.DB(), strings.TrimSpace(c.Name.Text), c.ID.Text, c.Role.Selected, c.Verified.Checked)
	if err != nil {
		var p *team.Problem
		switch {
		case errors.As(err, &p), errors.Is(err, identity.ErrMalformed):
			kit.SetError(c.Problem, kit.Sentence(err))
		default:
			kit.SetError(c.Problem, "The team list could not be changed: "+kit.Sentence(err))
		}
		return
	}
	kit.SetError(c.Problem, "")
	c.Name.SetText("")
	c.ID.SetText("")
	c.Verified.SetChecked(false)
	c.u.Changed()
	c.loadMembers()
}

// ChooseFolder asks for a folder and hands its path to got (not called when
// the user cancels). Tests replace it to choose without a dialog.
var ChooseFolder = func(w fyne.Window, got func(path string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			kit.ShowError(w, "The folder could not be opened", err)
			return
		}
		if l != nil {
			got(l.Path())
		}
	}, w)
	d.Resize(fyne.NewSize(max(600, w.Canvas().Size().Width*0.8), max(440, w.Canvas().Size().Height*0.8)))
	d.Show()
}

func (c *Cards) chooseFolder() {
	ChooseFolder(c.u.Window(), func(path string) {
		if err := teamwork.SetFolder(c.u.DB(), path); err != nil {
			kit.ShowError(c.u.Window(), "The exchange folder was not changed", err)
			return
		}
		c.u.Changed()
		c.Reload()
	})
}
