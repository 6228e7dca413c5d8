package settings

import (
	"bytes"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/exchange"
	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui/kit"
	"inreach/ui/together"
)

// Setting keys kept by the Settings screen beyond those of notes and
// newsletter.
const settingSupervisor = "supervisor_name"

// settingsScreen holds the practitioner's details, the service's return
// details for the newsletter, auto-lock, text size, retention, backups,
// the passphrase, and import/export of the interchange file.
type settingsScreen struct {
	kit.Editor // the settings save themselves a moment after each change
	u          kit.Env
	fields     map[string]*kit.LeaveEntry
	lock       *kit.Select
	scale      *kit.Select
	status     *kit.Footer // the footer; its note says whether the settings are saved
	body       fyne.CanvasObject
	// Together is the Inreach ID, the team list and the exchange folder.
	Together *together.Cards
}

// settingsAutosaveDelay is how long after the last change the settings
// save themselves (tests shorten it).
var settingsAutosaveDelay = time.Second

var lockChoices = []string{"1 minute", "2 minutes", "5 minutes", "10 minutes", "15 minutes", "30 minutes", "60 minutes"}

var textSizes = []struct {
	label string
	scale float64
}{{"Smaller", 0.9}, {"Normal", 1.0}, {"Larger", 1.15}, {"Largest", 1.3}}

// New builds the Settings screen for the open session.
func New(u kit.Env) *settingsScreen {
	s := &settingsScreen{u: u, fields: map[string]*kit.LeaveEntry{}}
	s.Init(u, &settingsAutosaveDelay, func() { s.Save() })
	entry := func(key, placeholder string, multi bool) *kit.LeaveEntry {
		e := kit.NewLeaveEntry(placeholder, nil)
		if multi {
			e.Lines(3)
		}
		e.OnChanged = func(string) { s.changed() }
		s.fields[key] = e
		return e
	}
	// Every row's label sits in one column of one width (kit.LabelColumns),
	// so the fields of the three cards line up.
	you := kit.LabelColumns(
		kit.Row{Label: "Your name", Field: entry(notes.SettingPractitioner, "As it appears on supervision packs", false)},
		kit.Row{Label: "Supervisor", Field: entry(settingSupervisor, "Your supervisor's name", false)},
		kit.Row{Label: "Organisation", Field: entry(notes.SettingOrganisation, "The service's name", false)},
	)
	service := kit.LabelColumns(
		kit.Row{Label: "Return address", Field: entry(newsletter.SettingOrgAddress, "Printed on the newsletter so women can write back", true)},
		kit.Row{Label: "Phone", Field: entry(newsletter.SettingOrgPhone, "The service's own number", false)},
		kit.Row{Label: "Email", Field: entry(newsletter.SettingOrgEmail, "The service's own address", false)},
	)
	retention := entry(notes.SettingRetentionYears, "6", false)
	retention.Validator = func(v string) error {
		if v == "" {
			return nil
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > 100 {
			return errors.New("a whole number of years, 1 to 100")
		}
		return nil
	}
	s.lock = kit.NewSelect(lockChoices, func(string) { s.changed() })
	s.scale = kit.NewSelect(nil, nil)
	for _, t := range textSizes {
		s.scale.Options = append(s.scale.Options, t.label)
	}
	s.scale.OnChanged = func(label string) {
		for _, t := range textSizes {
			if t.label == label && fyne.CurrentApp().Preferences().FloatWithFallback(kit.PrefTextScale, 1.0) != t.scale {
				fyne.CurrentApp().Preferences().SetFloat(kit.PrefTextScale, t.scale)
				fyne.CurrentApp().Settings().SetTheme(kit.NewTheme(fyne.CurrentApp()))
			}
		}
	}
	safety := kit.LabelColumns(
		kit.Row{Label: "Lock after", Field: container.NewHBox(kit.Sized(s.lock, 200)), Hint: "without input; Ctrl+L locks at once"},
		kit.Row{Label: "Keep closed records", Field: container.NewHBox(kit.Sized(retention, 80), widget.NewLabel("years after closure")),
			Hint: "then they are listed for review under Reports"},
		kit.Row{Label: "Text size", Field: container.NewHBox(kit.Sized(s.scale, 200))},
	)

	s.status = kit.NewFooter(kit.FooterOptions{OnPrimary: s.Save})
	s.status.SetNote(kit.AutosaveNote)

	backups := widget.NewButtonWithIcon("Make a backup copy…", theme.DownloadIcon(), s.backup)
	passwd := widget.NewButtonWithIcon("Change passphrase…", theme.AccountIcon(), s.changePassphrase)
	exportAll := widget.NewButtonWithIcon("Export everything (JSON)…", theme.UploadIcon(), s.exportJSON)
	importFile := widget.NewButtonWithIcon("Import a JSON file…", theme.FolderOpenIcon(), s.importJSON)

	where := kit.Muted("The vault: " + u.Vault().Path() + "\nEncrypted backups of the last saves are kept in " +
		filepath.Join(filepath.Dir(u.Vault().Path()), "backups") + ".")

	s.Together = together.NewCards(u)
	s.body = kit.EditorWithFooter(nil, container.NewVScroll(container.NewPadded(container.NewVBox(
		kit.Heading("Settings"),
		kit.TitledCard("You", "Printed on supervision packs and reports", you),
		kit.TitledCard("The service", "Used on the newsletter, and by its safety check to recognise your own details", service),
		kit.TitledCard("Privacy", "", safety),
		kit.TitledCard("Vault", "", container.NewVBox(where,
			container.NewGridWithColumns(2, backups, passwd, exportAll, importFile))),
		s.Together.Content(),
	))), s.status)
	s.load()
	return s
}

func (s *settingsScreen) Content() fyne.CanvasObject { return s.body }

func (s *settingsScreen) Reload() {
	if s.Dirty {
		s.Save() // what was typed before leaving is kept, not overwritten
	}
	s.load()
	s.Together.Reload()
}

// BeforeLock saves what was typed before the vault locks.
func (s *settingsScreen) BeforeLock() {
	s.StopTimer()
	if s.Dirty {
		s.Save()
	}
}

// changed marks the settings edited: the note says so until they save.
func (s *settingsScreen) changed() {
	s.Edited()
}

func (s *settingsScreen) load() {
	s.Load(s.fill)
	s.Dirty = false
}

func (s *settingsScreen) fill() {
	st := s.u.Notes()
	for key, e := range s.fields {
		e.SetText(st.GetSetting(key, ""))
	}
	mins := st.GetSetting(notes.SettingLockMinutes, strconv.Itoa(kit.DefaultLockMinutes))
	s.lock.SetSelected(minutesLabel(mins))
	cur := fyne.CurrentApp().Preferences().FloatWithFallback(kit.PrefTextScale, 1.0)
	for _, t := range textSizes {
		if t.scale == cur {
			s.scale.SetSelected(t.label)
		}
	}
	if s.scale.Selected == "" {
		s.scale.SetSelected("Normal")
	}
}

func minutesLabel(m string) string {
	if m == "1" {
		return "1 minute"
	}
	return m + " minutes"
}

// save is also Ctrl+S.
// Only settings that changed are written; one that will not do (the years
// to keep closed records) is left as typed and unsaved while the others
// are saved.
func (s *settingsScreen) Save() {
	s.StopTimer()
	st := s.u.Notes()
	badYears := s.fields[notes.SettingRetentionYears].Validate()
	for key, e := range s.fields {
		v := e.Text
		if key != newsletter.SettingOrgAddress {
			v = strings.TrimSpace(v)
		}
		if (key == notes.SettingRetentionYears && badYears != nil) || st.GetSetting(key, "") == v {
			continue
		}
		if err := st.SetSetting(key, v); err != nil {
			kit.ShowError(s.u.Window(), "The settings could not be saved", err)
			return
		}
	}
	mins := strings.Fields(s.lock.Selected)
	if len(mins) > 0 && st.GetSetting(notes.SettingLockMinutes, "") != mins[0] {
		if err := st.SetSetting(notes.SettingLockMinutes, mins[0]); err != nil {
			kit.ShowError(s.u.Window(), "The settings could not be saved", err)
			return
		}
	}
	s.u.Changed()
	s.u.IdleSettingsChanged()
	if badYears != nil {
		s.status.NotSaved("keep closed records needs " + badYears.Error())
		return
	}
	s.Dirty = false
	s.status.Saved(s.u)
}

// backup writes an encrypted copy of the vault where the user chooses.
func (s *settingsScreen) backup() {
	kit.ReportsChooseFile(s.u.Window(), "inreach-backup-"+s.u.Now().Format("2006-01-02")+".vault", func(w fyne.URIWriteCloser) {
		var err error
		path := w.URI().Path()
		w.Close()
		prog := dialog.NewCustomWithoutButtons("Writing the backup…", widget.NewProgressBarInfinite(), s.u.Window())
		prog.Show()
		s.u.Go(func() {
			err = s.u.Save()
			if err == nil {
				err = kit.WriteSealedCopy(s.u.Vault(), path)
			}
		}, func() {
			prog.Hide()
			if err != nil {
				kit.RemoveIfEmpty(path)
				kit.ShowError(s.u.Window(), "The backup could not be written", err)
				return
			}
			dialog.ShowInformation("Backup written", "An encrypted copy is in "+path+".\nIt opens with the same passphrase and recovery key.", s.u.Window())
		})
	})
}

// exportJSON writes the whole vault as an interchange file (not encrypted:
// the dialog says so).
func (s *settingsScreen) exportJSON() {
	dialog.ShowConfirm("Export everything?", "The export file is NOT encrypted. It holds everything in the vault, "+
		"including women's names and notes. Keep it somewhere safe and delete it when you are done.", func(ok bool) {
		if !ok {
			return
		}
		kit.ReportsChooseFile(s.u.Window(), "inreach-export-"+s.u.Now().Format("2006-01-02")+".json", func(w fyne.URIWriteCloser) {
			var err error
			prog := dialog.NewCustomWithoutButtons("Exporting…", widget.NewProgressBarInfinite(), s.u.Window())
			prog.Show()
			path := w.URI().Path()
			s.u.Go(func() {
				var buf bytes.Buffer
				doc, err2 := exchange.Export(s.u.Context(), s.u.DB(), exchange.ExportOptions{})
				err = err2
				if err == nil {
					err = exchange.Write(&buf, doc)
				}
				if err == nil {
					_, err = kit.WritePrivate(w, buf.Bytes())
				} else {
					w.Close()
				}
			}, func() {
				prog.Hide()
				if err != nil {
					kit.RemoveIfEmpty(path)
					kit.ShowError(s.u.Window(), "The export could not be written", err)
					return
				}
				dialog.ShowInformation("Exported", "Everything was written to "+path+".", s.u.Window())
			})
		})
	}, s.u.Window())
}

// importJSON merges an interchange file; nothing changes unless all of it
// is valid.
func (s *settingsScreen) importJSON() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		prog := dialog.NewCustomWithoutButtons("Importing…", widget.NewProgressBarInfinite(), s.u.Window())
		prog.Show()
		var res exchange.ImportResult
		s.u.Go(func() {
			defer r.Close()
			doc, err2 := exchange.Read(r)
			err = err2
			if err == nil {
				res, err = exchange.Import(s.u.Context(), s.u.DB(), doc)
			}
		}, func() {
			prog.Hide()
			if err != nil {
				kit.ShowError(s.u.Window(), "Nothing was imported; the vault is unchanged", err)
				return
			}
			s.u.Changed()
			dialog.ShowInformation("Imported", res.String(), s.u.Window())
		})
	}, s.u.Window())
	d.Show()
}
