package ui

import (
	"errors"
	"inreach/ui/kit"
	"inreach/ui/start"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// retryEvery is how often a failing save is tried again.
const retryEvery = 30 * time.Second

// saveBanner sits above the section while saving fails: what went wrong,
// that nothing is lost while Inreach stays open, and two ways out.
type saveBanner struct {
	box    *fyne.Container
	reason *widget.Label
}

func newSaveBanner(u *UI) *saveBanner {
	b := &saveBanner{reason: widget.NewLabel("")}
	b.reason.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle("Your latest changes could not be saved", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.DangerImportance
	keep := widget.NewLabel("They are kept while Inreach stays open, and saving is tried again every 30 seconds. " +
		"Inreach will not close the notebook until they are saved.")
	keep.Wrapping = fyne.TextWrapWord
	retry := widget.NewButtonWithIcon("Try again now", theme.ViewRefreshIcon(), u.retrySave)
	elsewhere := widget.NewButtonWithIcon("Save a sealed copy elsewhere…", theme.DocumentSaveIcon(), u.chooseSealedCopy)
	elsewhere.Importance = widget.HighImportance
	bg := canvas.NewRectangle(kit.WithAlpha(theme.Color(theme.ColorNameError), 40))
	bg.CornerRadius = theme.InputRadiusSize()
	text := container.NewVBox(title, b.reason, keep, container.NewHBox(retry, elsewhere))
	b.box = container.NewStack(bg, container.NewPadded(text))
	b.box.Hide()
	return b
}

// showSaveError reports a failed save in plain words. The data stays in
// memory, a banner says so until a save succeeds, and saving is retried.
func (u *UI) showSaveError(err error) {
	if u.Sess == nil {
		return
	}
	first := u.Shell == nil || !u.Shell.banner.box.Visible()
	u.saveFailing(err)
	if first && !u.hidden {
		kit.ShowError(u.Win, "Your latest changes could not be saved", err)
	}
}

// saveFailing shows the banner and keeps retrying on the session's timers.
func (u *UI) saveFailing(err error) {
	if u.Sess == nil || u.Shell == nil {
		return
	}
	u.Shell.banner.reason.SetText(kit.Sentence(err))
	u.Shell.banner.box.Show()
	if u.Sess.retry == nil {
		u.Sess.retry = u.Sess.timers.Every(retryEvery, u.retrySave)
	}
}

// retrySave tries to save again, off the UI goroutine.
func (u *UI) retrySave() {
	sess := u.Sess
	if sess == nil {
		return
	}
	var err error
	u.jobs.Go(func() { err = sess.Save() }, func() {
		if u.Sess != sess {
			return
		}
		if err != nil {
			u.saveFailing(err)
			return
		}
		u.saveRecovered()
	})
}

// saveRecovered is called after a save succeeded: the banner goes, and a
// lock that was held back by the failure now completes.
func (u *UI) saveRecovered() {
	if u.Sess == nil || u.Shell == nil || !u.Shell.banner.box.Visible() {
		return
	}
	u.Sess.retry.Stop()
	u.Sess.retry = nil
	u.Shell.banner.box.Hide()
	if u.hidden {
		u.hidden = false
		u.lock(true)
	}
}

// hide covers the window with the lock screen while the session stays
// open (an automatic lock whose save failed): nothing is shown, nothing is
// dropped, and the passphrase shows it all again.
func (u *UI) hide() {
	if u.Sess == nil || u.hidden {
		return
	}
	u.hidden = true
	u.stopIdleWatch()
	if u.Shell != nil {
		u.lastSection = u.Shell.Current
		u.Shell.removeShortcuts()
	}
	u.Win.SetMainMenu(nil)
	content, focus := start.NewUnlockScreen(newStartScreenEnv(u))
	u.Win.SetContent(content)
	u.Win.Canvas().Focus(focus)
}

// unhide shows the open session again after the passphrase was given.
func (u *UI) unhide() {
	u.hidden = false
	u.Win.SetContent(u.Shell.content)
	u.Win.SetMainMenu(u.Shell.menu())
	u.Shell.installShortcuts()
	u.StartIdleWatch()
}

// chooseSealedCopy asks where to write a sealed copy of the open vault.
func (u *UI) chooseSealedCopy() {
	// The app's save dialog: it starts where the last copy was saved.
	kit.ReportsChooseFile(u.Win, filepath.Base(u.Path)+".copy", func(w fyne.URIWriteCloser) {
		path := w.URI().Path()
		w.Close()
		if w.URI().Scheme() != "file" {
			kit.ShowError(u.Win, "The copy could not be saved", errors.New("choose a file on this computer"))
			return
		}
		u.saveSealedCopy(path)
	})
}

// saveSealedCopy writes the vault with every change, sealed with the same
// passphrase and recovery key, to path (like `inreach backup -o`).
func (u *UI) saveSealedCopy(path string) {
	sess := u.Sess
	if sess == nil {
		return
	}
	var err error
	u.jobs.Go(func() { err = kit.WriteSealedCopy(sess.Vault, path) }, func() {
		if err != nil {
			kit.ShowError(u.Win, "The copy could not be saved", err)
			return
		}
		dialog.ShowInformation("Sealed copy saved", "A copy with all your changes is at "+path+
			". It opens with your passphrase or recovery key. Inreach keeps trying to save the notebook itself.", u.Win)
	})
}
