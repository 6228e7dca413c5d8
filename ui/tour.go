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
	fyne.DoAndWait(func() { u.Lock() })
	return nil
}
