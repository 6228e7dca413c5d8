package reports

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/report"
	"inreach/ui/kit"
)

// eraseBackupNote says where copies of her may still be after erasure.
const eraseBackupNote = "The encrypted backups made before now, in the backups folder beside your notebook, " +
	"still hold her records. They age out as new saves are made: the newest 10 saves are kept, " +
	"so after ten more saves none holds her. Copies you made yourself (Settings, Make a backup) " +
	"are not changed: delete them or replace them with a new backup."

// confirmErase asks for her full name to be typed exactly, then erases her
// (report.ErasePerson) off the UI goroutine, says in plain words what was
// removed, and saves the vault at once. done runs after a successful
// erasure.
func confirmErase(u kit.Env, personID, name string, done func()) {
	intro := widget.NewLabel("This removes her and everything about her from this notebook, for good:")
	intro.Wrapping = fyne.TextWrapWord
	what := eraseBullets([]string{
		"her details, needs, sensitive information and release plan;",
		"her part of every contact (a contact only she was at is removed);",
		"her actions, outcome events and letters;",
		"her place on newsletter distribution lists, and unsaved drafts about her.",
	})
	kept := widget.NewLabel("Diary entries, supervision notes, newsletters and other women's notes that name her stay, " +
		"with her name replaced by " + report.ErasedMark + ". This cannot be undone: if she asked for a copy " +
		"of her records, make the subject access PDF first.")
	kept.Wrapping = fyne.TextWrapWord

	ask := widget.NewRichText(
		&widget.TextSegment{Text: "To confirm, type her full name: ", Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: name, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
	)
	ask.Wrapping = fyne.TextWrapWord
	typed := widget.NewEntry()
	typed.SetPlaceHolder("Her full name, as shown")
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()

	var d *dialog.CustomDialog
	matches := func() bool { return strings.TrimSpace(typed.Text) == name }
	eraseBtn := widget.NewButtonWithIcon("Erase her", theme.DeleteIcon(), nil)
	eraseBtn.Importance = widget.DangerImportance
	eraseBtn.Disable()
	go_ := func() {
		if !matches() {
			msg.SetText("That is not her name as recorded. Type it exactly as shown, with the same capital letters.")
			msg.Show()
			return
		}
		d.Hide()
		runErase(u, personID, done)
	}
	eraseBtn.OnTapped = go_
	typed.OnChanged = func(string) {
		msg.Hide()
		if matches() {
			eraseBtn.Enable()
		} else {
			eraseBtn.Disable()
		}
	}
	typed.OnSubmitted = func(string) { go_() }
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })

	body := container.NewVBox(intro, what, kept, widget.NewSeparator(), ask, typed, msg)
	d = dialog.NewCustomWithoutButtons("Erase "+name+"?", body, u.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, eraseBtn})
	size := u.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(600, size.Width-40), min(480, size.Height-40)))
	d.Show()
	u.Window().Canvas().Focus(typed)
}

// runErase erases her behind a progress dialog, then reports and saves.
func runErase(u kit.Env, personID string, done func()) {
	if u.Locked() {
		return
	}
	db, ctx := u.DB(), u.Context()
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons("Erasing…", container.NewPadded(bar), u.Window())
	prog.Show()
	var rep *report.ErasureReport
	var err error
	u.Go(func() { rep, err = report.ErasePerson(ctx, db, personID) }, func() {
		bar.Stop()
		prog.Hide()
		if err != nil {
			kit.ShowError(u.Window(), "She was not erased; nothing was changed", err)
			return
		}
		u.Changed()
		var serr error
		u.Go(func() { serr = u.Save() }, func() {
			if serr != nil {
				u.SaveFailed(serr)
			}
		})
		if done != nil {
			done()
		}
		showErasureReport(u, rep)
	})
}

// showErasureReport says in plain words what was removed, and where copies
// may remain.
func showErasureReport(u kit.Env, rep *report.ErasureReport) {
	lines := eraseBullets(rep.Lines())
	note := widget.NewLabel(eraseBackupNote)
	note.Wrapping = fyne.TextWrapWord
	saved := kit.Muted("Your notebook is being saved now, so the erasure reaches the file at once.")
	d := dialog.NewCustom("She has been erased", "Close", container.NewVBox(lines, widget.NewSeparator(), note, saved), u.Window())
	size := u.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(560, size.Width-40), min(520, size.Height-40)))
	d.Show()
}

// eraseBullets is a short bulleted list of wrapped lines.
func eraseBullets(items []string) fyne.CanvasObject {
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = "•  " + it
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	return l
}
