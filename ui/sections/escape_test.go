package sections

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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

// Every section in the Go menu shows its shortcut, and the shortcut goes
// there.
func TestTheGoMenuShowsAShortcutForEachSectionThatWorks(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	var goMenu *fyne.Menu
	for _, m := range u.Win.MainMenu().Items {
		if m.Label == "Go" {
			goMenu = m
		}
	}
	require.NotNil(t, goMenu)
	n := 0
	for _, e := range App {
		if e.Hidden {
			continue
		}
		if n == 9 {
			break // Ctrl+1 to Ctrl+9: the first nine sections
		}
		var item *fyne.MenuItem
		for _, it := range goMenu.Items {
			if it.Label == e.Title {
				item = it
			}
		}
		require.NotNil(t, item, "%s is in the Go menu", e.Title)
		sc, ok := item.Shortcut.(*desktop.CustomShortcut)
		require.True(t, ok, "%s shows a shortcut", e.Title)
		u.Shell.Show(kit.Settings)
		if e.Section == kit.Settings {
			u.Shell.Show(kit.Today)
		}
		press(u, sc.KeyName, sc.Modifier)
		require.Equal(t, e.Section, u.Shell.Current, "%s goes to %s", sc.ShortcutName(), e.Title)
		n++
	}
	require.Greater(t, n, 5)
}
