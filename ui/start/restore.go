package start

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/ui/kit"
	"inreach/vault"
)

// newRestoreOffer is the first-run screen when the vault file is missing
// but backups of a vault are beside it: it offers to restore the newest
// backup that opens with the passphrase, and only on request starts a new,
// empty notebook (which never prunes those backups).
func newRestoreOffer(u StartEnv, backups []string) (fyne.CanvasObject, fyne.Focusable) {
	pass := widget.NewPasswordEntry()
	pass.SetPlaceHolder("The passphrase of that notebook")
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	msg.Hide()
	progress := widget.NewProgressBarInfinite()
	progress.Stop()
	progress.Hide()

	var restore *widget.Button
	restore = widget.NewButtonWithIcon("Restore the newest backup", theme.HistoryIcon(), func() {
		if pass.Text == "" {
			msg.SetText("Enter the passphrase of the notebook the backups are from.")
			msg.Show()
			return
		}
		msg.Hide()
		restore.Disable()
		progress.Show()
		progress.Start()
		p := []byte(pass.Text)
		var v *vault.Vault
		var from, aside string
		var err error
		u.Go(func() {
			from, aside, v, err = restoreNewest(u, p, len(backups))
			clear(p)
		}, func() {
			progress.Stop()
			progress.Hide()
			restore.Enable()
			pass.SetText("")
			if err != nil {
				msg.SetText(kit.Sentence(err))
				msg.Show()
				return
			}
			u.Opened(v)
			showRestored(u, from, aside)
		})
	})
	restore.Importance = widget.HighImportance
	pass.OnSubmitted = func(string) { restore.OnTapped() }

	startNew := widget.NewButtonWithIcon("Start a new, empty notebook instead…", theme.ContentAddIcon(), func() {
		content, focus := newCreateForm(u, fmt.Sprintf("The %s in %s stay where they are: a new notebook never removes another notebook's backups.",
			kit.CountWords(len(backups), "backup", "backups"), filepath.Dir(backups[0])))
		u.Window().SetContent(content)
		u.Window().Canvas().Focus(focus)
	})
	startNew.Importance = widget.LowImportance

	box := container.NewVBox(
		kit.Brand(),
		kit.Heading("Your notebook is missing"),
		kit.Wrapped("There is no notebook at "+u.Path()+", but the backups folder beside it holds "+
			kit.CountWords(len(backups), "backup", "backups")+" of one (the newest is "+filepath.Base(backups[0])+")."),
		kit.Wrapped("Enter its passphrase to put the newest backup that opens with it back in place. "+
			"Changes made after that backup are not in it."),
		pass,
		restore,
		progress,
		msg,
		widget.NewSeparator(),
		startNew,
	)
	return kit.CentredCard(box, 540), pass
}

// restoreNewest restores the newest backup beside the vault path that opens
// with pass, and opens it. It runs off the UI goroutine.
func restoreNewest(u StartEnv, pass []byte, n int) (from, aside string, v *vault.Vault, err error) {
	from = vault.NewestBackup(u.Path(), pass)
	if from == "" {
		return "", "", nil, fmt.Errorf("none of the %s opens with this passphrase; nothing was changed", kit.CountWords(n, "backup", "backups"))
	}
	if aside, err = vault.Restore(from, u.Path(), pass); err != nil {
		return from, aside, nil, err
	}
	v, err = u.Open(pass)
	return from, aside, v, err
}

// showRestored says which backup was put back, and where the file that was
// at the vault's path was kept aside.
func showRestored(u StartEnv, from, aside string) {
	text := "Your notebook was restored from the backup " + from + ". Changes made after that backup are not in it."
	if aside != "" {
		text += "\n\nThe file that was there before is kept aside, unchanged, at " + aside + "."
	}
	d := dialog.NewCustom("Notebook restored", "Close", kit.Wrapped(text), u.Window())
	d.Resize(fyne.NewSize(min(560, u.Window().Canvas().Size().Width-40), 240))
	d.Show()
}

// showDamaged explains a damaged vault file (or a file that is not a
// vault) and, when a good backup was found and restore is not nil, offers
// to restore it: restore puts the backup in place and opens it, off the UI
// goroutine, returning where the damaged file was kept aside. closed runs
// when the dialog closes (to wipe what restore holds).
func showDamaged(u StartEnv, damaged *vault.DamagedError, restore func(backup string) (string, *vault.Vault, error), closed func()) {
	body := container.NewVBox(kit.Wrapped(kit.Sentence(damaged) + "\n\nNothing has been changed."))
	var d *dialog.CustomDialog
	closeBtn := widget.NewButtonWithIcon("Close", theme.CancelIcon(), func() { d.Hide() })
	buttons := []fyne.CanvasObject{closeBtn}
	if damaged.NewestBackup != "" && restore != nil {
		body.Add(kit.Wrapped("Restoring puts that backup back in place; the damaged file is kept aside beside it, not deleted. " +
			"Changes made after that backup are not in it."))
		msg := kit.ErrorLabel()
		body.Add(msg)
		var btn *widget.Button
		btn = widget.NewButtonWithIcon("Restore the newest backup", theme.HistoryIcon(), func() {
			btn.Disable()
			closeBtn.Disable()
			var v *vault.Vault
			var aside string
			var err error
			u.Go(func() { aside, v, err = restore(damaged.NewestBackup) }, func() {
				closeBtn.Enable()
				if err != nil {
					btn.Enable()
					msg.SetText(kit.Sentence(err))
					msg.Show()
					return
				}
				d.Hide()
				u.Opened(v)
				showRestored(u, damaged.NewestBackup, aside)
			})
		})
		btn.Importance = widget.HighImportance
		buttons = append(buttons, btn)
	}
	title := "The notebook file is damaged"
	if errors.Is(damaged, vault.ErrNotVault) {
		title = "This is not a notebook file"
	}
	d = dialog.NewCustomWithoutButtons(title, body, u.Window())
	d.SetButtons(buttons)
	if closed != nil {
		d.SetOnClosed(closed)
	}
	d.Resize(fyne.NewSize(min(600, u.Window().Canvas().Size().Width-40), 320))
	d.Show()
}

// restoreWithPassphrase restores a backup that opens with pass and opens it.
func restoreWithPassphrase(u StartEnv, pass []byte) func(string) (string, *vault.Vault, error) {
	return func(backup string) (string, *vault.Vault, error) {
		p := append([]byte(nil), pass...)
		defer clear(p)
		aside, err := vault.Restore(backup, u.Path(), p)
		if err != nil {
			return aside, nil, err
		}
		v, err := u.Open(p)
		return aside, v, err
	}
}
