package supervision

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/diary"
	"inreach/exchange"
	"inreach/schema"
	"inreach/supervisees"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/kit"
	"inreach/ui/together"
)

// SuperviseesView is the supervisor's side of supervision: the packs her
// supervisees sent (newest first), and for the one chosen, her entries
// read-only with the facts of the contacts they are about, and the
// session the supervisor writes on them and sends back.
type SuperviseesView struct {
	kit.Editor // the session on the open pack saves itself as you type
	u          kit.Env
	Packs      []supervisees.PackSummary
	names      map[string]string // fingerprint -> name on the team list

	people *fyne.Container
	body   *fyne.Container
	root   fyne.CanvasObject

	// The open pack and the session written on it.
	Pack      *supervisees.Pack
	Session   *supervisees.Session
	Date      *kit.LeaveEntry
	Notes     *kit.LeaveEntry
	SignedOff *kit.LeaveEntry
	Discussed map[string]*kit.Check      // by diary id
	Comments  map[string]*kit.LeaveEntry // by diary id
	Actions   []*ActionRow
	actionBox *fyne.Container
	Problem   *widget.Label
	Status    *kit.Footer // the footer, shown while a pack is open
}

// ActionRow is one action agreed at the session: what, who, by when.
type ActionRow struct {
	Text, Owner *kit.LeaveEntry
	Due         *kit.LeaveEntry
}

// NewSuperviseesView builds the view for the open session.
func NewSuperviseesView(u kit.Env) *SuperviseesView {
	v := &SuperviseesView{u: u}
	v.Init(u, &superviseesAutosaveDelay, v.autosave)
	v.people = container.NewVBox()
	v.body = container.NewVBox()
	intro := kit.Soft("Supervision packs your supervisees sent you. Choose one to read her entries and write the session; " +
		"“Send the reply” seals it for her in the exchange folder.")
	top := container.NewVBox(kit.Heading("Supervisees"), intro, v.people, widget.NewSeparator())
	// One scroll for the list and the pack: on a small screen her entries
	// get the whole height once scrolled to.
	v.Status = kit.NewFooter(kit.FooterOptions{OnPrimary: func() { v.Save() },
		Secondary: []fyne.CanvasObject{widget.NewButtonWithIcon("Send the reply", theme.MailSendIcon(), v.SendReply)}})
	v.Status.Content().Hide()
	v.root = kit.EditorWithFooter(nil, container.NewPadded(container.NewVScroll(container.NewVBox(top, v.body))), v.Status)
	v.Reload()
	return v
}

// Content is the view.
func (v *SuperviseesView) Content() fyne.CanvasObject { return v.root }

// Reload lists the packs held.
func (v *SuperviseesView) Reload() {
	db := v.u.DB()
	packs, err := supervisees.ListPacks(db)
	if err != nil {
		kit.ShowError(v.u.Window(), "The supervision packs could not be read", err)
		return
	}
	v.Packs = packs
	v.names = map[string]string{}
	if ms, err := team.List(db); err == nil {
		for _, m := range ms {
			v.names[m.Fingerprint()] = m.Name
		}
	}
	v.people.RemoveAll()
	if len(packs) == 0 {
		v.people.Add(kit.EmptyState("No supervision packs yet",
			"When a supervisee sends you her entries for supervision, receive the bundle from the inbox and she is listed here."))
		return
	}
	for _, p := range packs {
		b := widget.NewButtonWithIcon(v.nameOf(p.Sender)+" — sent "+kit.ShortDate(dayOf(p.Created)), theme.AccountIcon(), func() { v.OpenPack(p.Sender) })
		b.Alignment = widget.ButtonAlignLeading
		v.people.Add(b)
	}
}

func (v *SuperviseesView) nameOf(fp string) string {
	if n := v.names[fp]; n != "" {
		return n
	}
	return "Someone no longer on your team list (" + fp + ")"
}

func dayOf(rfc string) string {
	if len(rfc) >= 10 {
		return rfc[:10]
	}
	return rfc
}

// OpenPack shows sender's latest pack and the session written on it (a
// new one when none was written on this pack yet).
func (v *SuperviseesView) OpenPack(sender string) {
	db := v.u.DB()
	pack, err := supervisees.GetPack(db, sender)
	if err != nil {
		kit.ShowError(v.u.Window(), "The supervision pack could not be read", err)
		return
	}
	v.Pack = pack
	v.Session = &supervisees.Session{Sender: sender, Date: kit.TodayFor(v.u),
		Supervisor: v.u.Notes().GetSetting("practitioner_name", "")}
	if ss, err := supervisees.List(db, sender); err == nil {
		for _, s := range ss {
			if s.Answers == pack.BundleID {
				if full, err := supervisees.Get(db, s.ID); err == nil {
					v.Session = full
				}
				break
			}
		}
	}
	v.showPack()
}

func (v *SuperviseesView) showPack() {
	ss := v.Session
	v.Date = kit.NewLeaveEntry("YYYY-MM-DD", nil)
	v.Date.SetText(ss.Date)
	v.Notes = kit.NewLeaveEntry("What you talked about: themes, reflections, wellbeing", nil).Lines(4)
	v.Notes.SetText(ss.Notes)
	v.SignedOff = kit.NewLeaveEntry("YYYY-MM-DD, once agreed", nil)
	v.SignedOff.SetText(ss.SignedOffOn)
	v.Problem = kit.ErrorLabel()
	v.StopTimer()
	v.Dirty = false
	v.Status.SetNote(kit.AutosaveNote)
	v.Status.Content().Show()

	comments := map[string]string{}
	for _, e := range ss.Entries {
		comments[e.DiaryID] = e.Comment
	}
	v.Discussed, v.Comments = map[string]*kit.Check{}, map[string]*kit.LeaveEntry{}
	entries := container.NewVBox()
	for _, e := range v.Pack.Doc.Diary {
		entries.Add(v.entryCard(e, comments))
	}
	if len(v.Pack.Doc.Diary) == 0 {
		entries.Add(kit.Soft("This pack holds no diary entries."))
	}

	v.Actions = nil
	v.actionBox = container.NewVBox()
	for _, a := range ss.Actions {
		v.addAction(a)
	}
	addAction := widget.NewButtonWithIcon("Add an action", theme.ContentAddIcon(), func() {
		v.addAction(supervisees.Action{})
		v.watch()
	})

	redacted := ""
	if v.Pack.Redacted {
		redacted = " Names are redacted: she sent pseudonyms."
	}
	head := container.NewVBox(
		kit.Subheading(v.nameOf(v.Pack.Sender)),
		kit.Soft(fmt.Sprintf("%s, sent %s, received %s.%s", kit.CountWords(len(v.Pack.Doc.Diary), "diary entry", "diary entries"),
			kit.ShortDate(dayOf(v.Pack.Created)), kit.ShortDate(dayOf(v.Pack.ReceivedAt)), redacted)),
	)
	form := widget.NewForm(
		widget.NewFormItem("Date of the session", container.NewHBox(kit.DateField(v.Date, v.today))),
		widget.NewFormItem("Notes", v.Notes),
		widget.NewFormItem("Signed off on", container.NewHBox(kit.DateField(v.SignedOff, v.today))),
	)
	body := container.NewVBox(head,
		kit.Subheading("Her entries"), entries,
		widget.NewSeparator(),
		kit.Subheading("The session"), form,
		kit.Subheading("Actions"), v.actionBox, container.NewHBox(addAction),
		v.Problem,
	)
	v.body.Objects = []fyne.CanvasObject{body}
	v.body.Refresh()
	v.watch()
}

// superviseesAutosaveDelay is how long after the last change the session
// saves itself (tests shorten it).
var superviseesAutosaveDelay = time.Second

// watch makes every field of the session count as an edit.
func (v *SuperviseesView) watch() {
	edited := func(string) { v.Edited() }
	v.Date.OnChanged, v.Notes.OnChanged, v.SignedOff.OnChanged = edited, edited, edited
	for id, c := range v.Comments {
		tick := v.Discussed[id]
		c.OnChanged = func(s string) {
			if s != "" && !tick.Checked {
				tick.SetChecked(true)
			}
			v.Edited()
		}
		tick.OnChanged = func(bool) { v.Edited() }
	}
	for _, r := range v.Actions {
		r.Text.OnChanged, r.Owner.OnChanged, r.Due.OnChanged = edited, edited, edited
	}
}

// autosave saves the session a moment after the last change; while it
// cannot be saved the note says what is missing and the typing stays.
func (v *SuperviseesView) autosave() {
	if v.Dirty && !v.u.Locked() {
		v.Save()
	}
}

// flush saves what was typed before the view is left or the vault locks.
func (v *SuperviseesView) flush() {
	if v != nil && v.Dirty && !v.u.Locked() {
		v.StopTimer()
		v.Save()
	}
}

// entryCard is one of her entries, read-only, with the facts of the
// contact it is about, a "discussed" tick and the supervisor's comment.
func (v *SuperviseesView) entryCard(e exchange.DiaryEntry, comments map[string]string) fyne.CanvasObject {
	t, _ := diary.TemplateByKey(e.Template)
	text := container.NewVBox()
	if facts := v.contactFacts(e); facts != "" {
		text.Add(kit.Soft(facts))
	}
	for _, s := range e.Sections {
		if strings.TrimSpace(s.Body) == "" {
			continue
		}
		text.Add(widget.NewLabelWithStyle(t.Heading(s.Key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		text.Add(kit.Wrapped(s.Body))
	}
	comment := kit.NewLeaveEntry("Your comment on this entry", nil).Lines(2)
	c, discussed := comments[e.ID]
	comment.SetText(c)
	tick := kit.NewCheck("Discussed at this session", nil)
	tick.SetChecked(discussed)
	comment.OnChanged = func(s string) {
		if s != "" && !tick.Checked {
			tick.SetChecked(true)
		}
	}
	v.Discussed[e.ID], v.Comments[e.ID] = tick, comment
	title := kit.ShortDate(e.Date)
	if t.Name != "" {
		title += " — " + t.Name
	}
	return widget.NewCard("", "", container.NewVBox(kit.Subheading(title), text, tick, comment))
}

// contactFacts are the facts of the contact an entry is linked to: when,
// what, where, and each woman's row as the pack holds it.
func (v *SuperviseesView) contactFacts(e exchange.DiaryEntry) string {
	if e.Contact == nil {
		return ""
	}
	doc := v.Pack.Doc
	for _, c := range doc.Contacts {
		if c.ID != *e.Contact {
			continue
		}
		place := c.Place
		if c.Establishment != nil {
			for _, est := range doc.Establishments {
				if est.ID == *c.Establishment {
					place = est.Name
				}
			}
		}
		lines := []string{kit.DiaryContactLabel(c.Kind, place, c.Date)}
		for _, p := range c.People {
			name := p.Person
			for _, w := range doc.People {
				if w.ID == p.Person {
					name = w.Name
				}
			}
			seen := "seen"
			if !p.Seen {
				seen = "not seen"
				if p.NotSeenReason != "" {
					seen += " (" + schema.NotSeenReason.Label(p.NotSeenReason) + ")"
				}
			}
			line := name + ": " + seen
			if p.Note != "" {
				line += " — " + p.Note
			}
			lines = append(lines, line)
		}
		return strings.Join(lines, "\n")
	}
	return ""
}

// today is the session's date, for the date fields.
func (v *SuperviseesView) today() string { return kit.TodayFor(v.u) }

func (v *SuperviseesView) addAction(a supervisees.Action) {
	r := &ActionRow{Text: kit.NewLeaveEntry("", nil), Owner: kit.NewLeaveEntry("", nil), Due: kit.NewLeaveEntry("Due YYYY-MM-DD", nil)}
	r.Text.SetPlaceHolder("What was agreed")
	r.Owner.SetPlaceHolder("Who")
	r.Text.SetText(a.Text)
	r.Owner.SetText(a.Owner)
	r.Due.SetText(a.Due)
	v.Actions = append(v.Actions, r)
	v.actionBox.Add(container.NewBorder(nil, nil, nil,
		container.NewHBox(kit.Sized(r.Owner, 140), kit.DateField(r.Due, v.today)), r.Text))
}

// Save writes the session; a problem is said under the form and nothing
// is written.
func (v *SuperviseesView) Save() bool {
	if v.Pack == nil {
		return false
	}
	ss := *v.Session
	v.Date.Normalise()
	v.SignedOff.Normalise()
	for _, r := range v.Actions {
		r.Due.Normalise()
	}
	ss.Date = strings.TrimSpace(v.Date.Text)
	ss.Notes = v.Notes.Text
	ss.SignedOffOn = strings.TrimSpace(v.SignedOff.Text)
	ss.Entries, ss.Actions = nil, nil
	for _, e := range v.Pack.Doc.Diary {
		if v.Discussed[e.ID].Checked {
			ss.Entries = append(ss.Entries, supervisees.Entry{DiaryID: e.ID, Comment: v.Comments[e.ID].Text})
		}
	}
	for _, r := range v.Actions {
		if strings.TrimSpace(r.Text.Text+r.Owner.Text+r.Due.Text) == "" {
			continue
		}
		ss.Actions = append(ss.Actions, supervisees.Action{Text: r.Text.Text, Owner: r.Owner.Text, Due: strings.TrimSpace(r.Due.Text)})
	}
	v.StopTimer()
	if m := kit.DateMissing("the date of the session", ss.Date, true); m != "" {
		v.Status.NotSaved(m)
		return false
	}
	if m := kit.DateMissing("the sign-off date", ss.SignedOffOn, false); m != "" {
		v.Status.NotSaved(m)
		return false
	}
	if err := supervisees.Save(v.u.DB(), &ss); err != nil {
		kit.SetError(v.Problem, "The session was not saved. "+kit.Sentence(err))
		v.Status.NotSaved(kit.MarkedInRed)
		return false
	}
	kit.SetError(v.Problem, "")
	v.Session = &ss
	v.Dirty = false
	v.u.Changed()
	v.Status.Saved(v.u)
	return true
}

// SendReply saves the session and sends it to her, sealed, in the
// exchange folder.
func (v *SuperviseesView) SendReply() {
	if !v.Save() {
		return
	}
	id, name := v.Session.ID, v.nameOf(v.Pack.Sender)
	together.Send(v.u, "Sealing the reply…", func() (*teamwork.Outgoing, error) {
		return teamwork.PrepareReply(v.u.Context(), v.u.DB(), id)
	}, nil, func(sent *teamwork.Sent, err error) {
		if err != nil {
			kit.SetError(v.Problem, "The reply was not sent. "+kit.Sentence(err))
			return
		}
		kit.SetError(v.Problem, "")
		v.Status.SetText("Sent to " + name + ": " + filepath.Base(sent.Path) + " is in the exchange folder.")
	})
}
