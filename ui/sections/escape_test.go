package sections

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/require"

	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// escape presses Escape as the window would deliver it: to the focused
// widget if there is one, else to the window.
func escape(u *ui.UI) {
	c := u.Win.Canvas()
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := c.Focused(); f != nil {
		f.TypedKey(esc)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(esc)
	}
}

// Escape closes every dialog: a message, and Fyne's own save dialog.
func TestEscapeClosesAMessageAndTheSaveDialog(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	c := u.Win.Canvas()

	u.Shell.Show(kit.Today)
	press(u, fyne.KeyP, fyne.KeyModifierShortcutDefault)
	require.NotNil(t, c.Overlays().Top(), "Ctrl+P on Today says there is nothing to print")
	escape(u)
	require.Nil(t, c.Overlays().Top(), "Escape closed it")

	picked := false
	kit.ReportsChooseFile(u.Win, "figures.pdf", func(fyne.URIWriteCloser) { picked = true })
	require.NotNil(t, c.Overlays().Top(), "the save dialog is open")
	escape(u)
	require.Nil(t, c.Overlays().Top(), "Escape closed the save dialog")
	require.False(t, picked, "and nothing was written")
}
