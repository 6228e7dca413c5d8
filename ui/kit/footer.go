package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The one footer every editor has, in one order: the destructive action
// (Delete…) at the far left, then any secondary actions (Log a reply,
// Visit PDF…), the status note taking the room between, then Cancel or
// Close, and the primary action at the far right. The footer sits at the
// foot of the editor, outside its scroll, so it is always in view.

// PrimaryLabel is the primary action's words on every editor that saves as
// you type: save now (the editor also keeps itself a moment after each
// change). The contact write-up is the one exception: it writes to her
// record, so its primary action says what it does ("Save contact").
const PrimaryLabel = "Save"

// PrimaryWidth is the primary action's width on every editor, so that it
// is in the same place and of the same size everywhere.
const PrimaryWidth float32 = 150

// FooterOptions says which buttons an editor's footer has. A nil action
// leaves its button out.
type FooterOptions struct {
	Primary   string // the primary action's words; PrimaryLabel when empty
	OnPrimary func()
	Close     string // "Cancel" (throws away) or "Close"; "Close" when empty
	OnClose   func()
	Delete    string // "Delete…" when empty
	OnDelete  func() // must ask before it deletes anything
	Secondary []fyne.CanvasObject
}

// Footer is an editor's footer: its buttons and its status note.
type Footer struct {
	Primary *widget.Button
	Close   *widget.Button // nil when the editor has none
	Delete  *widget.Button // nil when the editor has none
	Note    *widget.RichText

	left *fyne.Container
	sec  []fyne.CanvasObject
	root fyne.CanvasObject
}

// NewFooter builds the footer o describes.
func NewFooter(o FooterOptions) *Footer {
	f := &Footer{sec: o.Secondary}
	label := o.Primary
	if label == "" {
		label = PrimaryLabel
	}
	f.Primary = widget.NewButtonWithIcon(label, theme.DocumentSaveIcon(), o.OnPrimary)
	f.Primary.Importance = widget.HighImportance
	right := container.NewHBox()
	if o.OnClose != nil {
		words := o.Close
		if words == "" {
			words = "Close"
		}
		f.Close = widget.NewButtonWithIcon(words, theme.CancelIcon(), o.OnClose)
		right.Add(f.Close)
	}
	right.Add(Sized(f.Primary, PrimaryWidth))
	if o.OnDelete != nil {
		words := o.Delete
		if words == "" {
			words = "Delete…"
		}
		f.Delete = widget.NewButtonWithIcon(words, theme.DeleteIcon(), o.OnDelete)
		f.Delete.Importance = widget.DangerImportance
	}
	f.Note = Soft("")
	f.Note.Wrapping = fyne.TextWrapOff
	f.Note.Truncation = fyne.TextTruncateEllipsis
	f.left = container.NewHBox()
	f.arrange()
	row := container.New(&footerLayout{}, f.left, f.Note, right)
	f.root = container.NewVBox(widget.NewSeparator(), container.NewPadded(row))
	return f
}

func (f *Footer) arrange() {
	f.left.Objects = nil
	if f.Delete != nil {
		f.left.Objects = append(f.left.Objects, f.Delete)
	}
	f.left.Objects = append(f.left.Objects, f.sec...)
	f.left.Refresh()
}

// Content is the footer, to put at the bottom of the editor's border.
func (f *Footer) Content() fyne.CanvasObject { return f.root }

// SetSecondary replaces the secondary actions.
func (f *Footer) SetSecondary(objs ...fyne.CanvasObject) {
	f.sec = objs
	f.arrange()
}

// ShowDelete shows or hides the Delete… button (a record not yet stored
// has nothing to delete).
func (f *Footer) ShowDelete(show bool) {
	if f.Delete == nil {
		return
	}
	if show {
		f.Delete.Show()
	} else {
		f.Delete.Hide()
	}
}

// SetNote shows text as the status note.
func (f *Footer) SetNote(text string) { SetSoft(f.Note, text) }

// Saved says the editor was stored just now.
func (f *Footer) Saved(u Env) { f.SetNote(SavedNote(u)) }

// NotSaved says what is missing before the editor can be stored.
func (f *Footer) NotSaved(missing string) { f.SetNote(NotSavedNote(missing)) }

// EditorWithFooter lays out an editor: head at the top, body scrolling,
// the footer pinned at the foot.
func EditorWithFooter(head, body fyne.CanvasObject, f *Footer) fyne.CanvasObject {
	return container.NewBorder(head, f.Content(), nil, nil, body)
}

// The status note every editor shows, worded once.

// SavedNote says the editor was stored at the session clock's time.
func SavedNote(u Env) string { return "Saved at " + ClockFor(u) }

// NotSavedNote says what is missing before what was typed can be stored
// ("the date is needed"); what was typed stays in the editor.
func NotSavedNote(missing string) string { return "Not saved yet: " + missing }

// DraftNote is the contact write-up's note: it is kept as a draft as you
// type and written to her record only by its primary action.
func DraftNote(u Env) string { return DraftKeptNote(u, "Save contact adds it to her record") }

// DraftKeptNote is the note of an editor kept as a draft as you type and
// stored only by its primary action, which then says what it does.
func DraftKeptNote(u Env, then string) string { return "Draft kept at " + ClockFor(u) + " — " + then }

// SetText is SetNote, so a footer can stand where a status label stood.
func (f *Footer) SetText(text string) { f.SetNote(text) }

// Text is the status note's text.
func (f *Footer) Text() string { return f.Note.String() }

// AutosaveNote is the note of an editor just opened: it keeps itself.
const AutosaveNote = "Saved as you type"

// MarkedInRed is what NotSavedNote says when the store refused what was
// typed: the problems are shown at their fields.
const MarkedInRed = "put right what is marked in red"

// DateMissing says, for NotSavedNote, what a date field lacks ("the date
// is needed"), or "" when the typed date will do.
func DateMissing(what, typed string, required bool) string {
	typed = strings.TrimSpace(typed)
	switch {
	case typed == "" && required:
		return what + " is needed"
	case DateProblem(typed, required) != "":
		return what + " is not a date written YYYY-MM-DD"
	}
	return ""
}

// footerNoteRoom is the least width the note is given beside the buttons
// before the footer takes two rows.
const footerNoteRoom float32 = 140

// footerLayout lays out the footer's left buttons, note and right buttons
// on one row, the note taking the room between; in a window too narrow
// for that, the left buttons take a row of their own above the note and
// the primary action, so the footer gives way instead of widening the
// window, and the primary action stays at the bottom right.
type footerLayout struct{ width float32 }

func (l *footerLayout) oneRow(objs []fyne.CanvasObject, width float32) bool {
	gap := theme.Padding()
	return width <= 0 || objs[0].MinSize().Width+gap+footerNoteRoom+gap+objs[2].MinSize().Width <= width
}

func (l *footerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	left, note, right := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	gap := theme.Padding()
	w := max(left.Width, right.Width+gap+note.Width)
	rowH := max(note.Height, right.Height)
	if l.oneRow(objs, l.width) {
		return fyne.NewSize(w, max(left.Height, rowH))
	}
	return fyne.NewSize(w, left.Height+gap+rowH)
}

func (l *footerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	left, note, right := objs[0], objs[1], objs[2]
	lm, nm, rm := left.MinSize(), note.MinSize(), right.MinSize()
	gap := theme.Padding()
	var x, y float32
	rowH := max(nm.Height, rm.Height)
	if l.oneRow(objs, size.Width) {
		rowH = max(rowH, lm.Height)
		left.Move(fyne.NewPos(0, (rowH-lm.Height)/2))
		left.Resize(lm)
		x = lm.Width + gap
	} else {
		left.Move(fyne.NewPos(0, 0))
		left.Resize(lm)
		y = lm.Height + gap
	}
	right.Move(fyne.NewPos(size.Width-rm.Width, y+(rowH-rm.Height)/2))
	right.Resize(rm)
	note.Move(fyne.NewPos(x, y+(rowH-nm.Height)/2))
	note.Resize(fyne.NewSize(max(0, size.Width-rm.Width-gap-x), nm.Height))
}
