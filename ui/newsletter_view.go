package ui

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/notes"
)

// newSentIssueView shows a sent issue as it was posted: read-only, with
// its sections, who it went to, and its PDF to print again.
func newSentIssueView(u Env, is newsletter.Issue) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(issueHeading(is.Number, is.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	title.Truncation = fyne.TextTruncateEllipsis
	badge := newPill()
	badge.set(newsletterStatusWords(is.Status), newsletterStatusTint(is.Status))
	head := container.NewBorder(nil, nil, nil, badge.object(), title)

	namer := func(s string) string { return s }
	if n, err := u.Letters().ContributorNamer(); err == nil {
		namer = n
	}
	var parts []fyne.CanvasObject
	parts = append(parts, soft(fmt.Sprintf("Dated %s · %s · %s · about %s. A sent issue is kept as it was posted and cannot be changed.",
		shortDate(is.Date), countWords(len(is.Sections), "section", "sections"),
		countWords(newsletter.WordCount(is), "word", "words"), countWords(newsletter.PageEstimate(is), "page", "pages"))))
	for i, sec := range is.Sections {
		var objs []fyne.CanvasObject
		objs = append(objs, soft(fmt.Sprintf("Section %d", i+1)))
		if sec.Heading != "" {
			objs = append(objs, subheading(sec.Heading))
		}
		for _, p := range newsletter.Paragraphs(sec.Body) {
			objs = append(objs, wrapped(p))
		}
		by := "From the service."
		if sec.Contributor != "" {
			by = "By " + sec.Contributor + ", printed as “" + namer(sec.Contributor) + "”."
		}
		objs = append(objs, soft(by))
		parts = append(parts, widget.NewCard("", "", container.NewVBox(objs...)))
	}
	main := container.NewVScroll(container.NewPadded(container.NewVBox(parts...)))

	pdfB := widget.NewButtonWithIcon("Newsletter PDF…", theme.DocumentPrintIcon(), func() { exportNewsletterPDF(u, is.ID) })
	side := container.NewVScroll(container.NewVBox(
		widget.NewCard("", "", container.NewVBox(subheading("Print again"), pdfB)),
		widget.NewCard("", "", sentToList(u, is.SentTo)),
	))
	body := container.New(&issueColumns{}, main, side)
	return container.NewPadded(container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil, body))
}

// sentToList names the women an issue was posted to.
func sentToList(u Env, ids []string) fyne.CanvasObject {
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
	title := subheading("Posted to " + countWords(len(ids), "woman", "women"))
	note := soft("A letter enclosing it was logged for each of them.")
	if len(ids) == 0 {
		note = soft("No one is recorded as having been sent it.")
	}
	return container.NewBorder(container.NewVBox(title, note), nil, nil, nil,
		container.New(&lettersMinHeight{h: 240}, l))
}
