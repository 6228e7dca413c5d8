package kit

import (
	"fmt"

	"inreach/schema"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Text helpers shared by the screens: wrapped and soft text, counts in
// words, today's date and the time, and short dates.

// wrapped is a label that wraps by word.
func Wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// soft is secondary text that wraps, in the theme's placeholder colour:
// quieter than the writing but readable in light and dark themes (a
// LowImportance label is too faint to read in the light theme).
func Soft(text string) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: text,
		Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Inline: true}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// softItalic is soft text in italics (the prompt under a heading).
func SoftItalic(text string) *widget.RichText {
	rt := Soft(text)
	rt.Segments[0].(*widget.TextSegment).Style.TextStyle = fyne.TextStyle{Italic: true}
	return rt
}

// setSoft changes the text of a soft (or any one-segment) rich text.
func SetSoft(rt *widget.RichText, text string) {
	rt.Segments[0].(*widget.TextSegment).Text = text
	rt.Refresh()
}

// countWords words a count: countWords(1, "woman", "women") is "1 woman",
// countWords(3, "woman", "women") is "3 women".
func CountWords(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// todayFor is the session clock's date as YYYY-MM-DD (tests set the day
// with their clock).
func TodayFor(u Env) string { return u.Now().Format(schema.DateLayout) }

// clockFor is the UI clock's time of day as "15:04".
func ClockFor(u Env) string { return u.Now().Format("15:04") }

// shortDate shows a YYYY-MM-DD date as "4 Jul 2025"; anything that is not
// a date is shown as it is.
func ShortDate(d string) string {
	t, err := schema.ParseDate(d)
	if err != nil {
		return d
	}
	return t.Format("2 Jan 2006")
}
