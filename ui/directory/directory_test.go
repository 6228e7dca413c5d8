package directory

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// directoryOf returns the Directory screen, showing it.
func directoryOf(t *testing.T, u *ui.UI) *DirectoryScreen {
	t.Helper()
	u.Shell.Show(kit.Directory)
	s, ok := u.Shell.Screens[kit.Directory].(*DirectoryScreen)
	require.True(t, ok)
	return s
}

func TestDirectoryAddingAnAgencyThroughTheForm(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	s := directoryOf(t, u)
	root := u.Win.Content()
	require.True(t, uitest.HasText(root, "No agencies yet"))

	test.Tap(uitest.FindButton(t, root, "Add an agency"))
	f := s.form
	uitest.TypeInto(u, f.name, "Northgate Women's Centre")
	f.category.SetText("Women's centre")
	uitest.TypeInto(u, f.area, "Northgate")
	uitest.TypeInto(u, f.services, "Drop-in, key work, a food bank on Thursdays")
	uitest.TypeInto(u, f.email, "hello at northgate")
	uitest.TypeInto(u, f.lastChecked, "2026-13-01")
	test.Tap(uitest.FindButton(t, root, "Save"))

	require.True(t, f.form.Rows["LastChecked"].Message.Visible(), "the bad date is refused at its field")
	list, err := u.Sess.Notes.ListAgencies(notes.AgencyFilter{})
	require.NoError(t, err)
	require.Empty(t, list)
	require.Equal(t, "Northgate Women's Centre", f.name.Text, "nothing typed is lost")

	f.lastChecked.SetText("")
	test.Tap(uitest.FindButton(t, root, "Checked today"))
	test.Tap(uitest.FindButton(t, root, "Save"))
	require.True(t, f.form.Rows["Email"].Message.Visible(), "the store's message about the email is at its field")
	require.Contains(t, f.form.Rows["Email"].Message.Text, "@")

	f.email.SetText("hello@northgate.example.org")
	test.Tap(uitest.FindButton(t, root, "Save"))
	list, err = u.Sess.Notes.ListAgencies(notes.AgencyFilter{})
	require.NoError(t, err)
	require.Len(t, list, 1)
	a := list[0]
	require.Equal(t, "Northgate Women's Centre", a.Name)
	require.Equal(t, "womens_centre", a.Category, "the label is stored as its word")
	require.Equal(t, "Drop-in, key work, a food bank on Thursdays", a.Services)
	require.Equal(t, uitest.DayFrom(u, 0), a.LastChecked)
	require.Equal(t, a.ID, s.selected)
	require.Len(t, s.Agencies, 1)
	require.True(t, uitest.HasText(s.root, "Saved"))
}

func TestDirectoryEditingAnAgencyAndTheCheckTheseDetailsHint(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := directoryOf(t, u)
	s.open(ids.Housing)
	require.True(t, uitest.HasText(s.root, "Check these details"), "checked over a year ago")

	s.form.phone.SetText("0117 496 0999")
	s.form.category.SetText("Floating support")
	test.Tap(uitest.FindButton(t, s.root, "Checked today"))
	test.Tap(uitest.FindButton(t, s.root, "Save"))
	a, err := u.Sess.Notes.GetAgency(ids.Housing)
	require.NoError(t, err)
	require.Equal(t, "0117 496 0999", a.Phone)
	require.Equal(t, "Floating support", a.Category, "a category outside the list is kept as typed")
	require.Equal(t, "Priya Shah, prison link worker", a.KeyContact, "untouched fields are kept")
	require.False(t, uitest.HasText(s.root, "Check these details"), "checked today: no hint")

	s.open(ids.Probation)
	require.False(t, uitest.HasText(s.root, "Check these details"), "checked last month")
}

func TestDirectoryFilterAndSearch(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := directoryOf(t, u)
	require.Len(t, s.Agencies, 2)
	s.category.SetSelected(notes.AgencyCategory.Label("probation"))
	require.Len(t, s.Agencies, 1)
	require.Equal(t, ids.Probation, s.Agencies[0].ID)
	s.category.SetSelected(directoryAll)
	uitest.TypeInto(u, s.search, "link worker")
	require.Len(t, s.Agencies, 1, "the key contact is searched")
	require.Equal(t, ids.Housing, s.Agencies[0].ID)
}

func TestDirectoryDeletingAnAgencyAsksFirst(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := directoryOf(t, u)
	s.open(ids.Probation)
	test.Tap(uitest.FindButton(t, s.root, "Delete…"))
	over := u.Win.Canvas().Overlays().Top()
	require.NotNil(t, over)
	test.Tap(uitest.FindButton(t, over, "No"))
	_, err := u.Sess.Notes.GetAgency(ids.Probation)
	require.NoError(t, err, "not deleted without a yes")

	test.Tap(uitest.FindButton(t, s.root, "Delete…"))
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Yes"))
	_, err = u.Sess.Notes.GetAgency(ids.Probation)
	require.ErrorIs(t, err, notes.ErrNotFound)
	require.Len(t, s.Agencies, 1)
	require.Nil(t, s.form)
}
