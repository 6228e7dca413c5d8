package contacts

import (
	"strings"

	"inreach/pdf"
	"inreach/schema"
	"inreach/ui/kit"
)

// Print is Ctrl+P and File › Print on the Contacts screen: the write-up of
// the contact shown (the same PDF as `inreach pdf visit`). A write-up
// being edited is saved first, so the PDF is what was typed.
func (s *ContactsScreen) Print() {
	if s.u.Locked() || !s.CanPrint() {
		return
	}
	if s.Form != nil {
		s.Form.saveContact()
		if s.Form != nil { // not saved: the form shows why
			return
		}
	}
	s.visitPDF(s.selected)
}

// CanPrint is true while a saved contact is shown or being edited.
func (s *ContactsScreen) CanPrint() bool {
	if s.Form != nil {
		return s.Form.id != ""
	}
	return s.selected != ""
}

// visitPDF asks where to save the write-up of contact id and writes it.
func (s *ContactsScreen) visitPDF(id string) {
	c, err := s.u.Notes().GetContact(id)
	if err != nil {
		kit.ShowError(s.u.Window(), "This contact cannot be printed", err)
		return
	}
	db, ctx := s.u.DB(), s.u.Context()
	name := "contact-" + c.Date + "-" + c.Kind + ".pdf"
	kind := schema.ContactKind.Label(c.Kind)
	kit.ReportsSaveFile(s.u, name, "Making the PDF of the write-up…", "The write-up could not be printed",
		func() ([]byte, error) { return pdf.VisitPDF(ctx, db, id, pdf.VisitOptions{}) },
		func(path string) string {
			return "The write-up of the " + strings.ToLower(kind) + " on " + contactLongDate(c.Date) + " was saved as " + path + ".\n\n" +
				"The PDF is not encrypted: print it, keep it safe, and delete the file when you are done."
		})
}

var (
	_ kit.Printer      = (*ContactsScreen)(nil)
	_ kit.PrintChecker = (*ContactsScreen)(nil)
)
