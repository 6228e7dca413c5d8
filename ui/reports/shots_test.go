package reports

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
	"inreach/ui/search"
	"inreach/ui/uitest"
)

// TestReportsAndSearchScreenshots writes PNGs of the Reports tabs, a
// breakdown, the erase dialog and search results on the demo vault, at the
// two window sizes the app must suit, for a person to look at. It runs only
// when INREACH_SHOTS names a folder.
func TestReportsAndSearchScreenshots(t *testing.T) {
	dir := os.Getenv("INREACH_SHOTS")
	if dir == "" {
		t.Skip("set INREACH_SHOTS=/some/folder to write screenshots")
	}
	u := newTestUI(t)
	end, err := time.Parse(schema.DateLayout, demo.EndDate)
	require.NoError(t, err)
	u.Fake().Set(end)
	uitest.OpenDemoVault(t, u)

	shoot := func(name string) {
		for _, sz := range [][2]float32{{1180, 760}, {1024, 700}} {
			u.Win.Resize(fyne.NewSize(sz[0]-1, sz[1]))
			u.Win.Resize(fyne.NewSize(sz[0], sz[1]))
			time.Sleep(50 * time.Millisecond)
			img := u.Win.Canvas().Capture()
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%.0fx%.0f.png", name, sz[0], sz[1])))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, img))
			require.NoError(t, f.Close())
		}
	}

	u.Shell.Show(kit.Reports)
	s := u.Shell.Screens[kit.Reports].(*reportsScreen)
	uitest.Eventually(t, func() bool { return s.mon.figs != nil }, "figures")
	shoot("reports-monitoring")
	uitest.Walk(s.mon.body, func(o fyne.CanvasObject) bool {
		if sc, ok := o.(interface{ ScrollToBottom() }); ok {
			sc.ScrollToBottom()
			return false
		}
		return true
	})
	shoot("reports-monitoring-bottom")
	test.Tap(findReportsRow(t, s.Content(), "Women supported"))
	shoot("reports-breakdown")
	u.Win.Canvas().Overlays().Top().Hide()

	s.tabs.Select(s.dataItem)
	s.data.list.Select(3)
	shoot("reports-data")
	test.Tap(uitest.FindButton(t, s.data.detail, "Erase her…"))
	uitest.Eventually(t, func() bool {
		top := u.Win.Canvas().Overlays().Top()
		return top != nil && uitest.HasText(top, "To confirm, type her full name")
	}, "the erase dialog")
	shoot("reports-erase")
	u.Win.Canvas().Overlays().Top().Hide()

	for i, p := range []notes.Person{
		{Name: "Maxine Long", Pseudonym: "Heron", Status: "closed", ClosedOn: "2018-03-14"},
		{Name: "Nadia Oduya", Status: "closed", ClosedOn: "2019-07-02", RetentionNote: "Her daughter's care proceedings are still open; the court may ask for our notes."},
		{Name: "Olive Pratt", Pseudonym: "Wren", Status: "closed", ClosedOn: "2020-01-20"},
	} {
		require.NoError(t, u.Sess.Notes.SavePerson(&p), i)
	}
	s.tabs.Select(s.retentionItem)
	shoot("reports-retention")

	test.Type(u.Shell.Search, "housing")
	sc := u.Shell.Screens[kit.Search].(*search.SearchScreen)
	uitest.Eventually(t, func() bool { return sc.Shown == "housing" }, "results")
	shoot("search-results")
	u.Shell.Search.SetText("")
	shoot("search-empty")
}
