package settings_test

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/ui/uitest"
)

// TestPassphraseScreenshots writes PNGs of the passphrase change dialog and
// of a new recovery key shown once, for a person to look at. It runs only
// when INREACH_SHOTS names a folder.
func TestPassphraseScreenshots(t *testing.T) {
	dir := os.Getenv("INREACH_SHOTS")
	if dir == "" {
		t.Skip("set INREACH_SHOTS=/some/folder to write screenshots")
	}
	u, _ := openWithKey(t)
	shoot := func(name string) {
		for _, sz := range []fyne.Size{{Width: 1180, Height: 760}, {Width: 900, Height: 600}} {
			u.Win.Resize(sz)
			f, err := os.Create(filepath.Join(dir, name+"-"+uitest.ItoaSize(sz)+".png"))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, u.Win.Canvas().Capture()))
			require.NoError(t, f.Close())
		}
	}
	settingsButton(t, u, "Change passphrase…")
	dlg := top(t, u)
	es := uitest.Entries(dlg)
	test.Type(es[0], "password123")
	shoot("settings-passphrase-weak")
	var how *widget.RadioGroup
	uitest.Walk(dlg, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*widget.RadioGroup); ok {
			how = r
		}
		return how == nil
	})
	how.SetSelected("I think someone knows my passphrase or recovery key")
	es[0].SetText("")
	test.Type(es[0], newPass)
	test.Type(es[1], newPass)
	shoot("settings-passphrase-compromised")
	test.Tap(uitest.FindButton(t, dlg, "Change"))
	u.Idle()
	shoot("settings-new-recovery-key")
}
