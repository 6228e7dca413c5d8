package women

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/ui/kit"
)

// womanTimeline is everything recorded about her, newest first, so that
// nobody has to ask her story again. Each line opens its record.
type womanTimeline struct {
	p     *womanPage
	items []notes.TimelineItem
	list  *widget.List
	empty fyne.CanvasObject
	root  *fyne.Container
}

func newWomanTimeline(p *womanPage) *womanTimeline {
	t := &womanTimeline{p: p}
	t.list = widget.NewList(
		func() int { return len(t.items) },
		newTimelineRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(t.items) {
				fillTimelineRow(o, t.items[i], kit.TodayFor(p.u))
			}
		},
	)
	t.list.OnSelected = func(i widget.ListItemID) {
		t.list.UnselectAll()
		if i < len(t.items) {
			t.openItem(t.items[i])
		}
	}
	t.empty = kit.EmptyState("Nothing recorded yet",
		"Contacts, letters, actions, outcome events and diary entries about her will appear here, newest first. Start with “New contact with her”.")
	t.root = container.NewStack()
	t.reload()
	return t
}

func (t *womanTimeline) Content() fyne.CanvasObject { return t.root }

// reload reads her timeline again.
func (t *womanTimeline) reload() {
	items, err := t.p.u.Notes().Timeline(t.p.id)
	if err != nil {
		kit.ShowError(t.p.u.Window(), "Her timeline could not be read", err)
		return
	}
	t.items = items
	if len(items) == 0 {
		t.root.Objects = []fyne.CanvasObject{t.empty}
	} else {
		t.root.Objects = []fyne.CanvasObject{t.list}
	}
	t.list.Refresh()
	t.root.Refresh()
}

// timelineSections says which section shows each kind of record.
var timelineSections = map[string]kit.Section{
	"contact": kit.Contacts,
	"letter":  kit.Letters,
	"diary":   kit.Diary,
}

// openItem opens the record behind a line: contacts, letters and diary
// entries in their own screens, actions and events in her page's tabs.
func (t *womanTimeline) openItem(it notes.TimelineItem) {
	switch it.Kind {
	case "action":
		t.p.tabs.SelectIndex(womanTabActions)
		return
	case "event":
		t.p.tabs.SelectIndex(womanTabEvents)
		return
	}
	sec, ok := timelineSections[it.Kind]
	if !ok {
		return
	}
	t.p.u.Open(kit.Record(sec, it.RefID))
}

// timelineIcon is the icon beside each kind of line.
func timelineIcon(kind string) fyne.Resource {
	switch kind {
	case "contact":
		return theme.CalendarIcon()
	case "letter":
		return theme.MailComposeIcon()
	case "diary":
		return theme.DocumentCreateIcon()
	case "action":
		return theme.ConfirmIcon()
	case "event":
		return theme.InfoIcon()
	}
	return theme.FileIcon()
}

func newTimelineRow() fyne.CanvasObject {
	icon := widget.NewIcon(theme.CalendarIcon())
	date := widget.NewLabel("Wed 30 Sep 2025 13:30")
	date.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, date, nil, title)
	return container.NewBorder(nil, nil, container.NewCenter(icon), nil,
		container.New(&kit.TightRowsLayout{}, top, detail))
}

func fillTimelineRow(o fyne.CanvasObject, it notes.TimelineItem, today string) {
	// NewBorder keeps its centre objects first, then the sides.
	c := o.(*fyne.Container)
	rows := c.Objects[0].(*fyne.Container)
	icon := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Icon)
	icon.SetResource(timelineIcon(it.Kind))
	top := rows.Objects[0].(*fyne.Container)
	title, date := top.Objects[0].(*widget.Label), top.Objects[1].(*widget.Label)
	when := "No date"
	if it.Date != "" {
		when = kit.DateWords(it.Date, today)
	}
	if it.Time != "" {
		when += " " + it.Time
	}
	date.SetText(when)
	title.SetText(it.Title)
	rows.Objects[1].(*widget.Label).SetText(it.Detail)
}
