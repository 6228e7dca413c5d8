package ui

import (
	"inreach/pdf"
)

// print is Ctrl+P on the Women screen: everything held about the woman
// whose page is open, as a PDF (the same document as a subject access
// request).
func (s *womenScreen) print() {
	if s.selected == "" || s.u.sess == nil {
		return
	}
	id, db, ctx, today := s.selected, s.u.sess.DB, s.u.appContext(), todayFor(s.u)
	reportsSaveFile(s.u, "her-record-"+id+"-"+today+".pdf", "Gathering everything held about her…",
		"Her record could not be printed", func() ([]byte, error) {
			return pdf.PersonPDF(ctx, db, id, pdf.PersonOptions{GeneratedOn: today})
		}, func(path string) string {
			return "Everything held about her was saved as " + path + ".\n\n" +
				"The PDF is not encrypted: print it, keep it safe, and delete the file when you are done."
		})
}

var _ printer = (*womenScreen)(nil)
