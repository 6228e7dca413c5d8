package search

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/report"
	"inreach/schema"
	"inreach/ui/kit"
)

// The search screen shows what the shell's search box finds across the
// whole vault, as the user types: ranked results, each with its kind in
// words and an icon, its title and date, and a few words of the matching
// text with the matching words highlighted. Tapping a result opens the
// record in its section.

// searchDelay is how long typing must pause before the search runs, so that
// a quick typist is not slowed by searches for every letter.
var searchDelay = 150 * time.Millisecond

// searchPage is how many results are shown at first and added by "Show
// more".
const searchPage = 50

type SearchScreen struct {
	u kit.Env

	query string       // what the box holds
	Shown string       // the query whose results are shown
	Hits  []report.Hit // the results shown
	more  bool         // whether there are more results than shown
	gen   int          // counts searches; only the latest is shown
	timer *kit.Timer

	title   *widget.Label
	status  *widget.Label
	List    *widget.List
	moreBtn *widget.Button
	stack   *fyne.Container
	results fyne.CanvasObject
	header  fyne.CanvasObject // the title and status, hidden with the tips
	body    fyne.CanvasObject
}

// New builds the Search screen for the open session.
func New(u kit.Env) *SearchScreen {
	s := &SearchScreen{u: u}
	s.title = widget.NewLabelWithStyle("Search", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.Truncation = fyne.TextTruncateEllipsis
	s.status = kit.Muted("")
	s.List = widget.NewList(
		func() int { return len(s.Hits) },
		newSearchRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { updateSearchRow(s.Hits[i], o) })
	s.List.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(s.Hits) {
			h := s.Hits[i]
			s.List.UnselectAll()
			s.openHit(h)
		}
	}
	s.moreBtn = widget.NewButtonWithIcon("Show more results", theme.MoreVerticalIcon(), s.showMore)
	s.moreBtn.Hide()
	s.results = container.NewBorder(nil, container.NewCenter(s.moreBtn), nil, nil, s.List)
	s.stack = container.NewStack()
	s.header = container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), nil, s.title), s.status))
	s.body = container.NewBorder(s.header, nil, nil, nil, s.stack)
	s.showTips()
	return s
}

func (s *SearchScreen) Content() fyne.CanvasObject { return s.body }

// open searches for q (the shell calls it on every keystroke in the search
// box). The search waits for a pause in typing and runs off the UI
// goroutine; results for an older query are dropped. The same text again
// (Enter in the search box) opens the best result.
// Open shows the record (or the query) the route names.
func (s *SearchScreen) Open(r kit.Route) { s.OpenQuery(r.ID) }

func (s *SearchScreen) OpenQuery(q string) {
	if q == s.query && q == s.Shown && len(s.Hits) > 0 {
		s.openHit(s.Hits[0])
		return
	}
	s.query = q
	s.gen++
	if s.timer != nil {
		s.timer.Stop()
	}
	if strings.TrimSpace(q) == "" || report.MatchQuery(q) == "" {
		s.Shown, s.Hits, s.more = "", nil, false
		s.showTips()
		return
	}
	s.header.Show()
	s.status.SetText("Searching…")
	s.search(q, 0)
}

// refresh searches again when the section is shown again: records may
// have changed (or been erased) meanwhile.
func (s *SearchScreen) Reload() {
	if strings.TrimSpace(s.query) != "" && report.MatchQuery(s.query) != "" {
		s.gen++
		if s.timer != nil {
			s.timer.Stop()
		}
		s.search(s.query, 0)
	}
}

// search asks for a page of results from offset, after the typing pause.
func (s *SearchScreen) search(q string, offset int) {
	if s.u.Locked() {
		return
	}
	gen, db, ctx := s.gen, s.u.DB(), s.u.Context()
	delay := searchDelay
	if offset > 0 {
		delay = 0
	}
	run := func() {
		var hits []report.Hit
		var err error
		s.u.Go(func() { hits, err = report.Search(ctx, db, q, searchPage+1, offset) }, func() {
			if gen != s.gen || s.u.Locked() {
				return
			}
			if err != nil {
				s.status.SetText("The search could not be run. " + kit.Sentence(err))
				return
			}
			more := len(hits) > searchPage
			if more {
				hits = hits[:searchPage]
			}
			// The list can scroll only once it has been on screen.
			listShown := len(s.stack.Objects) == 1 && s.stack.Objects[0] == s.results
			if offset == 0 {
				s.Hits = hits
			} else {
				s.Hits = append(s.Hits, hits...)
			}
			s.more = more
			s.showResults(q)
			if offset == 0 && listShown {
				s.List.ScrollToTop()
			}
			s.Shown = q // last: tests wait for it
		})
	}
	if delay == 0 {
		run()
		return
	}
	s.timer = s.u.After(delay, run)
}

// showMore adds the next page of results.
func (s *SearchScreen) showMore() {
	s.gen++
	s.status.SetText("Searching…")
	s.search(s.Shown, len(s.Hits))
}

func (s *SearchScreen) showResults(query string) {
	q := strings.TrimSpace(query)
	s.header.Show()
	s.title.SetText("Results for “" + q + "”")
	if len(s.Hits) == 0 {
		s.status.SetText("")
		s.setBody(kit.EmptyState("Nothing found for “"+q+"”", searchTips))
		return
	}
	n := kit.CountWords(len(s.Hits), "result", "results")
	if s.more {
		n = "The first " + n
	}
	s.status.SetText(n + ", best first. Select one to open it.")
	if s.more {
		s.moreBtn.Show()
	} else {
		s.moreBtn.Hide()
	}
	s.List.Refresh()
	s.setBody(s.results)
}

func (s *SearchScreen) showTips() {
	s.header.Hide()
	s.status.SetText("")
	s.moreBtn.Hide()
	s.setBody(kit.EmptyState("Search everything",
		"Type in the search box at the top to find women, contacts, diary entries, supervision notes, "+
			"letters, newsletters, actions and agencies.\n\n"+searchTips))
}

// searchTips says how the search box reads what is typed.
const searchTips = "Words are found as you type: hous finds housing.\n" +
	"Every word must be there, in any order: housing Smith.\n" +
	"Put words in quotes to find them together: \"release day\".\n" +
	"Capital letters and accents do not matter."

func (s *SearchScreen) setBody(o fyne.CanvasObject) {
	if len(s.stack.Objects) == 1 && s.stack.Objects[0] == o {
		return
	}
	s.stack.Objects = []fyne.CanvasObject{o}
	s.stack.Refresh()
}

// openHit shows the record in its section.
func (s *SearchScreen) openHit(h report.Hit) {
	section, id := SearchTarget(h)
	switch {
	case section == "":
	case id == "":
		s.u.Open(kit.To(section))
	default:
		s.u.Open(kit.Record(section, id))
	}
}

// searchTarget is the section and the id its opener takes for a hit.
func SearchTarget(h report.Hit) (section kit.Section, id string) {
	switch h.Kind {
	case report.KindPerson:
		return kit.Women, h.Ref
	case report.KindContact, report.KindContactNote:
		return kit.Contacts, h.Ref
	case report.KindDiary:
		return kit.Diary, h.Ref
	case report.KindSupervision:
		return kit.Supervision, h.Ref
	case report.KindLetter:
		return kit.Letters, "letter:" + h.Ref
	case report.KindNewsletter:
		return kit.Letters, "newsletter:" + h.Ref
	case report.KindAgency:
		return kit.Directory, h.Ref
	case report.KindAction, report.KindEvent:
		if h.PersonID != "" {
			return kit.Women, h.PersonID
		}
		// An action about no one woman is listed on Today.
		return kit.Today, ""
	}
	return "", ""
}

// searchKind is a hit's kind in words, with its icon.
func SearchKind(kind string) (string, fyne.Resource) {
	switch kind {
	case report.KindPerson:
		return "Woman", theme.AccountIcon()
	case report.KindContact:
		return "Contact", theme.CalendarIcon()
	case report.KindContactNote:
		return "Contact note", theme.CalendarIcon()
	case report.KindDiary:
		return "Diary entry", theme.DocumentCreateIcon()
	case report.KindSupervision:
		return "Supervision", theme.GridIcon()
	case report.KindLetter:
		return "Letter", theme.MailComposeIcon()
	case report.KindNewsletter:
		return "Newsletter", theme.DocumentIcon()
	case report.KindAction:
		return "Action", theme.ConfirmIcon()
	case report.KindEvent:
		return "Outcome", theme.HistoryIcon()
	case report.KindAgency:
		return "Agency", theme.StorageIcon()
	}
	return "Record", theme.FileIcon()
}

// newSearchRow is one result: the icon; the title with the date on the
// right; then the kind in words and the snippet.
func newSearchRow() fyne.CanvasObject {
	icon := widget.NewIcon(theme.AccountIcon())
	title := widget.NewLabelWithStyle("Title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	date := widget.NewLabel("30 Sep 2025")
	date.Importance = widget.LowImportance
	snippet := widget.NewRichText()
	snippet.Truncation = fyne.TextTruncateEllipsis
	head := container.NewBorder(nil, nil, nil, date, title)
	text := container.New(&kit.PersonDataRowLayout{}, head, snippet)
	return container.NewBorder(nil, nil, container.NewCenter(icon), nil, text)
}

func updateSearchRow(h report.Hit, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	text := c.Objects[0].(*fyne.Container)
	icon := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Icon)
	head := text.Objects[0].(*fyne.Container)
	title := head.Objects[0].(*widget.Label)
	date := head.Objects[1].(*widget.Label)
	snippet := text.Objects[1].(*widget.RichText)

	kind, res := SearchKind(h.Kind)
	icon.SetResource(res)
	// The title may end with the date; it is shown in words on the right.
	t, due := h.Title, ""
	if h.Date != "" {
		t = strings.TrimSuffix(t, ", "+h.Date)
		if u := strings.TrimSuffix(t, ", due "+h.Date); u != t {
			t, due = u, "due "
		}
	}
	title.SetText(t)
	date.SetText("")
	if schema.ValidDate(h.Date) {
		date.SetText(due + kit.ShortDate(h.Date))
	}
	snippet.Segments = append([]widget.RichTextSegment{&widget.TextSegment{
		Text:  kind + "  ·  ",
		Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder},
	}}, SnippetSegments(h.Snippet)...)
	snippet.Refresh()
}

// snippetSegments turns a hit's snippet into rich text: the words between
// report.SnippetStart and report.SnippetEnd bold in the accent colour, the
// rest plain, all on one line.
func SnippetSegments(snippet string) []widget.RichTextSegment {
	flat := strings.Join(strings.Fields(snippet), " ")
	// strings.Fields keeps the markers (they are not spaces), but may have
	// eaten a space just inside one; that only changes spacing.
	var segs []widget.RichTextSegment
	plain := widget.RichTextStyle{Inline: true}
	match := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	for flat != "" {
		i := strings.Index(flat, report.SnippetStart)
		if i < 0 {
			segs = append(segs, &widget.TextSegment{Text: flat, Style: plain})
			break
		}
		if i > 0 {
			segs = append(segs, &widget.TextSegment{Text: flat[:i], Style: plain})
		}
		flat = flat[i+len(report.SnippetStart):]
		j := strings.Index(flat, report.SnippetEnd)
		if j < 0 {
			j = len(flat)
		}
		if j > 0 {
			segs = append(segs, &widget.TextSegment{Text: flat[:j], Style: match})
		}
		flat = flat[min(len(flat), j+len(report.SnippetEnd)):]
	}
	return segs
}
