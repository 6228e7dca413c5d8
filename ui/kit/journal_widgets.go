package kit

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/schema"
)

// Small pieces of the Diary, Learning and Supervision screens: long dates,
// periods, the status in words and colour, a fixed-height list row whose
// text wraps and ends with "…", tags and the comment panel. The helpers
// every screen shares are in forms.go, dialogs.go, text.go, layouts.go,
// pill.go, rows.go and lists.go.

// diaryLongDate shows a date as "Friday 4 July 2025"; anything else as it is.
func DiaryLongDate(d string) string {
	t, err := time.Parse(schema.DateLayout, d)
	if err != nil {
		return d
	}
	return t.Format("Monday 2 January 2006")
}

// The period presets of the diary filters and the pack dialog.
const (
	DiaryAnyTime      = "Any time"
	diaryThisMonth    = "This month"
	DiaryLastMonth    = "Last month"
	DiaryLast3Months  = "Last 3 months"
	DiaryLast12Months = "Last 12 months"
	diaryThisYear     = "This year"
)

var DiaryPeriods = []string{DiaryAnyTime, diaryThisMonth, DiaryLastMonth, DiaryLast3Months, DiaryLast12Months, diaryThisYear}

// diaryPeriod turns a preset into an inclusive [from, to] as of today
// (YYYY-MM-DD); "" leaves an end open. "Last month" is the whole calendar
// month before this one; "Last 3 months" ends today.
func DiaryPeriod(preset, today string) (from, to string) {
	t, err := time.Parse(schema.DateLayout, today)
	if err != nil {
		return "", ""
	}
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	f := func(x time.Time) string { return x.Format(schema.DateLayout) }
	switch preset {
	case diaryThisMonth:
		return f(first), today
	case DiaryLastMonth:
		return f(first.AddDate(0, -1, 0)), f(first.AddDate(0, 0, -1))
	case DiaryLast3Months:
		return f(t.AddDate(0, -3, 0).AddDate(0, 0, 1)), today
	case DiaryLast12Months:
		return f(t.AddDate(-1, 0, 0).AddDate(0, 0, 1)), today
	case diaryThisYear:
		return f(time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)), today
	}
	return "", ""
}

// diaryStatusWords is a status in words ("For supervision").
func DiaryStatusWords(status string) string {
	if status == "" {
		status = "draft"
	}
	return schema.DiaryStatus.Label(status)
}

// diaryStatusTint is the colour of a status's pill.
func diaryStatusTint(status string) fyne.ThemeColorName {
	switch status {
	case "for_supervision":
		return theme.ColorNamePrimary
	case "discussed":
		return theme.ColorNameSuccess
	}
	return theme.ColorNameDisabled
}

// setDiaryStatus shows a diary status in words on p, in its colour.
func SetDiaryStatus(p *Pill, status string) {
	p.Set(DiaryStatusWords(status), diaryStatusTint(status))
}

// diaryRowLayout lays out a list row of three objects: a header line, a
// wrapping, truncating label of textLines lines, and a small line under it,
// so that every row of a virtual list has the same height and long text
// ends with "…".
type DiaryRowLayout struct{ TextLines int }

func (l *DiaryRowLayout) textHeight() float32 {
	line := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height
	return float32(l.TextLines)*line + 2*theme.InnerPadding()
}

func (l *DiaryRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	head, meta := objs[0].MinSize(), objs[2].MinSize()
	gap := 2 * theme.Padding()
	return fyne.NewSize(max(head.Width, meta.Width), head.Height+l.textHeight()+meta.Height-2*gap)
}

func (l *DiaryRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := 2 * theme.Padding()
	head := objs[0].MinSize().Height
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, head))
	y := head - gap
	objs[1].Move(fyne.NewPos(0, y))
	objs[1].Resize(fyne.NewSize(size.Width, l.textHeight()))
	y += l.textHeight() - gap
	objs[2].Move(fyne.NewPos(0, y))
	objs[2].Resize(fyne.NewSize(size.Width, max(0, size.Height-y)))
}

// diaryWrapText is a label that wraps by word and ends with "…" when it
// runs out of room.
func DiaryWrapText() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// diaryMutedLine is one line of small secondary text, cut with "…".
func DiaryMutedLine() *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder, Inline: true, SizeName: theme.SizeNameCaptionText}})
	rt.Truncation = fyne.TextTruncateEllipsis
	return rt
}

// diarySplitTags splits comma-separated tags as typed.
func DiarySplitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// diaryNote is a soft tinted panel with an accent bar on its left, for
// text that stands apart from the writing (a supervisor's comments).
func DiaryNote(content fyne.CanvasObject, tint color.Color) fyne.CanvasObject {
	bg := canvas.NewRectangle(WithAlpha(tint, 0x18))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	bar := canvas.NewRectangle(WithAlpha(tint, 0xb0))
	bar.SetMinSize(fyne.NewSize(4, 4))
	return container.NewStack(bg, container.NewBorder(nil, nil, bar, nil, container.NewPadded(content)))
}
