package sections

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

var debugCut = false

// cutHeadings lists the visible headings and bold names under root that
// are drawn cut short with "…".
func cutHeadings(root fyne.CanvasObject) []string {
	var cut []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *widget.Label:
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
		l, ok := o.(*widget.Label)
		if !ok || l.Text == "" {
			return
		}
		if l.SizeName != theme.SizeNameHeadingText && l.SizeName != theme.SizeNameSubHeadingText && !l.TextStyle.Bold {
			return
		}
		size := theme.TextSize()
		if l.SizeName != "" {
			size = theme.Size(l.SizeName)
		}
		if l.Wrapping != fyne.TextWrapOff {
			// A heading that wraps must have room for its longest word, or
			// it is broken mid-word ("Dani / elle").
			for _, word := range strings.Fields(l.Text) {
				need := fyne.MeasureText(word, size, l.TextStyle).Width + 2*theme.InnerPadding()
				if need > l.Size().Width+1 {
					cut = append(cut, fmt.Sprintf("%q broken mid-word (%.0f wide)", l.Text, l.Size().Width))
					break
				}
			}
			return
		}
		if l.Truncation == fyne.TextTruncateOff {
			return
		}
		if debugCut {
			fmt.Printf("label %q size %v trunc %v\n", l.Text, l.Size(), l.Truncation)
		}
		need := fyne.MeasureText(l.Text, size, l.TextStyle).Width + 2*theme.InnerPadding()
		if need > l.Size().Width+1 {
			cut = append(cut, fmt.Sprintf("%q (%.0f of %.0f)", l.Text, l.Size().Width, need))
		}
	}
	walk(root)
	return cut
}

// At 900×600 every screen fits the window it is given (its content's
// minimum width is at most 900, so the window does not widen itself) and
// no heading or name is cut short.
func TestEveryScreenFitsNineHundredBySixHundredWithNothingCut(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	long := notes.Person{Name: "Kerry-Anne Whitfield-Osei", Status: "custody_sentenced"}
	require.NoError(t, u.Sess.Notes.SavePerson(&long))
	past, err := u.Sess.Notes.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, past)

	check := func(what string, show func()) {
		t.Helper()
		fitsNineHundred(t, u, what, show)
		require.Empty(t, cutHeadings(u.Win.Content()), "%s: headings cut short", what)
	}
	for _, e := range App {
		if e.Hidden {
			continue
		}
		check(e.Title, func() { u.Shell.Show(e.Section) })
	}
	check("her page", func() { u.Shell.Open(kit.Record(kit.Women, long.ID)) })
	check("Dana's page", func() { u.Shell.Open(kit.Record(kit.Women, ids.Dana)) })
	check("a contact", func() { u.Shell.Open(kit.Record(kit.Contacts, past[0].ID)) })
	check("the visit form", func() { u.Shell.Open(kit.EditRecord(kit.Contacts, past[0].ID)) })
	check("a new visit with her", func() { u.Shell.Open(kit.NewRecord(kit.Contacts, long.ID)) })
	check("a new diary entry", func() { u.Shell.Open(kit.NewRecord(kit.Diary, "")) })
	check("a new agency", func() { u.Shell.Open(kit.NewRecord(kit.Directory, "")) })
	is := newsletter.Issue{Title: "Spring newsletter for the women at Eastwood Vale", Date: uitest.DayFrom(u, 0),
		Sections: []newsletter.Section{{Heading: "News from the team", Body: "Warm wishes."}}}
	require.NoError(t, u.Sess.Letters.SaveIssue(&is))
	check("a newsletter issue", func() { u.Shell.Open(kit.Record(kit.Letters, "newsletter:"+is.ID)) })
	check("a new supervision session", func() { u.Shell.Open(kit.NewRecord(kit.Supervision, "")) })
}

// fitsNineHundred shows a screen in a 900×600 window and fails if its
// content needs more width (the real window would widen itself).
func fitsNineHundred(t *testing.T, u *ui.UI, what string, show func()) {
	t.Helper()
	show()
	u.Win.Resize(fyne.NewSize(900, 600))
	uitest.Relayout(u)
	min := u.Win.Content().MinSize()
	require.LessOrEqual(t, min.Width, float32(900), "%s: the content needs %s, wider than the window", what, uitest.ItoaSize(min))
}

// The editors whose rows hold several fields or a field and a button (the
// agency's "last checked" date with "Checked today", a supervision action's
// owner and dates, her establishment with "Add new…", a letter's date and
// direction, what was sent with it, its reply due) fit 900 px with the
// demo's real records: those rows wrap instead of widening the window. (A
// long agency name is cut short in the list, as every list's rows are;
// the agency's own page gives it whole.)
func TestEditorsWithSeveralFieldsToARowFitNineHundredWide(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenDemoVault(t, u)
	agencies, err := u.Sess.Notes.ListAgencies(notes.AgencyFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, agencies)
	sessions, err := u.Sess.Diary.ListSessions("", "")
	require.NoError(t, err)
	require.NotEmpty(t, sessions)
	women, err := u.Sess.Notes.ListPeople(notes.PeopleFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, women)
	letters, err := u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, letters)
	fitsNineHundred(t, u, "a letter", func() { u.Shell.Open(kit.Record(kit.Letters, "letter:"+letters[0].ID)) })
	fitsNineHundred(t, u, "a new woman", func() { u.Shell.Open(kit.NewRecord(kit.Women, "")) })
	fitsNineHundred(t, u, "her details", func() { u.Shell.Open(kit.EditRecord(kit.Women, women[0].ID)) })
	fitsNineHundred(t, u, "an agency", func() { u.Shell.Open(kit.Record(kit.Directory, agencies[0].ID)) })
	fitsNineHundred(t, u, "a supervision session", func() { u.Shell.Open(kit.Record(kit.Supervision, sessions[0].ID)) })
	fitsNineHundred(t, u, "a new supervision session", func() { u.Shell.Open(kit.NewRecord(kit.Supervision, "")) })
}

// No part of a page has a title larger than the page's own: Fyne's card
// titles are heading-sized, so no section uses them (kit.TitledCard).
func TestNoSectionHasHeadingSizedCardTitles(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	uitest.SeedCasework(t, u)
	for _, e := range App {
		u.Shell.Show(e.Section)
		uitest.Walk(u.Win.Content(), func(o fyne.CanvasObject) bool {
			if c, ok := o.(*widget.Card); ok {
				require.Empty(t, c.Title, "%s: a card titled %q is larger than a sub-heading", e.Title, c.Title)
			}
			return true
		})
	}
}
