package letters

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/ui/kit"
)

// letterSuggestMax is how many women the picker suggests at once.
const letterSuggestMax = 6

// letterWomanPicker chooses the woman a letter is to or from: a select
// entry whose drop-down and the suggestions under it follow what is typed
// (her name, pseudonym or prison number). Enter takes the first
// suggestion. The choice is by id, so two women with the same name are
// told apart by their prison numbers.
type letterWomanPicker struct {
	u     kit.Env
	entry *letterWomanEntry
	box   *fyne.Container // the suggestions

	personID string
	chosen   string            // the text shown when she was chosen
	labels   map[string]string // suggestion label → id
	names    map[string]string // id → name
	first    string            // id of the first suggestion
	setting  bool

	onChange func()
	onLeave  func()
	onSubmit func()
	onChosen func() // after a suggestion is taken: move on

	root fyne.CanvasObject
}

func newLetterWomanPicker(u kit.Env, onChange func()) *letterWomanPicker {
	p := &letterWomanPicker{u: u, onChange: onChange, labels: map[string]string{}, names: map[string]string{}}
	p.entry = &letterWomanEntry{p: p}
	p.entry.ExtendBaseWidget(p.entry)
	p.entry.SetPlaceHolder("Start typing her name or prison number")
	p.entry.SetOptions(p.custodyOptions())
	p.entry.OnChanged = p.typed
	p.box = container.NewVBox()
	p.box.Hide()
	p.root = container.New(&kit.StackLayout{Gap: 0}, p.entry, p.box)
	return p
}

func (p *letterWomanPicker) Content() fyne.CanvasObject { return p.root }

// letterDropDownMax is how many women the drop-down offers before
// anything is typed.
const letterDropDownMax = 40

// custodyOptions are the drop-down's choices before anything is typed:
// the women in custody (the pen-pals), by name.
func (p *letterWomanPicker) custodyOptions() []string {
	if p.u.Locked() {
		return nil
	}
	people, err := p.u.Notes().ListPeople(notes.PeopleFilter{InCustodyOnly: true})
	if err != nil {
		return nil
	}
	var out []string
	for _, w := range people {
		if len(out) == letterDropDownMax {
			break
		}
		label := letterWomanLabel(w)
		p.labels[label] = w.ID
		p.names[w.ID] = w.Name
		out = append(out, label)
	}
	return out
}

// set shows woman id (named name) as chosen.
func (p *letterWomanPicker) set(id, name string) {
	p.setting = true
	p.entry.SetText(name)
	p.setting = false
	p.personID, p.chosen = id, name
	if id != "" {
		p.names[id] = name
	}
	p.hideSuggestions()
}

// name is the chosen woman's name, or the text typed.
func (p *letterWomanPicker) name() string {
	if n, ok := p.names[p.personID]; ok && p.personID != "" {
		return n
	}
	return strings.TrimSpace(p.entry.Text)
}

// typed follows the text: a suggestion's label or a unique exact name
// chooses her; anything else lists the women it matches.
func (p *letterWomanPicker) typed(text string) {
	if p.setting {
		return
	}
	if p.onChange != nil {
		p.onChange()
	}
	if p.personID != "" && text == p.chosen {
		return
	}
	p.personID = ""
	if id, ok := p.labels[text]; ok {
		p.personID, p.chosen = id, text
		p.hideSuggestions()
		return
	}
	q := strings.TrimSpace(text)
	if q == "" || p.u.Locked() {
		p.hideSuggestions()
		return
	}
	people, err := p.u.Notes().ListPeople(notes.PeopleFilter{Text: q})
	if err != nil {
		p.hideSuggestions()
		return
	}
	var exact []notes.PersonSummary
	for _, w := range people {
		if strings.EqualFold(strings.TrimSpace(w.Name), q) {
			exact = append(exact, w)
		}
	}
	if len(exact) == 1 {
		p.personID, p.chosen = exact[0].ID, text
		p.names[exact[0].ID] = exact[0].Name
		p.hideSuggestions()
		return
	}
	p.showSuggestions(letterSuggestOrder(people, q))
}

// letterSuggestOrder puts women whose name starts with what was typed
// first, keeping the list's order otherwise, and keeps at most
// letterSuggestMax.
func letterSuggestOrder(people []notes.PersonSummary, q string) []notes.PersonSummary {
	q = strings.ToLower(q)
	var first, rest []notes.PersonSummary
	for _, w := range people {
		if strings.HasPrefix(strings.ToLower(w.Name), q) {
			first = append(first, w)
		} else {
			rest = append(rest, w)
		}
	}
	out := append(first, rest...)
	if len(out) > letterSuggestMax {
		out = out[:letterSuggestMax]
	}
	return out
}

// letterWomanLabel is how a woman is offered: her name, then her prison
// number and where she is, so women with the same name can be told apart.
func letterWomanLabel(w notes.PersonSummary) string {
	var bits []string
	if w.PrisonNumber != "" {
		bits = append(bits, w.PrisonNumber)
	}
	if w.EstablishmentName != "" {
		bits = append(bits, w.EstablishmentName)
	}
	if len(bits) == 0 {
		return w.Name
	}
	return w.Name + " · " + strings.Join(bits, ", ")
}

func (p *letterWomanPicker) showSuggestions(people []notes.PersonSummary) {
	p.first = ""
	var objs []fyne.CanvasObject
	var options []string
	for _, w := range people {
		w := w
		label := letterWomanLabel(w)
		p.labels[label] = w.ID
		p.names[w.ID] = w.Name
		options = append(options, label)
		if p.first == "" {
			p.first = w.ID
		}
		b := widget.NewButtonWithIcon(label, theme.AccountIcon(), func() { p.choose(w.ID) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		objs = append(objs, b)
	}
	p.entry.SetOptions(options)
	if len(objs) == 0 {
		objs = append(objs, kit.Soft("No woman on record matches. Check the spelling, or add her in Women first."))
	}
	p.box.Objects = objs
	p.box.Show()
	p.box.Refresh()
	p.root.Refresh()
}

func (p *letterWomanPicker) hideSuggestions() {
	p.first = ""
	if p.box.Visible() {
		p.box.Hide()
		p.box.Objects = nil
		p.root.Refresh()
	}
}

// choose takes woman id and moves on to the next field.
func (p *letterWomanPicker) choose(id string) {
	p.set(id, p.names[id])
	if p.onChange != nil {
		p.onChange()
	}
	if p.onLeave != nil {
		p.onLeave()
	}
	if p.onChosen != nil {
		p.onChosen()
	}
}

// letterWomanEntry is the picker's select entry: Enter takes the first
// suggestion, or submits the form once she is chosen.
type letterWomanEntry struct {
	widget.SelectEntry
	p *letterWomanPicker
}

// TypedKey handles Enter and Escape, and passes other keys on.
func (e *letterWomanEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.p.personID == "" && e.p.first != "" {
			e.p.choose(e.p.first)
			return
		}
		if e.p.onSubmit != nil {
			e.p.onSubmit()
		}
		return
	case fyne.KeyEscape:
		if e.p.box.Visible() {
			e.p.hideSuggestions()
			return
		}
	}
	e.SelectEntry.TypedKey(k)
}

// FocusLost checks the field as the user leaves it.
func (e *letterWomanEntry) FocusLost() {
	e.SelectEntry.FocusLost()
	if e.p.onLeave != nil {
		e.p.onLeave()
	}
}
