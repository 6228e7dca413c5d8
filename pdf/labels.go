package pdf

import (
	"context"
	"database/sql"
	"strings"

	"inreach/newsletter"
)

// The label sheet: 21 labels to an A4 page, 3 across and 7 down, 63.5 ×
// 38.1 mm each, laid out as the common L7160-style sheets are, so the page
// prints straight onto them (or onto plain paper to cut up).
const (
	labelCols    = 3
	labelRows    = 7
	labelW       = 63.5
	labelH       = 38.1
	labelLeft    = 7.2   // left edge of the first column
	labelTop     = 15.15 // top edge of the first row
	labelPitchX  = 66.04 // from one column to the next (2.5 mm gap)
	labelPad     = 4.0   // white space at the sides of each label
	labelPadY    = 2.5   // and at its top and bottom
	labelMaxSize = 11.0  // type size, shrunk for a long address
	labelMinSize = 7.5
)

// AddressLabels prints address labels for posting an issue: one label per
// woman on the current distribution list (newsletter.DistributionList:
// women in custody, by establishment then name), each with her name and
// prison number in bold, then the establishment and its address. Nothing
// else is on the sheet — no title, no issue details, no footer — so a
// sheet left by the printer says no more than the envelopes will. The
// issue must exist; the list is the one as it stands now.
func AddressLabels(ctx context.Context, db *sql.DB, issueID string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	store := newsletter.New(db)
	is, err := store.GetIssue(issueID)
	if err != nil {
		return nil, err
	}
	list, err := store.DistributionList()
	if err != nil {
		return nil, err
	}
	d, err := New(Options{Title: "Address labels", NoFooter: true, CreatedOn: is.Date})
	if err != nil {
		return nil, err
	}
	f := d.Fpdf()
	f.SetAutoPageBreak(false, 0)
	for i, r := range list {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		slot := i % (labelCols * labelRows)
		if slot == 0 && i > 0 {
			d.PageBreak()
		}
		col, row := slot%labelCols, slot/labelCols
		drawLabel(d, labelLeft+float64(col)*labelPitchX, labelTop+float64(row)*labelH, r)
	}
	if len(list) == 0 {
		// An empty sheet would look like a printing fault: say why.
		f.SetFont(FontFamily, "", 12)
		f.SetTextColor(0, 0, 0)
		f.SetXY(20, 30)
		f.CellFormat(170, 6, "Nobody is on the distribution list: no woman is recorded as in custody.", "", 0, "L", false, 0, "")
	}
	return d.Bytes()
}

// drawLabel prints one woman's label with its top-left corner at (x, y).
// The name and prison number are bold. The type is the largest size (from
// 11 pt down to 7.5 pt) at which every line fits whole; if none does, long
// lines wrap rather than being cut, so a name is never shortened.
func drawLabel(d *Doc, x, y float64, r newsletter.Recipient) {
	f := d.Fpdf()
	type line struct {
		text string
		bold bool
	}
	var src []line
	bold := 0
	if strings.TrimSpace(r.Name) != "" {
		bold++
	}
	if strings.TrimSpace(r.PrisonNumber) != "" {
		bold++
	}
	for i, l := range r.EnvelopeLines() {
		src = append(src, line{oneLine(l), i < bold})
	}
	inner := labelW - 2*labelPad
	avail := labelH - 2*labelPadY
	lh := func(size float64) float64 { return size * 0.43 }
	// layout wraps every line at size and reports whether none had to wrap.
	layout := func(size float64) ([]line, bool) {
		var out []line
		whole := true
		for _, l := range src {
			style := ""
			if l.bold {
				style = "B"
			}
			f.SetFont(FontFamily, style, size)
			parts := f.SplitText(l.text, inner)
			if len(parts) > 1 {
				whole = false
			}
			for _, p := range parts {
				out = append(out, line{p, l.bold})
			}
		}
		return out, whole
	}
	fits := func(ls []line, size float64) bool { return float64(len(ls))*lh(size) <= avail }
	// First choice: the largest size at which no line wraps; second: the
	// largest at which the wrapped lines fit; last: the smallest size.
	var lines []line
	size := 0.0
	for s := labelMaxSize; s >= labelMinSize && size == 0; s -= 0.5 {
		if ls, whole := layout(s); whole && fits(ls, s) {
			lines, size = ls, s
		}
	}
	for s := labelMaxSize; s >= labelMinSize && size == 0; s -= 0.5 {
		if ls, _ := layout(s); fits(ls, s) {
			lines, size = ls, s
		}
	}
	if size == 0 {
		size = labelMinSize
		lines, _ = layout(size)
	}
	// Centre the block of lines in the label's height.
	h := float64(len(lines)) * lh(size)
	cy := y + max(labelPadY, (labelH-h)/2)
	for _, l := range lines {
		if cy+lh(size) > y+labelH-labelPadY/2 {
			break
		}
		style := ""
		if l.bold {
			style = "B"
		}
		f.SetFont(FontFamily, style, size)
		f.SetTextColor(0, 0, 0)
		f.SetXY(x+labelPad, cy)
		f.CellFormat(inner, lh(size), fitText(f, l.text, inner), "", 0, "L", false, 0, "")
		cy += lh(size)
	}
}
