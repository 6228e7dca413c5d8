package reports

import (
	"errors"
	"fmt"
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

// confirmErase works out what erasing her would do (report.PlanErasure, off
// the UI goroutine, changing nothing), then shows it: what will be removed,
// the mentions of her name that will be replaced for certain, and each
// mention under review with "Erase this mention" / "Leave it". The
// practitioner then types her full name exactly, and she is erased with the
// mentions chosen (report.ErasePersonReviewed) and the vault saved at once.
// done runs after a successful erasure.
func confirmErase(u kit.Env, personID, name string, done func()) {
	if u.Locked() {
		return
	}
	db, ctx := u.DB(), u.Context()
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons("Reading everything that mentions her…", container.NewPadded(bar), u.Window())
	prog.Show()
	var plan *report.ErasurePlan
	var err error
	u.Go(func() { plan, err = report.PlanErasure(ctx, db, personID) }, func() {
		bar.Stop()
		prog.Hide()
		if u.Locked() {
			return
		}
		if err != nil {
			kit.ShowError(u.Window(), "Her records could not be read; nothing was changed", err)
			return
		}
		showErasePlan(u, plan, name, done)
	})
}

// showErasePlan is the erase dialog for one plan.
func showErasePlan(u kit.Env, plan *report.ErasurePlan, name string, done func()) {
	removes := plan.Removes.PlanLines()
	intro := kit.Wrapped("This removes her and everything about her from this notebook, for good. " + removes[0])
	parts := []fyne.CanvasObject{intro}
	if len(removes) > 1 {
		parts = append(parts, eraseBullets(removes[1:]))
	}
	if n := len(plan.Certain); n > 0 {
		parts = append(parts, kit.Wrapped("In "+kit.CountWords(n, "place", "places")+
			" in records that stay, her name is replaced by "+report.ErasedMark+
			": her full name anywhere, and her names in records about her that no other woman there shares."))
	}
	review := newMentionReview(plan.Review)
	if len(plan.Review) > 0 {
		parts = append(parts, widget.NewSeparator(), review.content())
	}
	kept := kit.Wrapped("Diary entries, supervision notes, newsletters and other women's notes stay. " +
		"This cannot be undone: if she asked for a copy of her records, make the subject access PDF first.")
	parts = append(parts, kept, widget.NewSeparator())

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
	parts = append(parts, ask, typed, msg)

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
		runErase(u, plan.PersonID, name, plan.Code, review.chosen(), done)
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

	body := container.NewVScroll(container.NewVBox(parts...))
	d = dialog.NewCustomWithoutButtons("Erase "+name+"?", body, u.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, eraseBtn})
	size := u.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(680, size.Width-40), min(640, size.Height-40)))
	d.Show()
	if len(plan.Review) == 0 {
		u.Window().Canvas().Focus(typed)
	}
}

// runErase erases her behind a progress dialog with the mentions chosen,
// then reports and saves. When the records changed since the review, it
// says so and reviews again.
func runErase(u kit.Env, personID, name, code string, chosen []int, done func()) {
	if u.Locked() {
		return
	}
	db, ctx := u.DB(), u.Context()
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons("Erasing…", container.NewPadded(bar), u.Window())
	prog.Show()
	var rep *report.ErasureReport
	var err error
	u.Go(func() { rep, err = report.ErasePersonReviewed(ctx, db, personID, code, chosen) }, func() {
		bar.Stop()
		prog.Hide()
		if u.Locked() {
			return
		}
		if errors.Is(err, report.ErrReviewChanged) {
			d := dialog.NewInformation("Her records changed",
				"Something was changed in the records while you were reviewing, so nothing was erased. "+
					"The review is shown again: check the mentions once more.", u.Window())
			d.SetOnClosed(func() { confirmErase(u, personID, name, done) })
			d.Show()
			return
		}
		if err != nil && rep == nil {
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
		if err != nil {
			kit.ShowError(u.Window(), "She was erased, but tidying the notebook afterwards failed", err)
		}
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

// mentionLabel names where a mention is, for the review list.
func mentionLabel(m report.Mention) string {
	where := m.Kind
	if f := strings.ReplaceAll(m.Field, "_", " "); f != "" && !strings.Contains(m.Kind, f) {
		where += " (" + f + ")"
	}
	return fmt.Sprintf("%d. In a %s — %s", m.N, where, m.Reason)
}
