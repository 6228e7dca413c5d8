package sections

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/stretchr/testify/require"

	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// renderedTexts lists the text drawn under root.
func renderedTexts(root fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	visibleWalk(root, func(o fyne.CanvasObject) {
		if ct, ok := o.(*canvas.Text); ok && strings.TrimSpace(ct.Text) != "" {
			out = append(out, ct)
		}
	})
	return out
}

// On every reports screen the page title is drawn larger than any other
// text on it, sub-headings included.
func TestEveryReportsScreenHasATitleLargerThanItsSubheadings(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	uitest.SeedCasework(t, u)
	screens := []struct {
		what, title string
		show        func() fyne.CanvasObject
		recordSide  bool // only what is drawn beside the list, right of it, counts
	}{
		{"Monitoring figures", "Monitoring figures", func() fyne.CanvasObject { return selectTab(t, u, "Monitoring figures") }, false},
		{"Evaluation", "The evaluation's table", func() fyne.CanvasObject { return selectTab(t, u, "Evaluation") }, false},
		{"Data protection", "Data protection", func() fyne.CanvasObject { return selectTab(t, u, "Data protection") }, false},
		{"Retention review", "Retention review", func() fyne.CanvasObject { return selectTab(t, u, "Retention review") }, false},
		{"her person data", "Dana Whitfield", func() fyne.CanvasObject {
			c := selectTab(t, u, "Data protection")
			leftmostList(t, u, "Data protection").Select(0)
			return c
		}, true},
	}
	u.Shell.Show(kit.Reports)
	d := fyne.CurrentApp().Driver()
	for _, s := range screens {
		shown := s.show()
		uitest.Relayout(u)
		texts := renderedTexts(shown)
		var title *canvas.Text
		subheadings := 0
		for _, ct := range texts {
			if strings.HasPrefix(s.title, strings.TrimSpace(ct.Text)) && len(strings.TrimSpace(ct.Text)) > 3 &&
				(title == nil || ct.TextSize > title.TextSize) {
				title = ct
			}
		}
		require.NotNil(t, title, "%s: no title %q drawn", s.what, s.title)
		for _, ct := range texts {
			if ct == title || strings.HasPrefix(s.title, strings.TrimSpace(ct.Text)) && ct.TextSize == title.TextSize {
				continue // the title itself, or its wrapped lines
			}
			if s.recordSide && d.AbsolutePositionForObject(ct).X < d.AbsolutePositionForObject(title).X {
				continue // the list beside her record, with its own heading
			}
			if ct.TextStyle.Bold {
				subheadings++
			}
			require.Less(t, ct.TextSize, title.TextSize, "%s: %q is drawn as large as the title %q", s.what, ct.Text, s.title)
		}
		require.Positive(t, subheadings, "%s: no sub-heading drawn", s.what)
	}
}
