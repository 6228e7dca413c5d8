package contacts

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// contactSuggestMax is how many women the name box suggests at once.
const contactSuggestMax = 6

// The women of the contact form: adding them by name from the keyboard,
// laying out their cards, removing them.

// layoutWomen shows the cards in order, numbered.
func (f *contactForm) layoutWomen() {
	objs := make([]fyne.CanvasObject, len(f.women))
	for i, p := range f.women {
		p.title.SetText(fmt.Sprintf("%d. %s", i+1, p.name))
		objs[i] = p.root
	}
	f.womenBox.Objects = objs
	f.womenBox.Refresh()
	if len(f.women) == 0 {
		f.noWomen.Show()
	} else {
		f.noWomen.Hide()
	}
	f.updateCount()
}

// updateCount says how many women and how many seen, beside the heading.
func (f *contactForm) updateCount() {
	n, seen := len(f.women), 0
	for _, p := range f.women {
		if p.seen.Checked {
			seen++
		}
	}
	switch n {
	case 0:
		f.womenCount.SetText("")
	case 1:
		f.womenCount.SetText(fmt.Sprintf("1 woman, %d seen", seen))
	default:
		f.womenCount.SetText(fmt.Sprintf("%d women, %d seen", n, seen))
	}
}

// suggest lists women whose name, pseudonym or prison number matches q:
// women at this contact's establishment first, then those seen most
// recently, and "add as a new woman" when no name matches exactly.
func (f *contactForm) suggest(q string) {
	q = strings.TrimSpace(q)
	f.suggests = nil
	if q != "" && !f.u.Locked() {
		people, err := f.u.Notes().ListPeople(notes.PeopleFilter{Text: q})
		if err != nil {
			f.status.SetText("The list of women could not be read: " + kit.Sentence(err))
		}
		added := map[string]bool{}
		for _, p := range f.women {
			added[p.personID] = true
		}
		est := f.whereIDs[f.where.Selected]
		var matches []notes.PersonSummary
		exact := false
		for _, p := range people {
			if strings.EqualFold(strings.TrimSpace(p.Name), q) {
				exact = true
			}
			if !added[p.ID] {
				matches = append(matches, p)
			}
		}
		sort.SliceStable(matches, func(i, j int) bool {
			a, b := matches[i], matches[j]
			if ap, bp := wordPrefix(a.Name, q), wordPrefix(b.Name, q); ap != bp {
				return ap
			}
			ah, bh := est != "" && a.EstablishmentID == est, est != "" && b.EstablishmentID == est
			if ah != bh {
				return ah
			}
			return a.LastContact > b.LastContact
		})
		if len(matches) > contactSuggestMax {
			matches = matches[:contactSuggestMax]
		}
		for _, p := range matches {
			f.suggests = append(f.suggests, contactSuggestion{personID: p.ID, name: p.Name, row: nil})
			f.suggests[len(f.suggests)-1].row = f.suggestRow(len(f.suggests)-1, suggestionText(p))
		}
		if !exact && utf8.RuneCountInString(q) >= 2 {
			f.suggests = append(f.suggests, contactSuggestion{newName: q})
			f.suggests[len(f.suggests)-1].row = f.suggestRow(len(f.suggests)-1,
				"Add “"+q+"” as a new woman (her details can be filled in on her page later)")
		}
	}
	f.hi = 0
	objs := make([]fyne.CanvasObject, len(f.suggests))
	for i, s := range f.suggests {
		objs[i] = s.row
	}
	f.suggestBox.Objects = objs
	f.suggestBox.Refresh()
	f.highlight()
}

func (f *contactForm) suggestRow(i int, text string) *contactSuggestRow {
	return newContactSuggestRow(text, func() {
		f.hi = i
		f.takeSuggestion()
	})
}

// wordPrefix reports whether a word of name starts with q, ignoring case:
// typing "ann" puts Anna Smith and Jo Annan before Roxanne Young.
func wordPrefix(name, q string) bool {
	q = strings.ToLower(q)
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if strings.HasPrefix(w, q) {
			return true
		}
	}
	return strings.HasPrefix(strings.ToLower(name), q)
}

// suggestionText is one woman in the suggestions: name, prison number,
// where she is and when she was last seen.
func suggestionText(p notes.PersonSummary) string {
	parts := []string{p.Name}
	if p.PrisonNumber != "" {
		parts = append(parts, p.PrisonNumber)
	}
	if p.EstablishmentName != "" {
		parts = append(parts, p.EstablishmentName)
	}
	if p.LastContact != "" {
		parts = append(parts, "last seen "+contactLongDate(p.LastContact))
	}
	return strings.Join(parts, "  ·  ")
}

func (f *contactForm) highlight() {
	for i, s := range f.suggests {
		s.row.setHighlight(i == f.hi)
	}
}

// suggestKey moves through the suggestions with the arrow keys; Escape
// closes them.
func (f *contactForm) suggestKey(k fyne.KeyName) bool {
	if len(f.suggests) == 0 {
		return false
	}
	switch k {
	case fyne.KeyDown:
		f.hi = (f.hi + 1) % len(f.suggests)
	case fyne.KeyUp:
		f.hi = (f.hi + len(f.suggests) - 1) % len(f.suggests)
	case fyne.KeyEscape:
		f.suggests = nil
		f.suggestBox.Objects = nil
		f.suggestBox.Refresh()
		return true
	}
	f.highlight()
	return true
}

// takeSuggestion adds the highlighted woman (Enter in the name box).
func (f *contactForm) takeSuggestion() {
	if len(f.suggests) == 0 {
		f.suggest(f.add.Text)
	}
	if len(f.suggests) == 0 {
		return
	}
	s := f.suggests[min(f.hi, len(f.suggests)-1)]
	if s.newName == "" {
		f.addPerson(s.personID, s.name)
		return
	}
	p := &notes.Person{Name: s.newName}
	if f.kindValue() == "prison_visit" {
		p.EstablishmentID = f.whereIDs[f.where.Selected]
	}
	if err := f.u.Notes().SavePerson(p); err != nil {
		if v, ok := notes.AsValidation(err); ok && len(v) > 0 {
			f.status.SetText(v[0].Message)
			return
		}
		kit.ShowError(f.u.Window(), "Her record could not be made", err)
		return
	}
	f.u.Changed()
	f.addPerson(p.ID, p.Name)
	f.status.SetText("Made a new record for " + p.Name + ".")
}

// addPerson adds a woman to the contact (or goes to her card if she is
// already there) and puts the cursor in her note.
func (f *contactForm) addPerson(id, name string) {
	f.add.SetText("")
	f.suggest("")
	for _, p := range f.women {
		if p.personID == id {
			f.focusNote(p)
			return
		}
	}
	date := strings.TrimSpace(f.date.Text)
	seen := !schema.ValidDate(date) || date <= f.u.Notes().TodayFunc()
	st := contactDraftPerson{PersonID: id, Name: name, Booked: f.kindValue() == "prison_visit", Seen: seen}
	p := newVisitPerson(f, st)
	f.women = append(f.women, p)
	f.layoutWomen()
	f.changed()
	f.focusNote(p)
	f.scroll.ScrollToBottom()
}

func (f *contactForm) focusNote(p *visitPerson) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.add); c != nil {
		c.Focus(p.note)
	}
}

// askRemove takes a woman off the contact, asking first if anything was
// written about her.
func (f *contactForm) askRemove(p *visitPerson) {
	if !p.hasWriting() {
		f.removePerson(p)
		return
	}
	kit.Confirm(f.u.Window(), "Remove "+p.name+" from this contact?", kit.Wrapped("What you wrote about her at this contact (her note, needs, items and wellbeing) goes too. Her own record is not touched."), "Remove her", "Keep her", true, kit.IfYes(func() { f.removePerson(p) }))
}

func (f *contactForm) removePerson(p *visitPerson) {
	for i, x := range f.women {
		if x == p {
			f.women = append(f.women[:i], f.women[i+1:]...)
			break
		}
	}
	f.layoutWomen()
	f.changed()
	if c := fyne.CurrentApp().Driver().CanvasForObject(f.add); c != nil {
		c.Focus(f.add)
	}
}
