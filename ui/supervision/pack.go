package supervision

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
	"inreach/ui/kit"
)

// supervisionChooseFile asks where to save the pack; tests replace it.
var SupervisionChooseFile = func(u kit.Env, name string, done func(fyne.URIWriteCloser, error)) {
	// The app's save dialog: it starts in the folder last used for a PDF
	// and closes on Escape.
	kit.ReportsChooseFile(u.Window(), name, func(w fyne.URIWriteCloser) { done(w, nil) })
}

// showSupervisionPackDialog asks for the period of a supervision pack
// (from and to, "" for the last three months) and whether to use
// pseudonyms, then where to save it, and makes it.
func ShowSupervisionPackDialog(u kit.Env, from, to string) {
	today := kit.TodayFor(u)
	if from == "" && to == "" {
		from, to = kit.DiaryPeriod(kit.DiaryLast3Months, today)
	}
	fromE := kit.NewLeaveEntry("YYYY-MM-DD", nil)
	toE := kit.NewLeaveEntry("YYYY-MM-DD", nil)
	fromE.SetText(from)
	toE.SetText(to)
	errL := kit.ErrorLabel()
	check := func() bool {
		msg := ""
		fromE.Normalise()
		toE.Normalise()
		f, t := strings.TrimSpace(fromE.Text), strings.TrimSpace(toE.Text)
		switch {
		case kit.DateProblem(f, true) != "":
			msg = "From: " + kit.DateProblem(f, true)
		case kit.DateProblem(t, true) != "":
			msg = "To: " + kit.DateProblem(t, true)
		case t < f:
			msg = "The period ends before it starts: check the dates."
		}
		kit.SetError(errL, msg)
		return msg == ""
	}
	fromE.OnLeave = func() { check() }
	toE.OnLeave = func() { check() }
	preset := func(p string) func() {
		return func() {
			f, t := kit.DiaryPeriod(p, today)
			fromE.SetText(f)
			toE.SetText(t)
			check()
		}
	}
	lastMonth := widget.NewButton("Last month", preset(kit.DiaryLastMonth))
	last3 := widget.NewButton("Last 3 months", preset(kit.DiaryLast3Months))
	redact := widget.NewCheck("Redact names (use pseudonyms)", nil)
	casework := widget.NewCheck("Include casework actions due in the period", nil)
	casework.SetChecked(true)

	dates := container.NewHBox(
		kit.Captioned("From", kit.DateField(fromE, func() string { return today }), nil),
		kit.Captioned("To", kit.DateField(toE, func() string { return today }), nil),
	)
	body := container.NewVBox(
		kit.Soft("Every diary entry dated in the period, with its comments, then the supervision actions still open. Sensitive flags and safety notes are never printed."),
		dates,
		container.NewHBox(lastMonth, last3),
		errL,
		redact,
		kit.Soft("Each woman's name is replaced by her pseudonym, in headings and in what you wrote. Use it whenever the pack leaves your hands."),
		casework,
	)
	var d *dialog.CustomDialog
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	save := widget.NewButtonWithIcon("Save PDF…", theme.DocumentSaveIcon(), func() {
		if !check() {
			return
		}
		d.Hide()
		opts := supervisionPackOptions(u, strings.TrimSpace(fromE.Text), strings.TrimSpace(toE.Text), redact.Checked, casework.Checked)
		// The redacted and the full pack get different names, so one is
		// never saved over the other by mistake.
		name := pdf.SupervisionPackFileName(opts)
		SupervisionChooseFile(u, name, func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				kit.ShowError(u.Window(), "The file could not be chosen", err)
				return
			}
			if w == nil {
				return // cancelled
			}
			makeSupervisionPack(u, opts, w)
		})
	})
	save.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Supervision pack PDF", container.New(&kit.DiaryFixedWidth{Width: 460}, body), u.Window())
	d.SetButtons([]fyne.CanvasObject{cancel, save})
	for _, e := range []*kit.LeaveEntry{fromE, toE} {
		e.OnEnter = func() { save.OnTapped() }
		e.OnEscape = d.Hide
	}
	kit.EscapeCloses(u.Window(), d, nil)
	d.Show()
	u.Window().Canvas().Focus(fromE)
}

// supervisionPackOptions fills the pack's options, with the practitioner,
// supervisor and organisation from Settings.
func supervisionPackOptions(u kit.Env, from, to string, redact, casework bool) pdf.SupervisionOptions {
	st := u.Notes()
	return pdf.SupervisionOptions{
		From: from, To: to, Redact: redact, CaseworkActions: casework,
		Practitioner: st.GetSetting(notes.SettingPractitioner, ""),
		Supervisor:   st.GetSetting(notes.SettingSupervisor, ""),
		Organisation: st.GetSetting(notes.SettingOrganisation, ""),
		GeneratedOn:  kit.TodayFor(u),
	}
}

// makeSupervisionPack makes the PDF off the UI goroutine, with a progress
// dialog that can cancel it, and writes it to w.
func makeSupervisionPack(u kit.Env, opts pdf.SupervisionOptions, w fyne.URIWriteCloser) {
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
			_, err = kit.WritePrivate(w, data)
		} else {
			w.Close()
		}
		stop()
	}, func() {
		bar.Stop()
		prog.Hide()
		if err != nil {
			kit.RemoveIfEmpty(w.URI().Path())
		}
		switch {
		case errors.Is(err, context.Canceled):
			dialog.ShowInformation("Supervision pack", "Stopped: the pack was not finished, and nothing was saved.", u.Window())
		case err != nil:
			kit.ShowError(u.Window(), "The supervision pack could not be made", err)
		default:
			dialog.ShowInformation("Supervision pack saved",
				fmt.Sprintf("Saved as %s.", w.URI().Path()), u.Window())
		}
	})
}
