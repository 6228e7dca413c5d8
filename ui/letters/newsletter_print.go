package letters

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/pdf"
	"inreach/ui/kit"
)

// newsletterChooseFile asks where to save a PDF with the suggested name
// (the app's save dialog: it starts in the folder last used for a PDF) and
// hands over the open writer. Tests replace it to write without a dialog.
var newsletterChooseFile = func(u kit.Env, name string, got func(fyne.URIWriteCloser)) {
	kit.ReportsChooseFile(u.Window(), name, got)
}

// exportPDF saves the issue being written, then makes its PDF.
func (ed *issueEditor) exportPDF() {
	if !ed.saveForPrint() {
		return
	}
	exportNewsletterPDF(ed.u, ed.is.ID)
}

// exportLabels saves the issue being written, then makes the address
// labels for the distribution list.
func (ed *issueEditor) exportLabels() {
	if !ed.saveForPrint() {
		return
	}
	ed.side.loadRecipients()
	exportAddressLabels(ed.u, ed.is.ID, ed.is.Number)
}

// saveForPrint saves the issue so the PDF shows what is on screen.
func (ed *issueEditor) saveForPrint() bool {
	if !ed.save(true) || ed.is.ID == "" {
		dialog.ShowInformation("Not saved yet", "The issue must be saved before it can be printed: put right what is marked in red first.", ed.u.Window())
		return false
	}
	return true
}

// exportNewsletterPDF asks where to save the PDF of issue id and makes it.
func exportNewsletterPDF(u kit.Env, id string) {
	is, err := u.Letters().GetIssue(id)
	if err != nil {
		kit.ShowError(u.Window(), "The newsletter issue could not be read", err)
		return
	}
	note := ""
	if is.Status == "draft" {
		note = " It is a draft, so it is marked “Draft — not yet checked” until the issue is marked ready."
	}
	newsletterMakePDF(u, fmt.Sprintf("newsletter-issue-%d.pdf", is.Number), "Making the newsletter PDF",
		"The newsletter PDF could not be made",
		func(ctx context.Context, db *sql.DB) ([]byte, error) {
			return pdf.NewsletterPDF(ctx, db, id, pdf.NewsletterOptions{})
		}, note)
}

// exportAddressLabels asks where to save the address labels and makes them.
func exportAddressLabels(u kit.Env, id string, number int) {
	newsletterMakePDF(u, fmt.Sprintf("address-labels-issue-%d.pdf", number), "Making the address labels",
		"The address labels could not be made",
		func(ctx context.Context, db *sql.DB) ([]byte, error) { return pdf.AddressLabels(ctx, db, id) },
		" Print them on label sheets; the sheet shows nothing but the envelopes’ addresses.")
}

// newsletterMakePDF asks where to save, then makes the file off the UI
// goroutine behind a progress dialog that can stop it, and writes it.
func newsletterMakePDF(u kit.Env, name, busy, failed string, make func(context.Context, *sql.DB) ([]byte, error), note string) {
	if u.Locked() {
		return
	}
	db := u.DB()
	newsletterChooseFile(u, name, func(wc fyne.URIWriteCloser) {
		ctx, stop := context.WithCancel(u.Context())
		bar := widget.NewProgressBarInfinite()
		var prog *dialog.CustomDialog
		cancel := widget.NewButtonWithIcon("Stop", theme.CancelIcon(), func() { stop() })
		prog = dialog.NewCustomWithoutButtons(busy, container.NewVBox(widget.NewLabel("Writing the PDF…"), bar), u.Window())
		prog.SetButtons([]fyne.CanvasObject{cancel})
		prog.Show()
		var err error
		u.Go(func() {
			data, err2 := make(ctx, db)
			err = err2
			if err == nil {
				_, err = kit.WritePrivate(wc, data)
			} else {
				wc.Close()
			}
			stop()
		}, func() {
			bar.Stop()
			prog.Hide()
			if err != nil {
				kit.RemoveIfEmpty(wc.URI().Path())
			}
			switch {
			case errors.Is(err, context.Canceled):
				dialog.ShowInformation("Stopped", "The PDF was not finished, and nothing was saved.", u.Window())
			case err != nil:
				kit.ShowError(u.Window(), failed, err)
			default:
				dialog.ShowInformation("PDF saved", "Saved as "+wc.URI().Path()+"."+note, u.Window())
			}
		})
	})
}
