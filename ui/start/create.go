package start

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/schema"
	"inreach/ui/kit"
	"inreach/vault"
)

// NewCreateScreen is the first-run screen: choose a passphrase, create the
// vault, then see the recovery key once. When there is no vault but the
// backups folder beside its path holds backups of one, it offers to
// restore the newest instead (newRestoreOffer).
func NewCreateScreen(u StartEnv) (fyne.CanvasObject, fyne.Focusable) {
	if backups, err := vault.BackupsBeside(u.Path()); err == nil && len(backups) > 0 {
		return newRestoreOffer(u, backups)
	}
	return newCreateForm(u, "")
}

// newCreateForm asks for the new passphrase twice and creates the vault.
// note, when set, is said above the form.
func newCreateForm(u StartEnv, note string) (fyne.CanvasObject, fyne.Focusable) {
	p1 := widget.NewPasswordEntry()
	p1.SetPlaceHolder("Passphrase")
	p2 := widget.NewPasswordEntry()
	p2.SetPlaceHolder("The same passphrase again")
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	msg.Hide()
	progress := widget.NewProgressBarInfinite()
	progress.Stop()
	progress.Hide()

	var create *widget.Button
	create = widget.NewButtonWithIcon("Create my notebook", theme.ConfirmIcon(), func() {
		fail := func(err error) {
			msg.SetText(kit.Sentence(err))
			msg.Show()
		}
		if p1.Text != p2.Text {
			fail(errors.New("the two passphrases are not the same"))
			return
		}
		if err := vault.CheckPassphrase([]byte(p1.Text)); err != nil {
			fail(err)
			return
		}
		msg.Hide()
		create.Disable()
		progress.Show()
		progress.Start()
		pass := []byte(p1.Text)
		var v *vault.Vault
		var key string
		var err error
		u.Go(func() {
			v, key, err = vault.Create(u.Path(), pass, u.Options())
			clear(pass)
			if err == nil {
				if err = EnsureIdentity(v); err != nil {
					v.Close()
				}
			}
		}, func() {
			progress.Stop()
			progress.Hide()
			create.Enable()
			if err != nil {
				fail(err)
				return
			}
			p1.SetText("")
			p2.SetText("")
			u.Window().SetContent(newRecoveryKeyScreen(u, v, key))
		})
	})
	create.Importance = widget.HighImportance
	p2.OnSubmitted = func(string) { create.OnTapped() }
	warn, update := kit.PassphraseWarning()
	p1.OnChanged = update

	intro := widget.NewLabel("Inreach keeps your visit notes, diary, letters and newsletters in one " +
		"encrypted file on this computer. Nothing is ever sent over the internet.\n\n" +
		"Choose a passphrase to lock it. A few unrelated words make a strong one that is easy to remember.")
	intro.Wrapping = fyne.TextWrapWord
	path := widget.NewLabel("The notebook will be kept at " + u.Path())
	path.Importance = widget.LowImportance
	path.Wrapping = fyne.TextWrapBreak

	box := container.NewVBox(
		kit.Brand(),
		kit.Heading("Welcome"),
		intro,
	)
	if note != "" {
		n := kit.Wrapped(note)
		n.Importance = widget.WarningImportance
		box.Add(n)
	}
	box.Objects = append(box.Objects,
		widget.NewForm(
			widget.NewFormItem("Passphrase", p1),
			widget.NewFormItem("Again", p2),
		),
		widget.NewLabel(fmt.Sprintf("At least %d characters.", vault.MinPassphraseLength)),
		warn,
		create,
		progress,
		msg,
		path,
	)
	return kit.CentredCard(box, 520), p1
}

// newRecoveryKeyScreen shows the recovery key once, with a button to save
// it as a printable PDF sheet; the user must confirm they have kept it.
func newRecoveryKeyScreen(u StartEnv, v *vault.Vault, key string) fyne.CanvasObject {
	box := kit.RecoveryKeyBox(u.Window(), key, u.Path(), u.Now().Format(schema.DateLayout), "Continue", func() { u.Opened(v) })
	return kit.CentredCard(box, 560)
}
