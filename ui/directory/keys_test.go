package directory

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/ui/uitest"
)

// Tab leaves the agency's Services for the next field, and Shift+Tab comes
// back, without a tab typed into the text.
func TestTabLeavesTheAgencyServicesForTheNextField(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := directoryOf(t, u)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add an agency"))
	f := s.form
	c := u.Win.Canvas()

	uitest.TypeInto(u, f.services, "Drop-in and key work")
	uitest.PressTab(u, false)
	require.Same(t, f.keyContact, c.Focused(), "Tab moved on to Key contact")
	require.Equal(t, "Drop-in and key work", f.services.Text, "no tab was typed")

	uitest.PressTab(u, true)
	require.Same(t, f.services, c.Focused(), "Shift+Tab came back to Services")
	uitest.PressTab(u, true)
	require.Same(t, f.area, c.Focused(), "and on back to Area")
	require.Equal(t, "Drop-in and key work", f.services.Text)

	// Notes, the last field, hands Tab on too: to the Cancel button.
	c.Focus(f.notesText)
	uitest.PressTab(u, false)
	require.NotSame(t, f.notesText, c.Focused())
	require.Empty(t, f.notesText.Text)
}
