package contacts

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/pdf"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// printItem is File › Print in the window's menu.
func printItem(t *testing.T, fx *contactsFixture) *fyne.MenuItem {
	t.Helper()
	for _, m := range fx.u.Win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Print or export PDF…" {
				return it
			}
		}
	}
	t.Fatal("no Print item in the menu")
	return nil
}

func ctrlP(fx *contactsFixture) {
	fx.canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault})
}

// Ctrl+P (and File › Print) on a contact makes the visit PDF, the same
// document as `inreach pdf visit`; with no contact shown the menu item is
// disabled and Ctrl+P says what can be printed.
func TestCtrlPOnAContactMakesTheVisitPDF(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	c := &notes.Contact{Date: "2025-03-04", Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: fx.prison.ID,
		People: []notes.ContactPerson{{PersonID: fx.women["Anna Smith"], Booked: true, Seen: true, Note: "Talked about housing."}}}
	require.NoError(t, fx.u.Sess.Notes.SaveContact(c))
	dir := t.TempDir()
	uitest.ReportsWriteTo(t, dir)

	fx.u.Shell.Show(kit.Today)
	require.True(t, printItem(t, fx).Disabled, "Today has nothing to print: the menu item is disabled")
	ctrlP(fx)
	top := fx.canvas().Overlays().Top()
	require.NotNil(t, top, "Ctrl+P says so rather than doing nothing")
	require.True(t, uitest.HasText(top, "Nothing to print here"))
	fx.canvas().Overlays().Remove(top)

	fx.u.Shell.Show(kit.Contacts)
	require.True(t, printItem(t, fx).Disabled, "no contact chosen yet")
	fx.u.Shell.Open(kit.Record(kit.Contacts, c.ID))
	require.False(t, printItem(t, fx).Disabled, "a contact is shown: it can be printed")

	ctrlP(fx)
	want, err := pdf.VisitPDF(context.Background(), fx.u.Sess.DB, c.ID, pdf.VisitOptions{})
	require.NoError(t, err)
	path := filepath.Join(dir, "contact-2025-03-04-prison_visit.pdf")
	uitest.Eventually(t, func() bool { b, err := os.ReadFile(path); return err == nil && len(b) > 0 }, "the PDF is written")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, want, got, "the same PDF as inreach pdf visit")
	uitest.Eventually(t, func() bool {
		top := fx.canvas().Overlays().Top()
		return top != nil && uitest.HasText(top, path)
	}, "the confirmation names the full path")
	fx.canvas().Overlays().Remove(fx.canvas().Overlays().Top())

	// The button beside Edit does the same.
	require.NoError(t, os.Remove(path))
	test.Tap(uitest.FindButton(t, fx.u.Win.Content(), "Visit PDF"))
	uitest.Eventually(t, func() bool { b, err := os.ReadFile(path); return err == nil && len(b) > 0 }, "the button writes it too")
}
