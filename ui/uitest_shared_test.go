package ui

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
)

// dayFrom is today plus n days, as YYYY-MM-DD.
func dayFrom(u *UI, n int) string {
	return u.clock.Now().AddDate(0, 0, n).Format(schema.DateLayout)
}

// caseworkIDs are the records seedCasework makes.
type caseworkIDs struct {
	prison, court              string
	dana, mariam, jo, closed   string
	overdue, dueSoon, doneLong string
	housing, probation         string
}

// seedCasework fills the open vault through the stores with a small,
// invented caseload: three open records and a closed one, needs, actions
// (one overdue), outcome events, letters, a prison visit and two agencies.
func seedCasework(t *testing.T, u *UI) caseworkIDs {
	t.Helper()
	st := u.sess.Notes
	var ids caseworkIDs
	prison := notes.Establishment{Name: "HMP Eastwood Vale", Kind: "prison", BookingContact: "Visits hall, ext. 204"}
	require.NoError(t, st.SaveEstablishment(&prison))
	court := notes.Establishment{Name: "Bristol Magistrates' Court", Kind: "court"}
	require.NoError(t, st.SaveEstablishment(&court))
	ids.prison, ids.court = prison.ID, court.ID

	housing := notes.Agency{Name: "Southside Housing Options", Category: "housing", Area: "Bristol",
		Services: "Homelessness assessments and emergency accommodation", KeyContact: "Priya Shah, prison link worker",
		Phone: "0117 496 0000", Email: "link@southside.example.org", LastChecked: dayFrom(u, -500)}
	require.NoError(t, st.SaveAgency(&housing))
	probation := notes.Agency{Name: "Probation — Bristol North", Category: "probation", Area: "Bristol North",
		KeyContact: "Duty officer", Phone: "0117 496 0111", LastChecked: dayFrom(u, -30)}
	require.NoError(t, st.SaveAgency(&probation))
	ids.housing, ids.probation = housing.ID, probation.ID

	dana := notes.Person{Name: "Dana Whitfield", Pseudonym: "Rose", PrisonNumber: "A4821DW",
		Status: "custody_sentenced", EstablishmentID: prison.ID, Sentence: "14 months",
		ReleaseDate: dayFrom(u, 9), ReleaseDateConfirmed: false, Referral: "short_sentence",
		ReferralDate: dayFrom(u, -120), ConsentRecordedOn: dayFrom(u, -118), ConsentShareWith: "Probation and her GP",
		SafetyNote: "Do not share her release date or address with her ex-partner; he has called the service before.",
		Sensitive:  []string{"domestic_sexual_abuse", "children_removed"},
		Needs: []notes.Need{{Area: "housing", Status: "in_progress", Note: "Bid placed with Southside; waiting for an assessment date."},
			{Area: "substance_use", Status: "open", Note: "Wants a script review before release."}}}
	require.NoError(t, st.SavePerson(&dana))
	mariam := notes.Person{Name: "Mariam Okafor", Pseudonym: "Star", PrisonNumber: "B1937MO",
		Status: "custody_remand", EstablishmentID: prison.ID, ReleaseDate: dayFrom(u, 40), Referral: "new"}
	require.NoError(t, st.SavePerson(&mariam))
	jo := notes.Person{Name: "Jo Pearce", Status: "community", Referral: "existing"}
	require.NoError(t, st.SavePerson(&jo))
	closed := notes.Person{Name: "Kerry Ansell", Status: "closed", ClosedOn: dayFrom(u, -200), Referral: "existing"}
	require.NoError(t, st.SavePerson(&closed))
	ids.dana, ids.mariam, ids.jo, ids.closed = dana.ID, mariam.ID, jo.ID, closed.ID

	for _, item := range []string{"travel_meeting_point", "probation_appointment", "id"} {
		require.NoError(t, st.SetPlanItem(dana.ID, item, true, ""))
	}
	overdue := notes.Action{PersonID: dana.ID, AgencyID: housing.ID, Text: "Chase the housing assessment date", Due: dayFrom(u, -3)}
	require.NoError(t, st.SaveAction(&overdue))
	soon := notes.Action{PersonID: mariam.ID, Text: "Send a visiting order request for her sister", Due: dayFrom(u, 2)}
	require.NoError(t, st.SaveAction(&soon))
	done := notes.Action{PersonID: dana.ID, Text: "Post stamps and writing paper", Due: dayFrom(u, -40), DoneOn: dayFrom(u, -41)}
	require.NoError(t, st.SaveAction(&done))
	ids.overdue, ids.dueSoon, ids.doneLong = overdue.ID, soon.ID, done.ID

	require.NoError(t, st.SaveEvent(&notes.Event{PersonID: dana.ID, Date: dayFrom(u, -150), Kind: "sentenced", Note: "14 months at Crown Court"}))

	past := notes.Contact{Date: dayFrom(u, -14), Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: prison.ID,
		People: []notes.ContactPerson{
			{PersonID: dana.ID, Booked: true, Seen: true, Note: "Talked through the release plan; she is worried about where she will sleep on the first night.", NeedsDiscussed: []string{"housing"}},
			{PersonID: mariam.ID, Booked: true, Seen: false, NotSeenReason: "not_escorted"}}}
	require.NoError(t, st.SaveContact(&past))
	next := notes.Contact{Date: dayFrom(u, 5), Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: prison.ID,
		People: []notes.ContactPerson{{PersonID: dana.ID, Booked: true}, {PersonID: mariam.ID, Booked: true}}}
	require.NoError(t, st.SaveContact(&next))

	require.NoError(t, u.sess.Letters.SaveLetter(&newsletter.Letter{PersonID: mariam.ID, Date: dayFrom(u, -6), Direction: "in",
		Channel: "letter", Summary: "Asks about the newsletter and a pen pal", ReplyDue: dayFrom(u, 1)}))
	return ids
}

// typeInto puts the keyboard on f and types text on the canvas.
func typeInto(u *UI, f fyne.Focusable, text string) {
	u.win.Canvas().Focus(f)
	test.Type(f, text)
}

func itoaSize(s fyne.Size) string { return fmt.Sprintf("%dx%d", int(s.Width), int(s.Height)) }

// reportsWriteTo makes the save dialog choose a file of the suggested name
// in dir, for the rest of the test.
func reportsWriteTo(t *testing.T, dir string) {
	old := reportsChooseFile
	t.Cleanup(func() { reportsChooseFile = old })
	reportsChooseFile = func(_ fyne.Window, name string, got func(fyne.URIWriteCloser)) {
		w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, name)))
		require.NoError(t, err)
		got(w)
	}
}

func fileHas(path, s string) bool {
	b, err := os.ReadFile(path)
	return err == nil && strings.Contains(string(b), s)
}
