package ui

import (
	"inreach/pdf"
)

// print is Ctrl+P on the Women screen: everything held about the woman
// whose page is open, as a PDF (the same document as a subject access
// request).
func (s *womenScreen) Print() {
	if s.selected == "" || s.u.Locked() {
		return
	}
	id, db, ctx, today := s.selected, s.u.DB(), s.u.Context(), todayFor(s.u)
	reportsSaveFile(s.u, "her-record-"+id+"-"+today+".pdf", "Gathering everything held about her…",
		"Her record could not be printed", func() ([]byte, error) {
			return pdf.PersonPDF(ctx, db, id, pdf.PersonOptions{GeneratedOn: today})
		}, func(path string) string {
			return "Everything held about her was saved as " + path + ".\n\n" +
				"The PDF is not encrypted: print it, keep it safe, and delete the file when you are done."
		})
}

var _ Printer = (*womenScreen)(nil)
