package uitest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/schema"
	"inreach/ui"
	"inreach/ui/kit"
)

// dayFrom is today plus n days, as YYYY-MM-DD.
func DayFrom(u *ui.UI, n int) string {
	return u.Clock.Now().AddDate(0, 0, n).Format(schema.DateLayout)
}

// caseworkIDs are the records seedCasework makes.
type caseworkIDs struct {
	prison, court              string
	Dana, Mariam, Jo, Closed   string
	Overdue, dueSoon, doneLong string
	Housing, Probation         string
}

// seedCasework fills the open vault through the stores with a small,
// invented caseload: three open records and a closed one, needs, actions
// (one overdue), outcome events, letters, a prison visit and two agencies.
func SeedCasework(t *testing.T, u *ui.UI) caseworkIDs {
	t.Helper()
	st := u.Sess.Notes
	var ids caseworkIDs
	prison := notes.Establishment{Name: "HMP Eastwood Vale", Kind: "prison", BookingContact: "Visits hall, ext. 204"}
	require.NoError(t, st.SaveEstablishment(&prison))
	court := notes.Establishment{Name: "Bristol Magistrates' Court", Kind: "court"}
	require.NoError(t, st.SaveEstablishment(&court))
	ids.prison, ids.court = prison.ID, court.ID

	housing := notes.Agency{Name: "Southside Housing Options", Category: "housing", Area: "Bristol",
		Services: "Homelessness assessments and emergency accommodation", KeyContact: "Priya Shah, prison link worker",
		Phone: "0117 496 0000", Email: "link@southside.example.org", LastChecked: DayFrom(u, -500)}
	require.NoError(t, st.SaveAgency(&housing))
	probation := notes.Agency{Name: "Probation — Bristol North", Category: "probation", Area: "Bristol North",
		KeyContact: "Duty officer", Phone: "0117 496 0111", LastChecked: DayFrom(u, -30)}
	require.NoError(t, st.SaveAgency(&probation))
	ids.Housing, ids.Probation = housing.ID, probation.ID

	dana := notes.Person{Name: "Dana Whitfield", Pseudonym: "Rose", PrisonNumber: "A4821DW",
		Status: "custody_sentenced", EstablishmentID: prison.ID, Sentence: "14 months",
		ReleaseDate: DayFrom(u, 9), ReleaseDateConfirmed: false, Referral: "short_sentence",
		ReferralDate: DayFrom(u, -120), ConsentRecordedOn: DayFrom(u, -118), ConsentShareWith: "Probation and her GP",
		SafetyNote: "Do not share her release date or address with her ex-partner; he has called the service before.",
		Sensitive:  []string{"domestic_sexual_abuse", "children_removed"},
		Needs: []notes.Need{{Area: "housing", Status: "in_progress", Note: "Bid placed with Southside; waiting for an assessment date."},
			{Area: "substance_use", Status: "open", Note: "Wants a script review before release."}}}
	require.NoError(t, st.SavePerson(&dana))
	mariam := notes.Person{Name: "Mariam Okafor", Pseudonym: "Star", PrisonNumber: "B1937MO",
		Status: "custody_remand", EstablishmentID: prison.ID, ReleaseDate: DayFrom(u, 40), Referral: "new"}
	require.NoError(t, st.SavePerson(&mariam))
	jo := notes.Person{Name: "Jo Pearce", Status: "community", Referral: "existing"}
	require.NoError(t, st.SavePerson(&jo))
	closed := notes.Person{Name: "Kerry Ansell", Status: "closed", ClosedOn: DayFrom(u, -200), Referral: "existing"}
	require.NoError(t, st.SavePerson(&closed))
	ids.Dana, ids.Mariam, ids.Jo, ids.Closed = dana.ID, mariam.ID, jo.ID, closed.ID

	for _, item := range []string{"travel_meeting_point", "probation_appointment", "id"} {
		require.NoError(t, st.SetPlanItem(dana.ID, item, true, ""))
	}
	overdue := notes.Action{PersonID: dana.ID, AgencyID: housing.ID, Text: "Chase the housing assessment date", Due: DayFrom(u, -3)}
	require.NoError(t, st.SaveAction(&overdue))
	soon := notes.Action{PersonID: mariam.ID, Text: "Send a visiting order request for her sister", Due: DayFrom(u, 2)}
	require.NoError(t, st.SaveAction(&soon))
	done := notes.Action{PersonID: dana.ID, Text: "Post stamps and writing paper", Due: DayFrom(u, -40), DoneOn: DayFrom(u, -41)}
	require.NoError(t, st.SaveAction(&done))
	ids.Overdue, ids.dueSoon, ids.doneLong = overdue.ID, soon.ID, done.ID

	require.NoError(t, st.SaveEvent(&notes.Event{PersonID: dana.ID, Date: DayFrom(u, -150), Kind: "sentenced", Note: "14 months at Crown Court"}))

	past := notes.Contact{Date: DayFrom(u, -14), Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: prison.ID,
		People: []notes.ContactPerson{
			{PersonID: dana.ID, Booked: true, Seen: true, Note: "Talked through the release plan; she is worried about where she will sleep on the first night.", NeedsDiscussed: []string{"housing"}},
			{PersonID: mariam.ID, Booked: true, Seen: false, NotSeenReason: "not_escorted"}}}
	require.NoError(t, st.SaveContact(&past))
	next := notes.Contact{Date: DayFrom(u, 5), Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: prison.ID,
		People: []notes.ContactPerson{{PersonID: dana.ID, Booked: true}, {PersonID: mariam.ID, Booked: true}}}
	require.NoError(t, st.SaveContact(&next))

	require.NoError(t, u.Sess.Letters.SaveLetter(&newsletter.Letter{PersonID: mariam.ID, Date: DayFrom(u, -6), Direction: "in",
		Channel: "letter", Summary: "Asks about the newsletter and a pen pal", ReplyDue: DayFrom(u, 1)}))
	return ids
}

// typeInto puts the keyboard on f and types text on the canvas.
func TypeInto(u *ui.UI, f fyne.Focusable, text string) {
	u.Win.Canvas().Focus(f)
	test.Type(f, text)
}

func ItoaSize(s fyne.Size) string { return fmt.Sprintf("%dx%d", int(s.Width), int(s.Height)) }

// reportsWriteTo makes the save dialog choose a file of the suggested name
// in dir, for the rest of the test.
func ReportsWriteTo(t *testing.T, dir string) {
	old := kit.ReportsChooseFile
	t.Cleanup(func() { kit.ReportsChooseFile = old })
	kit.ReportsChooseFile = func(_ fyne.Window, name string, got func(fyne.URIWriteCloser)) {
		w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, name)))
		require.NoError(t, err)
		got(w)
	}
}

func FileHas(path, s string) bool {
	b, err := os.ReadFile(path)
	return err == nil && strings.Contains(string(b), s)
}

// PressTab presses Tab (Shift+Tab when back is true) as Fyne's desktop
// driver does: a focused field that accepts Tab gets it as a key (and
// types a tab); otherwise the focus moves to the next (previous) field.
func PressTab(u *ui.UI, back bool) {
	c := u.Win.Canvas()
	if tab, ok := c.Focused().(fyne.Tabbable); ok && tab.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}
