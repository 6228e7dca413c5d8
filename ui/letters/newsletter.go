package letters

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui/kit"
)

// newsletterTab is the Newsletter tab: the issues, newest first, on the
// left, and the issue being written (or, once sent, read) on the right.
type newsletterTab struct {
	u kit.Env

	list   *widget.List
	items  []newsletter.IssueSummary
	count  *widget.RichText
	drafts *fyne.Container

	detail   *fyne.Container
	editor   *issueEditor // nil when no issue is being written
	selected string

	root fyne.CanvasObject

	// Contributions is the editor's inbox of contributed sections.
	Contributions *contributionsView
	inboxBtn      *widget.Button
}

func newNewsletterTab(u kit.Env) *newsletterTab {
	n := &newsletterTab{u: u}
	n.count = kit.Soft("")
	n.list = kit.RecordList(&n.items, newIssueRow, func(o fyne.CanvasObject, x newsletter.IssueSummary) { o.(*issueRow).fill(x) }, func(x newsletter.IssueSummary) {
		if x.ID != n.selected {
			n.open(x.ID)
		}
	})
	add := widget.NewButtonWithIcon("New issue", theme.ContentAddIcon(), n.newIssue)
	add.Importance = widget.HighImportance
	n.drafts = container.NewVBox()
	n.inboxBtn = widget.NewButtonWithIcon("Contributions", theme.MailComposeIcon(), n.ShowContributions)
	top := container.NewVBox(kit.Heading("Newsletter"), add, n.inboxBtn, n.count, n.drafts)
	left := container.NewBorder(top, nil, nil, nil, n.list)
	n.detail = container.NewStack()
	split := kit.ListPane(container.NewPadded(left), n.detail)
	n.root = split
	n.reload()
	n.showNothing()
	return n
}

func (n *newsletterTab) Content() fyne.CanvasObject { return n.root }

// reload lists the issues, keeping the open one selected.
func (n *newsletterTab) reload() {
	if n.u.Locked() {
		return
	}
	items, err := n.u.Letters().ListIssues()
	if err != nil {
		kit.ShowError(n.u.Window(), "The newsletter issues could not be read", err)
		return
	}
	n.items = items
	switch len(items) {
	case 0:
		kit.SetSoft(n.count, "No issues yet.")
	default:
		kit.SetSoft(n.count, kit.CountWords(len(items), "issue", "issues")+", newest first")
	}
	n.list.UnselectAll()
	n.list.Refresh()
	if i := n.indexOf(n.selected); i >= 0 {
		n.list.Select(i)
	}
	n.loadDrafts()
	n.inboxBtn.SetText("Contributions")
	if w := waitingContributions(n.u); w > 0 {
		n.inboxBtn.SetText(fmt.Sprintf("Contributions (%d waiting)", w))
	}
}

// ShowContributions closes the open issue and shows the contributions
// colleagues sent.
func (n *newsletterTab) ShowContributions() {
	n.closeEditor()
	n.selected = ""
	n.list.UnselectAll()
	n.Contributions = newContributionsView(n.u, n.reload)
	n.setDetail(n.Contributions.Content())
}

func (n *newsletterTab) indexOf(id string) int {
	return kit.IndexOfID(n.items, id, func(x newsletter.IssueSummary) string { return x.ID })
}

// loadDrafts offers new issues that were never saved (no title yet when
// the notebook locked), so the user can carry on with them.
func (n *newsletterTab) loadDrafts() {
	all, err := n.u.Notes().ListDrafts()
	if err != nil {
		return
	}
	objs := kit.CarryOn(all, issueDraftKind, func(d notes.DraftInfo) bool {
		return isNewIssueDraftKey(d.Key) && (n.editor == nil || n.editor.draftKey != d.Key)
	}, 3, n.openDraft)
	if len(objs) > 0 {
		objs = append([]fyne.CanvasObject{kit.Soft("Not saved yet:")}, objs...)
	}
	n.drafts.Objects = objs
	n.drafts.Refresh()
}

// showNothing says what the right-hand side is for.
func (n *newsletterTab) showNothing() {
	n.closeEditor()
	n.selected = ""
	if len(n.items) == 0 {
		n.setDetail(kit.EmptyState("No newsletter issues yet",
			"Write the newsletter for the women in custody here: sections from the team and from women (with their consent, under pseudonyms), a safety check that finds real names, prison numbers and contact details, the prison-mail checklist, then the PDF to print on plain paper and the address labels. Start with “New issue”."))
		return
	}
	n.setDetail(kit.EmptyState("Choose an issue",
		"Pick an issue on the left to carry on writing it, check it, print it or mark it sent, or start the next one with “New issue”."))
}

func (n *newsletterTab) setDetail(o fyne.CanvasObject) {
	n.detail.Objects = []fyne.CanvasObject{o}
	n.detail.Refresh()
}

// closeEditor saves and closes the issue being written.
func (n *newsletterTab) closeEditor() {
	if n.editor != nil {
		n.editor.close()
		n.editor = nil
	}
}

// open shows issue id: the editor for a draft or ready issue, the printed
// view for a sent one.
func (n *newsletterTab) open(id string) {
	if id == "" {
		return
	}
	if n.editor != nil && n.editor.is.ID == id && !n.editor.Closed {
		n.selectRow(id)
		return
	}
	is, err := n.u.Letters().GetIssue(id)
	if err != nil {
		if errors.Is(err, newsletter.ErrNotFound) {
			n.reload()
			n.showNothing()
			return
		}
		kit.ShowError(n.u.Window(), "The newsletter issue could not be opened", err)
		return
	}
	n.closeEditor()
	n.selected = id
	if is.Status == "sent" {
		n.setDetail(newSentIssueView(n.u, is))
	} else {
		ed := newIssueEditor(n.u, is, n.saved)
		ed.onDeleted = n.deleted
		ed.restoreDraft()
		n.editor = ed
		n.setDetail(ed.Content())
	}
	n.selectRow(id)
	n.loadDrafts()
}

func (n *newsletterTab) selectRow(id string) {
	if i := n.indexOf(id); i >= 0 {
		n.list.Select(i)
		n.list.ScrollTo(i)
	} else {
		n.list.UnselectAll()
	}
}

// openDraft puts a never-saved issue kept as a draft back in the editor.
func (n *newsletterTab) openDraft(key string) {
	ed, ok := issueEditorFromDraft(n.u, key, n.saved)
	if !ok {
		n.loadDrafts()
		return
	}
	n.closeEditor()
	ed.onDeleted = n.deleted
	n.editor = ed
	n.selected = ""
	n.list.UnselectAll()
	n.setDetail(ed.Content())
	n.loadDrafts()
}

// deleted is told once the open issue is deleted.
func (n *newsletterTab) deleted() {
	n.editor = nil
	n.selected = ""
	n.reload()
	n.showNothing()
}

// newIssue starts the next issue, dated today. It is saved as soon as it
// has a title.
func (n *newsletterTab) newIssue() {
	num, err := n.u.Letters().NextIssueNumber()
	if err != nil {
		kit.ShowError(n.u.Window(), "The next issue number could not be read", err)
		return
	}
	n.closeEditor()
	is := newsletter.Issue{Number: num, Date: kit.TodayFor(n.u), Status: "draft"}
	ed := newIssueEditor(n.u, is, n.saved)
	ed.onDeleted = n.deleted
	n.editor = ed
	n.selected = ""
	n.list.UnselectAll()
	n.setDetail(ed.Content())
	n.u.Window().Canvas().Focus(ed.title)
}

// saved is told after each save or status change of the open issue.
func (n *newsletterTab) saved(id string, sent bool) {
	n.selected = id
	n.reload()
	if sent {
		n.editor = nil
		n.open(id)
	}
}

// refreshOpen rereads what the open issue depends on (the women, the
// distribution list) when the section is shown again.
func (n *newsletterTab) refreshOpen() {
	if n.editor != nil && !n.editor.Closed {
		n.editor.refreshChecks()
	}
}

// flush saves the issue being written.
func (n *newsletterTab) flush() {
	if n.editor != nil && !n.editor.Closed {
		n.editor.flush()
	}
}

// beforeLock saves the issue being written (or keeps it as a draft).
func (n *newsletterTab) BeforeLock() {
	if n.editor != nil && !n.editor.Closed {
		n.editor.flush()
		n.editor.stopTimer()
	}
}

// print makes the PDF of the open issue; false when none is open.
func (n *newsletterTab) print() bool {
	if n.selected == "" && (n.editor == nil || n.editor.Closed) {
		return false
	}
	if n.editor != nil && !n.editor.Closed {
		n.editor.exportPDF()
		return true
	}
	exportNewsletterPDF(n.u, n.selected)
	return true
}

// issueRow is one line of the list of issues: its number and status, its
// title, then its date and size.
type issueRow struct {
	widget.BaseWidget
	number *widget.Label
	badge  *kit.Pill
	title  *widget.Label
	meta   *widget.RichText
	box    *fyne.Container
}

func newIssueRow() fyne.CanvasObject {
	r := &issueRow{number: lettersLine(true), badge: kit.NewPill(), title: lettersLine(false),
		meta: widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Inline: true}})}
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.badge.Set("Draft", theme.ColorNameDisabled)
	r.box = kit.TightStack(r.badge.In(container.NewBorder(nil, nil, nil, r.badge.Object(), r.number)), r.title, r.meta)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's parts.
func (r *issueRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (r *issueRow) fill(it newsletter.IssueSummary) {
	r.number.SetText(issueHeading(it.Number, ""))
	title := it.Title
	if title == "" {
		title = "(no title yet)"
	}
	r.title.SetText(title)
	r.badge.Set(newsletterStatusWords(it.Status), newsletterStatusTint(it.Status))
	meta := kit.ShortDate(it.Date)
	if it.Status == "sent" {
		meta += " · to " + kit.CountWords(it.SentTo, "woman", "women")
	} else if it.Pages > 0 {
		meta += " · " + kit.CountWords(it.Pages, "page", "pages")
	}
	r.meta.Segments[0].(*widget.TextSegment).Text = meta
	r.meta.Refresh()
}

// issueHeading is "Issue 12: Spring news" (or "Issue 12" with no title).
func issueHeading(number int, title string) string {
	h := "New issue"
	if number > 0 {
		h = fmt.Sprintf("Issue %d", number)
	}
	if title != "" {
		h += ": " + title
	}
	return h
}
