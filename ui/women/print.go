package women

import (
	"inreach/pdf"
	"inreach/ui/kit"
)

// print is Ctrl+P on the Women screen: everything held about the woman
// whose page is open, as a PDF (the same document as a subject access
// request).
func (s *WomenScreen) Print() {
	if s.Selected == "" || s.u.Locked() {
		return
	}
	id, db, ctx, today := s.Selected, s.u.DB(), s.u.Context(), kit.TodayFor(s.u)
	kit.ReportsSaveFile(s.u, "her-record-"+id+"-"+today+".pdf", "Gathering everything held about her…",
		"Her record could not be printed", func() ([]byte, error) {
			return pdf.PersonPDF(ctx, db, id, pdf.PersonOptions{GeneratedOn: today})
		}, func(path string) string {
			return "Everything held about her was saved as " + path + ".\n\n" +
				"The PDF is not encrypted: print it, keep it safe, and delete the file when you are done."
		})
}

var _ kit.Printer = (*WomenScreen)(nil)
