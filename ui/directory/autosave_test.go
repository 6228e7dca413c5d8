package directory

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// Typing in an agency and waiting stores the change and nothing else,
// with the form left as it is; a name taken out says it is needed, stores
// nothing and keeps the typing, and the form is not left while it cannot
// be saved.
func TestAnAgencySavesItselfAsYouTypeAndSaysWhatIsMissing(t *testing.T) {
	uitest.SetFor(t, &agencyAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	a := &notes.Agency{Name: "Southside Housing Options", Category: "housing", Area: "Bristol"}
	require.NoError(t, u.Sess.Notes.SaveAgency(a))
	other := &notes.Agency{Name: "Probation — Bristol North", Category: "probation"}
	require.NoError(t, u.Sess.Notes.SaveAgency(other))
	s := directoryOf(t, u)
	s.open(a.ID)
	f := s.form
	require.Equal(t, kit.AutosaveNote, f.saved.Text())
	before := uitest.Tables(t, u)

	f.keyContact.SetText("Priya Shah, prison link worker")
	uitest.Eventually(t, func() bool {
		got, err := u.Sess.Notes.GetAgency(a.ID)
		return err == nil && got.KeyContact == "Priya Shah, prison link worker"
	}, "the key contact saves itself")
	require.Same(t, f, s.form, "the form is not rebuilt under the cursor")
	require.Equal(t, kit.SavedNote(u.Env()), f.saved.Text())
	require.Equal(t, []string{"agencies"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "only the agency changed")

	before = uitest.Tables(t, u)
	f.name.SetText("")
	f.area.SetText("Bristol and South Gloucestershire")
	want := kit.NotSavedNote("the name is needed")
	uitest.Eventually(t, func() bool { return f.saved.Text() == want }, "the note says the name is needed")
	require.Empty(t, uitest.ChangedTables(before, uitest.Tables(t, u)), "nothing is stored")
	s.showAgency(other.ID)
	require.Same(t, f, s.form, "the agency is not left while it cannot be saved")
	require.Equal(t, "Bristol and South Gloucestershire", f.area.Text, "the typing is kept")

	f.name.SetText("Southside Housing")
	uitest.Eventually(t, func() bool {
		got, err := u.Sess.Notes.GetAgency(a.ID)
		return err == nil && got.Name == "Southside Housing" && got.Area == "Bristol and South Gloucestershire"
	}, "the agency saves once it has a name")
}

// An agency that cannot be saved when the vault locks is kept as typed and
// shown again, with what is missing, when the vault is opened again.
func TestAnAgencyThatCannotBeSavedYetSurvivesTheLock(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	a := &notes.Agency{Name: "Southside Housing Options", Category: "housing", Area: "Bristol"}
	require.NoError(t, u.Sess.Notes.SaveAgency(a))
	s := directoryOf(t, u)
	s.open(a.ID)
	s.form.area.SetText("Bristol and Bath")
	s.form.name.SetText("")

	u.Lock()
	uitest.TypeInto(u, uitest.Entries(u.Win.Content())[0], "correct horse battery")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	s = directoryOf(t, u)
	require.NotNil(t, s.form, "the agency is shown again")
	require.Equal(t, a.ID, s.form.a.ID)
	require.Equal(t, "Bristol and Bath", s.form.area.Text)
	require.Equal(t, "", s.form.name.Text)
	require.Equal(t, kit.NotSavedNote("the name is needed"), s.form.saved.Text())
	got, err := u.Sess.Notes.GetAgency(a.ID)
	require.NoError(t, err)
	require.Equal(t, "Bristol", got.Area, "nothing was stored")

	s.form.name.SetText("Southside Housing")
	test.Tap(uitest.FindButton(t, s.root, "Save"))
	got, err = u.Sess.Notes.GetAgency(a.ID)
	require.NoError(t, err)
	require.Equal(t, "Bristol and Bath", got.Area)
	_, ok, err := u.Sess.Notes.LoadDraft(agencyDraftKey)
	require.NoError(t, err)
	require.False(t, ok, "the draft goes once it is saved")
}
