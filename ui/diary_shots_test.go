package ui

import (
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/require"
)

// diaryShot saves the window as /tmp/inreach-shots/<name>-<w>x<h>.png.
func diaryShot(t *testing.T, u *UI, name string) {
	t.Helper()
	dir := filepath.Join(os.TempDir(), "inreach-shots")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	size := u.win.Canvas().Size()
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%.0fx%.0f.png", name, size.Width, size.Height)))
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, png.Encode(f, u.win.Canvas().Capture()))
}

// diaryScrollDown scrolls the first scroller under root to its end.
func diaryScrollDown(root fyne.CanvasObject) {
	walk(root, func(o fyne.CanvasObject) bool {
		if sc, ok := o.(*container.Scroll); ok {
			sc.ScrollToBottom()
			return false
		}
		return true
	})
}

// TestDiaryScreenshots renders the Diary, Learning and Supervision screens
// on the demo corpus at the two window sizes, for a person to look at. It
// runs only with INREACH_SHOTS=1.
func TestDiaryScreenshots(t *testing.T) {
	if os.Getenv("INREACH_SHOTS") == "" {
		t.Skip("set INREACH_SHOTS=1 to render screenshots")
	}
	diarySlowAutosave(t)
	u := newTestUI(t)
	openDemoVault(t, u)
	for _, size := range []fyne.Size{{Width: 1180, Height: 760}, {Width: 1024, Height: 700}} {
		u.win.Resize(size)
		s := diaryTestScreen(t, u)
		s.tabs.SelectIndex(0)
		require.NotEmpty(t, s.items, "the demo has diary entries")
		pick := s.items[0].ID
		for _, it := range s.items {
			if e, err := u.sess.Diary.Get(it.ID); err == nil && len(e.Comments) > 0 {
				pick = it.ID
				break
			}
		}
		s.open(pick)
		diaryShot(t, u, "diary-entry")
		diaryScrollDown(s.editor.Content())
		diaryShot(t, u, "diary-entry-end")
		s.newEntry()
		diaryShot(t, u, "diary-new")
		s.tabs.SelectIndex(1)
		diaryShot(t, u, "diary-learning")
		s.tabs.SelectIndex(0)

		v := supervisionTestScreen(t, u)
		v.showOverview()
		diaryShot(t, u, "supervision-overview")
		if len(v.sessions) > 0 {
			v.showSession(v.sessions[1].ID)
			diaryShot(t, u, "supervision-session")
			diaryScrollDown(v.form.Content())
			diaryShot(t, u, "supervision-session-end")
			if len(v.form.shown) > 0 {
				v.form.readEntry(v.form.shown[0])
				diaryShot(t, u, "supervision-read")
				u.win.Canvas().Overlays().Top().Hide()
			}
		}
		v.newSession()
		diaryShot(t, u, "supervision-new")
		v.showOverview()
		showSupervisionPackDialog(u.env(), "", "")
		diaryShot(t, u, "supervision-pack")
		u.win.Canvas().Overlays().Top().Hide()
		u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	}

	// The light variant, as most desktops show it.
	u.app.Settings().SetTheme(diaryLightTheme{u.app.Settings().Theme()})
	u.win.Resize(fyne.NewSize(1180, 760))
	s := diaryTestScreen(t, u)
	s.open(s.items[0].ID)
	diaryShot(t, u, "light-diary-entry")
	v := supervisionTestScreen(t, u)
	if len(v.sessions) > 1 {
		v.showSession(v.sessions[1].ID)
		diaryShot(t, u, "light-supervision-session")
	}
}

// diaryLightTheme shows a theme in its light variant.
type diaryLightTheme struct{ fyne.Theme }

func (l diaryLightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}
