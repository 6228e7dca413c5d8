package settings

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/ui/kit"
	"inreach/vault"
)

// The two ways to change the passphrase.
const (
	keepRecoveryKey = "Keep my recovery key"
	newRecoveryKey  = "I think someone knows my passphrase or recovery key"
)

// changePassphrase sets a new passphrase, which revokes the old one: the
// vault gets a new key, so neither the old passphrase nor any old copy of
// the file opens anything saved from now on. The recovery key is kept
// (it is asked for, unless the vault was opened with it) or, when someone
// may know the passphrase or the recovery key, replaced by a new one that
// is shown once.
func (s *settingsScreen) changePassphrase() {
	w := s.u.Window()
	v := s.u.Vault()
	alone := v.CanChangePassphraseAlone()

	p1 := widget.NewPasswordEntry()
	p1.SetPlaceHolder("New passphrase")
	p2 := widget.NewPasswordEntry()
	p2.SetPlaceHolder("The same passphrase again")
	warn, update := kit.PassphraseWarning()
	p1.OnChanged = update

	key := widget.NewPasswordEntry()
	key.SetPlaceHolder("XXXX-XXXX-…")
	keyBox := container.NewVBox(
		kit.Wrapped("Your recovery key: the new passphrase comes with a new key for the notebook, "+
			"and the recovery key is needed to keep it working."),
		key)
	if alone {
		keyBox.Hide() // opened with the recovery key, which it holds
	}
	freshNote := kit.Wrapped("You get a new passphrase and a new recovery key together: neither the old passphrase " +
		"nor the old recovery key opens anything saved from now on. The new recovery key is shown once, next.")
	freshNote.Hide()
	how := widget.NewRadioGroup([]string{keepRecoveryKey, newRecoveryKey}, func(c string) {
		if c == newRecoveryKey {
			keyBox.Hide()
			freshNote.Show()
		} else {
			freshNote.Hide()
			if !alone {
				keyBox.Show()
			}
		}
	})
	how.Required = true
	how.SetSelected(keepRecoveryKey)

	msg := kit.ErrorLabel()
	bar := widget.NewProgressBarInfinite()
	bar.Stop()
	bar.Hide()

	var d *dialog.CustomDialog
	var change, cancel *widget.Button
	change = widget.NewButtonWithIcon("Change", theme.ConfirmIcon(), func() {
		fail := func(err error) {
			msg.SetText(kit.Sentence(err))
			msg.Show()
		}
		if p1.Text != p2.Text {
			fail(errors.New("the two passphrases are not the same; nothing was changed"))
			return
		}
		if err := vault.CheckPassphrase([]byte(p1.Text)); err != nil {
			fail(err)
			return
		}
		fresh := how.Selected == newRecoveryKey
		if !fresh && !alone && key.Text == "" {
			fail(errors.New("enter your recovery key, or choose to get a new one"))
			return
		}
		msg.Hide()
		change.Disable()
		cancel.Disable()
		bar.Show()
		bar.Start()
		pass, rk := []byte(p1.Text), key.Text
		var issued string
		var err error
		s.u.Go(func() {
			err = s.u.Save()
			if err == nil {
				switch {
				case fresh:
					issued, err = v.ChangePassphraseAndRecoveryKey(pass)
				case alone:
					err = v.ChangePassphrase(pass)
				default:
					err = v.ChangePassphraseKeepingRecoveryKey(pass, rk)
				}
			}
			clear(pass)
		}, func() {
			bar.Stop()
			bar.Hide()
			change.Enable()
			cancel.Enable()
			if errors.Is(err, vault.ErrWrongRecoveryKey) {
				fail(errors.New("that recovery key is not right for this notebook; nothing was changed"))
				return
			}
			if err != nil {
				fail(fmt.Errorf("the passphrase was not changed: %w", err))
				return
			}
			p1.SetText("")
			p2.SetText("")
			key.SetText("")
			d.Hide()
			if fresh {
				s.showNewRecoveryKey(issued)
				return
			}
			dialog.ShowInformation("Passphrase changed", "Use the new passphrase from now on. "+
				"The old one no longer opens anything saved from now on; the recovery key is the same as before.", w)
		})
	})
	change.Importance = widget.HighImportance
	cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	p2.OnSubmitted = func(string) { change.OnTapped() }
	key.OnSubmitted = func(string) { change.OnTapped() }

	body := container.NewVBox(
		widget.NewForm(widget.NewFormItem("New passphrase", p1), widget.NewFormItem("Again", p2)),
		kit.Muted(fmt.Sprintf("At least %d characters.", vault.MinPassphraseLength)),
		warn,
		widget.NewSeparator(),
		how,
		keyBox,
		freshNote,
		bar,
		msg,
	)
	d = dialog.NewCustomWithoutButtons("Change the passphrase", body, w)
	d.SetButtons([]fyne.CanvasObject{cancel, change})
	d.Resize(fyne.NewSize(min(620, w.Canvas().Size().Width-40), min(520, w.Canvas().Size().Height-40)))
	d.Show()
	w.Canvas().Focus(p1)
}

// showNewRecoveryKey shows a newly issued recovery key, once.
func (s *settingsScreen) showNewRecoveryKey(key string) {
	w := s.u.Window()
	var d *dialog.CustomDialog
	box := kit.RecoveryKeyBox(w, key, s.u.Vault().Path(), kit.TodayFor(s.u), "Done", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Passphrase and recovery key changed",
		container.NewVBox(kit.Wrapped("Use the new passphrase from now on. The old passphrase and the old recovery key "+
			"no longer open anything saved from now on."), box), w)
	d.Resize(fyne.NewSize(min(620, w.Canvas().Size().Width-40), min(560, w.Canvas().Size().Height-40)))
	d.Show()
}
