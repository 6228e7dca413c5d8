package reports

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/report"
	"inreach/schema"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/search"
	"inreach/ui/uitest"
)

// reportsTestNow is the fixed "today" of these tests: in the funding year
// 1 April 2025 to 31 March 2026.
var reportsTestNow = time.Date(2025, 6, 15, 10, 0, 0, 0, time.UTC)

// reportsFixture is an open vault with a small caseload made through the
// stores, on a fixed clock.
type reportsFixture struct {
	u     *ui.UI
	women map[string]string // name → id
}

func newReportsFixture(t *testing.T) *reportsFixture {
	t.Helper()
	u := newTestUI(t)
	u.Fake().Set(reportsTestNow)
	uitest.OpenTestVault(t, u)
	today := reportsTestNow.Format(schema.DateLayout)
	u.Sess.Notes.TodayFunc = func() string { return today }
	fx := &reportsFixture{u: u, women: map[string]string{}}
	st := u.Sess.Notes

	prison := notes.Establishment{Name: "HMP Foston Hall", Kind: "prison"}
	require.NoError(t, st.SaveEstablishment(&prison))
	add := func(p notes.Person) {
		require.NoError(t, st.SavePerson(&p))
		fx.women[p.Name] = p.ID
	}
	add(notes.Person{Name: "Anna Smith", Pseudonym: "Rose", Status: "custody_sentenced", EstablishmentID: prison.ID,
		ReferralDate: "2025-04-10", Needs: []notes.Need{{Area: "housing"}, {Area: "mental_health", Status: "in_progress"}}})
	add(notes.Person{Name: "Bea Jones", Pseudonym: "Lily", Status: "custody_remand", EstablishmentID: prison.ID,
		Needs: []notes.Need{{Area: "housing"}, {Area: "substance_use", Status: "met"}}})
	add(notes.Person{Name: "Cara Brown", Status: "community"})

	visit := notes.Contact{Date: "2025-05-08", Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: prison.ID,
		People: []notes.ContactPerson{
			{PersonID: fx.women["Anna Smith"], Booked: true, Seen: true, Note: "Talked about housing on release and her daughter.",
				Items: []notes.ItemQty{{Item: "stamps", Quantity: 6}}},
			{PersonID: fx.women["Bea Jones"], Booked: true, Seen: true, Note: "Wants help with benefits."},
			{PersonID: fx.women["Cara Brown"], Booked: true, Seen: false, NotSeenReason: "not_escorted"},
		}}
	require.NoError(t, st.SaveContact(&visit))
	phone := notes.Contact{Date: "2025-06-02", Kind: "phone",
		People: []notes.ContactPerson{{PersonID: fx.women["Cara Brown"], Seen: true, Note: "Rang about her appointment."}}}
	require.NoError(t, st.SaveContact(&phone))
	require.NoError(t, st.SaveEvent(&notes.Event{PersonID: fx.women["Anna Smith"], Date: "2025-06-05", Kind: "released"}))
	return fx
}

// reports shows the Reports section and waits for the figures.
func (fx *reportsFixture) reports(t *testing.T) *reportsScreen {
	t.Helper()
	fx.u.Shell.Show(kit.Reports)
	s := fx.u.Shell.Screens[kit.Reports].(*reportsScreen)
	uitest.Eventually(t, func() bool { return s.mon.figs != nil }, "the figures are counted")
	return s
}

// overlay is the top dialog.
func (fx *reportsFixture) overlay(t *testing.T) fyne.CanvasObject {
	t.Helper()
	o := fx.u.Win.Canvas().Overlays().Top()
	require.NotNil(t, o, "a dialog is open")
	return o
}

// findReportsRow finds the figure row whose label is exactly label.
func findReportsRow(t *testing.T, root fyne.CanvasObject, label string) *kit.TapRow {
	t.Helper()
	var found *kit.TapRow
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*kit.TapRow); ok {
			uitest.Walk(r.Body, func(c fyne.CanvasObject) bool {
				if l, ok := c.(*widget.Label); ok && l.Text == label {
					found = r
				}
				return found == nil
			})
		}
		return found == nil
	})
	require.NotNil(t, found, "no figure row %q", label)
	return found
}

func TestReportsShowTheMonitoringFiguresAndTheWomenBehindThem(t *testing.T) {
	fx := newReportsFixture(t)
	s := fx.reports(t)
	m := s.mon
	require.Equal(t, "2025-04-01", m.shownFrom, "the funding year is shown first")
	require.Equal(t, "2026-03-31", m.shownTo)

	want, err := report.Monitoring(context.Background(), fx.u.Sess.DB, "2025-04-01", "2026-03-31")
	require.NoError(t, err)
	require.Equal(t, 3, want.WomenSupported)
	require.Equal(t, 2, want.WomenVisitedInPrison)
	for _, f := range report.FigureList {
		v, _ := want.Value(f.Key)
		require.Equal(t, strconv.Itoa(v), m.values[f.Key].Text, f.Label)
	}
	require.Equal(t, "3", m.values["women_supported"].Text)
	require.Equal(t, "2", m.values["women_visited_in_prison"].Text)
	require.Equal(t, "6", m.itemRows["stamps"].Text)
	require.True(t, uitest.HasText(s.Content(), "Women seen in prison"), "figures have plain labels")
	require.Len(t, m.needs.Bars, 2, "needs open or in progress among women supported: housing, mental health")
	require.Equal(t, kit.ReportsBar{Label: "Housing", Value: 2, Key: "needs_by_area.housing"}, m.needs.Bars[0])

	// The breakdown of a figure lists the women by pseudonym or initials.
	test.Tap(findReportsRow(t, s.Content(), "Women supported"))
	dlg := fx.overlay(t)
	require.True(t, uitest.HasText(dlg, "Rose"))
	require.True(t, uitest.HasText(dlg, "Lily"))
	require.True(t, uitest.HasText(dlg, "C. B."), "a woman with no pseudonym is shown by her initials")
	require.False(t, uitest.HasText(dlg, "Anna Smith"), "no woman is named")
	require.True(t, uitest.HasText(dlg, "3 in all"))
	fx.u.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	require.Nil(t, fx.u.Win.Canvas().Overlays().Top(), "Escape closes the breakdown")

	// A custom period, typed by hand, is counted once both dates are right.
	c := fx.u.Win.Canvas()
	c.Focus(m.from)
	m.from.SetText("2025-06-01")
	c.Focus(m.to)
	m.to.SetText("2025-06-31")
	c.Unfocus()
	require.True(t, m.dateMsg.Visible(), "a day that does not exist is refused at the field")
	require.Contains(t, m.dateMsg.Text, "does not exist")
	uitest.Eventually(t, func() bool { return m.shownFrom == "2025-06-01" }, "leaving From counted from the new start")
	require.Equal(t, "2026-03-31", m.shownTo, "nothing is counted for a wrong end")
	c.Focus(m.to)
	m.to.SetText("2025-06-20")
	c.Unfocus()
	require.False(t, m.dateMsg.Visible())
	uitest.Eventually(t, func() bool { return m.shownTo == "2025-06-20" }, "the custom period is counted")
	require.Equal(t, periodCustom, m.period.Selected)
	require.Equal(t, "1", m.values["women_supported"].Text, "only Cara had a contact in June")
	require.Equal(t, "1", m.values["releases"].Text)
}

func TestMonitoringExportsWriteTheFiguresToTheChosenFile(t *testing.T) {
	fx := newReportsFixture(t)
	s := fx.reports(t)
	dir := t.TempDir()
	uitest.ReportsWriteTo(t, dir)

	s.mon.exportCSV()
	path := filepath.Join(dir, "monitoring-2025-04-01-to-2026-03-31.csv")
	uitest.Eventually(t, func() bool { return uitest.FileHas(path, "Women supported,3") }, "the CSV is written")

	s.Print() // Ctrl+P on this screen: the monitoring PDF
	path = filepath.Join(dir, "monitoring-2025-04-01-to-2026-03-31.pdf")
	uitest.Eventually(t, func() bool { return uitest.FileHas(path, "%PDF") }, "the PDF is written")
	uitest.Eventually(t, func() bool {
		top := fx.u.Win.Canvas().Overlays().Top()
		return top != nil && uitest.HasText(top, path)
	}, "the confirmation names the full path")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, strings.HasSuffix(strings.TrimSpace(string(b)), "%%EOF"), "the PDF is whole")
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "readable by its owner only")
}

// eraseThroughDialog opens the erase dialog for the woman shown on the
// Data protection tab and types name.
func (fx *reportsFixture) eraseThroughDialog(t *testing.T, s *reportsScreen, name string) fyne.CanvasObject {
	t.Helper()
	test.Tap(uitest.FindButton(t, s.data.detail, "Erase her…"))
	dlg := fx.erasePlan(t)
	es := uitest.Entries(dlg)
	require.Len(t, es, 1)
	test.Type(es[0], name)
	return dlg
}

func TestErasingAWomanNeedsHerNameTypedExactly(t *testing.T) {
	fx := newReportsFixture(t)
	s := fx.reports(t)
	id := fx.women["Anna Smith"]
	s.tabs.Select(s.dataItem)
	test.Type(s.data.find, "Anna")
	require.Len(t, s.data.people, 1)
	s.data.list.Select(0)
	require.True(t, uitest.HasText(s.data.detail, "“Rose”"), "her data-protection page")
	uitest.FindButton(t, s.data.detail, "Subject access PDF")

	dlg := fx.eraseThroughDialog(t, s, "anna smith")
	btn := uitest.FindButton(t, dlg, "Erase her")
	require.True(t, btn.Disabled(), "the wrong name cannot confirm")
	test.Tap(btn)
	es := uitest.Entries(dlg)
	es[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	require.True(t, uitest.HasText(dlg, "not her name as recorded"), "Enter with the wrong name says so")
	_, err := fx.u.Sess.Notes.GetPerson(id)
	require.NoError(t, err, "she is still there")
	test.Tap(uitest.FindButton(t, dlg, "Cancel"))
	require.Nil(t, fx.u.Win.Canvas().Overlays().Top())

	dlg = fx.eraseThroughDialog(t, s, "Anna Smith")
	test.Tap(uitest.FindButton(t, dlg, "Erase her"))
	uitest.Eventually(t, func() bool {
		top := fx.u.Win.Canvas().Overlays().Top()
		return top != nil && uitest.HasText(top, "She has been erased")
	}, "the erasure report")
	summary := fx.overlay(t)
	require.True(t, uitest.HasText(summary, "Her record was removed."))
	require.True(t, uitest.HasText(summary, "Her part of 1 contact removed."))
	require.True(t, uitest.HasText(summary, "newest 10 saves"), "says backups age out")

	_, err = fx.u.Sess.Notes.GetPerson(id)
	require.True(t, errors.Is(err, notes.ErrNotFound), "she is gone from the store: %v", err)
	require.Nil(t, s.data.person, "her page is closed")
	require.Empty(t, s.data.people, "the list no longer has her")

	test.Type(fx.u.Shell.Search, "Anna Smith")
	sc := fx.u.Shell.Screens[kit.Search].(*search.SearchScreen)
	uitest.Eventually(t, func() bool { return sc.Shown == "Anna Smith" }, "the search ran")
	require.Empty(t, sc.Hits, "search finds nothing of her")
	require.True(t, uitest.HasText(sc.Content(), "Nothing found"))
	_, err = fx.u.Sess.Notes.GetPerson(fx.women["Bea Jones"])
	require.NoError(t, err, "the other women stay")
}

func TestRetentionReviewListsOldClosedRecordsAndKeepStoresTheReason(t *testing.T) {
	fx := newReportsFixture(t)
	st := fx.u.Sess.Notes
	old := notes.Person{Name: "Dora Long", Status: "closed", ClosedOn: "2018-05-01"}
	require.NoError(t, st.SavePerson(&old))
	recent := notes.Person{Name: "Erin Short", Status: "closed", ClosedOn: "2023-05-01"}
	require.NoError(t, st.SavePerson(&recent))

	s := fx.reports(t)
	s.tabs.Select(s.retentionItem)
	r := s.retention
	require.Len(t, r.items, 1, "only the record closed over 6 years ago")
	require.True(t, uitest.HasText(r.Content(), "Dora Long"))
	require.False(t, uitest.HasText(r.Content(), "Erin Short"))
	require.True(t, uitest.HasText(r.Content(), "Needs a decision"))

	test.Tap(uitest.FindButton(t, r.list, "Keep…"))
	dlg := fx.overlay(t)
	test.Tap(uitest.FindButton(t, dlg, "Keep her record"))
	require.True(t, uitest.HasText(dlg, "Reason:"), "a reason must be said")
	var reason *kit.LeaveEntry
	uitest.Walk(dlg, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*kit.LeaveEntry); ok {
			reason = e
		}
		return reason == nil
	})
	require.NotNil(t, reason, "the reason's field")
	test.Type(reason, "Safeguarding review still open")
	test.Tap(uitest.FindButton(t, dlg, "Keep her record"))
	require.Nil(t, fx.u.Win.Canvas().Overlays().Top())

	p, err := st.GetPerson(old.ID)
	require.NoError(t, err)
	require.Equal(t, "Safeguarding review still open", p.RetentionNote)
	require.True(t, uitest.HasText(r.Content(), "Kept: Safeguarding review still open"))
	require.False(t, uitest.HasText(r.Content(), "Needs a decision"))
}
