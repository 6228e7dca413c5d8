package sections

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/identity"
	"inreach/newsletter"
	"inreach/notes"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/supervision"
	"inreach/ui/uitest"
)

// everyScreen opens every screen, every editor (a new and an existing
// record of each) and the dialogs that hold fields, and hands look what is
// on screen each time: the window's content and any dialog over it.
func everyScreen(t *testing.T, look func(what string, roots []fyne.CanvasObject)) {
	t.Helper()
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	ids := uitest.SeedCasework(t, u)
	c := u.Win.Canvas()
	shown := func(what string) {
		t.Helper()
		uitest.Relayout(u)
		look(what, append([]fyne.CanvasObject{u.Win.Content()}, c.Overlays().List()...))
	}
	closeDialogs := func() {
		for c.Overlays().Top() != nil {
			c.Overlays().Top().Hide()
			c.Overlays().Remove(c.Overlays().Top())
		}
	}
	route := func(what string, r kit.Route) {
		t.Helper()
		u.Shell.Open(r)
		shown(what)
		closeDialogs()
	}
	tap := func(what string, section kit.Section, button string) {
		t.Helper()
		u.Shell.Show(section)
		test.Tap(uitest.FindButton(t, u.Win.Content(), button))
		shown(what)
		closeDialogs()
	}

	// What the editors open: a diary entry, a supervision session, a
	// newsletter issue ready to send, a record past its retention, and a
	// supervisee's pack received.
	st := u.Sess.Notes
	entry := diary.Entry{Date: uitest.DayFrom(u, -3), Template: "visit_reflection",
		Sections: []diary.SectionText{{Key: "visit_detail", Body: "A long visits hall wait."}}}
	require.NoError(t, u.Sess.Diary.Save(&entry))
	session := diary.Session{Date: uitest.DayFrom(u, -2), Supervisor: "Sam Cole", Notes: "Pacing."}
	require.NoError(t, u.Sess.Diary.SaveSession(&session))
	is := newsletter.Issue{Title: "Summer", Date: uitest.DayFrom(u, 0),
		Checklist: []string{"plain_paper", "no_staples_glitter", "no_prisoner_contacts", "return_address"},
		Sections:  []newsletter.Section{{Heading: "Hello", Body: "News from the team."}}}
	require.NoError(t, u.Sess.Letters.SaveIssue(&is))
	require.NoError(t, st.SetSetting(newsletter.SettingOrgAddress, "PO Box 1, Bristol"))
	require.NoError(t, u.Sess.Letters.SetStatus(is.ID, "ready"))
	old := notes.Person{Name: "Lena Marsh", Status: "closed", ClosedOn: uitest.DayFrom(u, -9*365), Referral: "existing"}
	require.NoError(t, st.SavePerson(&old))
	letters, err := u.Sess.Letters.ListLetters(newsletter.LetterFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, letters)
	contactsList, err := st.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.NotEmpty(t, contactsList)
	receivePack(t, u)

	for _, e := range App {
		if !e.Hidden {
			u.Shell.Show(e.Section)
			shown(e.Title)
		}
	}
	route("her page", kit.Record(kit.Women, ids.Dana))
	route("her record, editing", kit.EditRecord(kit.Women, ids.Dana))
	route("a new woman", kit.NewRecord(kit.Women, ""))
	route("a contact", kit.Record(kit.Contacts, contactsList[0].ID))
	route("the visit form", kit.EditRecord(kit.Contacts, contactsList[0].ID))
	route("a new contact with her", kit.NewRecord(kit.Contacts, ids.Dana))
	route("a new diary entry", kit.NewRecord(kit.Diary, ""))
	route("a diary entry", kit.Record(kit.Diary, entry.ID))
	tap("a new supervision session", kit.Supervision, "New session")
	route("a supervision session", kit.Record(kit.Supervision, session.ID))
	route("a supervisee's pack", kit.Record(kit.Supervision, supervision.SuperviseesRoute))
	route("a letter", kit.Record(kit.Letters, "letter:"+letters[0].ID))
	tap("a new letter", kit.Letters, "Log a letter")
	route("a newsletter issue", kit.Record(kit.Letters, "newsletter:"+is.ID))
	tap("the mark-sent question", kit.Letters, "Mark sent")
	tap("a new newsletter issue", kit.Letters, "New issue")
	route("an agency", kit.EditRecord(kit.Directory, ids.Housing))
	route("a new agency", kit.NewRecord(kit.Directory, ""))
	tap("the supervision pack dialog", kit.Supervision, "Supervision pack PDF")
	tap("the send-for-supervision dialog", kit.Supervision, "Send for supervision")
	u.Shell.Show(kit.Reports)
	uitest.Walk(u.Win.Content(), func(o fyne.CanvasObject) bool {
		if tabs, ok := o.(*container.AppTabs); ok {
			for _, it := range tabs.Items {
				if it.Text == "Retention review" {
					tabs.Select(it)
				}
			}
		}
		return true
	})
	uitest.Eventually(t, func() bool { return findButton(u.Win.Content(), "Keep…") != nil }, "her record is due for review")
	tap("the retention question", kit.Reports, "Keep…")
}

// findButton is the visible button whose text is label, or nil.
func findButton(root fyne.CanvasObject, label string) *widget.Button {
	var found *widget.Button
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() {
			found = b
		}
		return found == nil
	})
	return found
}

// receivePack has a supervisee send her entries to the app's user, who
// receives them.
func receivePack(t *testing.T, u *ui.UI) {
	t.Helper()
	folder := t.TempDir()
	db := u.Sess.DB
	require.NoError(t, teamwork.SetFolder(db, folder))
	require.NoError(t, u.Sess.Notes.SetSetting("practitioner_name", "Sam Cole"))
	ann := uitest.NewColleague(t, "Ann Lee", folder)
	ann.Knows(t, "Sam Cole", uitest.MyID(t, db), "supervisor")
	_, err := team.Add(db, "Ann Lee", ann.Me.Public().String(), "supervisee", true)
	require.NoError(t, err)
	packPath := ann.SendsForSupervision(t, "Sam Cole")
	me, err := identity.Load(db)
	require.NoError(t, err)
	_, err = teamwork.ReceiveFile(context.Background(), db, me, packPath)
	require.NoError(t, err)
}

// entryOf is the Fyne entry o is or embeds (kit's entries, a screen's own),
// or nil.
func entryOf(o fyne.CanvasObject) *widget.Entry {
	if e, ok := o.(*widget.Entry); ok {
		return e
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Entry")
	if !f.IsValid() || f.Type() != reflect.TypeOf(widget.Entry{}) || !f.CanAddr() {
		return nil
	}
	return f.Addr().Interface().(*widget.Entry)
}

// Every multi-line field of every screen, editor and dialog lets Tab move
// to the next field: none takes the Tab key as text.
func TestNoMultiLineFieldAnywhereTakesTheTabKey(t *testing.T) {
	multi := 0
	where := map[string]bool{}
	everyScreen(t, func(what string, roots []fyne.CanvasObject) {
		for _, root := range roots {
			uitest.Walk(root, func(o fyne.CanvasObject) bool {
				e := entryOf(o)
				if e == nil || !e.MultiLine {
					return true
				}
				multi++
				where[what] = true
				tab, ok := o.(fyne.Tabbable)
				require.True(t, ok, "%s: a multi-line field", what)
				require.False(t, tab.AcceptsTab(), "%s: the multi-line field %q takes Tab as text", what, e.PlaceHolder)
				return true
			})
		}
	})
	// Services and Notes of an agency, her safety note, the visit notes,
	// a diary entry's sections, the supervision notes and comments, a
	// letter's summary, a newsletter's sections, Settings' return address,
	// the retention reason: many fields on many screens.
	require.Greater(t, multi, 25, "multi-line fields were found")
	for _, w := range []string{"a new agency", "a new woman", "the visit form", "a new diary entry", "a new supervision session",
		"a supervisee's pack", "a new letter", "a newsletter issue", "Settings", "the retention question"} {
		require.True(t, where[w], "a multi-line field was found on %s", w)
	}
}

// Every date field of every screen, editor and dialog is a kit.DateField
// (typed, or picked from the calendar beside it): no entry asks for
// YYYY-MM-DD without one.
func TestEveryDateFieldHasTheCalendarBesideIt(t *testing.T) {
	dates := 0
	where := map[string]bool{}
	everyScreen(t, func(what string, roots []fyne.CanvasObject) {
		for _, root := range roots {
			uitest.Walk(root, func(o fyne.CanvasObject) bool {
				e := entryOf(o)
				if e == nil || !strings.Contains(e.PlaceHolder, "YYYY-MM-DD") {
					return true
				}
				le, ok := o.(*kit.LeaveEntry)
				require.True(t, ok && le.IsDate(), "%s: the date entry %q has no calendar beside it", what, e.PlaceHolder)
				dates++
				where[what] = true
				return true
			})
		}
	})
	require.Greater(t, dates, 30, "date fields were found")
	for _, w := range []string{"Contacts", "Reports", "a new woman", "the visit form", "a new diary entry", "a supervision session",
		"a supervisee's pack", "a new letter", "a newsletter issue", "the mark-sent question", "an agency",
		"the supervision pack dialog", "the send-for-supervision dialog"} {
		require.True(t, where[w], "a date field was found on %s", w)
	}
}

// Every field inside a scrolling part of a screen, editor or dialog is one
// of kit's, which scroll themselves into view as they get the keyboard: a
// plain Fyne entry, select box or tick there could be tabbed to out of
// sight.
func TestEveryFieldThatCanScrollOutOfSightRevealsItself(t *testing.T) {
	var plain []string
	fields := 0
	everyScreen(t, func(what string, roots []fyne.CanvasObject) {
		seen := map[fyne.CanvasObject]bool{}
		for _, root := range roots {
			var scrolls []*container.Scroll
			uitest.Walk(root, func(o fyne.CanvasObject) bool {
				if sc, ok := o.(*container.Scroll); ok && sc.Direction != container.ScrollHorizontalOnly && sc.Direction != container.ScrollNone {
					scrolls = append(scrolls, sc)
				}
				return true
			})
			for _, sc := range scrolls {
				uitest.Walk(sc.Content, func(x fyne.CanvasObject) bool {
					if seen[x] {
						return true
					}
					seen[x] = true
					switch f := x.(type) {
					case *widget.Entry:
						plain = append(plain, fmt.Sprintf("%s: entry %q", what, f.PlaceHolder))
					case *widget.Select:
						plain = append(plain, fmt.Sprintf("%s: select %q", what, f.PlaceHolder))
					case *widget.Check:
						plain = append(plain, fmt.Sprintf("%s: tick %q", what, f.Text))
					case *widget.SelectEntry:
						plain = append(plain, fmt.Sprintf("%s: entry %q", what, f.PlaceHolder))
					case *kit.LeaveEntry, *kit.GrowingEntry, *kit.Select, *kit.Check, *kit.SelectEntry:
						fields++
					}
					return true
				})
			}
		}
	})
	require.Empty(t, plain, "fields that do not scroll into view:\n%s", strings.Join(plain, "\n"))
	require.Greater(t, fields, 50)
}
