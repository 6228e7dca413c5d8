package letters

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/newsletter"
	"inreach/schema"
	"inreach/ui/kit"
)

// What happened in the letter form, for the log beside it.
type letterFormEventKind int

const (
	letterSaved   letterFormEventKind = iota // id was saved
	letterDeleted                            // the letter was deleted
	letterClosed                             // the form was closed
	letterReply                              // log a reply: reply is filled in
)

type letterFormEvent struct {
	kind  letterFormEventKind
	id    string
	reply *newsletter.Letter
}

// The direction choices, in words.
const (
	letterInWords  = "From her (in)"
	letterOutWords = "To her (out)"
)

// letterForm logs one letter, email or call, or changes a logged one. Each
// field is checked as the user leaves it and again on saving; problems are
// shown at their field and nothing typed is lost.
type letterForm struct {
	kit.Editor // dirty, loading

	u    kit.Env
	id   string // "" until saved
	done func(letterFormEvent)

	title *widget.Label
	note  *widget.RichText

	woman    *letterWomanPicker
	womanErr *widget.Label

	date      *kit.LeaveEntry
	dateErr   *widget.Label
	direction *widget.RadioGroup
	dirErr    *widget.Label
	channel   *widget.RadioGroup
	chanErr   *widget.Label

	summary    *kit.GrowingEntry
	summaryErr *widget.Label

	enclosures []*kit.Check
	other      *kit.LeaveEntry
	enclErr    *widget.Label

	replyDue *kit.LeaveEntry
	replyErr *widget.Label

	footer *kit.Footer
	info   *widget.RichText // under the title: the date and whether a reply is awaited

	root fyne.CanvasObject
}

// newLetterForm builds the form for lt (a stored letter, or a new one with
// no ID); name is her name as shown.
func newLetterForm(u kit.Env, lt *newsletter.Letter, name string, done func(letterFormEvent)) *letterForm {
	f := &letterForm{u: u, id: lt.ID}
	f.done = func(ev letterFormEvent) {
		if ev.kind != letterSaved {
			f.Close() // no autosave after it is closed, deleted or left for a reply
		}
		done(ev)
	}
	f.Init(u, &letterAutosaveDelay, f.autosave)
	f.build()
	f.fill(lt, name)
	return f
}

func (f *letterForm) Content() fyne.CanvasObject { return f.root }

func (f *letterForm) build() {
	changed := func() { f.Edited() }
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.SizeName = theme.SizeNameHeadingText
	f.title.Truncation = fyne.TextTruncateEllipsis
	f.footer = kit.NewFooter(kit.FooterOptions{OnPrimary: func() { f.save() },
		OnClose: f.close, OnDelete: f.confirmDelete})
	f.note = f.footer.Note
	f.info = kit.Soft("")

	f.womanErr = kit.ErrorLabel()
	f.woman = newLetterWomanPicker(f.u, func() {
		changed()
		kit.SetError(f.womanErr, "")
	})
	f.woman.onLeave = func() { f.checkWoman(false) }
	f.woman.onSubmit = func() { f.save() }
	f.woman.onChosen = func() { f.u.Window().Canvas().Focus(f.date) }

	f.dateErr = kit.ErrorLabel()
	f.date = kit.NewLeaveEntry("YYYY-MM-DD", nil)
	f.date.OnChanged = func(string) { changed() }
	f.date.OnLeave = func() { f.checkDates() }
	f.date.OnEnter = func() { f.save() }

	f.dirErr = kit.ErrorLabel()
	f.direction = widget.NewRadioGroup([]string{letterInWords, letterOutWords}, func(string) {
		changed()
		kit.SetError(f.dirErr, "")
	})
	f.direction.Horizontal = true
	f.chanErr = kit.ErrorLabel()
	f.channel = widget.NewRadioGroup(schema.LetterChannel.LabelList(), func(string) { changed() })
	f.channel.Horizontal = true

	f.summaryErr = kit.ErrorLabel()
	f.summary = kit.NewGrowingEntry("What it was about, in a line or two", 3, 8)
	f.summary.OnChanged = func(string) { changed() }

	var checks []fyne.CanvasObject
	for _, e := range letterEnclosures {
		c := kit.NewCheck(e.label, func(bool) { changed() })
		f.enclosures = append(f.enclosures, c)
		checks = append(checks, c)
	}
	f.other = kit.NewLeaveEntry("Anything else, separated by commas", nil)
	f.other.OnChanged = func(string) { changed() }
	f.other.OnEnter = func() { f.save() }
	f.enclErr = kit.ErrorLabel()

	f.replyErr = kit.ErrorLabel()
	f.replyDue = kit.NewLeaveEntry("YYYY-MM-DD", nil)
	f.replyDue.OnChanged = func(string) { changed() }
	f.replyDue.OnLeave = func() { f.checkDates() }
	f.replyDue.OnEnter = func() { f.save() }
	inDays := func(n int) func() {
		return func() {
			from := strings.TrimSpace(f.date.Text)
			if kit.DateProblem(from, true) != "" {
				from = kit.TodayFor(f.u)
			}
			f.replyDue.SetText(lettersAddDays(from, n))
			f.checkDates()
		}
	}
	week := widget.NewButton("In a week", inDays(7))
	week.Importance = widget.LowImportance
	fortnight := widget.NewButton("In two weeks", inDays(14))
	fortnight.Importance = widget.LowImportance

	dateBox := kit.DateField(f.date, func() string { return kit.TodayFor(f.u) })
	replyBox := kit.DateField(f.replyDue, func() string { return kit.TodayFor(f.u) })
	// Rows of several fields wrap rather than widen a narrow window.
	form := container.NewVBox(
		kit.Captioned("Woman", f.woman.Content(), f.womanErr),
		kit.Flow(kit.Captioned("Date", dateBox, nil), kit.Captioned("Direction", f.direction, f.dirErr)),
		f.dateErr,
		kit.Captioned("How", f.channel, f.chanErr),
		kit.Captioned("What it was about", f.summary, f.summaryErr),
		kit.Captioned("Sent with it", container.NewVBox(kit.Flow(checks...), f.other), f.enclErr),
		kit.Captioned("Reply due", kit.Flow(replyBox, week, fortnight), f.replyErr),
		kit.Soft("The date by which she should hear back, for a letter from her. Leave it empty when no reply is needed: it then never shows as overdue."),
	)

	f.setButtons()
	body := container.NewVScroll(container.NewPadded(form))
	f.root = kit.EditorWithFooter(container.NewPadded(container.NewVBox(f.title, f.info)), body, f.footer)
}

// fill puts lt into the form.
func (f *letterForm) fill(lt *newsletter.Letter, name string) {
	f.Loading = true
	defer func() { f.Loading = false }()
	f.woman.set(lt.PersonID, name)
	f.date.SetText(lt.Date)
	switch lt.Direction {
	case "in":
		f.direction.SetSelected(letterInWords)
	case "out":
		f.direction.SetSelected(letterOutWords)
	}
	ch := lt.Channel
	if ch == "" {
		ch = "letter"
	}
	f.channel.SetSelected(schema.LetterChannel.Label(ch))
	f.summary.SetText(lt.Summary)
	var other []string
	for _, it := range lt.Enclosures {
		known := false
		for i, e := range letterEnclosures {
			if e.value == it {
				f.enclosures[i].SetChecked(true)
				known = true
			}
		}
		if !known {
			other = append(other, it)
		}
	}
	f.other.SetText(strings.Join(other, ", "))
	f.replyDue.SetText(lt.ReplyDue)
	f.showTitle(name, lt.Direction)
	kit.SetSoft(f.note, kit.AutosaveNote)
}

// setNote shows text under the title.
func (f *letterForm) setNote(text string) { kit.SetSoft(f.info, text) }

func (f *letterForm) showTitle(name, direction string) {
	switch {
	case f.id == "":
		f.title.SetText("Log a letter")
	case direction == "in":
		f.title.SetText("From " + name)
	default:
		f.title.SetText("To " + name)
	}
}

// focusFirst puts the keyboard in the first empty field.
func (f *letterForm) focusFirst() {
	c := f.u.Window().Canvas()
	if f.woman.personID == "" {
		c.Focus(f.woman.entry)
	} else {
		c.Focus(f.summary)
	}
}

// collect reads the form into a letter. The woman is the one chosen.
func (f *letterForm) collect() newsletter.Letter {
	lt := newsletter.Letter{ID: f.id, PersonID: f.woman.personID, Date: strings.TrimSpace(f.date.Text),
		Summary: strings.TrimSpace(f.summary.Text), ReplyDue: strings.TrimSpace(f.replyDue.Text)}
	switch f.direction.Selected {
	case letterInWords:
		lt.Direction = "in"
	case letterOutWords:
		lt.Direction = "out"
	}
	if v, ok := schema.LetterChannel.ValueOf(f.channel.Selected); ok {
		lt.Channel = v
	}
	for i, c := range f.enclosures {
		if c.Checked {
			lt.Enclosures = append(lt.Enclosures, letterEnclosures[i].value)
		}
	}
	for _, o := range strings.Split(f.other.Text, ",") {
		if o = strings.TrimSpace(o); o != "" {
			lt.Enclosures = append(lt.Enclosures, o)
		}
	}
	return lt
}

// checkWoman shows at the field when no woman is chosen; required says
// an empty field is a problem too (on saving, not on leaving).
func (f *letterForm) checkWoman(required bool) bool {
	msg := ""
	switch {
	case f.woman.personID != "":
	case strings.TrimSpace(f.woman.entry.Text) == "":
		if required {
			msg = "Choose the woman this letter is to or from: start typing her name."
		}
	default:
		msg = "No woman on record has this name: start typing her name and pick her from the list."
	}
	kit.SetError(f.womanErr, msg)
	return msg == ""
}

// checkDates shows problems with the dates at their fields.
func (f *letterForm) checkDates() bool {
	d, r := strings.TrimSpace(f.date.Text), strings.TrimSpace(f.replyDue.Text)
	dm := kit.DateProblem(d, true)
	rm := kit.DateProblem(r, false)
	if dm == "" && rm == "" && r != "" && r < d {
		rm = "The reply cannot be due before the letter's date (" + kit.ShortDate(d) + ")."
	}
	kit.SetError(f.dateErr, dm)
	kit.SetError(f.replyErr, rm)
	return dm == "" && rm == ""
}

func (f *letterForm) clearErrors() {
	for _, l := range []*widget.Label{f.womanErr, f.dateErr, f.dirErr, f.chanErr, f.summaryErr, f.enclErr, f.replyErr} {
		kit.SetError(l, "")
	}
}

// letterAutosaveDelay is how long after the last change the letter saves
// itself (tests shorten it).
var letterAutosaveDelay = time.Second

// autosave saves the letter a moment after the last change; while it
// cannot be saved it is kept as a draft and the note says what is missing.
func (f *letterForm) autosave() {
	if f.Closed || !f.Dirty || f.u.Locked() {
		return
	}
	if !f.save() {
		f.keepDraft()
	}
}

// missing says what the letter lacks before it can be stored, for the note.
func (f *letterForm) missing() string {
	if f.woman.personID == "" {
		return "her name, chosen from the list, is needed"
	}
	if m := kit.DateMissing("the date", f.date.Text, true); m != "" {
		return m
	}
	if m := kit.DateMissing("the reply date", f.replyDue.Text, false); m != "" {
		return m
	}
	if f.direction.Selected == "" {
		return "whether it came from her or went to her is needed"
	}
	return kit.MarkedInRed
}

// save checks the form and writes the letter. It reports whether it did;
// when it did not, the problems are shown at their fields.
func (f *letterForm) save() bool {
	f.StopTimer()
	if f.u.Locked() {
		return false
	}
	f.clearErrors()
	ok := f.checkWoman(true)
	ok = f.checkDates() && ok
	if f.direction.Selected == "" {
		kit.SetError(f.dirErr, "Choose whether the letter came from her or went to her.")
		ok = false
	}
	if !ok {
		kit.SetSoft(f.note, kit.NotSavedNote(f.missing()))
		return false
	}
	lt := f.collect()
	if err := f.u.Letters().SaveLetter(&lt); err != nil {
		if v, isV := newsletter.AsValidation(err); isV {
			f.showProblems(v)
			kit.SetSoft(f.note, kit.NotSavedNote(kit.MarkedInRed))
			return false
		}
		kit.ShowError(f.u.Window(), "The letter could not be saved", err)
		return false
	}
	wasNew := f.id == ""
	f.id = lt.ID
	f.Dirty = false
	f.u.Changed()
	dropLetterDraft(f.u)
	f.showTitle(f.woman.name(), lt.Direction)
	kit.SetSoft(f.note, kit.SavedNote(f.u))
	if wasNew {
		f.setButtons()
	}
	f.done(letterFormEvent{kind: letterSaved, id: lt.ID})
	return true
}

// setButtons shows the buttons at the foot: a stored letter can also be
// replied to and deleted.
func (f *letterForm) setButtons() {
	stored := f.id != ""
	f.footer.ShowDelete(stored)
	if stored {
		f.footer.SetSecondary(widget.NewButtonWithIcon("Log a reply", theme.MailReplyIcon(), f.logReply))
	} else {
		f.footer.SetSecondary()
	}
}

// showProblems puts each of the store's problems under its field.
func (f *letterForm) showProblems(v newsletter.ValidationError) {
	for _, fe := range v {
		switch {
		case fe.Field == "PersonID":
			kit.SetError(f.womanErr, fe.Message)
		case fe.Field == "Date":
			kit.SetError(f.dateErr, fe.Message)
		case fe.Field == "Direction":
			kit.SetError(f.dirErr, fe.Message)
		case fe.Field == "Channel":
			kit.SetError(f.chanErr, fe.Message)
		case fe.Field == "Summary":
			kit.SetError(f.summaryErr, fe.Message)
		case fe.Field == "ReplyDue":
			kit.SetError(f.replyErr, fe.Message)
		case strings.HasPrefix(fe.Field, "Enclosures"):
			kit.SetError(f.enclErr, fe.Message)
		default:
			kit.SetError(f.summaryErr, fe.Message)
		}
	}
}

// close closes the form; unsaved changes are only dropped when the user
// says so.
func (f *letterForm) close() {
	if !f.Dirty {
		dropLetterDraft(f.u)
		f.done(letterFormEvent{kind: letterClosed})
		return
	}
	kit.Confirm(f.u.Window(), "Discard what you typed?",
		kit.Wrapped("The changes to this letter are not saved. Discard them, or keep writing and press “Save”."),
		"Discard", "Keep writing", true, func(yes bool) {
			if yes {
				f.Dirty = false
				dropLetterDraft(f.u)
				f.done(letterFormEvent{kind: letterClosed})
			}
		})
}

// logReply saves this letter and opens a new outgoing one to her.
func (f *letterForm) logReply() {
	if f.Dirty && !f.save() {
		return
	}
	ch, _ := schema.LetterChannel.ValueOf(f.channel.Selected)
	f.done(letterFormEvent{kind: letterReply, reply: &newsletter.Letter{
		PersonID: f.woman.personID, Date: kit.TodayFor(f.u), Direction: "out", Channel: ch}})
}

// confirmDelete asks, then deletes the letter.
func (f *letterForm) confirmDelete() {
	lt := f.collect()
	words := strings.ToLower(letterDirectionWords(lt.Direction, lt.Channel))
	if name := f.woman.name(); name != "" {
		words = strings.TrimSuffix(words, " her") + " " + name
	}
	what := fmt.Sprintf("The %s on %s is removed from the log. This cannot be undone.", words, kit.ShortDate(lt.Date))
	kit.Confirm(f.u.Window(), "Delete this letter?", kit.Wrapped(what), "Delete", "Keep it", true, func(yes bool) {
		if !yes || f.u.Locked() {
			return
		}
		if err := f.u.Letters().DeleteLetter(f.id); err != nil {
			kit.ShowError(f.u.Window(), "The letter could not be deleted", err)
			return
		}
		f.u.Changed()
		f.Dirty = false
		dropLetterDraft(f.u)
		f.done(letterFormEvent{kind: letterDeleted, id: f.id})
	})
}
