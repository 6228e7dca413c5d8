package ui

import (
	"database/sql"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"inreach/ui/kit"
	"inreach/ui/start"
	"inreach/vault"
)

// Tour runs the real app on the vault at path (a demo vault), unlocks it
// with pass, visits the main screens and writes a PNG of each into dir,
// then quits. It is what `make screenshots` runs under Xvfb. The captures
// are of the real window's canvas, drawn by the real driver.
func Tour(a fyne.App, path string, nav kit.Nav, pass []byte, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	u := New(a, path, nav)
	u.Win.Resize(fyne.NewSize(1180, 760))
	var tourErr error
	go func() {
		defer fyne.Do(a.Quit)
		tourErr = u.tour(pass, dir)
	}()
	u.ShowAndRun()
	return tourErr
}

// settle gives the window time to lay out and draw.
func settle() { time.Sleep(900 * time.Millisecond) }

func (u *UI) shot(dir, name string) error {
	settle()
	path := filepath.Join(dir, name+".png")
	// The X server's own picture of the window is what a user sees; the
	// window sits at 0,0 with no window manager. Without ImageMagick's
	// import, fall back to the canvas's own capture.
	if imp, err := exec.LookPath("import"); err == nil {
		if out, err := exec.Command(imp, "-window", "Inreach", path).CombinedOutput(); err != nil {
			return fmt.Errorf("import: %v: %s", err, out)
		}
		return nil
	}
	var err error
	fyne.DoAndWait(func() {
		img := u.Win.Canvas().Capture()
		var f *os.File
		f, err = os.Create(path)
		if err != nil {
			return
		}
		defer f.Close()
		err = png.Encode(f, img)
	})
	return err
}

// tour runs off the UI goroutine; every UI change goes through fyne.DoAndWait.
func (u *UI) tour(pass []byte, dir string) error {
	settle()
	if err := u.shot(dir, "1-unlock"); err != nil {
		return err
	}
	v, err := vault.Open(u.Path, pass, u.vaultOptions())
	if err != nil {
		return fmt.Errorf("unlocking the demo vault: %w", err)
	}
	if err := start.EnsureIdentity(v); err != nil {
		v.Close()
		return fmt.Errorf("making the demo vault's Inreach ID: %w", err)
	}
	fyne.DoAndWait(func() { u.Opened(v) })
	if err := u.shot(dir, "2-today"); err != nil {
		return err
	}
	db := u.Sess.DB
	pick := func(q string) string {
		var id string
		if err := db.QueryRow(q).Scan(&id); err != nil && err != sql.ErrNoRows {
			return ""
		}
		return id
	}
	woman := pick(`SELECT p.id FROM people p JOIN contact_people cp ON cp.person_id = p.id
		WHERE p.status IN ('custody_sentenced','custody_remand') AND p.safety_note = ''
		GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`)
	visit := pick(`SELECT c.id FROM contacts c JOIN contact_people cp ON cp.contact_id = c.id
		WHERE c.kind = 'prison_visit' AND c.date <= date('now')
		GROUP BY c.id HAVING count(*) >= 4 ORDER BY c.date DESC LIMIT 1`)
	entry := pick(`SELECT d.id FROM diary d WHERE d.template = 'visit_reflection' AND d.contact_id IS NOT NULL
		ORDER BY d.date DESC LIMIT 1`)
	// A woman with readings of several areas, for the chart of how she is doing.
	readings := pick(`SELECT r.person_id FROM readings r JOIN people p ON p.id = r.person_id
		WHERE p.safety_note = '' GROUP BY r.person_id
		ORDER BY count(DISTINCT r.area) DESC, count(*) DESC, r.person_id LIMIT 1`)
	issue := pick(`SELECT id FROM newsletters WHERE status = 'draft' ORDER BY date DESC LIMIT 1`)
	if issue == "" {
		issue = pick(`SELECT id FROM newsletters ORDER BY date DESC LIMIT 1`)
	}
	steps := []struct {
		name    string
		section kit.Section
		id      string
		part    string
	}{
		{"3-woman", kit.Women, woman, ""},
		{"3-woman-readings", kit.Women, readings, kit.PartReadings},
		{"4-visit-write-up", kit.Contacts, visit, ""},
		{"5-diary-entry", kit.Diary, entry, ""},
		{"6-newsletter", kit.Letters, "newsletter:" + issue, ""},
		{"7-reports", kit.Reports, "", ""},
		{"7-reports-evaluation", kit.Reports, "", kit.PartEvaluation},
		{"8-supervision", kit.Supervision, "", ""},
		{"9-directory", kit.Directory, "", ""},
	}
	for _, st := range steps {
		if st.part == kit.PartReadings && st.id == "" {
			continue // no readings in this vault
		}
		fyne.DoAndWait(func() {
			switch {
			case st.part != "":
				u.Shell.Open(kit.PartOf(st.section, st.id, st.part))
			case st.section == kit.Contacts && st.id != "":
				u.Shell.Open(kit.EditRecord(st.section, st.id))
			case st.id != "":
				u.Shell.Open(kit.Record(st.section, st.id))
			default:
				u.Shell.Show(st.section)
			}
		})
		if st.part == kit.PartEvaluation {
			time.Sleep(4 * time.Second) // several years are counted
		}
		if err := u.shot(dir, st.name); err != nil {
			return err
		}
	}
	fyne.DoAndWait(func() {
		u.Shell.Search.SetText("housing")
	})
	if err := u.shot(dir, "10-search"); err != nil {
		return err
	}
	// Working together (the screenshot script fills the exchange folder):
	// the supervisor's Supervisees view, then the inbox.
	fyne.DoAndWait(func() {
		u.Shell.Search.SetText("")
		u.Shell.Open(kit.Record(kit.Supervision, "supervisees"))
	})
	settle() // her pack is long to lay out
	settle()
	settle()
	if err := u.shot(dir, "11-supervisees"); err != nil {
		return err
	}
	fyne.DoAndWait(func() { u.Shell.Inbox.Show() })
	if err := u.shot(dir, "12-inbox"); err != nil {
		return err
	}
	fyne.DoAndWait(func() { u.Shell.Inbox.Close() })
	if err := u.editorTour(dir, woman, pick); err != nil {
		return err
	}
	fyne.DoAndWait(func() { u.Lock() })
	return nil
}

// editorTour shows every kind of editor, at the tour's size and then at
// 900×600, so their footers (Delete… at the left, the primary action at
// the right) can be compared.
func (u *UI) editorTour(dir, woman string, pick func(string) string) error {
	letter := pick(`SELECT id FROM letters ORDER BY date DESC LIMIT 1`)
	session := pick(`SELECT id FROM supervision ORDER BY date DESC LIMIT 1`)
	agency := pick(`SELECT id FROM agencies ORDER BY name LIMIT 1`)
	visit := pick(`SELECT id FROM contacts WHERE date <= date('now') ORDER BY date DESC LIMIT 1`)
	entry := pick(`SELECT id FROM diary ORDER BY date DESC LIMIT 1`)
	issue := pick(`SELECT id FROM newsletters ORDER BY date DESC LIMIT 1`)
	var selectDetails func(o fyne.CanvasObject)
	selectDetails = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *container.AppTabs:
			for i, it := range x.Items {
				if it.Text == "Details" {
					x.SelectIndex(i)
				}
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				selectDetails(c)
			}
		}
	}
	details := func() {
		u.Shell.Open(kit.Record(kit.Women, woman))
		selectDetails(u.Shell.Screens[kit.Women].Content())
	}
	editors := []struct {
		name string
		show func()
	}{
		{"13-edit-her-details", details},
		{"14-edit-new-woman", func() { u.Shell.Open(kit.NewRecord(kit.Women, "")) }},
		{"15-edit-visit", func() { u.Shell.Open(kit.EditRecord(kit.Contacts, visit)) }},
		{"16-edit-diary-entry", func() { u.Shell.Open(kit.Record(kit.Diary, entry)) }},
		{"17-edit-supervision-session", func() { u.Shell.Open(kit.Record(kit.Supervision, session)) }},
		{"18-edit-letter", func() { u.Shell.Open(kit.Record(kit.Letters, "letter:"+letter)) }},
		{"19-edit-newsletter", func() { u.Shell.Open(kit.Record(kit.Letters, "newsletter:"+issue)) }},
		{"20-edit-agency", func() { u.Shell.Open(kit.Record(kit.Directory, agency)) }},
		{"21-edit-settings", func() { u.Shell.Show(kit.Settings) }},
		{"22-edit-supervisees", func() { u.Shell.Open(kit.Record(kit.Supervision, "supervisees")) }},
	}
	for _, size := range []struct {
		suffix string
		size   fyne.Size
	}{{"", fyne.NewSize(1180, 760)}, {"-900", fyne.NewSize(900, 600)}} {
		fyne.DoAndWait(func() { u.Win.Resize(size.size) })
		for _, e := range editors {
			fyne.DoAndWait(func() {
				u.Shell.Show(kit.Today)
				e.show()
			})
			if err := u.shot(dir, e.name+size.suffix); err != nil {
				return err
			}
		}
	}
	return nil
}
