package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/require"

	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// Every Settings row's field starts at the same place, in every card: the
// labels share one column of one width.
func TestEverySettingsFieldStartsInTheSameColumn(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	u.Shell.Show(kit.Settings)
	s := u.Shell.Screens[kit.Settings].(*settingsScreen)
	fields := map[string]fyne.CanvasObject{"lock after": s.lock, "text size": s.scale}
	for key, e := range s.fields {
		fields[key] = e
	}
	require.Len(t, fields, 9, "every row of the three cards")
	d := fyne.CurrentApp().Driver()
	uitest.Relayout(u)
	var want float32
	first := ""
	for name, f := range fields {
		x := d.AbsolutePositionForObject(f).X
		if first == "" {
			want, first = x, name
			continue
		}
		require.InDelta(t, want, x, 0.5, "%q starts at %.0f, %q at %.0f", name, x, first, want)
	}
}
