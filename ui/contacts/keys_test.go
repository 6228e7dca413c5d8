package contacts

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/ui/uitest"
)

// inView reports whether o is drawn wholly inside sc's visible part.
func inView(sc *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc).Y
	return y >= 0 && y+o.Size().Height <= sc.Size().Height
}

// inCard reports whether o is one of the fields of her card.
func inCard(p *visitPerson, o fyne.Focusable) bool {
	found := false
	uitest.Walk(p.root, func(x fyne.CanvasObject) bool {
		if f, ok := x.(fyne.Focusable); ok && f == o {
			found = true
		}
		return !found
	})
	return found
}

// The hint under "Add a woman" says how the women are written up by
// keyboard; doing exactly what it says works, in that order.
func TestTheVisitFormsKeyboardHintIsTheRealOrder(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith", "Bea Jones")
	fx.s.newContact()
	f := fx.s.Form
	c := fx.canvas()
	require.True(t, uitest.HasText(f.content, visitKeysHint), "the hint is shown")
	f.where.SetSelected("HMP Peterborough")

	// "Enter adds her and moves to her note."
	anna := fx.addWoman(t, "Anna") // checks the note has the keyboard
	fx.typing("Calm, asked about housing.")

	// "Tab goes on to the next woman, or back to this box to add another"
	uitest.PressTab(fx.u, false)
	require.Same(t, f.add, c.Focused(), "the last woman: Tab is back in the box")
	require.True(t, inView(f.scroll, f.add), "and the box is in view")
	require.Equal(t, "Calm, asked about housing.", anna.note.Text, "no tab typed")
	bea := fx.addWoman(t, "Bea")
	fx.typing("Not escorted down.")
	c.Focus(anna.note)
	uitest.PressTab(fx.u, false)
	require.Same(t, bea.booked, c.Focused(), "from Anna's note to Bea, the next woman")
	require.True(t, inView(f.scroll, bea.booked))

	// "Shift+Tab goes back through her ticks, needs and items."
	c.Focus(bea.note)
	reached := map[fyne.Focusable]bool{}
	for range 12 {
		uitest.PressTab(fx.u, true)
		if !inCard(bea, c.Focused()) {
			break
		}
		reached[c.Focused()] = true
	}
	for what, o := range map[string]fyne.Focusable{"Booked": bea.booked, "Seen": bea.seen, "Needs discussed": bea.needsBtn, "Item given": bea.addItem} {
		require.True(t, reached[o], "Shift+Tab reaches her %s", what)
	}
	require.True(t, inCard(anna, c.Focused()), "and then back to the woman before")

	// "Ctrl+S saves."
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	list, err := fx.u.Sess.Notes.ListContacts(notes.ContactFilter{})
	require.NoError(t, err)
	require.Len(t, list, 1, "the visit is saved")
	got, err := fx.u.Sess.Notes.GetContact(list[0].ID)
	require.NoError(t, err)
	require.Len(t, got.People, 2)
	require.Equal(t, "Calm, asked about housing.", got.People[0].Note)
	require.Equal(t, "Not escorted down.", got.People[1].Note)
}
