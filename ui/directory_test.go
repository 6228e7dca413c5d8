package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
)

// directoryOf returns the Directory screen, showing it.
func directoryOf(t *testing.T, u *UI) *directoryScreen {
	t.Helper()
	u.shell.show(Directory)
	s, ok := u.shell.screens[Directory].(*directoryScreen)
	require.True(t, ok)
	return s
}

func TestDirectoryAddingAnAgencyThroughTheForm(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	s := directoryOf(t, u)
	root := u.win.Content()
	require.True(t, hasText(root, "No agencies yet"))

	test.Tap(findButton(t, root, "Add an agency"))
	f := s.form
	typeInto(u, f.name, "Northgate Women's Centre")
	f.category.SetText("Women's centre")
	typeInto(u, f.area, "Northgate")
	typeInto(u, f.services, "Drop-in, key work, a food bank on Thursdays")
	typeInto(u, f.email, "hello at northgate")
	typeInto(u, f.lastChecked, "2026-13-01")
	test.Tap(findButton(t, root, "Save"))

	require.True(t, f.form.rows["LastChecked"].message.Visible(), "the bad date is refused at its field")
	list, err := u.sess.Notes.ListAgencies(notes.AgencyFilter{})
	require.NoError(t, err)
	require.Empty(t, list)
	require.Equal(t, "Northgate Women's Centre", f.name.Text, "nothing typed is lost")

	f.lastChecked.SetText("")
	test.Tap(findButton(t, root, "Checked today"))
	test.Tap(findButton(t, root, "Save"))
	require.True(t, f.form.rows["Email"].message.Visible(), "the store's message about the email is at its field")
	require.Contains(t, f.form.rows["Email"].message.Text, "@")

	f.email.SetText("hello@northgate.example.org")
	test.Tap(findButton(t, root, "Save"))
	list, err = u.sess.Notes.ListAgencies(notes.AgencyFilter{})
	require.NoError(t, err)
	require.Len(t, list, 1)
	a := list[0]
	require.Equal(t, "Northgate Women's Centre", a.Name)
	require.Equal(t, "womens_centre", a.Category, "the label is stored as its word")
	require.Equal(t, "Drop-in, key work, a food bank on Thursdays", a.Services)
	require.Equal(t, dayFrom(u, 0), a.LastChecked)
	require.Equal(t, a.ID, s.selected)
	require.Len(t, s.agencies, 1)
	require.True(t, hasText(s.root, "Saved"))
}

func TestDirectoryEditingAnAgencyAndTheCheckTheseDetailsHint(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := directoryOf(t, u)
	s.open(ids.housing)
	require.True(t, hasText(s.root, "Check these details"), "checked over a year ago")

	s.form.phone.SetText("0117 496 0999")
	s.form.category.SetText("Floating support")
	test.Tap(findButton(t, s.root, "Checked today"))
	test.Tap(findButton(t, s.root, "Save"))
	a, err := u.sess.Notes.GetAgency(ids.housing)
	require.NoError(t, err)
	require.Equal(t, "0117 496 0999", a.Phone)
	require.Equal(t, "Floating support", a.Category, "a category outside the list is kept as typed")
	require.Equal(t, "Priya Shah, prison link worker", a.KeyContact, "untouched fields are kept")
	require.False(t, hasText(s.root, "Check these details"), "checked today: no hint")

	s.open(ids.probation)
	require.False(t, hasText(s.root, "Check these details"), "checked last month")
}

func TestDirectoryFilterAndSearch(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := directoryOf(t, u)
	require.Len(t, s.agencies, 2)
	s.category.SetSelected(notes.AgencyCategory.Label("probation"))
	require.Len(t, s.agencies, 1)
	require.Equal(t, ids.probation, s.agencies[0].ID)
	s.category.SetSelected(directoryAll)
	typeInto(u, s.search, "link worker")
	require.Len(t, s.agencies, 1, "the key contact is searched")
	require.Equal(t, ids.housing, s.agencies[0].ID)
}

func TestDirectoryDeletingAnAgencyAsksFirst(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	ids := seedCasework(t, u)
	s := directoryOf(t, u)
	s.open(ids.probation)
	test.Tap(findButton(t, s.root, "Delete…"))
	over := u.win.Canvas().Overlays().Top()
	require.NotNil(t, over)
	test.Tap(findButton(t, over, "No"))
	_, err := u.sess.Notes.GetAgency(ids.probation)
	require.NoError(t, err, "not deleted without a yes")

	test.Tap(findButton(t, s.root, "Delete…"))
	test.Tap(findButton(t, u.win.Canvas().Overlays().Top(), "Yes"))
	_, err = u.sess.Notes.GetAgency(ids.probation)
	require.ErrorIs(t, err, notes.ErrNotFound)
	require.Len(t, s.agencies, 1)
	require.Nil(t, s.form)
}
