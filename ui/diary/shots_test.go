package diary

import (
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"inreach/ui"
	"inreach/ui/supervision"
	"inreach/ui/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/require"
)

// diaryShot saves the window as /tmp/inreach-shots/<name>-<w>x<h>.png.
func diaryShot(t *testing.T, u *ui.UI, name string) {
	t.Helper()
	dir := filepath.Join(os.TempDir(), "inreach-shots")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	size := u.Win.Canvas().Size()
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%.0fx%.0f.png", name, size.Width, size.Height)))
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, png.Encode(f, u.Win.Canvas().Capture()))
}

// diaryScrollDown scrolls the first scroller under root to its end.
func diaryScrollDown(root fyne.CanvasObject) {
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
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
	uitest.OpenDemoVault(t, u)
	for _, size := range []fyne.Size{{Width: 1180, Height: 760}, {Width: 1024, Height: 700}} {
		u.Win.Resize(size)
		s := diaryTestScreen(t, u)
		s.tabs.SelectIndex(0)
		require.NotEmpty(t, s.items, "the demo has diary entries")
		pick := s.items[0].ID
		for _, it := range s.items {
			if e, err := u.Sess.Diary.Get(it.ID); err == nil && len(e.Comments) > 0 {
				pick = it.ID
				break
			}
		}
		s.open(pick)
		diaryShot(t, u, "diary-entry")
		diaryScrollDown(s.Editor.Content())
		diaryShot(t, u, "diary-entry-end")
		s.newEntry()
		diaryShot(t, u, "diary-new")
		s.tabs.SelectIndex(1)
		diaryShot(t, u, "diary-learning")
		s.tabs.SelectIndex(0)

		v := supervisionTestScreen(t, u)
		v.ShowOverview()
		diaryShot(t, u, "supervision-overview")
		if len(v.Sessions) > 0 {
			v.ShowSession(v.Sessions[1].ID)
			diaryShot(t, u, "supervision-session")
			diaryScrollDown(v.Form.Content())
			diaryShot(t, u, "supervision-session-end")
			if len(v.Form.Shown) > 0 {
				v.Form.ReadEntry(v.Form.Shown[0])
				diaryShot(t, u, "supervision-read")
				u.Win.Canvas().Overlays().Top().Hide()
			}
		}
		v.NewSession()
		diaryShot(t, u, "supervision-new")
		v.ShowOverview()
		supervision.ShowSupervisionPackDialog(u.Env(), "", "")
		diaryShot(t, u, "supervision-pack")
		u.Win.Canvas().Overlays().Top().Hide()
		u.Win.Canvas().Overlays().Remove(u.Win.Canvas().Overlays().Top())
	}

	// The light variant, as most desktops show it.
	u.App.Settings().SetTheme(diaryLightTheme{u.App.Settings().Theme()})
	u.Win.Resize(fyne.NewSize(1180, 760))
	s := diaryTestScreen(t, u)
	s.open(s.items[0].ID)
	diaryShot(t, u, "light-diary-entry")
	v := supervisionTestScreen(t, u)
	if len(v.Sessions) > 1 {
		v.ShowSession(v.Sessions[1].ID)
		diaryShot(t, u, "light-supervision-session")
	}
}

// diaryLightTheme shows a theme in its light variant.
type diaryLightTheme struct{ fyne.Theme }

func (l diaryLightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}
