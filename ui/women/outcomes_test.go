package women

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/uitest"
)

func TestHerDetailsFormSavesEthnicityOffenceGroupAndPreviousSentences(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	mariamBefore, err := u.Sess.Notes.GetPerson(ids.Mariam)
	require.NoError(t, err)
	s := womenOf(t, u)
	s.open(ids.Dana)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Edit details"))
	f := s.Page.form
	require.Equal(t, "Not recorded", f.ethnicity.Selected, "an unknown fact shows as Not recorded")
	require.Equal(t, "Not recorded", f.offence.Selected)
	require.False(t, f.changed(), "an untouched form has nothing to keep")

	// Something that is not a number is refused at the field; nothing saved.
	f.ethnicity.SetSelected(schema.Ethnicity.Label("mixed"))
	uitest.TypeInto(u, f.previous, "two")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Save"))
	require.Contains(t, f.form.Rows["PreviousCustodialSentences"].Message.Text, "whole number")
	p, err := u.Sess.Notes.GetPerson(ids.Dana)
	require.NoError(t, err)
	require.Equal(t, "not_recorded", p.Ethnicity, "nothing was saved")

	// Out of the store's range: the store's message, at the field.
	f.previous.SetText("500")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Save"))
	require.Contains(t, f.form.Rows["PreviousCustodialSentences"].Message.Text, "from 0 to")

	f.previous.SetText("2")
	f.offence.SetSelected(schema.OffenceGroup.Label("theft"))
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Save"))
	p, err = u.Sess.Notes.GetPerson(ids.Dana)
	require.NoError(t, err)
	require.Equal(t, "mixed", p.Ethnicity)
	require.Equal(t, "theft", p.OffenceGroup)
	require.NotNil(t, p.PreviousCustodialSentences)
	require.Equal(t, 2, *p.PreviousCustodialSentences)
	require.Len(t, p.Needs, 2, "her needs are kept")

	// Emptying the number makes it not known again.
	f.previous.SetText("")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Save"))
	p, err = u.Sess.Notes.GetPerson(ids.Dana)
	require.NoError(t, err)
	require.Nil(t, p.PreviousCustodialSentences)

	mariamAfter, err := u.Sess.Notes.GetPerson(ids.Mariam)
	require.NoError(t, err)
	require.Equal(t, mariamBefore, mariamAfter, "another woman is untouched")
}

func TestAReleaseCarriesItsDaysOfNoticeAndACourtOutcomeWhatTheCourtDecided(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Dana)
	s.Page.tabs.SelectIndex(womanTabEvents)
	e := s.Page.events
	root := u.Win.Content()
	require.Empty(t, e.extra.Objects, "no extra field before a kind is chosen")

	e.kind.SetSelected(schema.EventKind.Label("released"))
	require.Len(t, e.extra.Objects, 1)
	require.True(t, uitest.HasText(root, "Days of notice we had"))
	e.date.SetText(uitest.DayFrom(u, -2))
	uitest.TypeInto(u, e.notice, "a day")
	test.Tap(uitest.FindButton(t, root, "Add outcome"))
	require.Contains(t, e.form.Rows["NoticeDays"].Message.Text, "whole number")
	before, err := u.Sess.Notes.ListEvents(ids.Dana)
	require.NoError(t, err)
	require.Len(t, before, 1, "nothing saved")

	e.notice.SetText("1")
	test.Tap(uitest.FindButton(t, root, "Add outcome"))
	list, err := u.Sess.Notes.ListEvents(ids.Dana)
	require.NoError(t, err)
	require.Len(t, list, 2)
	var rel notes.Event
	for _, ev := range list {
		if ev.Kind == "released" {
			rel = ev
		}
	}
	require.NotNil(t, rel.NoticeDays)
	require.Equal(t, 1, *rel.NoticeDays)
	require.Equal(t, "", rel.Outcome)
	require.True(t, uitest.HasText(root, "Notice of release: 1 day"))

	// A court outcome: the notice box goes, the court's decision comes.
	e.kind.SetSelected(schema.EventKind.Label("court_outcome"))
	require.False(t, uitest.HasText(root, "Days of notice we had"))
	require.True(t, uitest.HasText(root, "What the court decided"))
	e.notice.SetText("5") // typed in a hidden box: not saved on a court outcome
	e.date.SetText(uitest.DayFrom(u, -1))
	e.outcome.SetSelected(schema.CourtOutcome.Label("community_order"))
	test.Tap(uitest.FindButton(t, root, "Add outcome"))
	list, err = u.Sess.Notes.ListEvents(ids.Dana)
	require.NoError(t, err)
	require.Len(t, list, 3)
	for _, ev := range list {
		if ev.Kind == "court_outcome" {
			require.Equal(t, "community_order", ev.Outcome)
			require.Nil(t, ev.NoticeDays)
		}
	}
	require.True(t, uitest.HasText(root, "The court decided: Community order"))
	others, err := u.Sess.Notes.ListEvents(ids.Mariam)
	require.NoError(t, err)
	require.Empty(t, others, "another woman has no new events")
}

func TestAReadingAddedOnHerPageIsSavedChartedAndRemovable(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	s := womenOf(t, u)
	s.open(ids.Dana)
	s.Page.tabs.SelectIndex(womanTabReadings)
	r := s.Page.readings
	root := u.Win.Content()
	require.True(t, uitest.HasText(root, schema.ScaleExplained+" Higher is better."), "the scale is explained beside the score")
	require.True(t, uitest.HasText(root, "No readings yet"))

	// No score chosen: the store's message at the score; nothing saved.
	test.Tap(uitest.FindButton(t, root, "Add reading"))
	require.Contains(t, r.form.Rows["Score"].Message.Text, "from 1 (the worst) to 10 (the best)")
	got, err := u.Sess.Notes.ListReadings(ids.Dana)
	require.NoError(t, err)
	require.Empty(t, got)

	r.date.SetText(uitest.DayFrom(u, -30))
	r.score.SetSelected("4")
	test.Tap(uitest.FindButton(t, root, "Add reading"))
	r.date.SetText(uitest.DayFrom(u, -1))
	r.score.SetSelected("7")
	test.Tap(uitest.FindButton(t, root, "Add reading"))
	r.area.SetSelected(schema.ReadingArea.Label("housing"))
	r.score.SetSelected("3")
	test.Tap(uitest.FindButton(t, root, "Add reading"))

	got, err = u.Sess.Notes.ListReadings(ids.Dana)
	require.NoError(t, err)
	require.Len(t, got, 3)
	require.Equal(t, notes.Reading{ID: got[0].ID, PersonID: ids.Dana, Date: uitest.DayFrom(u, -30), Area: "wellbeing", Score: 4}, got[0])
	require.True(t, uitest.HasText(root, "2 readings: first 4, latest 7 out of 10 (up 3, better; 10 is the best)."))
	require.True(t, uitest.HasText(root, "One reading so far: 3 out of 10 (10 is the best)."))
	require.True(t, uitest.HasText(root, "Housing"))
	other, err := u.Sess.Notes.ListReadings(ids.Mariam)
	require.NoError(t, err)
	require.Empty(t, other, "another woman has no readings")

	// Removing one (after asking) leaves the others. (Two readings share
	// a day; they are ordered by id, so the 7 is found by its score.)
	var seven notes.Reading
	var others []notes.Reading
	for _, rd := range got {
		if rd.Score == 7 {
			seven = rd
		} else {
			others = append(others, rd)
		}
	}
	r.remove(seven)
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Yes"))
	left, err := u.Sess.Notes.ListReadings(ids.Dana)
	require.NoError(t, err)
	require.Equal(t, others, left)
	require.True(t, uitest.HasText(root, "One reading so far: 4 out of 10 (10 is the best)."))
}
