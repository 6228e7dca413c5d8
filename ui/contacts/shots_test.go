package contacts

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui/uitest"
)

// TestContactsScreenshots writes PNGs of the Contacts list and a five-woman
// write-up at the two window sizes the app must suit, for a person to look
// at. It runs only when INREACH_SHOTS names a folder.
func TestContactsScreenshots(t *testing.T) {
	dir := os.Getenv("INREACH_SHOTS")
	if dir == "" {
		t.Skip("set INREACH_SHOTS=/some/folder to write screenshots")
	}
	names := []string{"Anna Smith", "Bea Jones", "Cara Brown", "Dee Okafor", "Eve Kowalska"}
	fx := newContactsFixture(t, names...)
	st := fx.u.Sess.Notes
	for i := 0; i < 40; i++ {
		c := &notes.Contact{Date: fmt.Sprintf("2025-%02d-%02d", 1+i%6, 1+i%27), Start: "13:30", End: "15:30", Kind: "prison_visit", EstablishmentID: fx.prison.ID}
		if i%4 == 1 {
			c.Kind, c.EstablishmentID, c.Place, c.Start, c.End = "release_day", "", "Peterborough station", "08:00", ""
		}
		if i%4 == 3 {
			c.Kind, c.EstablishmentID, c.Start, c.End = "phone", "", "", ""
		}
		for j, n := range names[:1+i%5] {
			p := notes.ContactPerson{PersonID: fx.women[n], Booked: true, Seen: j != 2, Note: "Talked about her plans for release and how she is finding the course."}
			if !p.Seen {
				p.NotSeenReason = "not_escorted"
			}
			c.People = append(c.People, p)
		}
		require.NoError(t, st.SaveContact(c))
	}
	fx.s.Reload()
	for i, r := range fx.s.rows {
		if r.Kind == "prison_visit" && r.People == 5 {
			fx.s.list.Select(i)
			break
		}
	}

	shoot := func(name string, w, h float32) {
		// Lay out twice, as the real window does over its first frames, so
		// that wrapped text has found its height.
		fx.u.Win.Resize(fyne.NewSize(w-1, h))
		fx.u.Win.Resize(fyne.NewSize(w, h))
		img := fx.u.Win.Canvas().Capture()
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%.0fx%.0f.png", name, w, h)))
		require.NoError(t, err)
		require.NoError(t, png.Encode(f, img))
		require.NoError(t, f.Close())
	}
	sizes := [][2]float32{{1180, 760}, {1024, 700}}
	for _, sz := range sizes {
		shoot("contacts-list", sz[0], sz[1])
	}

	fx.s.newContact()
	f := fx.s.Form
	f.where.SetSelected("HMP Peterborough")
	fx.retype(f.start, "13:30")
	fx.retype(f.end, "15:30")
	test.Tap(f.room)
	fx.retype(f.late, "20")
	for i, n := range names {
		p := fx.addWoman(t, n)
		fx.typing("She talked about her children and the course she has started. Wants help with housing before release.")
		switch i {
		case 1:
			test.Tap(p.seen)
			p.reason.SetSelected("Not escorted")
		case 2:
			test.Tap(p.addItem)
			p.items[0].item.SetSelected("Stamps")
			fx.retype(p.items[0].qty, "6")
			p.wellbeing.SetSelected("6")
			p.needs = []string{"housing", "children_family"}
			p.showNeeds()
		}
	}
	fx.canvas().Focus(f.add)
	fx.typing("an")
	for _, sz := range sizes {
		f.scroll.ScrollToTop()
		shoot("contact-form-top", sz[0], sz[1])
		f.scroll.ScrollToBottom()
		shoot("contact-form-bottom", sz[0], sz[1])
	}
	test.Tap(f.women[2].needsBtn)
	shoot("contact-needs", 1024, 700)
	test.Tap(uitest.FindButton(t, fx.overlay(t), "Done"))
	f.retypeDateForShot(fx)
	test.Tap(f.save)
	for _, sz := range sizes {
		f.scroll.ScrollToTop()
		shoot("contact-form-errors", sz[0], sz[1])
	}
}

func (f *contactForm) retypeDateForShot(fx *contactsFixture) {
	fx.retype(f.date, "2025-02-30")
	fx.retype(f.end, "12:00")
}
