package supervision

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/schema"
	"inreach/ui/kit"
)

// refreshCandidates lists the entries again, keeping what is ticked and
// typed.
func (f *supervisionForm) refreshCandidates() {
	comments := map[string]string{}
	for id, p := range f.Picks {
		if p.Check.Checked {
			comments[id] = p.Comment.Text
		}
	}
	was := f.Loading
	f.Loading = true
	f.loadCandidates(comments)
	f.Loading = was
}

// loadCandidates lists the entries the session could discuss (and those
// picked), ticking the picked ones with their comments.
func (f *supervisionForm) loadCandidates(comments map[string]string) {
	from, to := f.period()
	cands, err := f.u.Diary().CandidateEntries(from, to, f.Id)
	if err != nil {
		kit.ShowError(f.u.Window(), "The entries for supervision could not be read", err)
		return
	}
	listed := map[string]bool{}
	for _, c := range cands {
		listed[c.ID] = true
	}
	for _, id := range f.order {
		if listed[id] {
			continue
		}
		e, err := f.u.Diary().Get(id)
		if err != nil {
			continue
		}
		cands = append(cands, kit.SupervisionSummaryOf(e))
		listed[id] = true
	}
	old := f.Picks
	f.Picks = map[string]*supervisionPick{}
	f.Shown = nil
	var objs []fyne.CanvasObject
	for _, c := range cands {
		p := f.newPick(c)
		if prev, ok := old[c.ID]; ok && !prev.Check.Checked {
			// unticked stays unticked
		} else if text, ok := comments[c.ID]; ok {
			p.Comment.SetText(text)
			p.Check.SetChecked(true)
		}
		f.Picks[c.ID] = p
		f.Shown = append(f.Shown, c.ID)
		objs = append(objs, p.box)
	}
	if len(objs) == 0 {
		objs = append(objs, kit.Soft("No entries are marked for supervision in this period. In the Diary, use “Mark for supervision” on the entries you want to talk about, or widen the period."))
	}
	// Keep the order of those still picked.
	var order []string
	for _, id := range f.order {
		if p, ok := f.Picks[id]; ok && p.Check.Checked {
			order = append(order, id)
		}
	}
	f.order = order
	f.picksBox.Objects = objs
	f.picksBox.Refresh()
}

// newPick makes the row of one entry.
func (f *supervisionForm) newPick(c diary.Summary) *supervisionPick {
	p := &supervisionPick{sum: c}
	p.Comment = kit.NewGrowingEntry("Your supervisor's comment on this entry", 4, 4)
	p.Comment.OnChanged = func(string) { p.Comment.Fit(); f.changed() }
	p.commentErr = kit.ErrorLabel()
	p.Check = kit.NewCheck(kit.ShortDate(c.Date), func(on bool) {
		if on {
			p.CommentBox.Show()
			if !f.Loading {
				f.order = append(f.order, c.ID)
			}
		} else {
			p.CommentBox.Hide()
			f.unpick(c.ID)
		}
		f.changed()
	})
	summary := widget.NewLabel(c.Summary)
	summary.Truncation = fyne.TextTruncateEllipsis
	meta := kit.DiaryMutedLine()
	metaText := kit.DiaryStatusWords(c.Status) + " · " + schema.DiaryTemplate.Label(c.Template)
	if len(c.Tags) > 0 {
		metaText += " · " + strings.Join(c.Tags, ", ")
	}
	kit.SetSoft(meta, metaText)
	read := widget.NewButtonWithIcon("Read", theme.VisibilityIcon(), func() { f.ReadEntry(c.ID) })
	read.Importance = widget.LowImportance
	lines := container.New(&kit.StackLayout{Gap: -2 * theme.Padding()}, summary, meta)
	if f.changedSince[c.ID] {
		changed := widget.NewLabel("Changed since it was sent")
		changed.Importance = widget.WarningImportance
		lines.Add(changed)
	}
	head := container.NewBorder(nil, nil, container.NewVBox(p.Check), container.NewVBox(read), lines)
	p.CommentBox = container.New(&diaryIndent{left: 36}, container.NewVBox(p.Comment, p.commentErr))
	p.CommentBox.Hide()
	p.box = container.NewVBox(head, p.CommentBox)
	return p
}

func (f *supervisionForm) unpick(id string) {
	var order []string
	for _, o := range f.order {
		if o != id {
			order = append(order, o)
		}
	}
	f.order = order
}

// readEntry shows an entry's full text, to read during the session.
func (f *supervisionForm) ReadEntry(id string) {
	e, err := f.u.Diary().Get(id)
	if err != nil {
		kit.ShowError(f.u.Window(), "The diary entry could not be read", err)
		return
	}
	t, _ := diary.TemplateByKey(e.Template)
	items := []fyne.CanvasObject{
		kit.Subheading(kit.DiaryLongDate(e.Date)),
		kit.Soft(t.Name + " · " + kit.DiaryStatusWords(e.Status)),
	}
	if e.ContactID != "" {
		if c, err := f.u.Diary().Contact(e.ContactID); err == nil {
			items = append(items, kit.Soft(kit.DiaryContactLabel(c.Kind, c.Place, c.Date)))
		}
	}
	for _, sec := range e.AllSections() {
		items = append(items, widget.NewLabelWithStyle(t.Heading(sec.Key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		body := widget.NewLabel(strings.TrimSpace(sec.Body))
		if strings.TrimSpace(sec.Body) == "" {
			body.SetText("Nothing written.")
			body.Importance = widget.LowImportance
		}
		body.Wrapping = fyne.TextWrapWord
		items = append(items, body)
	}
	if len(e.Tags) > 0 {
		items = append(items, kit.Soft("Tags: "+strings.Join(e.Tags, ", ")))
	}
	for _, c := range e.Comments {
		items = append(items, kit.DiaryNote(container.NewVBox(
			kit.SoftItalic(kit.ShortDate(c.Date)+" · "+c.Supervisor),
			widget.NewLabel(c.Text)), theme.Color(theme.ColorNameSuccess)))
	}
	scroll := container.NewVScroll(container.NewVBox(items...))
	d := dialog.NewCustom("Diary entry", "Close", scroll, f.u.Window())
	openBtn := widget.NewButtonWithIcon("Open in Diary", theme.DocumentCreateIcon(), func() {
		d.Hide()
		f.leave()
		f.u.Open(kit.Record(kit.Diary, id))
	})
	closeBtn := widget.NewButtonWithIcon("Close", theme.CancelIcon(), func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{closeBtn, openBtn})
	kit.EscapeCloses(f.u.Window(), d, nil)
	size := f.u.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(680, size.Width*0.9), min(560, size.Height*0.85)))
	d.Show()
}

// addActionRow adds a row for action a.
func (f *supervisionForm) addActionRow(a diary.SessionAction) *supervisionActionRow {
	r := &supervisionActionRow{}
	r.Text = kit.NewLeaveEntry("", nil)
	r.Text.SetPlaceHolder("What was agreed")
	r.Text.SetText(a.Text)
	r.Text.OnChanged = func(string) { f.changed() }
	r.Owner = kit.NewLeaveEntry("", nil)
	r.Owner.SetPlaceHolder("Who")
	r.Owner.SetText(a.Owner)
	r.Owner.OnChanged = func(string) { f.changed() }
	check := func() {
		msg := kit.DateProblem(r.Due.Text, false)
		if msg == "" {
			msg = kit.DateProblem(r.done.Text, false)
		}
		kit.SetError(r.DateErr, msg)
	}
	r.Due = kit.NewLeaveEntry("YYYY-MM-DD", check)
	r.Due.SetText(a.Due)
	r.Due.OnChanged = func(string) { f.changed() }
	r.done = kit.NewLeaveEntry("YYYY-MM-DD", check)
	r.done.SetText(a.DoneOn)
	r.done.OnChanged = func(string) { f.changed() }
	r.TextErr = kit.ErrorLabel()
	r.DateErr = kit.ErrorLabel()
	remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), nil)
	remove.Importance = widget.LowImportance
	// A row that wraps (owner, then the dates below) rather than widen a
	// narrow window.
	details := kit.Flow(
		kit.Captioned("Owner", container.New(&kit.DiaryFixedWidth{Width: 170}, r.Owner), nil),
		kit.Captioned("Due", kit.DateField(r.Due, func() string { return kit.TodayFor(f.u) }), nil),
		kit.Captioned("Done on", kit.DateField(r.done, func() string { return kit.TodayFor(f.u) }), nil),
	)
	inner := container.NewVBox(
		container.NewBorder(nil, nil, nil, remove, r.Text), r.TextErr,
		details, r.DateErr)
	r.Box = diaryPanel(inner)
	remove.OnTapped = func() {
		for i, x := range f.Actions {
			if x == r {
				f.Actions = append(f.Actions[:i], f.Actions[i+1:]...)
				break
			}
		}
		f.actionsBox.Remove(r.Box)
		f.changed()
	}
	f.Actions = append(f.Actions, r)
	f.actionsBox.Add(r.Box)
	return r
}
