package letters

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// The direction filter's choices.
const (
	lettersAnyDirection = "In and out"
	lettersInOnly       = "From her (in)"
	lettersOutOnly      = "To her (out)"
)

// letterLog is the Letters tab: the correspondence log newest first on the
// left, filtered by woman, direction and awaiting a reply, and the letter
// being logged or read on the right.
type letterLog struct {
	u kit.Env

	who      *widget.Entry
	dir      *widget.Select
	awaiting *widget.Check
	count    *widget.RichText
	list     *widget.List
	rows     []newsletter.LetterRow
	// waiting is the letters still awaiting a reply, by letter id.
	waiting map[string]newsletter.Awaiting
	today   string

	detail   *fyne.Container
	form     *letterForm
	selected string

	root fyne.CanvasObject
}

func newLetterLog(u kit.Env) *letterLog {
	l := &letterLog{u: u}
	l.who = kit.SearchBox("Her name or prison number", l.reload)
	l.dir = widget.NewSelect([]string{lettersAnyDirection, lettersInOnly, lettersOutOnly}, func(string) { l.reload() })
	l.dir.Selected = lettersAnyDirection
	l.awaiting = widget.NewCheck("Awaiting a reply only", func(bool) { l.reload() })
	l.count = kit.Soft("")

	l.list = kit.RecordList(&l.rows, newLetterRow, func(o fyne.CanvasObject, r newsletter.LetterRow) {
		w, ok := l.waiting[r.ID]
		o.(*letterRow).fill(r, w, ok, l.today)
	}, func(r newsletter.LetterRow) {
		if r.ID != l.selected {
			l.showLetter(r.ID)
		}
	})

	add := widget.NewButtonWithIcon("Log a letter", theme.ContentAddIcon(), func() { l.newLetter(nil) })
	add.Importance = widget.HighImportance
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, add, kit.Heading("Letters")),
		l.who,
		l.dir, l.awaiting, // one above the other, so the list keeps the common width
		l.count,
	)
	left := container.NewBorder(top, nil, nil, nil, l.list)
	l.detail = container.NewStack()
	split := kit.ListPane(container.NewPadded(left), l.detail)
	l.root = split
	l.reload()
	if !l.restoreDraft() {
		l.showNothing()
	}
	return l
}

func (l *letterLog) Content() fyne.CanvasObject { return l.root }

// filter is what the direction and awaiting filters ask for.
func (l *letterLog) filter() newsletter.LetterFilter {
	f := newsletter.LetterFilter{AwaitingReply: l.awaiting.Checked}
	switch l.dir.Selected {
	case lettersInOnly:
		f.Direction = "in"
	case lettersOutOnly:
		f.Direction = "out"
	}
	return f
}

func (l *letterLog) filtered() bool {
	return strings.TrimSpace(l.who.Text) != "" || l.dir.Selected != lettersAnyDirection || l.awaiting.Checked
}

// reload lists the letters matching the filters, keeping the open one
// selected when it is listed.
func (l *letterLog) reload() {
	if l.u.Locked() {
		return
	}
	st := l.u.Letters()
	l.today = kit.TodayFor(l.u)
	rows, err := st.ListLetters(l.filter())
	if err != nil {
		kit.ShowError(l.u.Window(), "The letters could not be read", err)
		return
	}
	if q := strings.TrimSpace(l.who.Text); q != "" {
		people, err := l.u.Notes().ListPeople(notes.PeopleFilter{Text: q, IncludeClosed: true})
		if err != nil {
			kit.ShowError(l.u.Window(), "The list of women could not be read", err)
			return
		}
		keep := map[string]bool{}
		for _, p := range people {
			keep[p.ID] = true
		}
		out := rows[:0]
		for _, r := range rows {
			if keep[r.PersonID] {
				out = append(out, r)
			}
		}
		rows = out
	}
	waiting, err := st.AwaitingReply(l.today)
	if err != nil {
		kit.ShowError(l.u.Window(), "The letters awaiting a reply could not be read", err)
		return
	}
	l.waiting = make(map[string]newsletter.Awaiting, len(waiting))
	for _, w := range waiting {
		l.waiting[w.ID] = w
	}
	l.rows = rows
	switch n := len(rows); {
	case n == 0 && l.filtered():
		kit.SetSoft(l.count, "No letter matches these filters.")
	case n == 0:
		kit.SetSoft(l.count, "No letters logged yet.")
	default:
		text := kit.CountWords(n, "letter", "letters") + ", newest first"
		if over := l.overdue(); over > 0 {
			text += fmt.Sprintf(" · %d overdue for a reply", over)
		}
		kit.SetSoft(l.count, text)
	}
	l.list.UnselectAll()
	l.list.Refresh()
	if i := l.indexOf(l.selected); i >= 0 {
		l.list.Select(i)
	}
}

// overdue counts the letters whose reply is overdue.
func (l *letterLog) overdue() int {
	n := 0
	for _, w := range l.waiting {
		if w.Overdue {
			n++
		}
	}
	return n
}

func (l *letterLog) indexOf(id string) int {
	return kit.IndexOfID(l.rows, id, func(r newsletter.LetterRow) string { return r.ID })
}

// showNothing says what the right-hand side is for.
func (l *letterLog) showNothing() {
	l.form = nil
	l.selected = ""
	if len(l.rows) == 0 && !l.filtered() {
		l.setDetail(kit.EmptyState("No letters logged yet",
			"Log each letter, email or call to or from a woman: the date, what it was about, what went with it (stamps, writing paper, the newsletter) and when she should hear back. Start with “Log a letter”."))
		return
	}
	l.setDetail(kit.EmptyState("Choose a letter",
		"Pick a letter on the left to read or change it, or log a new one with “Log a letter”. Letters waiting for a reply are marked, and overdue ones are shown in red."))
}

func (l *letterLog) setDetail(o fyne.CanvasObject) {
	l.detail.Objects = []fyne.CanvasObject{o}
	l.detail.Refresh()
}

// showLetter opens a stored letter in the form.
func (l *letterLog) showLetter(id string) {
	if !l.leaveForm() {
		l.reselect()
		return
	}
	lt, err := l.u.Letters().GetLetter(id)
	if err != nil {
		if errors.Is(err, newsletter.ErrNotFound) {
			l.reload()
			l.showNothing()
			return
		}
		kit.ShowError(l.u.Window(), "The letter could not be opened", err)
		return
	}
	name := ""
	if i := l.indexOf(id); i >= 0 {
		name = l.rows[i].PersonName
	} else if p, err := l.u.Notes().GetPerson(lt.PersonID); err == nil {
		name = p.Name
	}
	f := newLetterForm(l.u, &lt, name, l.formDone)
	f.setNote(l.replyWords(lt))
	l.setForm(f, id)
}

// replyWords says where a letter stands for a reply, for the form's note.
func (l *letterLog) replyWords(lt newsletter.Letter) string {
	w, waiting := l.waiting[lt.ID]
	switch {
	case waiting && w.Overdue:
		return fmt.Sprintf("Dated %s. Her reply is overdue: it was due %s.", kit.ShortDate(lt.Date), kit.ShortDate(lt.ReplyDue))
	case waiting && w.DaysLeft == 0:
		return fmt.Sprintf("Dated %s. Her reply is due today.", kit.ShortDate(lt.Date))
	case waiting:
		return fmt.Sprintf("Dated %s. Waiting for a reply, due %s (%s).", kit.ShortDate(lt.Date), kit.ShortDate(lt.ReplyDue),
			"in "+kit.CountWords(w.DaysLeft, "day", "days"))
	case lt.Direction == "in" && lt.ReplyDue != "":
		return fmt.Sprintf("Dated %s. Replied to: a letter, email or call to her has been logged since.", kit.ShortDate(lt.Date))
	}
	return fmt.Sprintf("Dated %s.", kit.ShortDate(lt.Date))
}

// reselect puts the list's selection back on the open letter.
func (l *letterLog) reselect() {
	if i := l.indexOf(l.selected); i >= 0 {
		l.list.Select(i)
	} else {
		l.list.UnselectAll()
	}
}

// leaveForm saves the open form before another letter is shown; when it
// cannot be saved the form stays, with its problems shown, and false is
// returned.
func (l *letterLog) leaveForm() bool {
	if l.form == nil || !l.form.Dirty {
		return true
	}
	return l.form.save()
}

func (l *letterLog) setForm(f *letterForm, id string) {
	if l.form != nil && l.form != f {
		l.form.Close() // left (saved by leaveForm): its autosave stops
	}
	l.form = f
	l.selected = id
	l.setDetail(f.Content())
	if i := l.indexOf(id); i >= 0 {
		l.list.Select(i)
		l.list.ScrollTo(i)
	} else {
		l.list.UnselectAll()
	}
}

// newLetter opens an empty form (or one filled from a template, such as a
// reply to her letter).
func (l *letterLog) newLetter(from *newsletter.Letter) {
	if !l.leaveForm() {
		return
	}
	lt := &newsletter.Letter{Date: kit.TodayFor(l.u), Direction: "in", Channel: "letter"}
	name := ""
	if from != nil {
		lt = from
		if p, err := l.u.Notes().GetPerson(from.PersonID); err == nil {
			name = p.Name
		}
	}
	f := newLetterForm(l.u, lt, name, l.formDone)
	l.setForm(f, "")
	f.focusFirst()
}

// formDone is told when the form saved (id), deleted (deleted) or was
// closed (id "") or asks for a reply to be logged (reply).
func (l *letterLog) formDone(ev letterFormEvent) {
	switch ev.kind {
	case letterSaved:
		l.selected = ev.id
		if l.indexOf(ev.id) < 0 && l.filtered() {
			l.clearFilters()
		}
		l.reload()
		if i := l.indexOf(ev.id); i >= 0 {
			l.list.ScrollTo(i)
		}
	case letterDeleted:
		l.form = nil
		l.selected = ""
		l.reload()
		l.showNothing()
	case letterClosed:
		l.form = nil
		l.list.UnselectAll()
		l.showNothing()
	case letterReply:
		l.form = nil
		l.newLetter(ev.reply)
	}
}

// clearFilters shows every letter again.
func (l *letterLog) clearFilters() {
	l.who.OnChanged = nil
	l.who.SetText("")
	l.who.OnChanged = func(string) { l.reload() }
	l.dir.Selected = lettersAnyDirection
	l.dir.Refresh()
	l.awaiting.OnChanged = nil
	l.awaiting.SetChecked(false)
	l.awaiting.OnChanged = func(bool) { l.reload() }
}

// open shows letter id, clearing filters that hide it.
func (l *letterLog) open(id string) {
	if id == "" {
		return
	}
	if l.indexOf(id) < 0 {
		l.clearFilters()
		l.reload()
	}
	l.showLetter(id)
}

// refreshOpen closes the form of a stored letter that is no longer there
// (erased with her record elsewhere), so it cannot be saved back.
func (l *letterLog) refreshOpen() {
	if l.form == nil || l.form.id == "" {
		return
	}
	if _, err := l.u.Letters().GetLetter(l.form.id); errors.Is(err, newsletter.ErrNotFound) {
		l.form = nil
		l.showNothing()
	}
}

// save writes the open form (Ctrl+S).
func (l *letterLog) Save() {
	if l.form != nil {
		l.form.save()
	}
}

// flush saves the open form if it was changed and can be saved.
func (l *letterLog) flush() {
	if l.form != nil && l.form.Dirty {
		l.form.save()
	}
}

// beforeLock saves the letter being logged, or keeps it as a draft when it
// cannot be saved yet, so nothing typed is lost.
func (l *letterLog) BeforeLock() {
	if l.form != nil && l.form.Dirty {
		l.form.keepOnLock()
	}
}

// restoreDraft opens the letter that was being logged when the notebook
// locked, if one was kept. It reports whether it did.
func (l *letterLog) restoreDraft() bool {
	f, ok := restoreLetterForm(l.u, l.formDone)
	if !ok {
		return false
	}
	l.setForm(f, f.id)
	return true
}

// letterRow is one line of the correspondence log: her name and the date;
// the direction with its arrow, the channel, what went with it and a
// reply-due badge; then what it was about.
type letterRow struct {
	widget.BaseWidget
	name    *widget.Label
	date    *widget.Label
	arrow   *widget.Icon
	what    *widget.Label
	badge   *kit.Pill
	summary *widget.RichText
	box     *fyne.Container
}

func newLetterRow() fyne.CanvasObject {
	r := &letterRow{
		name:    lettersLine(true),
		date:    widget.NewLabel("30 Sep 2025"),
		arrow:   widget.NewIcon(theme.MoveDownIcon()),
		what:    lettersLine(false),
		badge:   kit.NewPill(),
		summary: widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Inline: true}}),
	}
	r.summary.Truncation = fyne.TextTruncateEllipsis
	r.badge.Set("Reply due 30 Sep", theme.ColorNamePrimary)
	head := container.NewBorder(nil, nil, nil, r.date, r.name)
	mid := r.badge.In(container.NewBorder(nil, nil, r.arrow, r.badge.Object(), r.what))
	r.box = kit.TightStack(head, mid, r.summary)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's parts.
func (r *letterRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// fill shows letter lr; w is its awaiting-reply state when waiting is true.
func (r *letterRow) fill(lr newsletter.LetterRow, w newsletter.Awaiting, waiting bool, today string) {
	name := lr.PersonName
	if name == "" {
		name = "(woman not on record)"
	}
	r.name.SetText(name)
	r.date.SetText(kit.ShortDate(lr.Date))
	if lr.Direction == "in" {
		r.arrow.SetResource(theme.MoveDownIcon())
	} else {
		r.arrow.SetResource(theme.MoveUpIcon())
	}
	what := letterDirectionWords(lr.Direction, lr.Channel)
	if len(lr.Enclosures) > 0 {
		what += " · with " + strings.Join(enclosureWords(lr.Enclosures), ", ")
	}
	r.what.SetText(what)
	switch {
	case waiting && w.Overdue:
		r.badge.Set("Overdue", theme.ColorNameError)
	case waiting && lr.ReplyDue != "":
		r.badge.Set("Reply due "+lettersDayMonth(lr.ReplyDue, today), theme.ColorNamePrimary)
	default:
		r.badge.Set("", "")
	}
	text := strings.Join(strings.Fields(lr.Summary), " ")
	if text == "" {
		text = "(no summary)"
	}
	r.summary.Segments[0].(*widget.TextSegment).Text = text
	r.summary.Refresh()
}

// letterDirectionWords says what the letter was in words: "Letter from
// her", "Email to her", "Call from her".
func letterDirectionWords(direction, channel string) string {
	kind := schema.LetterChannel.Label(channel)
	if channel == "phone" {
		kind = "Call"
	}
	if channel == "" {
		kind = "Letter"
	}
	if direction == "in" {
		return kind + " from her"
	}
	return kind + " to her"
}

// The enclosures the form offers as ticks, with their words.
var letterEnclosures = []struct{ value, label string }{
	{"stamps", "Stamps"},
	{"writing_materials", "Writing paper"},
	{newsletter.MailingEnclosure, "Newsletter"},
}

// enclosureWords turns stored enclosures into words, in lower case for a
// sentence ("stamps, writing paper").
func enclosureWords(items []string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		w := it
		for _, e := range letterEnclosures {
			if e.value == it {
				w = strings.ToLower(e.label)
			}
		}
		out = append(out, w)
	}
	return out
}
