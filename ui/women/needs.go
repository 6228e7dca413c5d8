package women

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// womanNeeds lists her areas of need with how each stands and a note.
// A change of status is saved at once, a note when the user leaves it.
type womanNeeds struct {
	p       *womanPage
	needs   []notes.Need
	rows    []*needRow
	message *widget.Label
	list    *fyne.Container
	add     *kit.Select
	root    fyne.CanvasObject
}

// needRow is the widgets of one need.
type needRow struct {
	status *kit.Select
	note   *kit.LeaveEntry
	saved  string // the note as last saved
}

func newWomanNeeds(p *womanPage) *womanNeeds {
	n := &womanNeeds{p: p}
	n.message = widget.NewLabel("")
	n.message.Importance = widget.DangerImportance
	n.message.Wrapping = fyne.TextWrapWord
	n.message.Hide()
	n.list = container.NewVBox()
	n.add = kit.NewSelect(nil, nil)
	n.add.PlaceHolder = "Choose an area of need"
	addButton := widget.NewButtonWithIcon("Add need", theme.ContentAddIcon(), n.addNeed)
	n.root = container.NewVBox(
		kit.Muted("Her needs as she sees them, and how each stands. Changes are saved as you go."),
		n.message,
		n.list,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, addButton, n.add),
	)
	n.reload()
	return n
}

func (n *womanNeeds) Content() fyne.CanvasObject { return n.root }

// reload shows the needs of her stored record.
func (n *womanNeeds) reload() {
	n.needs = append([]notes.Need(nil), n.p.person.Needs...)
	n.rows = nil
	var objs []fyne.CanvasObject
	if len(n.needs) == 0 {
		objs = append(objs, kit.Muted("No needs recorded yet. Choose an area below and add it."))
	}
	for i, need := range n.needs {
		i := i
		row := &needRow{saved: need.Note}
		row.status = kit.EnumSelect(schema.NeedStatus, need.Status)
		row.status.OnChanged = func(string) { n.save() }
		row.note = kit.NewLeaveEntry("", nil).Lines(0)
		row.note.SetPlaceHolder("What she needs, who is helping, what happens next")
		row.note.SetText(need.Note)
		row.note.SetMinRowsVisible(2)
		row.note.OnLeave = func() {
			if row.note.Text != row.saved {
				n.save()
			}
		}
		remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { n.remove(i) })
		remove.Importance = widget.LowImportance
		n.rows = append(n.rows, row)
		title := kit.Subheading(schema.NeedArea.Label(need.Area))
		head := container.NewBorder(nil, nil, nil, container.NewHBox(row.status, remove), title)
		objs = append(objs, widget.NewCard("", "", container.NewVBox(head, row.note)))
	}
	n.list.Objects = objs
	n.list.Refresh()

	var free []string
	for _, a := range schema.NeedArea.Values {
		if !n.has(a) {
			free = append(free, schema.NeedArea.Label(a))
		}
	}
	n.add.Options = free
	n.add.ClearSelected()
	n.add.Refresh()
}

func (n *womanNeeds) has(area string) bool {
	for _, x := range n.needs {
		if x.Area == area {
			return true
		}
	}
	return false
}

// current is the needs as shown, with the typed notes and statuses.
func (n *womanNeeds) current() []notes.Need {
	out := make([]notes.Need, len(n.needs))
	for i, need := range n.needs {
		out[i] = notes.Need{Area: need.Area, Status: kit.EnumValue(schema.NeedStatus, n.rows[i].status), Note: n.rows[i].note.Text}
	}
	return out
}

// flush saves notes still being typed.
func (n *womanNeeds) flush() {
	for _, r := range n.rows {
		if r.note.Text != r.saved {
			n.save()
			return
		}
	}
}

// save stores the needs as shown. Her other details are saved as they are
// stored; if they have a problem, it is shown here and nothing typed is lost.
func (n *womanNeeds) save() bool {
	return n.store(n.current())
}

func (n *womanNeeds) store(needs []notes.Need) bool {
	st := n.p.u.Notes()
	cur, err := st.GetPerson(n.p.id)
	if err != nil {
		kit.ShowError(n.p.u.Window(), "Her needs could not be saved", err)
		return false
	}
	cur.Needs = needs
	if err := st.SavePerson(cur); err != nil {
		if v, ok := notes.AsValidation(err); ok {
			n.message.SetText("Her needs could not be saved: " + kit.ValidationText(v) + " Correct it under Details, then come back.")
			n.message.Show()
			return false
		}
		kit.ShowError(n.p.u.Window(), "Her needs could not be saved", err)
		return false
	}
	n.message.Hide()
	n.p.person = cur
	for i, r := range n.rows {
		if i < len(needs) {
			r.saved = needs[i].Note
		}
	}
	n.p.afterChange()
	return true
}

// addNeed adds the chosen area as an open need.
func (n *womanNeeds) addNeed() {
	area, ok := schema.NeedArea.ValueOf(n.add.Selected)
	if !ok {
		n.message.SetText("Choose the area of need to add.")
		n.message.Show()
		return
	}
	needs := append(n.current(), notes.Need{Area: area, Status: "open"})
	if n.store(needs) {
		n.reload()
		if len(n.rows) > 0 {
			n.p.u.Window().Canvas().Focus(n.rows[len(n.rows)-1].note)
		}
	}
}

// remove takes a need off her list, asking first if it has a note.
func (n *womanNeeds) remove(i int) {
	do := func() {
		needs := n.current()
		needs = append(needs[:i], needs[i+1:]...)
		if n.store(needs) {
			n.reload()
		}
	}
	if n.rows[i].note.Text == "" {
		do()
		return
	}
	dialog.ShowConfirm("Remove this need?",
		"The need “"+schema.NeedArea.Label(n.needs[i].Area)+"” and its note will be removed from her record.",
		func(ok bool) {
			if ok {
				do()
			}
		}, n.p.u.Window())
}
