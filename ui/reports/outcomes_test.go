package reports

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/report"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// addOutcomes gives the fixture's women outcome facts: Anna (released on
// 5 June, seen in prison on 8 May) rates her wellbeing 4 then 7; Bea 6
// then 6; Cara is accompanied at court and given a community order.
func (fx *reportsFixture) addOutcomes(t *testing.T) {
	t.Helper()
	st := fx.u.Sess.Notes
	for _, r := range []notes.Reading{
		{PersonID: fx.women["Anna Smith"], Date: "2025-05-08", Area: "wellbeing", Score: 4},
		{PersonID: fx.women["Anna Smith"], Date: "2025-06-10", Area: "wellbeing", Score: 7},
		{PersonID: fx.women["Bea Jones"], Date: "2025-05-08", Area: "wellbeing", Score: 6},
		{PersonID: fx.women["Bea Jones"], Date: "2025-06-01", Area: "wellbeing", Score: 6},
	} {
		require.NoError(t, st.SaveReading(&r))
	}
	court := notes.Contact{Date: "2025-06-03", Kind: "court",
		People: []notes.ContactPerson{{PersonID: fx.women["Cara Brown"], Seen: true, Note: "Went with her to court."}}}
	require.NoError(t, st.SaveContact(&court))
	require.NoError(t, st.SaveEvent(&notes.Event{PersonID: fx.women["Cara Brown"], Date: "2025-06-03", Kind: "court_outcome", Outcome: "community_order"}))
}

// rowValue is the value shown on the outcome row labelled label.
func rowValue(t *testing.T, root fyne.CanvasObject, label string) string {
	t.Helper()
	r := findReportsRow(t, root, label)
	var labels []string
	uitest.Walk(r.Body, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			labels = append(labels, l.Text)
		}
		return true
	})
	require.Len(t, labels, 2, "a label and a value")
	if labels[0] == label {
		return labels[1]
	}
	return labels[0]
}

func TestReportsShowTheOutcomeFiguresAsTheReportCountsThemAndOpenTheirRecords(t *testing.T) {
	fx := newReportsFixture(t)
	fx.addOutcomes(t)
	s := fx.reports(t)
	root := s.Content()

	// As worked out by hand: Anna and Bea were seen in prison; Anna was
	// released (1 of 2); Cara was accompanied at court and kept out.
	require.Equal(t, "1 of 2 (50%)", rowValue(t, root, "of them, released in the period"))
	require.Equal(t, "1", rowValue(t, root, "Women whose court outcome kept them out of prison"))
	require.Equal(t, "1", rowValue(t, root, "Court accompaniments"))
	// Every line shown says what the report says.
	f, err := report.Monitoring(context.Background(), fx.u.Sess.DB, "2025-04-01", "2026-03-31")
	require.NoError(t, err)
	for _, l := range f.PrintedOutcomeLines() {
		if l.Group == report.GroupDistance || l.Label == "Unknown" || l.Label == "Not recorded" || l.Label == "Other" {
			continue // the table below; labels used under several headings
		}
		require.Equal(t, l.Words(), rowValue(t, root, l.Label), l.Key)
	}

	test.Tap(findReportsRow(t, root, "of them, released in the period"))
	dlg := fx.overlay(t)
	require.True(t, uitest.HasText(dlg, "Rose"), "Anna, by her pseudonym")
	require.False(t, uitest.HasText(dlg, "Lily"), "Bea was not released")
	require.False(t, uitest.HasText(dlg, "Anna Smith"))
	test.Tap(uitest.FindButton(t, dlg, "Close"))

	// Distance travelled: wellbeing, two women with two readings; Anna
	// improved (+3), Bea the same (0): average +1.50.
	require.True(t, uitest.HasText(s.mon.outcomes.distance, "+1.50"))
	var cells []*kit.TapRow
	uitest.Walk(s.mon.outcomes.distance, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*kit.TapRow); ok {
			cells = append(cells, r)
		}
		return true
	})
	require.Len(t, cells, 4, "wellbeing only: women, improved, same, worse")
	var shown []string
	for _, c := range cells {
		shown = append(shown, c.Body.(*widget.Label).Text)
	}
	require.Equal(t, []string{"2", "1", "1", "0"}, shown)
	test.Tap(cells[1])
	dlg = fx.overlay(t)
	require.True(t, uitest.HasText(dlg, "Rose"), "Anna improved")
	require.False(t, uitest.HasText(dlg, "Lily"), "Bea stayed the same")
	test.Tap(uitest.FindButton(t, dlg, "Close"))
}

func TestTheEvaluationTabSetsTheYearsSideBySideAndSavesThem(t *testing.T) {
	fx := newReportsFixture(t)
	fx.addOutcomes(t)
	s := fx.reports(t)
	fx.u.Shell.Open(kit.PartOf(kit.Reports, "", kit.PartEvaluation))
	require.Equal(t, s.evalItem, s.tabs.Selected())
	e := s.eval
	e.start.SetText("2024-04-01")
	e.years.SetSelected("2")
	fx.u.Idle()
	require.NotNil(t, e.eval)
	require.Equal(t, []string{"Figure", "2024–25", "2025–26"}, e.cells[0])
	row := func(label string) []string {
		for _, r := range e.cells {
			if r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %q", label)
		return nil
	}
	require.Equal(t, []string{"Women supported", "0", "3"}, row("Women supported"))
	require.Equal(t, []string{"of them, released in the period", "0 of 0", "1 of 2 (50%)"}, row("of them, released in the period"))

	dir := t.TempDir()
	uitest.ReportsWriteTo(t, dir)
	test.Tap(uitest.FindButton(t, s.Content(), "Export CSV…"))
	fx.u.Idle()
	b, err := os.ReadFile(filepath.Join(dir, "evaluation-2024-04-01-2-years.csv"))
	require.NoError(t, err)
	require.Contains(t, string(b), "release_journey.released,release_journey.in_prison,0,1\n")
	s.Print() // Ctrl+P on this tab: the evaluation PDF
	fx.u.Idle()
	require.True(t, uitest.FileHas(filepath.Join(dir, "evaluation-2024-04-01-2-years.pdf"), "%PDF"))

	// A bad start date is said and the table kept.
	e.start.SetText("2024-13-01")
	e.reload()
	require.True(t, e.msg.Visible())
	require.Equal(t, "2024-04-01", e.eval.Start)
}

func TestAnonymisedExportForEvaluatorsNamesNoWomanAndWarnsAboutText(t *testing.T) {
	fx := newReportsFixture(t)
	s := fx.reports(t)
	fx.u.Shell.Open(kit.PartOf(kit.Reports, "", kit.PartImport))
	require.Equal(t, s.inOutItem, s.tabs.Selected())
	dir := t.TempDir()
	uitest.ReportsWriteTo(t, dir)

	test.Tap(uitest.FindButton(t, s.Content(), "Export anonymised data (JSON)…"))
	fx.u.Idle()
	b, err := os.ReadFile(filepath.Join(dir, "anonymised-2025-06-15.json"))
	require.NoError(t, err)
	doc := string(b)
	require.Contains(t, doc, "W0001")
	for _, secret := range []string{"Anna", "Smith", "Bea", "Jones", "Cara", "Brown", "Rose", "Lily", "housing on release"} {
		require.NotContains(t, doc, secret)
	}

	require.False(t, s.anon.warning.Visible())
	s.anon.withText.SetChecked(true)
	require.True(t, s.anon.warning.Visible(), "the warning comes with the text")
	test.Tap(uitest.FindButton(t, s.Content(), "Export as CSV tables…"))
	fx.u.Idle()
	women, err := os.ReadFile(filepath.Join(dir, "anonymised-2025-06-15-women.csv"))
	require.NoError(t, err)
	contacts, err := os.ReadFile(filepath.Join(dir, "anonymised-2025-06-15-contacts.csv"))
	require.NoError(t, err)
	require.Contains(t, string(contacts), "Talked about housing on release", "with text, the notes are there")
	for _, secret := range []string{"Anna", "Smith", "Bea", "Jones", "Cara", "Brown", "Rose", "Lily"} {
		require.NotContains(t, string(women), secret)
		require.NotContains(t, string(contacts), secret)
	}
	require.True(t, uitest.HasText(fx.overlay(t), "read the file before it is shared"))
	require.True(t, uitest.HasText(fx.overlay(t), "Saved in "+dir+": anonymised-2025-06-15-women.csv, "), "the confirmation names the folder")
}

// withCSV makes the file chooser hand over data as name, for the rest of
// the test.
func withCSV(t *testing.T, name, data string) {
	old := chooseCSV
	t.Cleanup(func() { chooseCSV = old })
	chooseCSV = func(_ fyne.Window, got func(string, []byte, error)) { got(name, []byte(data), nil) }
}

func TestImportingASpreadsheetWritesNothingUntilImportThenEveryRow(t *testing.T) {
	fx := newReportsFixture(t)
	s := fx.reports(t)
	st := fx.u.Sess.Notes
	before, err := st.ListPeople(notes.PeopleFilter{IncludeClosed: true})
	require.NoError(t, err)
	withCSV(t, "caseload.csv", "Name,DOB,Prison no,Ethnic group\n"+
		"Dee Harper,06/12/1990,A1111AA,White\n"+
		"Eve Lake,31/02/1985,B2222BB,Asian or Asian British\n")
	fx.u.Shell.Open(kit.PartOf(kit.Reports, "", kit.PartImport))
	c := s.csvIn
	test.Tap(uitest.FindButton(t, s.Content(), "Choose a CSV file…"))
	fx.u.Idle()
	require.NotNil(t, c.preview)
	require.False(t, c.preview.OK())
	root := s.Content()
	require.True(t, uitest.HasText(root, "Dee Harper"), "the first rows are shown")
	var problem string
	uitest.Walk(c.issues, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Row 3, column “DOB”") {
			problem = l.Text
		}
		return problem == ""
	})
	require.NotEmpty(t, problem, "the bad date is said by row and column")
	require.False(t, c.importB.Visible(), "no import while there are problems")
	after, err := st.ListPeople(notes.PeopleFilter{IncludeClosed: true})
	require.NoError(t, err)
	require.Equal(t, before, after, "nothing written")

	// Leave the date of birth out: the file is prepared again, no problem.
	var dob *widget.Select
	uitest.Walk(c.columns, func(o fyne.CanvasObject) bool {
		if sel, ok := o.(*widget.Select); ok && sel.Selected == "Date of birth" {
			dob = sel
		}
		return dob == nil
	})
	require.NotNil(t, dob, "DOB was guessed as the date of birth")
	dob.SetSelected(fieldLeftOut)
	fx.u.Idle()
	require.True(t, c.preview.OK(), "%v", c.preview.Problems)
	require.True(t, c.importB.Visible())
	require.Equal(t, "Import 2 rows", c.importB.Text)
	after, err = st.ListPeople(notes.PeopleFilter{IncludeClosed: true})
	require.NoError(t, err)
	require.Equal(t, before, after, "still nothing written")

	test.Tap(c.importB)
	test.Tap(uitest.FindButton(t, fx.overlay(t), "Yes"))
	fx.u.Idle()
	after, err = st.ListPeople(notes.PeopleFilter{IncludeClosed: true})
	require.NoError(t, err)
	require.Len(t, after, len(before)+2)
	var dee *notes.Person
	for _, p := range after {
		if p.Name == "Dee Harper" {
			dee, err = st.GetPerson(p.ID)
			require.NoError(t, err)
		}
	}
	require.NotNil(t, dee)
	require.Equal(t, "A1111AA", dee.PrisonNumber)
	require.Equal(t, "white", dee.Ethnicity)
	require.Equal(t, "", dee.DateOfBirth, "the column left out is not read")
	anna, err := st.GetPerson(fx.women["Anna Smith"])
	require.NoError(t, err)
	require.Equal(t, "Anna Smith", anna.Name, "the women already there are untouched")
	require.True(t, uitest.HasText(fx.overlay(t), "Added 2 women."))
}
