package contacts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// contactDialogCheck is a check box in a dialog: Escape or Enter on it
// closes the dialog, so choosing by keyboard ends where it started.
type contactDialogCheck struct {
	widget.Check
	close func()
}

func newContactDialogCheck(label string, changed func(bool)) *contactDialogCheck {
	c := &contactDialogCheck{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey closes the dialog on Escape or Enter.
func (c *contactDialogCheck) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		if c.close != nil {
			c.close()
			return
		}
	}
	c.Check.TypedKey(k)
}
