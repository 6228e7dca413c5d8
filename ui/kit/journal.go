package kit

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"inreach/diary"
	"inreach/schema"
)

// diaryContactLabel names a contact as "Prison visit, HMP Drake Hall, 4 Jul 2025".
func DiaryContactLabel(kind, place, date string) string {
	parts := []string{schema.ContactKind.Label(kind)}
	if place != "" {
		parts = append(parts, place)
	}
	parts = append(parts, ShortDate(date))
	return strings.Join(parts, ", ")
}

// diaryGap is an empty space of height h.
func DiaryGap(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

func UniqueStrings(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// diaryColumnsLayout puts the first object at a fixed width and the second
// beside it in the rest.
type DiaryColumnsLayout struct{ Fixed float32 }

func (l *DiaryColumnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(l.Fixed, a.Width)+theme.Padding()*2+b.Width, max(a.Height, b.Height))
}

func (l *DiaryColumnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := max(l.Fixed, objs[0].MinSize().Width)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(w, size.Height))
	x := w + theme.Padding()*2
	objs[1].Move(fyne.NewPos(x, 0))
	objs[1].Resize(fyne.NewSize(max(0, size.Width-x), size.Height))
}

// diaryReadingWidth keeps writing at a comfortable line length: its one
// object is at most width wide, centred.
type DiaryReadingWidth struct{ Width float32 }

func (l *DiaryReadingWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}

func (l *DiaryReadingWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, max(l.Width, objs[0].MinSize().Width))
	objs[0].Move(fyne.NewPos((size.Width-w)/2, 0))
	objs[0].Resize(fyne.NewSize(w, size.Height))
}

// supervisionSummaryOf is the list line of an entry.
func SupervisionSummaryOf(e *diary.Entry) diary.Summary {
	s := diary.Summary{ID: e.ID, Date: e.Date, ContactID: e.ContactID, Template: e.Template, Status: e.Status, Tags: e.Tags}
	for _, sec := range e.Sections {
		if strings.TrimSpace(sec.Body) != "" {
			s.Summary = diary.Shorten(sec.Body, diary.SummaryLength)
			break
		}
	}
	return s
}

// diaryFixedWidth lays out its objects at (at least) a set width.
type DiaryFixedWidth struct{ Width float32 }

func (l *DiaryFixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := fyne.NewSize(l.Width, 0)
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

func (l *DiaryFixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// supervisionSupervisorKey is the setting holding the supervisor's name
// (kept by the Settings screen), the default for a new session.
const SupervisionSupervisorKey = "supervisor_name"
