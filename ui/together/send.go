package together

import (
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"inreach/identity"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/kit"
)

// MemberChoice is a choice of one person from the team list, those of the
// preferred role first (the first of them chosen).
type MemberChoice struct {
	Select  *widget.Select
	members []team.Member
}

// NewMemberChoice lists the team, those whose role is prefer first.
func NewMemberChoice(u kit.Env, prefer string) *MemberChoice {
	c := &MemberChoice{}
	ms, _ := team.List(u.DB())
	for _, first := range []bool{true, false} {
		for _, m := range ms {
			if (m.Role == prefer) == first {
				c.members = append(c.members, m)
			}
		}
	}
	var labels []string
	for _, m := range c.members {
		labels = append(labels, m.Name+" ("+m.Role+")")
	}
	c.Select = widget.NewSelect(labels, nil)
	c.Select.PlaceHolder = "No one on your team list yet"
	if len(labels) > 0 {
		c.Select.PlaceHolder = "Choose from your team list"
		if c.members[0].Role == prefer {
			c.Select.SetSelectedIndex(0)
		}
	}
	return c
}

// Chosen is the person chosen; ok is false when no one is.
func (c *MemberChoice) Chosen() (team.Member, bool) {
	i := c.Select.SelectedIndex()
	if i < 0 || i >= len(c.members) {
		return team.Member{}, false
	}
	return c.members[i], true
}

// ErrNoFolder is said when a bundle is sent before the exchange folder is
// chosen.
var ErrNoFolder = errors.New("choose the exchange folder in Settings first (\"Exchange folder\"): bundles are written there")

// Send prepares a bundle, seals it into a new file in the exchange folder,
// then runs after (when not nil; a handover's erasure), and saves the
// vault — all off the UI goroutine, behind a progress dialog. done gets
// what was sent, or why not, on the UI goroutine.
func Send(u kit.Env, busy string, prepare func() (*teamwork.Outgoing, error),
	after func(*teamwork.Outgoing, *teamwork.Sent) error, done func(*teamwork.Sent, error)) {
	if teamwork.Folder(u.DB()) == "" {
		done(nil, ErrNoFolder)
		return
	}
	prog := dialog.NewCustomWithoutButtons(busy, widget.NewProgressBarInfinite(), u.Window())
	prog.Show()
	var sent *teamwork.Sent
	var err error
	u.Go(func() {
		var out *teamwork.Outgoing
		out, err = prepare()
		if err != nil {
			return
		}
		var me *identity.Identity
		if me, err = identity.Load(u.DB()); err != nil {
			return
		}
		defer me.Wipe()
		var path string
		if path, err = teamwork.PathInFolder(u.DB(), out.Kind); err != nil {
			return
		}
		if sent, err = teamwork.Send(u.Context(), u.DB(), me, out, path); err != nil {
			return
		}
		if after != nil {
			err = after(out, sent)
		}
		if serr := u.Save(); err == nil {
			err = serr
		}
	}, func() {
		prog.Hide()
		if u.Locked() {
			return
		}
		if sent != nil {
			u.Changed()
		}
		done(sent, err)
	})
}
