package letters

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/require"
)

// TestLettersAndNewsletterScreenshots renders the letters log with a
// letter open, the letter form, the newsletter editor on a draft issue
// and a sent issue, at two window sizes, for a person to look at. It runs
// only when INREACH_SHOTS names a folder for the PNG files.
func TestLettersAndNewsletterScreenshots(t *testing.T) {
	dir := os.Getenv("INREACH_SHOTS")
	if dir == "" {
		t.Skip("set INREACH_SHOTS=folder to write screenshots")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, size := range []fyne.Size{{Width: 1180, Height: 760}, {Width: 1024, Height: 700}} {
		// An empty notebook: what each tab says before anything is there.
		e := newTestUI(t)
		uitest.OpenTestVault(t, e)
		lettersTestWomen(t, e)
		e.Win.Resize(size)
		es := lettersTestScreen(t, e)
		shootWindow(t, e, dir, "letters-empty", size)
		es.tabs.Select(es.newsTab)
		shootWindow(t, e, dir, "newsletter-empty", size)
		es.news.newIssue()
		ed := es.news.editor
		ed.title.SetText("Spring news")
		ed.addSection.OnTapped()
		ed.cards[0].heading.SetText("A visit")
		ed.cards[0].body.SetText("We went to see Dana Whitfield (A1234BC) and she says hello. Call us on 07700 900123.")
		ed.cards[0].contributor.SetText("Dana Morris")
		ed.save(true)
		ed.runCheck()
		shootWindow(t, e, dir, "newsletter-new", size)

		u := newTestUI(t)
		uitest.OpenDemoVault(t, u)
		u.Win.Resize(size)
		shoot := func(name string) {
			img := u.Win.Canvas().Capture()
			f, err := os.Create(filepath.Join(dir, name+"-"+uitest.ItoaSize(size)+".png"))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, img))
			require.NoError(t, f.Close())
		}
		pick := func(q string) string {
			var id string
			_ = u.Sess.DB.QueryRow(q).Scan(&id)
			return id
		}
		letter := pick(`SELECT id FROM letters WHERE direction = 'in' AND reply_due IS NOT NULL ORDER BY date DESC LIMIT 1`)
		u.Shell.Open(kit.Record(kit.Letters, letterRef+letter))
		shoot("letters")
		s := u.Shell.Screens[kit.Letters].(*lettersScreen)
		s.log.newLetter(nil)
		shoot("letters-new")

		draft := pick(`SELECT id FROM newsletters WHERE status = 'draft' ORDER BY date DESC LIMIT 1`)
		u.Shell.Open(kit.Record(kit.Letters, newsletterRef+draft))
		shoot("newsletter")
		if ed := s.news.editor; ed != nil {
			ed.side.scroll.ScrollToOffset(fyne.NewPos(0, 420))
			shoot("newsletter-check")
			ed.side.scroll.ScrollToBottom()
			shoot("newsletter-side")
			ed.side.scroll.ScrollToTop()
			ed.side.markReady()
			shoot("newsletter-refused")
			if top := u.Win.Canvas().Overlays().Top(); top != nil {
				top.Hide()
				u.Win.Canvas().Overlays().Remove(top)
			}
			u.App.Settings().SetTheme(newsletterLightTheme{u.App.Settings().Theme()})
			shoot("newsletter-light")
		}
		u.App.Settings().SetTheme(kit.NewTheme(u.App))
		sent := pick(`SELECT id FROM newsletters WHERE status = 'sent' ORDER BY date DESC LIMIT 1`)
		u.Shell.Open(kit.Record(kit.Letters, newsletterRef+sent))
		shoot("newsletter-sent")
	}
}

// newsletterLightTheme shows a theme in its light variant.
type newsletterLightTheme struct{ fyne.Theme }

func (l newsletterLightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}

// shootWindow writes the window of u as dir/name-WxH.png.
func shootWindow(t *testing.T, u *ui.UI, dir, name string, size fyne.Size) {
	img := u.Win.Canvas().Capture()
	f, err := os.Create(filepath.Join(dir, name+"-"+uitest.ItoaSize(size)+".png"))
	require.NoError(t, err)
	require.NoError(t, png.Encode(f, img))
	require.NoError(t, f.Close())
}
