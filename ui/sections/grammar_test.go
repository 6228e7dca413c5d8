package sections

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// shownButton is a button drawn on screen, where it is drawn, and whether
// it sits inside a scrolling part of the screen.
type shownButton struct {
	b        *widget.Button
	pos      fyne.Position
	size     fyne.Size
	inScroll bool
}

// shownButtons lists the visible buttons under root with their positions.
func shownButtons(root fyne.CanvasObject) []shownButton {
	var out []shownButton
	d := fyne.CurrentApp().Driver()
	var walk func(o fyne.CanvasObject, inScroll bool)
	walk = func(o fyne.CanvasObject, inScroll bool) {
		if o == nil || !o.Visible() {
			return
		}
		if b, ok := o.(*widget.Button); ok {
			out = append(out, shownButton{b: b, pos: d.AbsolutePositionForObject(b), size: b.Size(), inScroll: inScroll})
			return
		}
		if _, ok := o.(*container.Scroll); ok {
			inScroll = true
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, inScroll)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, inScroll)
			}
		}
	}
	walk(root, false)
	return out
}

// editorFooter is what one editor's footer looks like on screen.
type editorFooter struct {
	primary     shownButton
	fromRight   float32 // the primary's right edge to the window's
	fromBottom  float32 // the primary's bottom edge to the window's
	row         []shownButton
	hasDelete   bool
	closeBefore string // the button just left of the primary
	note        string // the text drawn on the primary's row, left of it
}

// readFooter finds the editor's primary action (exactly one visible button
// with the editors' primary words) and the buttons on its row, and checks
// the order: Delete left of everything, the primary rightmost, outside
// any scroll, Cancel or Close just left of it when the editor has one.
func readFooter(t *testing.T, u *ui.UI, what string) editorFooter {
	t.Helper()
	uitest.Relayout(u)
	all := shownButtons(u.Win.Content())
	var primaries []shownButton
	for _, s := range all {
		if s.b.Text == kit.PrimaryLabel || s.b.Text == "Save contact" {
			primaries = append(primaries, s)
		}
	}
	require.Len(t, primaries, 1, "%s: one primary action (%q) is shown", what, kit.PrimaryLabel)
	p := primaries[0]
	require.False(t, p.inScroll, "%s: the primary action scrolls away with the form", what)
	require.Equal(t, widget.HighImportance, p.b.Importance, "%s: the primary action stands out", what)
	win := u.Win.Canvas().Size()
	f := editorFooter{primary: p, fromRight: win.Width - (p.pos.X + p.size.Width), fromBottom: win.Height - (p.pos.Y + p.size.Height)}
	mid := p.pos.Y + p.size.Height/2
	for _, s := range all {
		if s.pos.Y <= mid && mid <= s.pos.Y+s.size.Height && !s.inScroll {
			f.row = append(f.row, s)
		}
	}
	var words []string
	for _, s := range f.row {
		words = append(words, fmt.Sprintf("%s@%.0f", s.b.Text, s.pos.X))
	}
	for _, s := range f.row {
		if s.b == p.b {
			continue
		}
		require.Less(t, s.pos.X+s.size.Width, p.pos.X+1, "%s: %q is right of the primary action (%v)", what, s.b.Text, words)
		if strings.HasPrefix(s.b.Text, "Delete") {
			f.hasDelete = true
			require.Equal(t, widget.DangerImportance, s.b.Importance, "%s: Delete looks dangerous", what)
			for _, o := range f.row {
				if o.b != s.b {
					require.Less(t, s.pos.X, o.pos.X, "%s: %q is left of Delete (%v)", what, o.b.Text, words)
				}
			}
		}
	}
	// The note: text drawn on the primary's row, left of it, outside any
	// scroll and any entry or button.
	d := fyne.CurrentApp().Driver()
	var notes func(o fyne.CanvasObject)
	notes = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *container.Scroll, *widget.Entry, *widget.Button, *widget.Select:
			return
		case *widget.RichText:
			at := d.AbsolutePositionForObject(x)
			if at.Y <= mid && mid <= at.Y+x.Size().Height && at.X < p.pos.X {
				f.note += x.String()
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				notes(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				notes(c)
			}
		}
	}
	notes(u.Win.Content())
	var nearest *shownButton
	for i, s := range f.row {
		if s.b != p.b && (nearest == nil || s.pos.X > nearest.pos.X) {
			nearest = &f.row[i]
		}
	}
	for _, s := range f.row {
		if s.b.Text == "Cancel" || s.b.Text == "Close" {
			require.NotNil(t, nearest)
			require.Same(t, s.b, nearest.b, "%s: %q is not just left of the primary action (%v)", what, s.b.Text, words)
			f.closeBefore = s.b.Text
		}
	}
	return f
}

// Every editor has one footer in one order: Delete… at the far left,
// Cancel or Close just left of the primary action, and the primary action
// rightmost, outside the scroll, at the same place and of the same size;
// every editor that saves itself opens with the same kit note beside it.
func TestEveryEditorHasTheSameFooterInTheSameOrder(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	past, err := u.Sess.Notes.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, past)
	letters, err := u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, letters)
	entry := &diary.Entry{Date: uitest.DayFrom(u, -2), Template: "visit_reflection", Status: "draft",
		Sections: []diary.SectionText{{Key: "visit_detail", Body: "A visit"}}}
	require.NoError(t, u.Sess.Diary.Save(entry))
	session := &diary.Session{Date: uitest.DayFrom(u, -1), Supervisor: "Jo"}
	require.NoError(t, u.Sess.Diary.SaveSession(session))
	is := newsletter.Issue{Title: "Spring", Date: uitest.DayFrom(u, 0),
		Sections: []newsletter.Section{{Heading: "News", Body: "Warm wishes."}}}
	require.NoError(t, u.Sess.Letters.SaveIssue(&is))

	// A supervisee's pack, to write her session on.
	receivePack(t, u)

	detailsTab := func() {
		uitest.Walk(u.Win.Content(), func(o fyne.CanvasObject) bool {
			if tabs, ok := o.(*container.AppTabs); ok {
				for i, it := range tabs.Items {
					if it.Text == "Details" {
						tabs.SelectIndex(i)
						return false
					}
				}
			}
			return true
		})
	}
	editors := []struct {
		what       string
		open       func()
		withDelete bool
		closeWord  string
		note       string // the note as the editor opens
	}{
		{"a contact write-up", func() { u.Shell.Open(kit.EditRecord(kit.Contacts, past[0].ID)) }, false, "Cancel", ""},
		{"a new contact", func() { u.Shell.Open(kit.NewRecord(kit.Contacts, ids.Dana)) }, false, "Cancel", ""},
		{"a new woman", func() { u.Shell.Open(kit.NewRecord(kit.Women, "")) }, false, "Cancel", ""},
		{"her details", func() { u.Shell.Open(kit.Record(kit.Women, ids.Dana)); detailsTab() }, false, "", kit.AutosaveNote},
		{"a diary entry", func() { u.Shell.Open(kit.Record(kit.Diary, entry.ID)) }, true, "", kit.AutosaveNote},
		{"a supervision session", func() { u.Shell.Open(kit.Record(kit.Supervision, session.ID)) }, true, "", kit.AutosaveNote},
		{"a supervisee's session", func() {
			u.Shell.Show(kit.Supervision)
			test.Tap(uitest.FindButton(t, u.Win.Content(), "Supervisees"))
			test.Tap(uitest.FindButton(t, u.Win.Content(), "Ann Lee — sent"))
		}, false, "", kit.AutosaveNote},
		{"a letter", func() { u.Shell.Open(kit.Record(kit.Letters, "letter:"+letters[0].ID)) }, true, "Close", kit.AutosaveNote},
		{"a newsletter issue", func() { u.Shell.Open(kit.Record(kit.Letters, "newsletter:"+is.ID)) }, true, "", kit.AutosaveNote},
		{"an agency", func() { u.Shell.Open(kit.Record(kit.Directory, ids.Housing)) }, true, "", kit.AutosaveNote},
		{"a new agency", func() {
			u.Shell.Show(kit.Directory)
			test.Tap(uitest.FindButton(t, u.Win.Content(), "Add an agency"))
		}, false, "Cancel", kit.AutosaveNote},
		{"Settings", func() { u.Shell.Show(kit.Settings) }, false, "", kit.AutosaveNote},
	}
	var first editorFooter
	for i, e := range editors {
		u.Shell.Show(kit.Today)
		e.open()
		f := readFooter(t, u, e.what)
		require.Equal(t, e.withDelete, f.hasDelete, "%s: Delete…", e.what)
		require.Equal(t, e.closeWord, f.closeBefore, "%s: Cancel or Close", e.what)
		require.Equal(t, e.note, f.note, "%s: the note beside the primary action, worded by kit", e.what)
		if i == 0 {
			first = f
			continue
		}
		require.Equal(t, first.primary.size, f.primary.size, "%s: the primary action's size", e.what)
		require.InDelta(t, first.fromRight, f.fromRight, 1, "%s: the primary action's distance from the window's right edge", e.what)
		require.InDelta(t, first.fromBottom, f.fromBottom, 1, "%s: the primary action's distance from the window's foot", e.what)
	}
}
