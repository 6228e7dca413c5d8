package start

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/pdf"
	"inreach/schema"
	"inreach/ui/kit"
	"inreach/vault"
)

// newCreateScreen is the first-run screen: choose a passphrase, create the
// vault, then see the recovery key once.
func NewCreateScreen(u StartEnv) (fyne.CanvasObject, fyne.Focusable) {
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
		widget.NewForm(
			widget.NewFormItem("Passphrase", p1),
			widget.NewFormItem("Again", p2),
		),
		widget.NewLabel(fmt.Sprintf("At least %d characters.", vault.MinPassphraseLength)),
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
	keyLabel := widget.NewLabelWithStyle(keyLines(key), fyne.TextAlignCenter, fyne.TextStyle{Monospace: true, Bold: true})
	keyLabel.SizeName = theme.SizeNameSubHeadingText
	explain := widget.NewLabel("This recovery key opens your notebook if the passphrase is ever forgotten. " +
		"It is shown only this once. Print it or write it down, and keep it locked away, apart from this computer.")
	explain.Wrapping = fyne.TextWrapWord

	save := widget.NewButtonWithIcon("Save recovery sheet as PDF…", theme.DocumentSaveIcon(), func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			kit.KeepPrivate(w)
			defer w.Close()
			b, err := pdf.RecoverySheet(key, u.Path(), u.Now().Format(schema.DateLayout))
			if err == nil {
				_, err = w.Write(b)
			}
			if err != nil {
				dialog.ShowError(fmt.Errorf("the recovery sheet could not be saved: %w", err), u.Window())
				return
			}
			dialog.ShowInformation("Recovery sheet saved", "Print it, keep the paper somewhere safe, then delete the file.", u.Window())
		}, u.Window())
		d.SetFileName("inreach-recovery-sheet.pdf")
		if home, err := os.UserHomeDir(); err == nil {
			if l, err := kit.ListableURI(filepath.Clean(home)); err == nil {
				d.SetLocation(l)
			}
		}
		d.Show()
	})
	cont := widget.NewButtonWithIcon("Continue", theme.NavigateNextIcon(), func() { u.Opened(v) })
	cont.Importance = widget.HighImportance
	cont.Disable()
	check := widget.NewCheck("I have printed or written down the recovery key", func(on bool) {
		if on {
			cont.Enable()
		} else {
			cont.Disable()
		}
	})
	box := container.NewVBox(
		kit.Heading("Your recovery key"),
		explain,
		widget.NewCard("", "", keyLabel),
		save,
		widget.NewSeparator(),
		check,
		cont,
	)
	return kit.CentredCard(box, 560)
}

// keyLines breaks a recovery key into two lines at a group boundary, so
// that no group of four is split when it is copied down by hand.
func keyLines(key string) string {
	groups := strings.Split(key, "-")
	if len(groups) < 8 {
		return key
	}
	half := (len(groups) + 1) / 2
	return strings.Join(groups[:half], "-") + "-\n" + strings.Join(groups[half:], "-")
}
