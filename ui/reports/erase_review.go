package reports

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"inreach/report"
	"inreach/ui/kit"
)

// The two answers for a mention under review; leaving it is the default.
const (
	leaveMention = "Leave it"
	eraseMention = "Erase this mention"
)

// mentionReview is the list of mentions under review, each as its passage
// with the name highlighted and a choice to erase it or leave it.
type mentionReview struct {
	mentions []report.Mention
	choices  []*widget.RadioGroup
}

func newMentionReview(ms []report.Mention) *mentionReview {
	r := &mentionReview{mentions: ms}
	for range ms {
		g := widget.NewRadioGroup([]string{leaveMention, eraseMention}, nil)
		g.Horizontal = true
		g.Required = true
		g.SetSelected(leaveMention)
		r.choices = append(r.choices, g)
	}
	return r
}

// content is the heading, the explanation and one block per mention.
func (r *mentionReview) content() fyne.CanvasObject {
	box := container.NewVBox(
		kit.Subheading(kit.CountWords(len(r.mentions), "possible mention to check", "possible mentions to check")),
		kit.Wrapped("These may be her, or another woman with the same name, or an ordinary word. "+
			"Each is left as it is unless you choose to erase it."),
	)
	for i, m := range r.mentions {
		box.Add(kit.Muted(mentionLabel(m)))
		box.Add(mentionPassage(m))
		box.Add(r.choices[i])
	}
	return box
}

// chosen are the numbers of the mentions chosen for erasure.
func (r *mentionReview) chosen() []int {
	var out []int
	for i, g := range r.choices {
		if g.Selected == eraseMention {
			out = append(out, r.mentions[i].N)
		}
	}
	return out
}

// mentionPassage is the passage around a mention, the name in bold and in
// the warning colour.
func mentionPassage(m report.Mention) *widget.RichText {
	rt := widget.NewRichText(
		&widget.TextSegment{Text: "“" + m.Before, Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: m.Match, Style: widget.RichTextStyle{Inline: true,
			ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: m.After + "”", Style: widget.RichTextStyleInline},
	)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
