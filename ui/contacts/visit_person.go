package contacts

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// wellbeingNone is the wellbeing choice meaning "not recorded".
const wellbeingNone = "—"

// wellbeingOptions are the choices of the wellbeing select: none, 1..10.
var wellbeingOptions = func() []string {
	out := []string{wellbeingNone}
	for i := 1; i <= 10; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}()

// visitPerson is one woman's part of a contact in the write-up form: booked,
// seen or why not, needs discussed, items given, wellbeing and her note.
// Its widgets sit in reading order, so Tab goes through her fields and
// then on to the next woman; her note comes last.
type visitPerson struct {
	f        *contactForm
	personID string
	name     string

	title     *widget.Label
	booked    *contactFocusCheck
	seen      *kit.Check
	reason    *kit.Select
	wellbeing *kit.Select
	remove    *widget.Button
	needs     []string // need-area words in schema order
	needsBtn  *widget.Button
	needsText *widget.Label
	items     []*visitItem
	itemsBox  *fyne.Container
	addItem   *widget.Button
	note      *contactNoteEntry

	// "How is she doing?": p.wellbeing, and an optional need area and its
	// score; readingAreas are the areas of her readings at this contact
	// when the form opened (see readings.go).
	area, areaScore *kit.Select
	readingAreas    []string
	howRow          fyne.CanvasObject

	errTop   *widget.Label // her name, not-seen reason, wellbeing
	warn     *widget.Label // a gentle word from notes.ContactWarnings
	errNeeds *widget.Label
	errItems *widget.Label
	errNote  *widget.Label

	root fyne.CanvasObject
}

// visitItem is one "item given" line: what and how many.
type visitItem struct {
	item   *kit.Select
	qty    *kit.LeaveEntry
	remove *widget.Button
	row    fyne.CanvasObject
}

// newVisitPerson builds the card for one woman from her saved or drafted
// state. It does not mark the form changed.
func newVisitPerson(f *contactForm, st contactDraftPerson) *visitPerson {
	p := &visitPerson{f: f, personID: st.PersonID, name: st.Name}
	p.title = widget.NewLabelWithStyle(st.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	p.booked = newContactFocusCheck("Booked", func(bool) { f.changed() })
	p.booked.Checked = st.Booked
	p.seen = kit.NewCheck("Seen", func(on bool) {
		p.showReason()
		f.changed()
		f.updateCount()
	})
	p.seen.Checked = st.Seen
	p.reason = kit.NewSelect(schema.NotSeenReason.LabelList(), func(string) {
		p.clearError("NotSeenReason")
		f.changed()
	})
	p.reason.PlaceHolder = "Why not seen?"
	if st.Reason != "" {
		p.reason.Selected = schema.NotSeenReason.Label(st.Reason)
	}
	p.wellbeing = kit.NewSelect(wellbeingOptions, func(string) { f.changed() })
	p.wellbeing.Selected = wellbeingNone
	if st.Wellbeing != "" {
		p.wellbeing.Selected = st.Wellbeing
	}
	p.remove = widget.NewButtonWithIcon("Remove", theme.ContentRemoveIcon(), func() { f.askRemove(p) })
	p.remove.Importance = widget.LowImportance

	p.needs = append([]string(nil), st.Needs...)
	p.needsText = widget.NewLabel("")
	p.needsText.Wrapping = fyne.TextWrapWord
	p.needsBtn = widget.NewButtonWithIcon("Needs discussed", theme.ListIcon(), p.chooseNeeds)
	p.showNeeds()

	p.itemsBox = container.NewVBox()
	p.addItem = widget.NewButtonWithIcon("Item given", theme.ContentAddIcon(), func() {
		it := p.newItem("", "")
		p.layoutItems()
		f.changed()
		if c := fyne.CurrentApp().Driver().CanvasForObject(p.addItem); c != nil {
			c.Focus(it.item)
		}
	})
	p.addItem.Importance = widget.LowImportance
	for _, it := range st.Items {
		p.newItem(it.Item, it.Quantity)
	}
	p.layoutItems()

	p.note = newContactNoteEntry("Her note: how she is, what you talked about, what happens next", 3)
	p.note.SetText(st.Note)
	p.note.OnChanged = func(string) {
		p.clearError("Note")
		f.changed()
	}

	p.errTop, p.errNeeds, p.errItems, p.errNote = kit.ErrorLabel(), kit.ErrorLabel(), kit.ErrorLabel(), kit.ErrorLabel()

	p.howRow = p.newHowRow(st)
	// Her name is never cut short: in a narrow window the ticks move onto
	// the line below it.
	top := kit.Flow(p.title, container.NewHBox(p.booked, p.seen), kit.Sized(p.reason, 160), p.remove)
	needs := container.NewVBox(container.NewBorder(nil, nil, p.needsBtn, nil, p.needsText), p.errNeeds)
	items := container.NewVBox(p.itemsBox, container.NewHBox(p.addItem), p.errItems)
	p.warn = widget.NewLabel("")
	p.warn.Importance = widget.WarningImportance
	p.warn.Wrapping = fyne.TextWrapWord
	p.warn.Hide()
	p.root = contactPanel(container.NewVBox(
		top, p.howRow, p.warn, p.errTop,
		container.NewGridWithColumns(2, needs, items),
		p.note, p.errNote,
	))
	p.booked.onFocus = func() { kit.Reveal(p.root) }
	p.showReason()
	return p
}

// showReason shows the not-seen reason only while she is not marked seen.
func (p *visitPerson) showReason() {
	if p.seen.Checked {
		p.reason.Hide()
		p.clearError("NotSeenReason")
		p.howRow.Show()
	} else {
		p.reason.Show()
		p.howRow.Hide() // readings are taken with her
	}
}

// newItem adds an item line (not yet laid out).
func (p *visitPerson) newItem(item, qty string) *visitItem {
	it := &visitItem{}
	it.qty = kit.NewLeaveEntry("1", nil)
	it.qty.SetText(qty)
	it.qty.AlwaysShowValidationError = true
	it.qty.OnChanged = func(string) {
		it.qty.SetValidationError(nil)
		p.clearError("Items")
		p.f.changed()
	}
	it.item = kit.NewSelect(schema.Item.LabelList(), func(string) {
		p.clearError("Items")
		p.f.changed()
	})
	it.item.PlaceHolder = "What was given?"
	if item != "" {
		it.item.Selected = schema.Item.Label(item)
	}
	it.remove = widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		for i, x := range p.items {
			if x == it {
				p.items = append(p.items[:i], p.items[i+1:]...)
				break
			}
		}
		p.layoutItems()
		p.f.changed()
	})
	it.remove.Importance = widget.LowImportance
	it.row = container.NewBorder(nil, nil, nil, container.NewHBox(kit.Sized(it.qty, 64), it.remove), it.item)
	p.items = append(p.items, it)
	return it
}

func (p *visitPerson) layoutItems() {
	objs := make([]fyne.CanvasObject, len(p.items))
	for i, it := range p.items {
		objs[i] = it.row
	}
	p.itemsBox.Objects = objs
	p.itemsBox.Refresh()
}

// showNeeds writes the chosen needs beside the button.
func (p *visitPerson) showNeeds() {
	if len(p.needs) == 0 {
		p.needsText.SetText("none")
		p.needsText.Importance = widget.LowImportance
	} else {
		labels := make([]string, len(p.needs))
		for i, a := range p.needs {
			labels[i] = schema.NeedArea.Label(a)
		}
		p.needsText.SetText(strings.Join(labels, ", "))
		p.needsText.Importance = widget.MediumImportance
	}
	p.needsText.Refresh()
}

// chooseNeeds opens the needs as check boxes: hers (open or in progress on
// her record) first, then every other area.
func (p *visitPerson) chooseNeeds() {
	chosen := map[string]bool{}
	for _, a := range p.needs {
		chosen[a] = true
	}
	hers := map[string]bool{}
	if !p.f.u.Locked() {
		if rec, err := p.f.u.Notes().GetPerson(p.personID); err == nil {
			for _, n := range rec.Needs {
				if n.Status == "open" || n.Status == "in_progress" {
					hers[n.Area] = true
				}
			}
		}
	}
	check := func(area string) *contactDialogCheck {
		c := newContactDialogCheck(schema.NeedArea.Label(area), func(on bool) {
			chosen[area] = on
			p.needs = p.needs[:0]
			for _, a := range schema.NeedArea.Values {
				if chosen[a] {
					p.needs = append(p.needs, a)
				}
			}
			p.showNeeds()
			p.clearError("Needs")
			p.f.changed()
		})
		c.Checked = chosen[area]
		return c
	}
	var mine, others []*contactDialogCheck
	for _, a := range schema.NeedArea.Values {
		if hers[a] {
			mine = append(mine, check(a))
		} else {
			others = append(others, check(a))
		}
	}
	grid := func(cs []*contactDialogCheck) fyne.CanvasObject {
		objs := make([]fyne.CanvasObject, len(cs))
		for i, c := range cs {
			objs[i] = c
		}
		return container.NewGridWithColumns(3, objs...)
	}
	box := container.NewVBox()
	if len(mine) > 0 {
		box.Add(kit.Subheading("Her recorded needs"))
		box.Add(grid(mine))
		box.Add(kit.Subheading("Other areas"))
	}
	box.Add(grid(others))
	checks := append(mine, others...)
	box.Add(kit.Muted("Space ticks or unticks; Enter or Escape closes."))
	d := dialog.NewCustom("Needs discussed with "+p.name, "Done", box, p.f.u.Window())
	for _, c := range checks {
		c.close = d.Hide
	}
	win := p.f.u.Window()
	kit.EscapeCloses(win, d, func() { win.Canvas().Focus(p.needsBtn) })
	d.Show()
	if len(checks) > 0 {
		win.Canvas().Focus(checks[0])
	}
}

// state is her part of the form as typed, for the autosaved draft.
func (p *visitPerson) state() contactDraftPerson {
	st := contactDraftPerson{
		PersonID: p.personID, Name: p.name,
		Booked: p.booked.Checked, Seen: p.seen.Checked,
		Note: p.note.Text, Needs: append([]string(nil), p.needs...),
	}
	if !p.seen.Checked {
		st.Reason, _ = schema.NotSeenReason.ValueOf(p.reason.Selected)
	}
	if p.wellbeing.Selected != wellbeingNone {
		st.Wellbeing = p.wellbeing.Selected
	}
	p.readingState(&st)
	for _, it := range p.items {
		v, _ := schema.Item.ValueOf(it.item.Selected)
		st.Items = append(st.Items, contactDraftItem{Item: v, Quantity: it.qty.Text})
	}
	return st
}

// record is her row for notes.SaveContact. Problems the form can see
// itself (an item not chosen, a quantity that is not a number) come back
// as field errors named as notes names them ("Items[0].Quantity").
func (p *visitPerson) record() (notes.ContactPerson, []notes.FieldError) {
	st := p.state()
	cp := notes.ContactPerson{
		PersonID: st.PersonID, Booked: st.Booked, Seen: st.Seen,
		NotSeenReason: st.Reason, Note: st.Note, NeedsDiscussed: st.Needs,
	}
	var errs []notes.FieldError
	if st.Wellbeing != "" {
		w, err := strconv.Atoi(st.Wellbeing)
		if err != nil {
			errs = append(errs, notes.FieldError{Field: "Wellbeing", Message: "Wellbeing is a score from 1 to 10 (or leave it as —)."})
		}
		cp.Wellbeing = &w
	}
	if msg := p.readingProblem(); msg != "" && st.Seen {
		errs = append(errs, notes.FieldError{Field: "Reading", Message: msg})
	}
	for j, it := range st.Items {
		field := fmt.Sprintf("Items[%d]", j)
		if it.Item == "" {
			errs = append(errs, notes.FieldError{Field: field + ".Item", Message: "Choose what was given on each item line, or remove the line."})
			p.items[j].qty.SetValidationError(nil)
			continue
		}
		qty := strings.TrimSpace(it.Quantity)
		if qty == "" {
			qty = "1" // the placeholder: one, unless she was given more
		}
		q, err := strconv.Atoi(qty)
		if err != nil {
			errs = append(errs, notes.FieldError{Field: field + ".Quantity",
				Message: fmt.Sprintf("Enter how many %s were given as a number, for example 2.", strings.ToLower(schema.Item.Label(it.Item)))})
			p.items[j].qty.SetValidationError(errors.New("not a number"))
			continue
		}
		cp.Items = append(cp.Items, notes.ItemQty{Item: it.Item, Quantity: q})
	}
	return cp, errs
}

// errorFor maps a field inside her row ("NotSeenReason",
// "Items[1].Quantity") to the error line that shows it.
func (p *visitPerson) errorFor(field string) *widget.Label {
	switch {
	case strings.HasPrefix(field, "Note"):
		return p.errNote
	case strings.HasPrefix(field, "NeedsDiscussed"), field == "Needs":
		return p.errNeeds
	case strings.HasPrefix(field, "Items"):
		return p.errItems
	}
	return p.errTop
}

// showError adds a message under the part of her card it is about.
func (p *visitPerson) showError(field, msg string) {
	l := p.errorFor(field)
	if l.Visible() && l.Text != "" {
		if strings.Contains(l.Text, msg) {
			return
		}
		msg = l.Text + "\n" + msg
	}
	kit.SetError(l, msg)
}

// clearError hides the error line of field as soon as it is changed.
func (p *visitPerson) clearError(field string) {
	if p.errTop == nil {
		return
	}
	kit.SetError(p.errorFor(field), "")
}

// clearErrors hides every error line of her card.
func (p *visitPerson) clearErrors() {
	for _, l := range []*widget.Label{p.errTop, p.errNeeds, p.errItems, p.errNote} {
		kit.SetError(l, "")
	}
	for _, it := range p.items {
		it.qty.SetValidationError(nil)
	}
}

// hasWriting reports whether anything was written about her here that
// removing her would throw away.
func (p *visitPerson) hasWriting() bool {
	return strings.TrimSpace(p.note.Text) != "" || len(p.needs) > 0 || len(p.items) > 0 ||
		p.wellbeing.Selected != wellbeingNone
}
