package contacts

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui/uitest"
)

func TestHowSheIsDoingAtAContactIsSavedAsHerReadingsThere(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	st := fx.u.Sess.Notes
	earlier := &notes.Reading{PersonID: fx.women["Anna Smith"], Date: "2025-06-01", Area: "wellbeing", Score: 3}
	require.NoError(t, st.SaveReading(earlier)) // on her page, at no contact

	fx.s.newContact()
	f := fx.s.Form
	f.where.SetSelected("HMP Peterborough")
	anna := fx.addWoman(t, "Anna")
	bea := fx.addWoman(t, "Bea")
	test.Tap(bea.seen) // not seen: no readings for her
	require.False(t, bea.howRow.Visible(), "readings are taken with her")
	bea.reason.SetSelected("Refused")
	require.True(t, uitest.HasText(anna.root, "How is she doing? (1–10)"))

	anna.wellbeing.SetSelected("7")
	anna.area.SetSelected("Housing")
	// An area without its score is said at her card; nothing is saved.
	test.Tap(f.save)
	require.NotNil(t, fx.s.Form, "not saved")
	require.Contains(t, anna.errTop.Text, "Choose her score for Housing")
	list, err := st.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Empty(t, list)

	anna.areaScore.SetSelected("4")
	test.Tap(f.save)
	require.Nil(t, fx.s.Form, "saved and closed")
	list, err = st.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Len(t, list, 1)
	id := list[0].ID
	c, err := st.GetContact(id)
	require.NoError(t, err)
	require.Equal(t, 7, *c.People[0].Wellbeing, "the contact's own wellbeing agrees")
	got, err := st.ListContactReadings(id)
	require.NoError(t, err)
	require.Len(t, got, 2, "Anna's wellbeing and housing; none for Bea, not seen")
	for _, r := range got {
		require.Equal(t, fx.women["Anna Smith"], r.PersonID)
		require.Equal(t, c.Date, r.Date)
		switch r.Area {
		case "wellbeing":
			require.Equal(t, 7, r.Score)
		case "housing":
			require.Equal(t, 4, r.Score)
		default:
			t.Fatalf("unexpected area %q", r.Area)
		}
	}

	// Opened again: the scores are shown; dropping the second score
	// removes that reading only.
	fx.s.edit(id)
	f = fx.s.Form
	anna = f.women[0]
	require.Equal(t, "7", anna.wellbeing.Selected)
	require.Equal(t, "Housing", anna.area.Selected)
	require.Equal(t, "4", anna.areaScore.Selected)
	anna.area.SetSelected(areaNone)
	anna.areaScore.SetSelected(wellbeingNone)
	anna.wellbeing.SetSelected("8")
	test.Tap(f.save)
	require.Nil(t, fx.s.Form)
	got, err = st.ListContactReadings(id)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, "wellbeing", got[0].Area)
	require.Equal(t, 8, got[0].Score)
	still, err := st.GetReading(earlier.ID)
	require.NoError(t, err)
	require.Equal(t, *earlier, *still, "her reading at no contact is untouched")
}
