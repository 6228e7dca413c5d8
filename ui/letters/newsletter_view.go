package letters

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui/kit"
)

// newSentIssueView shows a sent issue as it was posted: read-only, with
// its sections, who it went to, and its PDF to print again.
func newSentIssueView(u kit.Env, is newsletter.Issue) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(issueHeading(is.Number, is.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	title.Truncation = fyne.TextTruncateEllipsis
	badge := kit.NewPill()
	badge.Set(newsletterStatusWords(is.Status), newsletterStatusTint(is.Status))
	head := container.NewBorder(nil, nil, nil, badge.Object(), title)

	namer := func(s string) string { return s }
	if n, err := u.Letters().ContributorNamer(); err == nil {
		namer = n
	}
	var parts []fyne.CanvasObject
	parts = append(parts, kit.Soft(fmt.Sprintf("Dated %s · %s · %s · about %s. A sent issue is kept as it was posted and cannot be changed.",
		kit.ShortDate(is.Date), kit.CountWords(len(is.Sections), "section", "sections"),
		kit.CountWords(newsletter.WordCount(is), "word", "words"), kit.CountWords(newsletter.PageEstimate(is), "page", "pages"))))
	for i, sec := range is.Sections {
		var objs []fyne.CanvasObject
		objs = append(objs, kit.Soft(fmt.Sprintf("Section %d", i+1)))
		if sec.Heading != "" {
			objs = append(objs, kit.Subheading(sec.Heading))
		}
		for _, p := range newsletter.Paragraphs(sec.Body) {
			objs = append(objs, kit.Wrapped(p))
		}
		by := "From the service."
		if sec.Contributor != "" {
			by = "By " + sec.Contributor + ", printed as “" + namer(sec.Contributor) + "”."
		}
		objs = append(objs, kit.Soft(by))
		parts = append(parts, widget.NewCard("", "", container.NewVBox(objs...)))
	}
	main := container.NewVScroll(container.NewPadded(container.NewVBox(parts...)))

	pdfB := widget.NewButtonWithIcon("Newsletter PDF…", theme.DocumentPrintIcon(), func() { exportNewsletterPDF(u, is.ID) })
	side := container.NewVScroll(container.NewVBox(
		widget.NewCard("", "", container.NewVBox(kit.Subheading("Print again"), pdfB)),
		widget.NewCard("", "", sentToList(u, is.SentTo)),
	))
	body := container.New(&issueColumns{}, main, side)
	return container.NewPadded(container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil, body))
}

// sentToList names the women an issue was posted to.
func sentToList(u kit.Env, ids []string) fyne.CanvasObject {
	names := map[string]string{}
	if people, err := u.Notes().ListPeople(notes.PeopleFilter{IncludeClosed: true}); err == nil {
		for _, p := range people {
			names[p.ID] = p.Name
		}
	}
	var list []string
	for _, id := range ids {
		n := names[id]
		if n == "" {
			n = "(no longer on record)"
		}
		list = append(list, n)
	}
	sort.Strings(list)
	l := widget.NewList(func() int { return len(list) },
		func() fyne.CanvasObject { return lettersLine(false) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(list[i]) })
	l.HideSeparators = true
	title := kit.Subheading("Posted to " + kit.CountWords(len(ids), "woman", "women"))
	note := kit.Soft("A letter enclosing it was logged for each of them.")
	if len(ids) == 0 {
		note = kit.Soft("No one is recorded as having been sent it.")
	}
	return container.NewBorder(container.NewVBox(title, note), nil, nil, nil,
		container.New(&lettersMinHeight{h: 240}, l))
}
