package start

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

// unlockScreen asks for the passphrase (or the recovery key) and opens the
// vault off the UI goroutine, since the key derivation takes a moment.
type unlockScreen struct {
	u        StartEnv
	pass     *widget.Entry
	button   *widget.Button
	progress *widget.ProgressBarInfinite
	message  *widget.Label
}

func NewUnlockScreen(u StartEnv) (fyne.CanvasObject, fyne.Focusable) {
	s := &unlockScreen{u: u}
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder("Passphrase")
	s.pass.OnSubmitted = func(string) { s.unlock() }
	s.button = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), s.unlock)
	s.button.Importance = widget.HighImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Importance = widget.DangerImportance
	s.message.Hide()

	recover := widget.NewButton("Forgotten the passphrase? Use the recovery key", func() {
		showRecoverDialog(u)
	})
	recover.Importance = widget.LowImportance
	if u.Held() {
		recover.Hide() // the vault is open: the passphrase shows it again
	}

	path := widget.NewLabel(u.Path())
	path.Alignment = fyne.TextAlignCenter
	path.Importance = widget.LowImportance
	path.Wrapping = fyne.TextWrapBreak

	form := container.NewVBox(
		kit.Brand(),
		widget.NewLabelWithStyle("Your notebook is locked. Enter your passphrase to open it.", fyne.TextAlignCenter, fyne.TextStyle{}),
		s.pass,
		s.button,
		s.progress,
		s.message,
		widget.NewSeparator(),
		recover,
		path,
	)
	return kit.CentredCard(form, 440), s.pass
}

func (s *unlockScreen) busy(on bool) {
	if on {
		s.button.Disable()
		s.pass.Disable()
		s.progress.Show()
		s.progress.Start()
		s.message.Hide()
		return
	}
	s.button.Enable()
	s.pass.Enable()
	s.progress.Stop()
	s.progress.Hide()
}

func (s *unlockScreen) unlock() {
	if s.pass.Text == "" {
		s.fail(errors.New("enter your passphrase"))
		return
	}
	pass := []byte(s.pass.Text)
	s.busy(true)
	var v *vault.Vault
	var err error
	var damaged *vault.DamagedError
	s.u.Go(func() {
		v, err = s.u.Open(pass)
		if !errors.As(err, &damaged) || damaged.NewestBackup == "" {
			clear(pass)
		}
	}, func() {
		s.busy(false)
		if damaged != nil {
			// the passphrase stays in memory only while the dialog that
			// offers to restore with it is open
			var restore func(string) (string, *vault.Vault, error)
			if damaged.NewestBackup != "" {
				restore = restoreWithPassphrase(s.u, pass)
			}
			showDamaged(s.u, damaged, restore, func() { clear(pass) })
		}
		if err != nil {
			s.fail(err)
			return
		}
		s.pass.SetText("")
		s.u.Opened(v)
	})
}

func (s *unlockScreen) fail(err error) {
	s.message.SetText(kit.Sentence(err))
	s.message.Show()
	s.pass.SetText("")
	s.u.Window().Canvas().Focus(s.pass)
}

// showRecoverDialog opens the vault with the recovery key and sets a new
// passphrase.
func showRecoverDialog(u StartEnv) {
	key := widget.NewPasswordEntry()
	key.SetPlaceHolder("XXXX-XXXX-…")
	p1 := widget.NewPasswordEntry()
	p2 := widget.NewPasswordEntry()
	items := []*widget.FormItem{
		widget.NewFormItem("Recovery key", key),
		widget.NewFormItem("New passphrase", p1),
		widget.NewFormItem("Again", p2),
	}
	items[1].HintText = fmt.Sprintf("At least %d characters", vault.MinPassphraseLength)
	d := dialog.NewForm("Unlock with the recovery key", "Unlock", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if p1.Text != p2.Text {
			dialog.ShowError(errors.New("the two passphrases are not the same; nothing was changed"), u.Window())
			return
		}
		if err := vault.CheckPassphrase([]byte(p1.Text)); err != nil {
			dialog.ShowError(err, u.Window())
			return
		}
		prog := dialog.NewCustomWithoutButtons("Unlocking…", widget.NewProgressBarInfinite(), u.Window())
		prog.Show()
		k, p := key.Text, []byte(p1.Text)
		var v *vault.Vault
		var err error
		// openAndSet opens the vault at the path with the recovery key and
		// sets the new passphrase.
		openAndSet := func() (*vault.Vault, error) {
			v, err := vault.OpenWithRecoveryKey(u.Path(), k, u.Options())
			if err == nil {
				err = v.ChangePassphrase(p)
				if err == nil {
					err = EnsureIdentity(v)
				}
				if err != nil {
					v.Close()
				}
			}
			return v, err
		}
		var damaged *vault.DamagedError
		u.Go(func() {
			v, err = openAndSet()
			if !errors.As(err, &damaged) || damaged.NewestBackup == "" {
				clear(p)
			}
		}, func() {
			prog.Hide()
			if damaged != nil {
				var restore func(string) (string, *vault.Vault, error)
				if damaged.NewestBackup != "" {
					restore = func(backup string) (string, *vault.Vault, error) {
						aside, err := vault.RestoreWithRecoveryKey(backup, u.Path(), k)
						if err != nil {
							return aside, nil, err
						}
						v, err := openAndSet()
						return aside, v, err
					}
				}
				showDamaged(u, damaged, restore, func() { clear(p) })
				return
			}
			if err != nil {
				dialog.ShowError(errors.New(kit.Sentence(err)), u.Window())
				return
			}
			u.Opened(v)
			dialog.ShowInformation("New passphrase set", "The vault is open and has your new passphrase. The recovery key is the same as before.", u.Window())
		})
	}, u.Window())
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}
