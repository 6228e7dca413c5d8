package pdf

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"inreach/newsletter"
	"inreach/schema"
)

// NewsletterOptions say what goes around a newsletter issue.
type NewsletterOptions struct {
	// Organisation is the service's name, printed above the title and
	// with the return address. "" uses the "organisation" setting.
	Organisation string
	// ReturnAddress is printed at the end so women can write back (prison
	// mail rules ask for one). "" uses the "org_address" setting.
	ReturnAddress string
	// GeneratedOn (YYYY-MM-DD) is the PDF's creation date; "" uses the
	// issue's date. Never the clock, so the same issue gives the same bytes.
	GeneratedOn string
}

// The newsletter's type: large and plain, for women with poor eyesight or
// who find reading hard. Sizes in points, distances in millimetres.
const (
	nlBodySize     = 14.0 // body text: at least 14 pt, large print
	nlBodyLineH    = 7.1  // about 1.45 × the type size
	nlParaGap      = 3.6  // between paragraphs
	nlHeadingSize  = 18.0 // section headings
	nlHeadingLineH = 8.4
	nlByLineSize   = 13.0 // "By Rosie"
	nlByLineH      = 6.4
	nlSectionGap   = 9.0 // before each section after the first
	nlTitleSize    = 30.0
	nlTitleLineH   = 12.5
	nlFooterSize   = 11.0
	nlInk          = 15  // near-black text
	nlSoft         = 70  // secondary text: still dark enough to read easily
	nlBand         = 232 // the masthead's grey band
)

// NewsletterPDF prints a newsletter issue for posting to women in custody:
// A4, greyscale, no pictures, large clear type (14 pt body, 18 pt
// headings), a masthead with the title, issue number and date, "In this
// issue" when there are three sections or more, each section with its
// heading and its contributor shown only as newsletter.DisplayContributor
// allows (a pseudonym or a first name), the return address at the end,
// and "Page N of M" on every page. A draft prints "Draft — not yet checked"
// in the masthead so that it is never posted by mistake.
func NewsletterPDF(ctx context.Context, db *sql.DB, issueID string, opts NewsletterOptions) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	store := newsletter.New(db)
	is, err := store.GetIssue(issueID)
	if err != nil {
		return nil, err
	}
	namer, err := store.ContributorNamer()
	if err != nil {
		return nil, err
	}
	if opts.Organisation == "" {
		if opts.Organisation, err = store.Setting(newsletter.SettingOrganisation); err != nil {
			return nil, err
		}
	}
	if opts.ReturnAddress == "" {
		if opts.ReturnAddress, err = store.Setting(newsletter.SettingOrgAddress); err != nil {
			return nil, err
		}
	}
	created := opts.GeneratedOn
	if created == "" {
		created = is.Date
	}
	d, err := New(Options{
		Title:     fmt.Sprintf("%s — issue %d", strings.TrimSpace(is.Title), is.Number),
		Subject:   "Newsletter",
		Author:    strings.TrimSpace(opts.Organisation),
		CreatedOn: created,
		NoFooter:  true, // the newsletter has its own friendlier footer
	})
	if err != nil {
		return nil, err
	}
	nl := &nlDoc{d: d, f: d.Fpdf()}
	nl.masthead(is, opts.Organisation)
	nl.inThisIssue(is)
	for i, sec := range is.Sections {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		nl.section(i, sec, namer(sec.Contributor))
	}
	nl.returnAddress(opts.Organisation, opts.ReturnAddress)
	nl.footers(fmt.Sprintf("%s · Issue %d", strings.TrimSpace(is.Title), is.Number))
	return d.Bytes()
}

// nlDoc draws a newsletter on a Doc.
type nlDoc struct {
	d *Doc
	f *gofpdf.Fpdf
}

func (n *nlDoc) font(style string, size float64, grey int) {
	n.f.SetFont(FontFamily, style, size)
	n.f.SetTextColor(grey, grey, grey)
}

func (n *nlDoc) left() float64 {
	l, _, _, _ := n.f.GetMargins()
	return l
}

// lines wraps text (already cleaned) to width w in the current font,
// keeping its line breaks.
func (n *nlDoc) lines(text string, w float64) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		out = append(out, n.f.SplitText(line, w)...)
	}
	return out
}

// flow prints lines one under another at the left margin, starting a new
// page when one is full, and never leaving one line of a paragraph alone
// at the foot of a page or the top of the next.
func (n *nlDoc) flow(lines []string, lh float64) {
	x, w := n.left(), n.d.ContentWidth()
	if len(lines) >= 2 {
		n.d.EnsureSpace(2 * lh)
	}
	for i, line := range lines {
		switch {
		case n.d.Remaining() < lh:
			n.d.PageBreak()
		case i == len(lines)-2 && len(lines) >= 3 && n.d.Remaining() < 2*lh:
			n.d.PageBreak()
		}
		y := n.f.GetY()
		n.f.SetXY(x, y)
		n.f.CellFormat(w, lh, line, "", 0, "L", false, 0, "")
		n.f.SetXY(x, y+lh)
	}
}

func (n *nlDoc) down(h float64) { n.f.SetXY(n.left(), n.f.GetY()+h) }

// masthead draws the grey band at the top of page one: the organisation,
// the title, the issue number and date.
func (n *nlDoc) masthead(is newsletter.Issue, org string) {
	x, w := n.left(), n.d.ContentWidth()
	pad := 7.0
	inner := w - 2*pad
	n.font("B", nlTitleSize, nlInk)
	title := n.lines(clean(strings.TrimSpace(is.Title)), inner)
	kicker := strings.ToUpper(strings.TrimSpace(clean(org)))
	h := 2*pad + float64(len(title))*nlTitleLineH + 12
	if kicker != "" {
		h += 7
	}
	draft := is.Status == "draft"
	if draft {
		h += 8
	}
	y := n.f.GetY()
	n.f.SetFillColor(nlBand, nlBand, nlBand)
	n.f.Rect(x, y, w, h, "F")
	n.f.SetFillColor(255, 255, 255)
	cy := y + pad
	if kicker != "" {
		n.font("B", 11, nlSoft)
		n.f.SetXY(x+pad, cy)
		n.f.CellFormat(inner, 5, fitText(n.f, kicker, inner), "", 0, "L", false, 0, "")
		cy += 7
	}
	n.font("B", nlTitleSize, nlInk)
	for _, l := range title {
		n.f.SetXY(x+pad, cy)
		n.f.CellFormat(inner, nlTitleLineH, l, "", 0, "L", false, 0, "")
		cy += nlTitleLineH
	}
	cy += 3
	n.font("B", 14, nlInk)
	n.f.SetXY(x+pad, cy)
	n.f.CellFormat(inner, 7, fmt.Sprintf("Issue %d  ·  %s", is.Number, nlDate(is.Date)), "", 0, "L", false, 0, "")
	cy += 9
	if draft {
		n.font("B", 11, nlInk)
		n.f.SetXY(x+pad, cy)
		n.f.CellFormat(inner, 5, "DRAFT — not yet checked. Do not post.", "", 0, "L", false, 0, "")
	}
	// a strong rule under the band
	n.f.SetDrawColor(60, 60, 60)
	n.f.SetLineWidth(1.2)
	n.f.Line(x, y+h, x+w, y+h)
	n.f.SetLineWidth(0.2)
	n.f.SetXY(x, y+h+8)
}

// inThisIssue lists the section headings when there are three or more.
func (n *nlDoc) inThisIssue(is newsletter.Issue) {
	var heads []string
	for _, sec := range is.Sections {
		if h := oneLine(sec.Heading); h != "" {
			heads = append(heads, h)
		}
	}
	if len(heads) < 3 {
		return
	}
	x, w := n.left(), n.d.ContentWidth()
	n.font("B", 14, nlInk)
	n.flow([]string{"In this issue"}, 7.5)
	n.down(1)
	for _, h := range heads {
		n.font("", nlBodySize, nlInk)
		ls := n.f.SplitText(h, w-8)
		n.d.EnsureSpace(nlBodyLineH)
		y := n.f.GetY()
		n.f.SetXY(x+1, y)
		n.f.CellFormat(6, nlBodyLineH, "•", "", 0, "L", false, 0, "")
		for i, l := range ls {
			n.f.SetXY(x+8, y+float64(i)*nlBodyLineH)
			n.f.CellFormat(w-8, nlBodyLineH, l, "", 0, "L", false, 0, "")
		}
		n.f.SetXY(x, y+float64(len(ls))*nlBodyLineH+0.6)
	}
	n.down(nlSectionGap)
}

// section draws one section: a short dark rule, the heading, "By …",
// then the paragraphs of the body.
func (n *nlDoc) section(i int, sec newsletter.Section, by string) {
	x, w := n.left(), n.d.ContentWidth()
	heading := oneLine(sec.Heading)
	paras := newsletter.Paragraphs(clean(sec.Body))
	by = oneLine(by)

	n.font("B", nlHeadingSize, nlInk)
	hl := []string{}
	if heading != "" {
		hl = n.f.SplitText(heading, w)
	}
	// keep the heading with the by-line and the first three lines of text
	need := 4 + float64(len(hl))*nlHeadingLineH + 3*nlBodyLineH
	if by != "" {
		need += nlByLineH
	}
	if i > 0 && n.f.GetY() > n.topY()+0.01 {
		n.down(nlSectionGap)
	}
	n.d.EnsureSpace(need)
	y := n.f.GetY()
	n.f.SetDrawColor(60, 60, 60)
	n.f.SetLineWidth(0.9)
	n.f.Line(x, y, x+22, y)
	n.f.SetLineWidth(0.2)
	n.f.SetXY(x, y+3)
	if len(hl) > 0 {
		n.font("B", nlHeadingSize, nlInk)
		n.flow(hl, nlHeadingLineH)
	}
	if by != "" {
		n.font("I", nlByLineSize, nlSoft)
		n.flow(n.f.SplitText("By "+by, w), nlByLineH)
	}
	n.down(2.5)
	n.font("", nlBodySize, nlInk)
	for k, p := range paras {
		if k > 0 {
			n.down(nlParaGap)
		}
		n.font("", nlBodySize, nlInk)
		n.flow(n.lines(p, w), nlBodyLineH)
	}
}

func (n *nlDoc) topY() float64 {
	_, t, _, _ := n.f.GetMargins()
	return t
}

// returnAddress draws the "Write to us" box at the end.
func (n *nlDoc) returnAddress(org, addr string) {
	org = oneLine(org)
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(clean(addr), "\r", ""), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 1 && strings.Contains(lines[0], ",") {
		parts := strings.Split(lines[0], ",")
		lines = lines[:0]
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				lines = append(lines, p)
			}
		}
	}
	for _, l := range lines {
		if strings.EqualFold(l, org) {
			org = "" // the address names the service already
		}
	}
	if len(lines) == 0 && org == "" {
		return
	}
	x, w := n.left(), n.d.ContentWidth()
	pad := 6.0
	inner := w - 2*pad
	n.font("", nlBodySize, nlInk)
	var body []string
	for _, l := range lines {
		body = append(body, n.f.SplitText(l, inner)...)
	}
	h := 2*pad + 8.5 + nlBodyLineH + 2 + float64(len(body))*nlBodyLineH
	if org != "" {
		h += nlBodyLineH
	}
	n.down(12)
	n.d.EnsureSpace(h)
	y := n.f.GetY()
	n.f.SetDrawColor(60, 60, 60)
	n.f.SetLineWidth(0.6)
	n.f.Rect(x, y, w, h, "D")
	n.f.SetLineWidth(0.2)
	cy := y + pad
	n.font("B", 16, nlInk)
	n.f.SetXY(x+pad, cy)
	n.f.CellFormat(inner, 8, "Write to us", "", 0, "L", false, 0, "")
	cy += 8.5
	n.font("", nlBodySize, nlInk)
	n.f.SetXY(x+pad, cy)
	n.f.CellFormat(inner, nlBodyLineH, "We would love to hear from you. Our address is:", "", 0, "L", false, 0, "")
	cy += nlBodyLineH + 2
	if org != "" {
		n.font("B", nlBodySize, nlInk)
		n.f.SetXY(x+pad, cy)
		n.f.CellFormat(inner, nlBodyLineH, fitText(n.f, org, inner), "", 0, "L", false, 0, "")
		cy += nlBodyLineH
	}
	n.font("", nlBodySize, nlInk)
	for _, l := range body {
		n.f.SetXY(x+pad, cy)
		n.f.CellFormat(inner, nlBodyLineH, l, "", 0, "L", false, 0, "")
		cy += nlBodyLineH
	}
	n.f.SetXY(x, y+h)
}

// footers draws a rule, the issue's name and "Page N of M" at the foot of
// every page (the Doc's own footer is switched off: a newsletter is not
// marked confidential).
func (n *nlDoc) footers(name string) {
	total := n.f.PageCount()
	w, hgt := n.f.GetPageSize()
	x := n.left()
	cw := n.d.ContentWidth()
	n.f.SetAutoPageBreak(false, 0)
	for p := 1; p <= total; p++ {
		n.f.SetPage(p)
		y := hgt - 16
		n.f.SetDrawColor(150, 150, 150)
		n.f.SetLineWidth(0.3)
		n.f.Line(x, y, w-x, y)
		n.font("B", nlFooterSize, nlSoft)
		num := fmt.Sprintf("Page %d of %d", p, total)
		numW := n.f.GetStringWidth(num)
		n.f.SetXY(w-x-numW, y+2)
		n.f.CellFormat(numW, 5, num, "", 0, "R", false, 0, "")
		n.font("", nlFooterSize, nlSoft)
		n.f.SetXY(x, y+2)
		n.f.CellFormat(cw-numW-6, 5, fitText(n.f, clean(name), cw-numW-6), "", 0, "L", false, 0, "")
	}
}

// oneLine cleans text and joins its lines with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(clean(s)), " ") }

// nlDate is "1 July 2025"; a bad date is printed as it is.
func nlDate(s string) string {
	t, err := time.Parse(schema.DateLayout, s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}
