package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/pdf"
)

// supervisionChooseFile asks where to save the pack; tests replace it.
var supervisionChooseFile = func(u Env, name string, done func(fyne.URIWriteCloser, error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w != nil {
			keepPrivate(w)
		}
		done(w, err)
	}, u.Window())
	d.SetFileName(name)
	d.Show()
}

// showSupervisionPackDialog asks for the period of a supervision pack
// (from and to, "" for the last three months) and whether to use
// pseudonyms, then where to save it, and makes it.
func showSupervisionPackDialog(u Env, from, to string) {
	today := todayFor(u)
	if from == "" && to == "" {
		from, to = diaryPeriod(diaryLast3Months, today)
	}
	fromE := newLeaveEntry("YYYY-MM-DD", nil)
	toE := newLeaveEntry("YYYY-MM-DD", nil)
	fromE.SetText(from)
	toE.SetText(to)
	errL := errorLabel()
	check := func() bool {
		msg := ""
		f, t := strings.TrimSpace(fromE.Text), strings.TrimSpace(toE.Text)
		switch {
		case dateProblem(f, true) != "":
			msg = "From: " + dateProblem(f, true)
		case dateProblem(t, true) != "":
			msg = "To: " + dateProblem(t, true)
		case t < f:
			msg = "The period ends before it starts: check the dates."
		}
		setError(errL, msg)
		return msg == ""
	}
	fromE.onLeave = func() { check() }
	toE.onLeave = func() { check() }
	preset := func(p string) func() {
		return func() {
			f, t := diaryPeriod(p, today)
			fromE.SetText(f)
			toE.SetText(t)
			check()
		}
	}
	lastMonth := widget.NewButton("Last month", preset(diaryLastMonth))
	last3 := widget.NewButton("Last 3 months", preset(diaryLast3Months))
	redact := widget.NewCheck("Redact names (use pseudonyms)", nil)
	casework := widget.NewCheck("Include casework actions due in the period", nil)
	casework.SetChecked(true)

	dates := container.NewHBox(
		captioned("From", container.New(&diaryFixedWidth{width: 130}, fromE), nil),
		captioned("To", container.New(&diaryFixedWidth{width: 130}, toE), nil),
	)
	body := container.NewVBox(
		soft("Every diary entry dated in the period, with its comments, then the supervision actions still open. Sensitive flags and safety notes are never printed."),
		dates,
		container.NewHBox(lastMonth, last3),
		errL,
		redact,
		soft("Each woman's name is replaced by her pseudonym, in headings and in what you wrote. Use it whenever the pack leaves your hands."),
		casework,
	)
	var d *dialog.CustomDialog
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	var save *widget.Button
	save = widget.NewButtonWithIcon("Save PDF…", theme.DocumentSaveIcon(), func() {
		if !check() {
			return
		}
		d.Hide()
		opts := supervisionPackOptions(u, strings.TrimSpace(fromE.Text), strings.TrimSpace(toE.Text), redact.Checked, casework.Checked)
		name := fmt.Sprintf("supervision-pack-%s-to-%s.pdf", opts.From, opts.To)
		supervisionChooseFile(u, name, func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				showError(u.Window(), "The file could not be chosen", err)
				return
			}
			if w == nil {
				return // cancelled
			}
			makeSupervisionPack(u, opts, w)
		})
	})
	save.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Supervision pack PDF", container.New(&diaryFixedWidth{width: 460}, body), u.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, save})
	for _, e := range []*leaveEntry{fromE, toE} {
		e.onEnter = func() { save.OnTapped() }
		e.onEscape = d.Hide
	}
	escapeCloses(u.Window(), d, nil)
	d.Show()
	u.Window().Canvas().Focus(fromE)
}

// supervisionPackOptions fills the pack's options, with the practitioner,
// supervisor and organisation from Settings.
func supervisionPackOptions(u Env, from, to string, redact, casework bool) pdf.SupervisionOptions {
	st := u.Notes()
	return pdf.SupervisionOptions{
		From: from, To: to, Redact: redact, CaseworkActions: casework,
		Practitioner: st.GetSetting(notes.SettingPractitioner, ""),
		Supervisor:   st.GetSetting(supervisionSupervisorKey, ""),
		Organisation: st.GetSetting(notes.SettingOrganisation, ""),
		GeneratedOn:  todayFor(u),
	}
}

// makeSupervisionPack makes the PDF off the UI goroutine, with a progress
// dialog that can cancel it, and writes it to w.
func makeSupervisionPack(u Env, opts pdf.SupervisionOptions, w fyne.URIWriteCloser) {
	ctx, stop := context.WithCancel(u.Context())
	bar := widget.NewProgressBarInfinite()
	var prog *dialog.CustomDialog
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { stop() })
	prog = dialog.NewCustomWithoutButtons("Making the supervision pack",
		container.NewVBox(widget.NewLabel("Gathering the diary entries and writing the PDF…"), bar), u.Window())
	prog.SetButtons([]fyne.CanvasObject{cancel})
	prog.Show()
	db := u.DB()
	var err error
	u.Go(func() {
		data, err2 := pdf.SupervisionPack(ctx, db, opts)
		err = err2
		if err == nil {
			_, err = w.Write(data)
		}
		cerr := w.Close()
		if err == nil {
			err = cerr
		}
		stop()
	}, func() {
		bar.Stop()
		prog.Hide()
		switch {
		case errors.Is(err, context.Canceled):
			dialog.ShowInformation("Supervision pack", "Stopped: the pack was not finished. The file may be incomplete; make the pack again before using it.", u.Window())
		case err != nil:
			showError(u.Window(), "The supervision pack could not be made", err)
		default:
			dialog.ShowInformation("Supervision pack saved",
				fmt.Sprintf("Saved as %s.", w.URI().Name()), u.Window())
		}
	})
}
