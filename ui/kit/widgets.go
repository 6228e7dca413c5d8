package kit

import (
	"os"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/assets"
)

// heading is a large bold title, cut with "…" rather than overlapping
// what is beside it. It is a label, so it follows the theme when the
// system switches between light and dark, and SetText changes it.
func Heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// subheading is a bold label for a part of a screen.
func Subheading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// muted is a small, low-importance label that wraps.
func Muted(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// centredCard places content in the middle of the window, at most width wide.
func CentredCard(content fyne.CanvasObject, width float32) fyne.CanvasObject {
	box := container.New(&maxWidth{width: width}, container.NewPadded(content))
	return container.NewCenter(box)
}

// maxWidth lays out one object at a fixed width and its natural height.
type maxWidth struct{ width float32 }

func (m *maxWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(m.width, h)
}

func (m *maxWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

var _ fyne.Layout = (*maxWidth)(nil)

// sentence turns an error into a sentence for a person: first letter
// capitalised and a full stop.
func Sentence(err error) string {
	s := strings.TrimSpace(err.Error())
	if s == "" {
		return "Something went wrong."
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

// listableURI is a folder location for file dialogs.
func ListableURI(path string) (fyne.ListableURI, error) {
	return storage.ListerForURI(storage.NewFileURI(path))
}

// emptyState is what a list shows when it has nothing yet: what will be
// here and how to add it.
func EmptyState(title, text string) fyne.CanvasObject {
	t := Subheading(title)
	t.Alignment = fyne.TextAlignCenter
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	return container.NewVBox(layout.NewSpacer(), t, l, layout.NewSpacer())
}

// container0 is an empty object.
func Container0() fyne.CanvasObject { return layout.NewSpacer() }

// appIcon is the app's icon as a Fyne resource.
var AppIcon = fyne.NewStaticResource("inreach.png", assets.Icon)

// brand is the icon and name shown on the unlock and create screens.
func Brand() fyne.CanvasObject {
	img := canvas.NewImageFromResource(AppIcon)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(72, 72))
	name := widget.NewLabelWithStyle("Inreach", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	return container.NewVBox(container.NewCenter(img), name)
}

// keepPrivate makes a file the user chose to save readable by the user
// only: PDFs and exports hold personal data, and Fyne creates files with
// the usual 0644.
func KeepPrivate(w fyne.URIWriteCloser) {
	if w.URI().Scheme() == "file" {
		_ = os.Chmod(w.URI().Path(), 0o600)
	}
}
