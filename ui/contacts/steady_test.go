package contacts

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/ui/uitest"
)

// Picking "Where" must not move the rows below it: the next control (the
// visits-room tick) stays under the pointer whether or not a free-text
// place is needed.
func TestPickingWhereLeavesTheNextControlWhereItWas(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	test.Tap(uitest.FindButton(t, fx.u.Win.Content(), "New contact"))
	f := fx.s.Form
	f.where.SetSelected(somewhereElse)
	require.False(t, f.place.Disabled(), "somewhere else: the place can be typed")
	before := uitest.ScreenPos(fx.u, f.room)
	addBefore := uitest.ScreenPos(fx.u, f.add)

	f.where.SetSelected("HMP Peterborough")
	require.True(t, f.place.Disabled(), "a listed prison needs no typed place")
	require.Equal(t, before, uitest.ScreenPos(fx.u, f.room), "the visits-room tick did not move")
	require.Equal(t, addBefore, uitest.ScreenPos(fx.u, f.add), "nor did the box to add a woman")

	f.where.SetSelected(somewhereElse)
	require.Equal(t, before, uitest.ScreenPos(fx.u, f.room), "and back again, still in place")
	require.False(t, f.place.Disabled())
}
