package today

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// todayScreen is the first screen after unlocking: releases in the next
// two weeks, actions overdue and due this week, the next prison visit,
// letters awaiting a reply and open supervision actions. Every line opens
// its record.
type todayScreen struct {
	u    kit.Env
	view notes.TodayView
	// expanded lists every line of a long card ("overdue",
	// "supervision"), not only the first few.
	expanded map[string]bool
	body     *fyne.Container
	root     fyne.CanvasObject
}

// New builds the Today screen for the open session.
func New(u kit.Env) *todayScreen {
	s := &todayScreen{u: u, body: container.NewStack(), expanded: map[string]bool{}}
	s.root = s.body
	s.Reload()
	return s
}

func (s *todayScreen) Content() fyne.CanvasObject { return s.root }

// refresh reads the Today view again and redraws the cards.
func (s *todayScreen) Reload() {
	today := kit.TodayFor(s.u)
	v, err := s.u.Notes().Today(today)
	if err != nil {
		kit.ShowError(s.u.Window(), "Today's list could not be read", err)
		return
	}
	s.view = v
	t, _ := schema.ParseDate(today)
	title := container.NewVBox(kit.Heading("Today"), kit.Muted(t.Format("Monday 2 January 2006")))

	var page fyne.CanvasObject
	if s.nothingDue() {
		page = s.allClear()
	} else {
		left := container.NewVBox(s.releasesCard(), s.actionsCard())
		right := container.NewVBox(s.visitCard(), s.lettersCard(), s.supervisionCard())
		page = container.New(&todayColumns{}, left, right)
	}
	s.body.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(
		container.NewBorder(title, nil, nil, nil, page)))}
	s.body.Refresh()
}

// nothingDue reports whether every part of the view is empty.
func (s *todayScreen) nothingDue() bool {
	v := s.view
	return len(v.Releases) == 0 && len(v.Overdue) == 0 && len(v.DueSoon) == 0 &&
		v.NextVisit == nil && len(v.AwaitingReply) == 0 && len(v.SupervisionActions) == 0
}

// allClear is the encouraging empty state, with the next step.
func (s *todayScreen) allClear() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add a woman", theme.ContentAddIcon(), func() {
		s.u.Open(kit.NewRecord(kit.Women, ""))
	})
	women := widget.NewButtonWithIcon("Go to Women", theme.AccountIcon(), func() { s.u.Open(kit.To(kit.Women)) })
	text := "No releases in the next two weeks, no actions due, no prison visit booked and no letters waiting for a reply. " +
		"When you add actions with a due date, book a visit or log a letter, they will appear here."
	box := container.NewVBox(
		kit.EmptyState("You are all caught up", text),
		container.NewCenter(container.NewHBox(add, women)),
	)
	return container.NewVBox(layout.NewSpacer(), kit.CentredCard(box, 560), layout.NewSpacer())
}

// todayCard is a card with a title, a count and its rows, or a quiet line
// when it has none.
func todayCard(title string, count int, rows []fyne.CanvasObject, none string) fyne.CanvasObject {
	head := kit.Subheading(title)
	var top fyne.CanvasObject = head
	if count > 0 {
		n := widget.NewLabel(fmt.Sprint(count))
		n.Importance = widget.LowImportance
		top = container.NewBorder(nil, nil, nil, n, head)
	}
	body := []fyne.CanvasObject{top}
	if len(rows) == 0 {
		body = append(body, kit.Muted(none))
	}
	body = append(body, rows...)
	return widget.NewCard("", "", container.NewVBox(body...))
}

func (s *todayScreen) openWoman(id string) func() {
	return func() { s.u.Open(kit.Record(kit.Women, id)) }
}

// releasesCard lists women released in the next two weeks.
func (s *todayScreen) releasesCard() fyne.CanvasObject {
	today := s.view.Today
	var rows []fyne.CanvasObject
	for _, r := range s.view.Releases {
		when := kit.DateWords(r.Date, today) + " (" + kit.WhenWords(r.Date, today) + ")"
		first := r.Name
		var bits []string
		if r.EstablishmentName != "" {
			bits = append(bits, r.EstablishmentName)
		}
		bits = append(bits, when)
		second := strings.Join(bits, " · ")
		imp := widget.SuccessImportance
		var flags []string
		if !r.Confirmed {
			flags = append(flags, "date not confirmed")
		}
		switch r.MissingPlanItems {
		case 0:
			flags = append(flags, "release plan complete")
		case 1:
			flags = append(flags, "1 plan item missing")
		default:
			flags = append(flags, fmt.Sprintf("%d plan items missing", r.MissingPlanItems))
		}
		if !r.Confirmed || r.MissingPlanItems > 0 {
			imp = widget.WarningImportance
		}
		third := widget.NewLabel(upperFirst(strings.Join(flags, " · ")))
		third.Importance = imp
		third.Wrapping = fyne.TextWrapWord
		body := container.New(&kit.TightRowsLayout{}, twoLines(first, second, widget.MediumImportance), third)
		rows = append(rows, kit.NewTapRow(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.LogoutIcon())), nil, body), s.openWoman(r.PersonID)))
	}
	return todayCard("Releases in the next two weeks", len(rows), rows, "No releases in the next two weeks.")
}

// actionsCard lists overdue actions, then those due this week, each with a
// tick to mark it done.
func (s *todayScreen) actionsCard() fyne.CanvasObject {
	today := s.view.Today
	var rows []fyne.CanvasObject
	if len(s.view.Overdue) > 0 {
		l := widget.NewLabelWithStyle("Overdue", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = widget.DangerImportance
		rows = append(rows, l)
		shown := s.view.Overdue
		if !s.expanded["overdue"] && len(shown) > todayLinesShown {
			shown = shown[:todayLinesShown]
		}
		for _, a := range shown {
			rows = append(rows, s.actionRow(a, "was due "+kit.DateWords(a.Due, today)+" ("+kit.WhenWords(a.Due, today)+")", widget.DangerImportance))
		}
		if more := len(s.view.Overdue) - len(shown); more > 0 {
			rows = append(rows, s.showMore("overdue", fmt.Sprintf("Show %d more overdue", more)))
		}
	}
	if len(s.view.DueSoon) > 0 {
		if len(rows) > 0 {
			rows = append(rows, widget.NewSeparator())
		}
		rows = append(rows, kit.Subheading("Due this week"))
		for _, a := range s.view.DueSoon {
			rows = append(rows, s.actionRow(a, "due "+kit.DateWords(a.Due, today)+" ("+kit.WhenWords(a.Due, today)+")", widget.MediumImportance))
		}
	}
	n := len(s.view.Overdue) + len(s.view.DueSoon)
	return todayCard("Actions", n, rows, "No actions overdue or due this week.")
}

// todayLinesShown is how many lines a long card lists (the most pressing
// first) before a "Show more" button.
const todayLinesShown = 10

// showMore is the button that lists the rest of a long card.
func (s *todayScreen) showMore(card, text string) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(text, theme.MoreVerticalIcon(), func() {
		s.expanded[card] = true
		s.Reload()
	})
	b.Importance = widget.LowImportance
	return container.NewHBox(b)
}

// actionRow is one action: a tick marks it done; the rest opens her page.
func (s *todayScreen) actionRow(a notes.Action, when string, imp widget.Importance) fyne.CanvasObject {
	id := a.ID
	tick := kit.NewCheck("", func(done bool) {
		if done {
			s.markDone(id)
		}
	})
	var bits []string
	if a.PersonName != "" {
		bits = append(bits, a.PersonName)
	}
	if a.AgencyName != "" {
		bits = append(bits, a.AgencyName)
	}
	bits = append(bits, when)
	body := twoLines(a.Text, upperFirst(strings.Join(bits, " · ")), imp)
	var open func()
	if a.PersonID != "" {
		open = s.openWoman(a.PersonID)
	}
	return container.NewBorder(nil, nil, container.NewVBox(tick), nil, kit.NewTapRow(body, open))
}

// markDone records the action as done today and takes it off the list.
func (s *todayScreen) markDone(id string) {
	if err := s.u.Notes().MarkDone(id, s.view.Today); err != nil {
		kit.ShowError(s.u.Window(), "The action could not be marked done", err)
		return
	}
	s.u.Changed()
	s.Reload()
}

// visitCard shows the next prison visit and who is booked for it.
func (s *todayScreen) visitCard() fyne.CanvasObject {
	c := s.view.NextVisit
	if c == nil {
		return todayCard("Next prison visit", 0, nil, "No prison visit is booked. Plan one under Contacts.")
	}
	today := s.view.Today
	when := kit.DateWords(c.Date, today) + " (" + kit.WhenWords(c.Date, today) + ")"
	if c.Start != "" {
		when += ", " + c.Start
		if c.End != "" {
			when += "–" + c.End
		}
	}
	place := c.PlaceName
	if place == "" {
		place = "Prison visit"
	}
	rows := []fyne.CanvasObject{kit.NewTapRow(twoLines(place, upperFirst(when), widget.MediumImportance), func() {
		s.u.Open(kit.Record(kit.Contacts, c.ID))
	})}
	if len(s.view.NextVisitBooked) == 0 {
		rows = append(rows, kit.Muted("No one is booked yet."))
	} else {
		rows = append(rows, kit.Muted(fmt.Sprintf("Booked (%d):", len(s.view.NextVisitBooked))))
		for _, p := range s.view.NextVisitBooked {
			line := p.Name
			if p.PrisonNumber != "" {
				line += " · " + p.PrisonNumber
			}
			l := widget.NewLabel(line)
			l.Truncation = fyne.TextTruncateEllipsis
			rows = append(rows, kit.NewTapRow(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.AccountIcon())), nil, l), s.openWoman(p.ID)))
		}
	}
	return todayCard("Next prison visit", 0, rows, "")
}

// lettersCard lists letters from women awaiting a reply.
func (s *todayScreen) lettersCard() fyne.CanvasObject {
	today := s.view.Today
	var rows []fyne.CanvasObject
	for _, l := range s.view.AwaitingReply {
		l := l
		channel := strings.ToLower(schema.LetterChannel.Label(l.Channel))
		second := "Her " + channel + " came " + kit.DateWords(l.Date, today)
		imp := widget.MediumImportance
		if l.ReplyDue != "" {
			second += " · reply by " + kit.DateWords(l.ReplyDue, today)
			if l.ReplyDue < today {
				second += " (overdue)"
				imp = widget.DangerImportance
			}
		}
		open := func() { s.u.Open(kit.Record(kit.Letters, l.LetterID)) }
		rows = append(rows, kit.NewTapRow(container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.MailComposeIcon())), nil,
			twoLines(l.Name, second, imp)), open))
	}
	return todayCard("Letters awaiting a reply", len(rows), rows, "No letters are waiting for a reply.")
}

// supervisionCard lists actions agreed in supervision and not yet done.
func (s *todayScreen) supervisionCard() fyne.CanvasObject {
	today := s.view.Today
	var rows []fyne.CanvasObject
	shown := s.view.SupervisionActions
	if !s.expanded["supervision"] && len(shown) > todayLinesShown {
		shown = shown[:todayLinesShown]
	}
	for _, a := range shown {
		a := a
		var bits []string
		if a.Owner != "" {
			bits = append(bits, a.Owner)
		}
		imp := widget.MediumImportance
		if a.Due != "" {
			bits = append(bits, "due "+kit.DateWords(a.Due, today))
			if a.Due < today {
				imp = widget.DangerImportance
			}
		}
		bits = append(bits, "agreed "+kit.DateWords(a.SessionDate, today))
		tick := kit.NewCheck("", func(done bool) {
			if done {
				s.supervisionDone(a)
			}
		})
		body := twoLines(a.Text, upperFirst(strings.Join(bits, " · ")), imp)
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(tick), nil, kit.NewTapRow(body, func() {
			s.u.Open(kit.Record(kit.Supervision, a.SupervisionID))
		})))
	}
	if more := len(s.view.SupervisionActions) - len(shown); more > 0 {
		rows = append(rows, s.showMore("supervision", fmt.Sprintf("Show %d more", more)))
	}
	return todayCard("From supervision", len(s.view.SupervisionActions), rows, "No open actions from supervision.")
}

// supervisionDone records a supervision action as done today.
func (s *todayScreen) supervisionDone(a notes.SupervisionAction) {
	if err := s.u.Diary().SetActionDone(a.SupervisionID, a.Position, s.view.Today); err != nil {
		kit.ShowError(s.u.Window(), "The supervision action could not be marked done", err)
		return
	}
	s.u.Changed()
	s.Reload()
}

// upperFirst capitalises the first letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

// todayColumns puts the two columns of cards side by side, each half the
// width, each as tall as its cards.
type todayColumns struct{}

func (t *todayColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
}

func (t *todayColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	w := (size.Width - pad) / 2
	for i, o := range objs[:2] {
		o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
		// Wrapped text is taller once it knows its width.
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
	}
}
