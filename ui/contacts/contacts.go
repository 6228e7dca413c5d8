package contacts

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// allKinds is the kind filter's "no filter" choice.
const allKinds = "All kinds"

// contactWomanFilterMax bounds how many matching women the "woman" filter
// gathers contacts for.
const contactWomanFilterMax = 40

// contactsScreen is the Contacts section: the contacts newest first with
// filters on the left, the chosen contact's write-up on the right, and the
// write-up form, which takes the whole section while it is open.
type ContactsScreen struct {
	u    kit.Env
	root *fyne.Container

	browse    fyne.CanvasObject
	kind      *widget.Select
	from, to  *kit.LeaveEntry
	woman     *widget.Entry
	filterErr *widget.Label
	clearBtn  *widget.Button
	count     *widget.Label
	list      *widget.List
	rows      []notes.ContactSummary
	drafts    *fyne.Container
	detail    *fyne.Container
	selected  string
	wTimer    *kit.Timer

	Form *contactForm // nil unless a write-up is open
}

// New builds the Contacts section's screen for the open session.
func New(u kit.Env) *ContactsScreen {
	s := &ContactsScreen{u: u}
	s.build()
	s.reload()
	s.loadDrafts()
	return s
}

func (s *ContactsScreen) Content() fyne.CanvasObject { return s.root }

func (s *ContactsScreen) build() {
	newBtn := widget.NewButtonWithIcon("New contact", theme.ContentAddIcon(), s.newContact)
	newBtn.Importance = widget.HighImportance

	s.kind = widget.NewSelect(append([]string{allKinds}, schema.ContactKind.LabelList()...), func(string) { s.reload() })
	s.kind.Selected = allKinds
	s.from = kit.NewLeaveEntry("From YYYY-MM-DD", func() { s.reload() })
	s.to = kit.NewLeaveEntry("To YYYY-MM-DD", func() { s.reload() })
	for _, e := range []*kit.LeaveEntry{s.from, s.to} {
		e.OnSubmitted = func(string) { s.reload() }
	}
	s.woman = widget.NewEntry()
	s.woman.SetPlaceHolder("Woman's name")
	s.woman.OnSubmitted = func(string) { s.reload() }
	s.woman.OnChanged = func(string) {
		if s.wTimer != nil {
			s.wTimer.Stop()
		}
		s.wTimer = s.u.After(300*time.Millisecond, func() {
			if !s.u.Locked() && s.Form == nil {
				s.reload()
			}
		})
	}
	s.clearBtn = widget.NewButtonWithIcon("Clear filters", theme.ContentClearIcon(), s.clearFilters)
	s.clearBtn.Importance = widget.LowImportance
	s.clearBtn.Hide()
	s.filterErr = kit.ErrorLabel()
	s.count = widget.NewLabel("")

	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			when := widget.NewLabelWithStyle("Wed 30 Sep 2025 · 13:30–15:30", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			when.Truncation = fyne.TextTruncateEllipsis
			what := widget.NewLabel("Prison visit · HMP Somewhere")
			what.Truncation = fyne.TextTruncateEllipsis
			what.SizeName = theme.SizeNameCaptionText
			seen := widget.NewLabel("10 of 10 seen")
			seen.SizeName = theme.SizeNameCaptionText
			// The date and times have the row's whole width; how many were
			// seen sits at the end of the second line.
			return container.New(&kit.StackLayout{Gap: -2 * theme.InnerPadding()}, when,
				container.NewBorder(nil, nil, nil, seen, what))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			c := s.rows[i]
			b := o.(*fyne.Container)
			second := b.Objects[1].(*fyne.Container).Objects
			texts := []fyne.CanvasObject{b.Objects[0], second[0]}
			when := contactLongDate(c.Date)
			if t := contactTimeSpan(c.Start, c.End); t != "" {
				when += " · " + t
			}
			texts[0].(*widget.Label).SetText(when)
			what := schema.ContactKind.Label(c.Kind)
			if c.PlaceName != "" {
				what += " · " + c.PlaceName
			}
			texts[1].(*widget.Label).SetText(what)
			second[1].(*widget.Label).SetText(contactSeenText(c, s.today()))
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.rows) {
			s.selected = s.rows[i].ID
			s.showDetail(s.selected)
		}
	}

	s.drafts = container.NewVBox()
	title := container.NewBorder(nil, nil, nil, newBtn, kit.Heading("Contacts"))
	filters := container.NewVBox(
		title,
		container.NewGridWithColumns(2, s.kind, s.woman),
		kit.DateField(s.from, s.today), kit.DateField(s.to, s.today),
		s.filterErr,
		s.drafts,
		container.NewBorder(nil, nil, nil, s.clearBtn, s.count),
	)
	left := container.NewBorder(filters, nil, nil, nil, s.list)
	s.detail = container.NewStack()
	split := kit.ListPane(container.NewPadded(left), s.detail)
	s.browse = split
	s.root = container.NewStack(s.browse)
}

func (s *ContactsScreen) today() string {
	if !s.u.Locked() && s.u.Notes().TodayFunc != nil {
		return s.u.Notes().TodayFunc()
	}
	return notes.ClockToday()
}

// contactSeenText is the right-hand words of a list line: "4 of 5 seen",
// "seen", "3 booked" for a visit still to come.
func contactSeenText(c notes.ContactSummary, today string) string {
	switch {
	case c.People == 0:
		return "no women listed"
	case c.Date > today && c.Seen == 0:
		if c.Booked > 0 {
			return fmt.Sprintf("%d booked", c.Booked)
		}
		return fmt.Sprintf("%d listed", c.People)
	case c.People == 1 && c.Seen == 1:
		return "seen"
	case c.People == 1:
		return "not seen"
	}
	return fmt.Sprintf("%d of %d seen", c.Seen, c.People)
}

// filter reads the filter widgets; a date that does not check out is
// named under the filters and left out.
func (s *ContactsScreen) filter() notes.ContactFilter {
	var f notes.ContactFilter
	f.Kind, _ = schema.ContactKind.ValueOf(s.kind.Selected)
	var probs []string
	for _, x := range []struct {
		name string
		e    *kit.LeaveEntry
		dst  *string
	}{{"From", s.from, &f.From}, {"To", s.to, &f.To}} {
		d := strings.TrimSpace(x.e.Text)
		if d == "" {
			continue
		}
		if _, err := schema.ParseDate(d); err != nil {
			probs = append(probs, x.name+": "+kit.Sentence(err))
			continue
		}
		*x.dst = d
	}
	kit.SetError(s.filterErr, strings.Join(probs, "\n"))
	return f
}

// reload reads the list again with the current filters, keeping the
// chosen contact when it is still listed.
func (s *ContactsScreen) reload() {
	if s.u.Locked() {
		return
	}
	f := s.filter()
	rows, note, err := s.query(f)
	if err != nil {
		kit.ShowError(s.u.Window(), "The contacts could not be listed", err)
		return
	}
	s.rows = rows
	if s.filtered() {
		s.clearBtn.Show()
	} else {
		s.clearBtn.Hide()
	}
	s.list.UnselectAll()
	s.list.Refresh()
	switch len(rows) {
	case 1:
		s.count.SetText("1 contact" + note)
	default:
		s.count.SetText(fmt.Sprintf("%d contacts", len(rows)) + note)
	}
	for i, r := range rows {
		if r.ID == s.selected {
			s.list.Select(i)
			s.list.ScrollTo(i)
			return
		}
	}
	s.selected = ""
	s.showPlaceholder()
}

// query lists contacts for f, and for the women matching the woman filter
// when one is typed.
func (s *ContactsScreen) query(f notes.ContactFilter) ([]notes.ContactSummary, string, error) {
	store := s.u.Notes()
	text := strings.TrimSpace(s.woman.Text)
	if text == "" {
		rows, err := store.ListContacts(f)
		return rows, "", err
	}
	people, err := store.ListPeople(notes.PeopleFilter{Text: text, IncludeClosed: true})
	if err != nil {
		return nil, "", err
	}
	note := ""
	switch {
	case len(people) == 0:
		return nil, " (no woman's name matches)", nil
	case len(people) == 1:
		note = " with " + people[0].Name
	case len(people) > contactWomanFilterMax:
		people = people[:contactWomanFilterMax]
		note = fmt.Sprintf(" with the first %d women who match; type more of her name", contactWomanFilterMax)
	default:
		note = fmt.Sprintf(" with %d women who match", len(people))
	}
	seen := map[string]bool{}
	var rows []notes.ContactSummary
	for _, p := range people {
		f.PersonID = p.ID
		part, err := store.ListContacts(f)
		if err != nil {
			return nil, "", err
		}
		for _, r := range part {
			if !seen[r.ID] {
				seen[r.ID] = true
				rows = append(rows, r)
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		if a.Start != b.Start {
			return a.Start > b.Start
		}
		return a.ID < b.ID
	})
	return rows, note, nil
}

func (s *ContactsScreen) clearFilters() {
	s.kind.Selected = allKinds
	s.kind.Refresh()
	s.from.SetText("")
	s.to.SetText("")
	s.woman.SetText("")
	if s.wTimer != nil {
		s.wTimer.Stop()
	}
	s.reload()
}

func (s *ContactsScreen) filtered() bool {
	return s.kind.Selected != allKinds || s.from.Text != "" || s.to.Text != "" || s.woman.Text != ""
}

// showPlaceholder fills the detail pane when no contact is chosen.
func (s *ContactsScreen) showPlaceholder() {
	var o fyne.CanvasObject
	switch {
	case len(s.rows) > 0:
		o = kit.EmptyState("Choose a contact", "Its write-up appears here: who was seen, her note, needs discussed and items given.")
	case s.filtered():
		o = kit.EmptyState("No contacts match", "Nothing matches these filters. Press Clear to see every contact.")
	default:
		o = kit.EmptyState("No contacts yet",
			"Prison visits, release days, court, community and phone contacts will be listed here, newest first. "+
				"Press New contact (Ctrl+N) to write one up: add each woman by typing her name.")
	}
	s.setDetail(o)
}

func (s *ContactsScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// showRecord lists and shows one contact, clearing the filters if they
// hide it.
func (s *ContactsScreen) showRecord(id string) {
	s.selected = id
	s.reload()
	if id == "" || s.selected == id {
		return
	}
	if _, err := s.u.Notes().GetContact(id); err != nil {
		s.setDetail(kit.EmptyState("This contact is not here", "It may have been deleted."))
		return
	}
	s.selected = id
	s.clearFilters()
}

// open shows one contact; "new" starts a new one and "new:<person id>" a
// new one with her already added.
// Open shows a contact, opens it for editing, or starts a new write-up
// (for a woman when the route names one).
func (s *ContactsScreen) Open(r kit.Route) {
	switch {
	case r.New && r.ID == "":
		s.newContact()
	case r.New:
		s.startNew(r.ID)
	case r.Edit:
		s.open(r.ID)
		s.edit(r.ID)
	default:
		s.open(r.ID)
	}
}

func (s *ContactsScreen) open(id string) {
	switch {
	case id == "new":
		s.newContact()
	case strings.HasPrefix(id, "new:"):
		s.startNew(strings.TrimPrefix(id, "new:"))
	default:
		if s.Form != nil && s.Form.id == id {
			return
		}
		s.parkForm()
		s.loadDrafts()
		s.showRecord(id)
	}
}

// refresh reloads the list when the section is shown again; an open
// write-up is left exactly as it is.
func (s *ContactsScreen) Reload() {
	if s.Form != nil {
		return
	}
	s.reload()
	s.loadDrafts()
}

// beforeLock keeps the open write-up as a draft before the vault locks.
func (s *ContactsScreen) BeforeLock() {
	if s.wTimer != nil {
		s.wTimer.Stop()
	}
	if s.Form == nil {
		return
	}
	s.Form.stopDraftTimer()
	if s.Form.Dirty {
		s.Form.keepDraft()
	}
	s.Form.close()
}

// save saves the open write-up (Ctrl+S).
func (s *ContactsScreen) Save() {
	if s.Form != nil {
		s.Form.saveContact()
	}
}
