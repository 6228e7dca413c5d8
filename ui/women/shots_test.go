package women

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/notes"
	"inreach/ui/directory"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// TestWomenScreenshots renders Today, the women list with her page open
// and the directory at two window sizes, for a person to look at. It runs
// only when INREACH_SHOTS names a folder for the PNG files.
func TestWomenScreenshots(t *testing.T) {
	dir := os.Getenv("INREACH_SHOTS")
	if dir == "" {
		t.Skip("set INREACH_SHOTS=folder to write screenshots")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, size := range []fyne.Size{{Width: 1180, Height: 760}, {Width: 1024, Height: 700}} {
		// First an empty notebook: what each screen says before anything
		// is added.
		e := newTestUI(t)
		uitest.OpenTestVault(t, e)
		e.Win.Resize(size)
		for _, sec := range []kit.Section{kit.Today, kit.Women, kit.Directory} {
			e.Shell.Show(sec)
			f, err := os.Create(filepath.Join(dir, string(sec)+"-empty-"+uitest.ItoaSize(size)+".png"))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, e.Win.Canvas().Capture()))
			require.NoError(t, f.Close())
		}

		u := newTestUI(t)
		uitest.OpenTestVault(t, u)
		woman := ""
		if _, err := demo.Create(context.Background(), u.Sess.DB, "small", 1); err != nil {
			t.Logf("demo data not available (%v): using the test caseload", err)
			woman = uitest.SeedCasework(t, u).Dana
		} else if rel, err := u.Sess.Notes.ListPeople(notesInCustody()); err == nil && len(rel) > 0 {
			woman = rel[0].ID
			// Prefer a woman with a safety note, to see how it is shown.
			found := false
			for _, r := range rel {
				if p, err := u.Sess.Notes.GetPerson(r.ID); err == nil && p.SafetyNote != "" {
					woman, found = r.ID, true
					break
				}
			}
			if !found {
				p, err := u.Sess.Notes.GetPerson(woman)
				require.NoError(t, err)
				p.SafetyNote = "Do not give her address or release date to anyone who calls; her ex-partner has tried before."
				p.Sensitive = []string{"domestic_sexual_abuse"}
				require.NoError(t, u.Sess.Notes.SavePerson(p))
			}
		}
		u.Win.Resize(size)
		tag := func(name string) string {
			return filepath.Join(dir, name+"-"+uitest.ItoaSize(size)+".png")
		}
		shoot := func(name string) {
			img := u.Win.Canvas().Capture()
			f, err := os.Create(tag(name))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, img))
			require.NoError(t, f.Close())
		}
		u.Shell.Show(kit.Today)
		shoot("today")
		u.Shell.Open(kit.Record(kit.Women, woman))
		shoot("women")
		ws := u.Shell.Screens[kit.Women].(*WomenScreen)
		for _, tab := range []struct {
			i    int
			name string
		}{{womanTabNeeds, "needs"}, {womanTabPlan, "plan"}, {womanTabActions, "actions"}, {womanTabEvents, "events"}, {womanTabDetails, "details"}} {
			ws.Page.tabs.SelectIndex(tab.i)
			shoot("women-" + tab.name)
		}
		ws.startAdding()
		shoot("women-add")
		u.Shell.Show(kit.Directory)
		ds := u.Shell.Screens[kit.Directory].(*directory.DirectoryScreen)
		if len(ds.Agencies) > 0 {
			ds.List.Select(0)
		}
		shoot("directory")
	}
}

func notesInCustody() notes.PeopleFilter { return notes.PeopleFilter{InCustodyOnly: true} }
