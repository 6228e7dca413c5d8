package reports

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/report"
	"inreach/ui/uitest"
)

// erasePlan waits for the erase dialog, shown once her records are read.
func (fx *reportsFixture) erasePlan(t *testing.T) fyne.CanvasObject {
	t.Helper()
	uitest.Eventually(t, func() bool {
		top := fx.u.Win.Canvas().Overlays().Top()
		return top != nil && uitest.HasText(top, "To confirm, type her full name")
	}, "the erase dialog, after her records were read")
	return fx.overlay(t)
}

// twoNatalies adds Natalie Bennett and Natalie Brown, who were at one visit
// together; Natalie Brown's notes say "Natalie" of herself. It returns
// their ids.
func (fx *reportsFixture) twoNatalies(t *testing.T) (bennett, brown string) {
	t.Helper()
	st := fx.u.Sess.Notes
	b := notes.Person{Name: "Natalie Bennett", Pseudonym: "Kestrel", Status: "community"}
	require.NoError(t, st.SavePerson(&b))
	o := notes.Person{Name: "Natalie Brown", Pseudonym: "Wren", Status: "community",
		SafetyNote: "Natalie prefers texts to calls."}
	require.NoError(t, st.SavePerson(&o))
	visit := notes.Contact{Date: "2025-05-20", Kind: "community", People: []notes.ContactPerson{
		{PersonID: b.ID, Seen: true, Note: "Talked about her course."},
		{PersonID: o.ID, Seen: true, Note: "Met Natalie in town; Natalie said the hostel is fine."},
	}}
	require.NoError(t, st.SaveContact(&visit))
	return b.ID, o.ID
}

// recordsOfWoman is every row about one woman, as text, to compare
// byte for byte.
func recordsOfWoman(t *testing.T, fx *reportsFixture, id string) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT * FROM people WHERE id = ?1`,
		`SELECT * FROM person_needs WHERE person_id = ?1 ORDER BY area`,
		`SELECT * FROM contact_people WHERE person_id = ?1 ORDER BY contact_id`,
		`SELECT * FROM contacts WHERE id IN (SELECT contact_id FROM contact_people WHERE person_id = ?1) ORDER BY id`,
		`SELECT * FROM actions WHERE person_id = ?1 ORDER BY id`,
	} {
		rows, err := fx.u.Sess.DB.Query(q, id)
		require.NoError(t, err, q)
		cols, err := rows.Columns()
		require.NoError(t, err)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rows.Scan(ptrs...))
			fmt.Fprintf(&b, "%q\n", vals)
		}
		require.NoError(t, rows.Err())
		rows.Close()
	}
	return b.String()
}

// openEraseFor finds her on the Data protection tab and opens the erase
// dialog with its review.
func (fx *reportsFixture) openEraseFor(t *testing.T, name string) fyne.CanvasObject {
	t.Helper()
	s := fx.reports(t)
	s.tabs.Select(s.dataItem)
	test.Type(s.data.find, name)
	require.Len(t, s.data.people, 1)
	s.data.list.Select(0)
	test.Tap(uitest.FindButton(t, s.data.detail, "Erase her…"))
	return fx.erasePlan(t)
}

// reviewChoice is the "Erase this mention / Leave it" choice shown under the
// passage that begins with before.
func reviewChoice(t *testing.T, dlg fyne.CanvasObject, before string) *widget.RadioGroup {
	t.Helper()
	var passage bool
	var found *widget.RadioGroup
	uitest.Walk(dlg, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.RichText:
			passage = strings.HasPrefix(x.String(), "“"+before)
		case *widget.RadioGroup:
			if passage {
				found = x
				return false
			}
		}
		return true
	})
	require.NotNil(t, found, "no mention under review beginning %q", before)
	return found
}

// boldInPassages is the text of the bold segments of the passages shown.
func boldInPassages(dlg fyne.CanvasObject) []string {
	var out []string
	uitest.Walk(dlg, func(o fyne.CanvasObject) bool {
		if rt, ok := o.(*widget.RichText); ok && strings.HasPrefix(rt.String(), "“") {
			for _, s := range rt.Segments {
				if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
					out = append(out, ts.Text)
				}
			}
		}
		return true
	})
	return out
}

// confirmAndErase types her name, erases and waits for the report.
func (fx *reportsFixture) confirmAndErase(t *testing.T, dlg fyne.CanvasObject, name string) fyne.CanvasObject {
	t.Helper()
	es := uitest.Entries(dlg)
	require.Len(t, es, 1, "only the name is typed")
	test.Type(es[0], name)
	test.Tap(uitest.FindButton(t, dlg, "Erase her"))
	uitest.Eventually(t, func() bool {
		top := fx.u.Win.Canvas().Overlays().Top()
		return top != nil && uitest.HasText(top, "She has been erased")
	}, "the erasure report")
	return fx.overlay(t)
}

func TestErasingAWomanLeavesTheMentionsUnderReviewOfAnotherWithTheSameFirstName(t *testing.T) {
	fx := newReportsFixture(t)
	bennett, brown := fx.twoNatalies(t)
	before := recordsOfWoman(t, fx, brown)
	require.Contains(t, before, "Met Natalie in town", "the check can fail")

	dlg := fx.openEraseFor(t, "Natalie Bennett")
	require.True(t, uitest.HasText(dlg, "possible mentions to check"), "the review is shown")
	require.True(t, uitest.HasText(dlg, "written in another woman's record"), "with the reason")
	require.Contains(t, boldInPassages(dlg), "Natalie", "the name is highlighted in its passage")
	choice := reviewChoice(t, dlg, "Met ")
	require.Equal(t, "Leave it", choice.Selected, "leaving it is the default")

	rep := fx.confirmAndErase(t, dlg, "Natalie Bennett")
	require.True(t, uitest.HasText(rep, "were left as they were"))
	_, err := fx.u.Sess.Notes.GetPerson(bennett)
	require.ErrorIs(t, err, notes.ErrNotFound)
	require.Equal(t, before, recordsOfWoman(t, fx, brown), "Natalie Brown's records are byte-identical")
}

func TestErasingAChosenMentionErasesOnlyThatOne(t *testing.T) {
	fx := newReportsFixture(t)
	_, brown := fx.twoNatalies(t)
	before := recordsOfWoman(t, fx, brown)

	dlg := fx.openEraseFor(t, "Natalie Bennett")
	reviewChoice(t, dlg, "Met ").SetSelected("Erase this mention")
	rep := fx.confirmAndErase(t, dlg, "Natalie Bennett")
	require.True(t, uitest.HasText(rep, "1 possible mention under review was erased, as chosen."))

	want := strings.Replace(before, "Met Natalie in town; Natalie said",
		"Met "+report.ErasedMark+" in town; Natalie said", 1)
	require.NotEqual(t, before, want)
	require.Equal(t, want, recordsOfWoman(t, fx, brown), "only the chosen mention changed")
}
