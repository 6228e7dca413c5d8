package reports

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/report"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/search"
	"inreach/ui/uitest"
)

// searchFor types q into the shell's search box, as a user does, and waits
// for its results.
func searchFor(t *testing.T, u *ui.UI, q string) *search.SearchScreen {
	t.Helper()
	u.Shell.Search.SetText("")
	test.Type(u.Shell.Search, q)
	require.Equal(t, kit.Search, u.Shell.Current, "typing in the search box shows the results")
	s := u.Shell.Screens[kit.Search].(*search.SearchScreen)
	uitest.Eventually(t, func() bool { return s.Shown == q }, "the results for "+q)
	return s
}

// searchRowFor finds the visible result row whose title contains title: the
// list item that is tapped to open it.
func searchRowFor(t *testing.T, s *search.SearchScreen, title string) fyne.Tappable {
	t.Helper()
	var found fyne.Tappable
	uitest.Walk(s.List, func(o fyne.CanvasObject) bool {
		if tp, ok := o.(fyne.Tappable); ok && o != s.List && o.Visible() {
			uitest.Walk(o, func(c fyne.CanvasObject) bool {
				if l, ok := c.(*widget.Label); ok && strings.Contains(l.Text, title) {
					found = tp
				}
				return found == nil
			})
		}
		return found == nil
	})
	require.NotNil(t, found, "no result %q on screen", title)
	return found
}

// highlighted is the text of the bold accent-coloured segments of the
// result rows on screen.
func highlighted(s *search.SearchScreen) []string {
	var out []string
	uitest.Walk(s.List, func(o fyne.CanvasObject) bool {
		if r, ok := o.(*widget.RichText); ok && o.Visible() {
			for _, seg := range r.Segments {
				if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold && ts.Style.ColorName == theme.ColorNamePrimary {
					out = append(out, ts.Text)
				}
			}
		}
		return true
	})
	return out
}

func TestTypingInTheSearchBoxShowsHighlightedResultsThatOpenTheirRecord(t *testing.T) {
	fx := newReportsFixture(t)
	u := fx.u
	u.Shell.Show(kit.Today)

	// A prefix finds whole words as they are typed; the matching words are
	// highlighted in the snippet and each result says what it is.
	s := searchFor(t, u, "hous")
	require.NotEmpty(t, s.Hits)
	kinds := map[string]bool{}
	for _, h := range s.Hits {
		kinds[h.Kind] = true
	}
	require.True(t, kinds[report.KindContactNote], "Anna's visit note mentions housing")
	marks := highlighted(s)
	require.NotEmpty(t, marks)
	for _, m := range marks {
		require.True(t, strings.HasPrefix(strings.ToLower(m), "hous"), "highlighted %q", m)
	}
	require.True(t, uitest.HasText(s.Content(), "Contact note"), "the kind is said in words")
	require.True(t, uitest.HasText(s.Content(), "8 May 2025"), "the date is shown")

	// Tapping the contact note opens the contact.
	test.Tap(searchRowFor(t, s, "Prison visit"))
	require.Equal(t, kit.Contacts, u.Shell.Current)

	// Tapping a woman opens her page.
	s = searchFor(t, u, "Bea")
	require.Equal(t, report.KindPerson, s.Hits[0].Kind)
	require.Equal(t, fx.women["Bea Jones"], s.Hits[0].Ref)
	test.Tap(searchRowFor(t, s, "Bea Jones"))
	require.Equal(t, kit.Women, u.Shell.Current)

	// Enter in the search box opens the best result.
	s = searchFor(t, u, "daughter")
	require.Equal(t, report.KindContactNote, s.Hits[0].Kind)
	u.Shell.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	require.Equal(t, kit.Contacts, u.Shell.Current)

	// Nothing found says so, with the tips; an empty box shows the tips.
	s = searchFor(t, u, "zebra")
	require.Empty(t, s.Hits)
	require.True(t, uitest.HasText(s.Content(), "Nothing found for “zebra”"))
	u.Shell.Search.SetText("")
	require.True(t, uitest.HasText(s.Content(), "Search everything"))
	require.True(t, uitest.HasText(s.Content(), "release day"), "the tips explain quoted phrases")
}

func TestAnOlderSearchNeverReplacesTheLatestResults(t *testing.T) {
	fx := newReportsFixture(t)
	fx.u.Shell.Show(kit.Search)
	s := fx.u.Shell.Screens[kit.Search].(*search.SearchScreen)
	s.OpenQuery("Anna")
	s.OpenQuery("Bea")
	uitest.Eventually(t, func() bool { return s.Shown != "" }, "a search ran")
	require.Equal(t, "Bea", s.Shown)
	for _, h := range s.Hits {
		require.NotEqual(t, fx.women["Anna Smith"], h.Ref)
	}
}

func TestEverySearchResultKindOpensASection(t *testing.T) {
	kinds := []string{report.KindPerson, report.KindContact, report.KindContactNote, report.KindDiary,
		report.KindSupervision, report.KindLetter, report.KindNewsletter, report.KindAction,
		report.KindEvent, report.KindAgency}
	want := map[string][2]any{
		report.KindPerson:      {kit.Women, "r"},
		report.KindContact:     {kit.Contacts, "r"},
		report.KindContactNote: {kit.Contacts, "r"},
		report.KindDiary:       {kit.Diary, "r"},
		report.KindSupervision: {kit.Supervision, "r"},
		report.KindLetter:      {kit.Letters, "letter:r"},
		report.KindNewsletter:  {kit.Letters, "newsletter:r"},
		report.KindAction:      {kit.Women, "p"},
		report.KindEvent:       {kit.Women, "p"},
		report.KindAgency:      {kit.Directory, "r"},
	}
	for _, k := range kinds {
		sec, id := search.SearchTarget(report.Hit{Kind: k, Ref: "r", PersonID: "p"})
		require.Equal(t, want[k], [2]any{sec, id}, k)
		word, icon := search.SearchKind(k)
		require.NotEqual(t, "Record", word, k)
		require.NotNil(t, icon, k)
	}
	sec, id := search.SearchTarget(report.Hit{Kind: report.KindAction, Ref: "r"})
	require.Equal(t, [2]any{kit.Today, ""}, [2]any{sec, id}, "an action about no one woman")
}

func TestSnippetMarkersBecomeHighlightedSegments(t *testing.T) {
	snip := "… she asked about " + report.SnippetStart + "housing" + report.SnippetEnd +
		" and\nher " + report.SnippetStart + "house" + report.SnippetEnd + " …"
	var plain, bold strings.Builder
	for _, seg := range search.SnippetSegments(snip) {
		ts := seg.(*widget.TextSegment)
		require.True(t, ts.Style.Inline, "all on one line")
		if ts.Style.TextStyle.Bold {
			bold.WriteString(ts.Text + "|")
		}
		plain.WriteString(ts.Text)
	}
	require.Equal(t, "housing|house|", bold.String())
	require.Equal(t, "… she asked about housing and her house …", plain.String())
	require.NotContains(t, plain.String(), report.SnippetStart)
}
