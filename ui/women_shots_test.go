package ui

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
		openTestVault(t, e)
		e.win.Resize(size)
		for _, sec := range []Section{Today, Women, Directory} {
			e.shell.show(sec)
			f, err := os.Create(filepath.Join(dir, string(sec)+"-empty-"+itoaSize(size)+".png"))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, e.win.Canvas().Capture()))
			require.NoError(t, f.Close())
		}

		u := newTestUI(t)
		openTestVault(t, u)
		woman := ""
		if _, err := demo.Create(context.Background(), u.sess.DB, "small", 1); err != nil {
			t.Logf("demo data not available (%v): using the test caseload", err)
			woman = seedCasework(t, u).dana
		} else if rel, err := u.sess.Notes.ListPeople(notesInCustody()); err == nil && len(rel) > 0 {
			woman = rel[0].ID
			// Prefer a woman with a safety note, to see how it is shown.
			found := false
			for _, r := range rel {
				if p, err := u.sess.Notes.GetPerson(r.ID); err == nil && p.SafetyNote != "" {
					woman, found = r.ID, true
					break
				}
			}
			if !found {
				p, err := u.sess.Notes.GetPerson(woman)
				require.NoError(t, err)
				p.SafetyNote = "Do not give her address or release date to anyone who calls; her ex-partner has tried before."
				p.Sensitive = []string{"domestic_sexual_abuse"}
				require.NoError(t, u.sess.Notes.SavePerson(p))
			}
		}
		u.win.Resize(size)
		tag := func(name string) string {
			return filepath.Join(dir, name+"-"+itoaSize(size)+".png")
		}
		shoot := func(name string) {
			img := u.win.Canvas().Capture()
			f, err := os.Create(tag(name))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, img))
			require.NoError(t, f.Close())
		}
		u.shell.show(Today)
		shoot("today")
		u.shell.open(Record(Women, woman))
		shoot("women")
		ws := u.shell.screens[Women].(*womenScreen)
		for _, tab := range []struct {
			i    int
			name string
		}{{womanTabNeeds, "needs"}, {womanTabPlan, "plan"}, {womanTabActions, "actions"}, {womanTabEvents, "events"}, {womanTabDetails, "details"}} {
			ws.page.tabs.SelectIndex(tab.i)
			shoot("women-" + tab.name)
		}
		ws.startAdding()
		shoot("women-add")
		u.shell.show(Directory)
		ds := u.shell.screens[Directory].(*directoryScreen)
		if len(ds.agencies) > 0 {
			ds.list.Select(0)
		}
		shoot("directory")
	}
}

func notesInCustody() notes.PeopleFilter { return notes.PeopleFilter{InCustodyOnly: true} }
