package sections

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// visibleWalk visits the objects drawn under o (hidden ones and what they
// hold are skipped), looking inside widgets through their renderers.
func visibleWalk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			visibleWalk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visibleWalk(c, visit)
		}
	}
}

// selectTab selects the tab called name in the window's tab bars and
// returns what the tab shows.
func selectTab(t *testing.T, u *ui.UI, name string) fyne.CanvasObject {
	t.Helper()
	var found fyne.CanvasObject
	visibleWalk(u.Win.Content(), func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok && found == nil {
			for i, it := range tabs.Items {
				if it.Text == name {
					tabs.SelectIndex(i)
					found = it.Content
				}
			}
		}
	})
	require.NotNil(t, found, "no tab %q", name)
	uitest.Relayout(u)
	return found
}

// leftmostList is the list drawn furthest left on the screen shown (not
// the navigation beside it): the list pane of a list-and-record screen.
func leftmostList(t *testing.T, u *ui.UI, what string) *widget.List {
	t.Helper()
	uitest.Relayout(u)
	d := fyne.CurrentApp().Driver()
	var best *widget.List
	visibleWalk(u.Shell.Screens[u.Shell.Current].Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok {
			if best == nil || d.AbsolutePositionForObject(l).X < d.AbsolutePositionForObject(best).X {
				best = l
			}
		}
	})
	require.NotNil(t, best, "%s: no list shown", what)
	return best
}

// Every screen with a list beside a record gives its list the same width.
func TestEveryListPaneHasTheSameWidth(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	uitest.SeedCasework(t, u)
	screens := []struct {
		what string
		show func()
	}{
		{"Women", func() { u.Shell.Show(kit.Women) }},
		{"Contacts", func() { u.Shell.Show(kit.Contacts) }},
		{"Diary", func() { u.Shell.Show(kit.Diary) }},
		{"Supervision", func() { u.Shell.Show(kit.Supervision) }},
		{"Supervisees", func() {
			u.Shell.Show(kit.Supervision)
			test.Tap(uitest.FindButton(t, u.Win.Content(), "Supervisees"))
		}},
		{"Letters", func() { u.Shell.Show(kit.Letters); _ = selectTab(t, u, "Letters") }},
		{"Newsletter", func() { u.Shell.Show(kit.Letters); _ = selectTab(t, u, "Newsletter") }},
		{"Directory", func() { u.Shell.Show(kit.Directory) }},
		{"Data protection", func() { u.Shell.Show(kit.Reports); _ = selectTab(t, u, "Data protection") }},
	}
	var want float32
	for i, s := range screens {
		s.show()
		w := leftmostList(t, u, s.what).Size().Width
		if i == 0 {
			want = w
			require.Greater(t, w, float32(100), "the list has room")
			continue
		}
		require.Equal(t, want, w, "%s: the list is %.0f wide, the Women list %.0f", s.what, w, want)
	}
}
