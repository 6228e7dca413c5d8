// Package pdf makes every PDF Inreach prints: the supervision pack, the
// recovery sheet, newsletters, labels, monitoring reports and the record of
// one woman. They share one base, Doc: A4, the embedded DejaVu Sans fonts
// (so £, curly quotes, accents and non-Latin names print and copy out as
// text), calm greyscale typography, a "Confidential" footer with page
// numbers on every page, and an optional contents page.
//
// Two ways to make a document:
//
//	d, err := pdf.New(opts)          // one pass, no contents page
//	d.Title("…"); d.Paragraph("…")
//	b, err := d.Bytes()
//
//	b, err := pdf.Render(opts, func(d *pdf.Doc) error {
//		d.Cover(…); d.PageBreak(); d.Contents("Contents"); d.PageBreak()
//		d.Heading(1, "…") …          // headings fill the contents page
//		return nil
//	})
//
// Contents reserves the contents page where it is called; the headings
// that follow are listed on it, with their page numbers and links, once the
// whole document is drawn (gofpdf cannot insert a page earlier in a
// document, but it can go back and draw on one). If the list needs more
// pages than were reserved, Render calls the build function again with
// enough pages reserved; the build function must therefore draw the same
// document each time it is called.
//
// Output is reproducible: the creation date comes from Options.CreatedOn,
// never the clock, and the PDF's catalogues are written in sorted order.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"inreach/schema"
)

// Options set up a Doc.
type Options struct {
	// Title, Subject and Author go into the PDF's document properties.
	Title, Subject, Author string
	// Footer follows "Confidential — " at the bottom left of every page
	// ("" prints "Confidential" alone).
	Footer string
	// Header, if not empty, is printed small at the top of every page after
	// the first (the first is usually the cover).
	Header string
	// CreatedOn (YYYY-MM-DD) is the creation date written into the PDF;
	// "" writes 2000-01-01. Never the clock, so output is reproducible.
	CreatedOn string
	// Landscape turns the A4 page on its side.
	Landscape bool
	// NoFooter leaves out the footer and page numbers (for label sheets).
	NoFooter bool
	// ContentsDepth is the deepest heading level listed on the contents
	// page and in the PDF bookmarks: 1 or 2 (0 means 2).
	ContentsDepth int
}

// A KV is one row of a KeyValue table.
type KV struct {
	Label, Value string
}

// A Column is one column of a Table.
type Column struct {
	// Header is printed in bold at the top of the column, and again at the
	// top of each page the table continues on.
	Header string
	// Width in millimetres; columns with 0 share the width that is left.
	Width float64
	// Align is "L" (the default), "C" or "R".
	Align string
}

// A ContentsEntry is one heading listed on the contents page.
type ContentsEntry struct {
	Level int
	Text  string
	Page  int
}

// Layout, in millimetres and points.
const (
	marginSide   = 20.0
	marginTop    = 20.0
	marginBottom = 22.0

	bodySize  = 10.5
	bodyLineH = 5.4
	paraGap   = 2.4

	smallSize  = 8.5
	smallLineH = 4.1

	tableSize  = 9.5
	tableLineH = 4.7
	tablePadX  = 1.6
	tablePadY  = 1.3

	// Greys (0 black … 255 white). Everything prints well in greyscale.
	inkGrey    = 25
	mutedGrey  = 100
	ruleGrey   = 180
	fillGrey   = 236
	noticeFill = 246

	maxPasses = 3
)

// A Doc is a PDF being drawn, top to bottom. Its methods never fail one by
// one: the first error is kept and returned by Err, Output and Bytes.
type Doc struct {
	f                        *gofpdf.Fpdf
	opts                     Options
	pageW, pageH             float64
	left, right, top, bottom float64
	depth                    int

	entries []ContentsEntry // headings drawn so far
	links   []int           // internal link of each entry

	wantsContents   bool
	contentsTitle   string
	contentsPage    int     // the page Contents was called on
	contentsY       float64 // where on it
	contentsReserve int     // pages reserved for the contents
	contentsDrawn   bool
	lastBookmark    int // level of the last PDF bookmark, -1 before the first
	finished        bool
	err             error
}

// New starts a document with its first page added. Use Render instead when
// the document has a contents page.
func New(opts Options) (*Doc, error) {
	created := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if opts.CreatedOn != "" {
		t, err := schema.ParseDate(opts.CreatedOn)
		if err != nil {
			return nil, fmt.Errorf("pdf: created on: %w", err)
		}
		created = t
	}
	orientation := "P"
	if opts.Landscape {
		orientation = "L"
	}
	depth := opts.ContentsDepth
	if depth <= 0 || depth > 2 {
		depth = 2
	}
	f := gofpdf.New(orientation, "mm", "A4", "")
	f.SetCatalogSort(true)
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetProducer("Inreach", true)
	f.SetCreator("Inreach", true)
	if opts.Title != "" {
		f.SetTitle(clean(opts.Title), true)
	}
	if opts.Subject != "" {
		f.SetSubject(clean(opts.Subject), true)
	}
	if opts.Author != "" {
		f.SetAuthor(clean(opts.Author), true)
	}
	registerFonts(f)
	f.SetMargins(marginSide, marginTop, marginSide)
	f.SetAutoPageBreak(true, marginBottom)
	f.SetCellMargin(0)
	f.SetDisplayMode("fullwidth", "continuous")
	d := &Doc{f: f, opts: opts, depth: depth, lastBookmark: -1, contentsReserve: 1,
		left: marginSide, right: marginSide, top: marginTop, bottom: marginBottom}
	d.pageW, d.pageH = f.GetPageSize()
	f.SetFillColor(255, 255, 255)
	f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
	f.SetLineWidth(0.2)
	f.AddPage()
	d.font("", bodySize, inkGrey)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdf: starting the document: %w", err)
	}
	return d, nil
}

// Render makes a document by calling build (see the package comment):
// once, or again with more pages reserved if the contents page overflows
// what Contents reserved. The build function must draw the same document
// every time it is called.
func Render(opts Options, build func(d *Doc) error) ([]byte, error) {
	reserve := 1
	for pass := 1; ; pass++ {
		d, err := New(opts)
		if err != nil {
			return nil, err
		}
		d.contentsReserve = reserve
		if err := build(d); err != nil {
			return nil, err
		}
		if err := d.Err(); err != nil {
			return nil, err
		}
		if d.wantsContents && pass < maxPasses {
			if need := d.layoutContents(false); need > reserve {
				reserve = need
				continue
			}
		}
		return d.Bytes()
	}
}

// Err is the first error met while drawing, or nil.
func (d *Doc) Err() error {
	if d.err != nil {
		return d.err
	}
	if err := d.f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// Fpdf is the underlying gofpdf document, for drawing Doc does not offer
// (label grids, boxes). Use FontFamily for text; keep within the margins.
func (d *Doc) Fpdf() *gofpdf.Fpdf { return d.f }

// ContentsEntries is the list of headings drawn so far in this pass, with their
// page numbers.
func (d *Doc) ContentsEntries() []ContentsEntry {
	return append([]ContentsEntry(nil), d.entries...)
}

// ContentWidth is the width between the side margins, in millimetres.
func (d *Doc) ContentWidth() float64 { return d.pageW - d.left - d.right }

// Remaining is the height left on the current page above the footer.
func (d *Doc) Remaining() float64 { return d.pageH - d.bottom - d.f.GetY() }

// PageNo is the number of the current page, from 1.
func (d *Doc) PageNo() int { return d.f.PageNo() }

func (d *Doc) atTop() bool { return d.f.GetY() <= d.top+0.01 }

// EnsureSpace starts a new page unless h millimetres are left on this one
// (at the top of a page it does nothing: the content is simply tall).
func (d *Doc) EnsureSpace(h float64) {
	if !d.atTop() && d.Remaining() < h {
		d.PageBreak()
	}
}

// PageBreak starts a new page.
func (d *Doc) PageBreak() {
	d.f.AddPage()
	d.f.SetXY(d.left, d.top)
}

// Spacer leaves h millimetres of space (nothing at the top of a page; a
// page break if the space would run past the bottom).
func (d *Doc) Spacer(h float64) {
	if d.atTop() {
		return
	}
	if d.Remaining() <= h {
		d.PageBreak()
		return
	}
	d.f.SetXY(d.left, d.f.GetY()+h)
}

// Rule draws a thin grey line across the page.
func (d *Doc) Rule() {
	d.EnsureSpace(3)
	y := d.f.GetY() + 1
	d.f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
	d.f.SetLineWidth(0.2)
	d.f.Line(d.left, y, d.pageW-d.right, y)
	d.f.SetXY(d.left, y+2)
}

func (d *Doc) font(style string, size float64, grey int) {
	d.f.SetFont(FontFamily, style, size)
	d.f.SetTextColor(grey, grey, grey)
}

// wrap splits text into lines no wider than w in the current font. Line
// breaks in the text are kept; an empty line stays an empty line.
func (d *Doc) wrap(text string, w float64) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " ")
		if line == "" {
			out = append(out, "")
			continue
		}
		out = append(out, d.f.SplitText(line, w)...)
	}
	return out
}

// paragraphs splits text at blank lines, dropping empty paragraphs.
func paragraphs(text string) []string {
	text = strings.TrimSpace(clean(text))
	if text == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// flow draws lines at x, one under another, breaking pages as needed and
// never leaving the first line of several alone at the bottom of a page.
func (d *Doc) flow(lines []string, x, w, lh float64, align string) {
	if len(lines) >= 2 {
		d.EnsureSpace(2 * lh)
	}
	for i, line := range lines {
		if d.Remaining() < lh && !d.atTop() {
			// Keep the last line of a paragraph company: move two lines
			// over rather than leaving one alone on the next page.
			d.PageBreak()
		} else if i == len(lines)-2 && len(lines) >= 3 && d.Remaining() < 2*lh && d.Remaining() >= lh {
			d.PageBreak()
		}
		y := d.f.GetY()
		d.f.SetXY(x, y)
		d.f.CellFormat(w, lh, line, "", 0, align, false, 0, "")
		d.f.SetXY(d.left, y+lh)
	}
}

func (d *Doc) textBlock(text, style string, size, lh float64, grey int, x, w float64) {
	paras := paragraphs(text)
	d.font(style, size, grey)
	for i, p := range paras {
		if i > 0 {
			d.Spacer(paraGap)
		}
		d.flow(d.wrap(p, w), x, w, lh, "L")
	}
	d.font("", bodySize, inkGrey)
}

// Paragraph prints body text, wrapped to the page. A blank line in text
// starts a new paragraph; a single line break is kept as a line break.
// A small gap follows.
func (d *Doc) Paragraph(text string) {
	if len(paragraphs(text)) == 0 {
		return
	}
	d.textBlock(text, "", bodySize, bodyLineH, inkGrey, d.left, d.ContentWidth())
	d.Spacer(paraGap)
}

// Italic prints text like Paragraph, in grey italics (for "nothing
// written here" and similar remarks).
func (d *Doc) Italic(text string) {
	if len(paragraphs(text)) == 0 {
		return
	}
	d.textBlock(text, "I", bodySize, bodyLineH, mutedGrey, d.left, d.ContentWidth())
	d.Spacer(paraGap)
}

// Muted prints small grey text (notes, sources, explanations).
func (d *Doc) Muted(text string) {
	if len(paragraphs(text)) == 0 {
		return
	}
	d.textBlock(text, "", smallSize, smallLineH, mutedGrey, d.left, d.ContentWidth())
	d.Spacer(1.5)
}

// Title prints the document's title, large and bold.
func (d *Doc) Title(text string) {
	text = strings.TrimSpace(clean(text))
	if text == "" {
		return
	}
	d.font("B", 22, inkGrey)
	d.flow(d.wrap(text, d.ContentWidth()), d.left, d.ContentWidth(), 10, "L")
	d.font("", bodySize, inkGrey)
	d.Spacer(2)
}

// Subtitle prints a line under the title, larger than body text, in grey.
func (d *Doc) Subtitle(text string) {
	text = strings.TrimSpace(clean(text))
	if text == "" {
		return
	}
	d.font("", 13, mutedGrey)
	d.flow(d.wrap(text, d.ContentWidth()), d.left, d.ContentWidth(), 6.5, "L")
	d.font("", bodySize, inkGrey)
	d.Spacer(2)
}

type headingStyle struct {
	size, lh, before, after, keep float64
	rule                          bool
}

var headingStyles = map[int]headingStyle{
	1: {size: 15, lh: 7.5, before: 7, after: 3, keep: 22, rule: true},
	2: {size: 12.5, lh: 6.4, before: 6, after: 1.8, keep: 18},
	3: {size: 10.5, lh: 5.4, before: 3.5, after: 0.8, keep: 2 * bodyLineH},
}

// Heading prints a heading of level 1 (largest, with a rule under it), 2
// or 3. Headings up to Options.ContentsDepth are listed on the contents
// page and as PDF bookmarks. A heading is never left alone at the bottom
// of a page: if what follows would not start on the same page, the heading
// moves to the next.
func (d *Doc) Heading(level int, text string) {
	if level < 1 {
		level = 1
	}
	if level > 3 {
		level = 3
	}
	text = strings.TrimSpace(strings.ReplaceAll(clean(text), "\n", " "))
	if text == "" {
		return
	}
	st := headingStyles[level]
	d.font("B", st.size, inkGrey)
	lines := d.wrap(text, d.ContentWidth())
	need := st.before + float64(len(lines))*st.lh + st.after + st.keep
	if st.rule {
		need += 2
	}
	d.EnsureSpace(need)
	if !d.atTop() {
		d.f.SetXY(d.left, d.f.GetY()+st.before)
	}
	y := d.f.GetY()
	page := d.f.PageNo()
	if level <= d.depth {
		link := d.f.AddLink()
		d.f.SetLink(link, y, page)
		d.entries = append(d.entries, ContentsEntry{Level: level, Text: text, Page: page})
		d.links = append(d.links, link)
		bl := level - 1
		if bl > d.lastBookmark+1 {
			bl = d.lastBookmark + 1
		}
		d.f.Bookmark(text, bl, y)
		d.lastBookmark = bl
	}
	d.font("B", st.size, inkGrey)
	d.flow(lines, d.left, d.ContentWidth(), st.lh, "L")
	if st.rule {
		ry := d.f.GetY() + 0.8
		d.f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
		d.f.SetLineWidth(0.3)
		d.f.Line(d.left, ry, d.pageW-d.right, ry)
		d.f.SetLineWidth(0.2)
		d.f.SetXY(d.left, ry+1.2)
	}
	d.f.SetXY(d.left, d.f.GetY()+st.after)
	d.font("", bodySize, inkGrey)
}

// Contents reserves the contents page here: a title, then every heading
// drawn after it (up to Options.ContentsDepth) with its page number, each a
// link to its page. The list is filled in when the document is finished;
// whatever is drawn next starts on a new page. With Render the contents may
// take several pages; with New it must fit on the one reserved.
func (d *Doc) Contents(title string) {
	if d.wantsContents {
		return // one contents page per document
	}
	d.wantsContents = true
	title = strings.TrimSpace(clean(title))
	if title == "" {
		title = "Contents"
	}
	d.contentsTitle = title
	d.EnsureSpace(40)
	d.contentsPage = d.f.PageNo()
	d.contentsY = d.f.GetY()
	for i := 1; i < d.contentsReserve; i++ {
		d.PageBreak()
	}
	// Whatever comes next starts on a fresh page.
	d.f.SetXY(d.left, d.pageH-d.bottom)
}

// layoutContents lays out the contents list from the reserved page on,
// drawing it if draw is true, and returns how many pages it takes.
func (d *Doc) layoutContents(draw bool) int {
	page, y := d.contentsPage, d.contentsY
	pages := 1
	bottom := d.pageH - d.bottom
	next := func() {
		page++
		pages++
		y = d.top
		if draw {
			if page > d.contentsPage+d.contentsReserve-1 {
				draw = false // no room reserved: drop the rest (only with New)
				return
			}
			d.f.SetPage(page)
		}
	}
	if draw {
		d.f.SetPage(page)
		d.font("B", 15, inkGrey)
		d.f.SetXY(d.left, y)
		d.f.CellFormat(d.ContentWidth(), 7.5, fitText(d.f, d.contentsTitle, d.ContentWidth()), "", 0, "L", false, 0, "")
	}
	y += 7.5 + 4
	if len(d.entries) == 0 && draw {
		d.font("I", bodySize, mutedGrey)
		d.f.SetXY(d.left, y)
		d.f.CellFormat(d.ContentWidth(), bodyLineH, "Nothing to list.", "", 0, "L", false, 0, "")
	}
	w := d.ContentWidth()
	for i, e := range d.entries {
		indent, lh, style := 0.0, 5.6, ""
		if e.Level == 1 {
			lh, style = 6.4, "B"
			if i > 0 && y > d.top+0.01 {
				y += 1.6
			}
		} else {
			indent = 6
		}
		if y+lh > bottom {
			next()
		}
		if draw {
			d.contentsLine(e, d.links[i], y, indent, lh, style, w)
		}
		y += lh
	}
	return pages
}

func (d *Doc) contentsLine(e ContentsEntry, link int, y, indent, lh float64, style string, w float64) {
	d.font(style, bodySize, inkGrey)
	num := strconv.Itoa(e.Page)
	numW := d.f.GetStringWidth(num)
	text := fitText(d.f, e.Text, w-indent-numW-8)
	textW := d.f.GetStringWidth(text)
	d.f.SetXY(d.left+indent, y)
	d.f.CellFormat(textW, lh, text, "", 0, "L", false, 0, "")
	// dot leaders, in grey, between the text and the page number
	start := d.left + indent + textW + 2
	end := d.left + w - numW - 2
	d.font("", bodySize, ruleGrey)
	dotW := d.f.GetStringWidth(". ")
	if n := int((end - start) / dotW); n > 0 {
		d.f.SetXY(end-float64(n)*dotW, y)
		d.f.CellFormat(float64(n)*dotW, lh, strings.Repeat(". ", n), "", 0, "L", false, 0, "")
	}
	d.font(style, bodySize, inkGrey)
	d.f.SetXY(d.left+w-numW, y)
	d.f.CellFormat(numW, lh, num, "", 0, "R", false, 0, "")
	d.f.Link(d.left+indent, y, w-indent, lh, link)
}

// fitText shortens s with "…" until it is no wider than w.
func fitText(f *gofpdf.Fpdf, s string, w float64) string {
	if f.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ") + "…"
		if f.GetStringWidth(t) <= w {
			return t
		}
	}
	return "…"
}

// KeyValue prints a two-column table: each label in small bold grey on the
// left, its value wrapped on the right. An empty value prints as "—".
func (d *Doc) KeyValue(rows []KV) {
	if len(rows) == 0 {
		return
	}
	w := d.ContentWidth()
	d.font("B", tableSize, mutedGrey)
	labelW := 28.0
	for _, r := range rows {
		if lw := d.f.GetStringWidth(clean(r.Label)) + 5; lw > labelW {
			labelW = lw
		}
	}
	if labelW > 0.38*w {
		labelW = 0.38 * w
	}
	valueW := w - labelW
	for _, r := range rows {
		d.font("B", tableSize, mutedGrey)
		labels := d.wrap(strings.TrimSpace(clean(r.Label)), labelW-4)
		d.font("", bodySize, inkGrey)
		value := strings.TrimSpace(clean(r.Value))
		if value == "" {
			value = "—"
		}
		values := d.wrap(value, valueW)
		// Keep a short value together; let a long one flow over pages
		// from at least two lines on this one.
		first := len(values)
		if first > keepTogetherLines {
			first = 2
		}
		if len(labels) > first {
			first = len(labels)
		}
		d.EnsureSpace(float64(first) * bodyLineH)
		y := d.f.GetY()
		page := d.f.PageNo()
		d.font("B", tableSize, mutedGrey)
		for i, l := range labels {
			d.f.SetXY(d.left, y+float64(i)*bodyLineH)
			d.f.CellFormat(labelW-4, bodyLineH, l, "", 0, "L", false, 0, "")
		}
		d.f.SetXY(d.left, y)
		d.font("", bodySize, inkGrey)
		d.flow(values, d.left+labelW, valueW, bodyLineH, "L")
		if d.f.PageNo() == page {
			if end := y + float64(len(labels))*bodyLineH; end > d.f.GetY() {
				d.f.SetXY(d.left, end)
			}
		}
		d.f.SetXY(d.left, d.f.GetY()+1)
	}
	d.font("", bodySize, inkGrey)
	d.Spacer(paraGap)
}

// keepTogetherLines is the longest block (a KeyValue value) kept whole on
// one page rather than split.
const keepTogetherLines = 6

// KeyValueHeight is about how tall KeyValue(rows) will be, in millimetres:
// for keeping a block together with EnsureSpace.
func (d *Doc) KeyValueHeight(rows []KV) float64 {
	if len(rows) == 0 {
		return 0
	}
	w := d.ContentWidth()
	d.font("B", tableSize, mutedGrey)
	labelW := 28.0
	for _, r := range rows {
		if lw := d.f.GetStringWidth(clean(r.Label)) + 5; lw > labelW {
			labelW = lw
		}
	}
	labelW = min(labelW, 0.38*w)
	d.font("", bodySize, inkGrey)
	h := paraGap
	for _, r := range rows {
		n := len(d.wrap(strings.TrimSpace(clean(r.Value)), w-labelW))
		h += float64(max(n, 1))*bodyLineH + 1
	}
	return h
}

// Bullets prints a bulleted list, each item wrapped with a hanging indent.
func (d *Doc) Bullets(items []string) {
	indent := 6.0
	w := d.ContentWidth() - indent
	for _, it := range items {
		it = strings.TrimSpace(clean(it))
		if it == "" {
			continue
		}
		d.font("", bodySize, inkGrey)
		lines := d.wrap(it, w)
		d.EnsureSpace(bodyLineH * float64(min(2, len(lines))))
		y := d.f.GetY()
		d.f.SetXY(d.left+1.5, y)
		d.f.CellFormat(indent-1.5, bodyLineH, "•", "", 0, "L", false, 0, "")
		d.f.SetXY(d.left, y)
		d.flow(lines, d.left+indent, w, bodyLineH, "L")
		d.f.SetXY(d.left, d.f.GetY()+1)
	}
	d.font("", bodySize, inkGrey)
	d.Spacer(paraGap - 1)
}

// Notice prints a grey box with a bold title line and text: for
// confidentiality notices and warnings.
func (d *Doc) Notice(title, text string) {
	title = strings.TrimSpace(clean(title))
	pad := 4.0
	w := d.ContentWidth() - 2*pad
	d.font("B", bodySize, inkGrey)
	var tl []string
	if title != "" {
		tl = d.wrap(title, w)
	}
	d.font("", tableSize, inkGrey)
	var bl []string
	for i, p := range paragraphs(text) {
		if i > 0 {
			bl = append(bl, "")
		}
		bl = append(bl, d.wrap(p, w)...)
	}
	h := 2*pad + float64(len(tl))*bodyLineH + float64(len(bl))*tableLineH
	if len(tl) > 0 && len(bl) > 0 {
		h += 1
	}
	if h > d.pageH-d.top-d.bottom-4 {
		// Too tall for one page: print it unboxed, flowing over pages.
		d.font("B", bodySize, inkGrey)
		d.flow(tl, d.left, d.ContentWidth(), bodyLineH, "L")
		d.textBlock(text, "", tableSize, tableLineH, inkGrey, d.left, d.ContentWidth())
		d.Spacer(paraGap + 1)
		return
	}
	d.EnsureSpace(h + 2)
	y := d.f.GetY()
	d.f.SetFillColor(noticeFill, noticeFill, noticeFill)
	d.f.SetDrawColor(150, 150, 150)
	d.f.SetLineWidth(0.3)
	d.f.Rect(d.left, y, d.ContentWidth(), h, "DF")
	d.f.SetLineWidth(0.2)
	d.f.SetFillColor(255, 255, 255)
	cy := y + pad
	d.font("B", bodySize, inkGrey)
	for _, l := range tl {
		d.f.SetXY(d.left+pad, cy)
		d.f.CellFormat(w, bodyLineH, l, "", 0, "L", false, 0, "")
		cy += bodyLineH
	}
	if len(tl) > 0 && len(bl) > 0 {
		cy += 1
	}
	d.font("", tableSize, inkGrey)
	for _, l := range bl {
		d.f.SetXY(d.left+pad, cy)
		d.f.CellFormat(w, tableLineH, l, "", 0, "L", false, 0, "")
		cy += tableLineH
	}
	d.f.SetXY(d.left, y+h)
	d.font("", bodySize, inkGrey)
	d.Spacer(paraGap + 1)
}

// A Cover is the first page of a longer document.
type Cover struct {
	// Kicker is a small line above the title (the organisation).
	Kicker string
	// Title and Subtitle are printed large.
	Title, Subtitle string
	// Details are printed as a KeyValue table under a rule.
	Details []KV
	// NoticeTitle and Notice, if set, are printed in a box near the
	// bottom of the page.
	NoticeTitle, Notice string
}

// Cover draws a cover page on the current page (normally the first). It
// does not start a new page after itself.
func (d *Doc) Cover(c Cover) {
	d.f.SetXY(d.left, d.top+28)
	if k := strings.TrimSpace(clean(c.Kicker)); k != "" {
		d.font("B", 10, mutedGrey)
		d.flow(d.wrap(strings.ToUpper(k), d.ContentWidth()), d.left, d.ContentWidth(), 5, "L")
		d.f.SetXY(d.left, d.f.GetY()+3)
	}
	d.font("B", 26, inkGrey)
	d.flow(d.wrap(strings.TrimSpace(clean(c.Title)), d.ContentWidth()), d.left, d.ContentWidth(), 11.5, "L")
	d.f.SetXY(d.left, d.f.GetY()+2)
	d.Subtitle(c.Subtitle)
	d.Spacer(4)
	d.f.SetDrawColor(90, 90, 90)
	d.f.SetLineWidth(0.6)
	y := d.f.GetY()
	d.f.Line(d.left, y, d.left+40, y)
	d.f.SetLineWidth(0.2)
	d.f.SetXY(d.left, y+8)
	d.KeyValue(c.Details)
	if c.Notice != "" || c.NoticeTitle != "" {
		// Put the notice near the foot of the page if there is room.
		d.font("", tableSize, inkGrey)
		est := 2*4.0 + bodyLineH + 1 + float64(len(d.wrap(clean(c.Notice), d.ContentWidth()-8))+2)*tableLineH
		if target := d.pageH - d.bottom - est - 6; target > d.f.GetY() {
			d.f.SetXY(d.left, target)
		}
		d.Notice(c.NoticeTitle, c.Notice)
	}
}

// Table prints a table with a shaded header row, repeated at the top of
// every page the table runs on to. Cells wrap; a row taller than what is
// left of a page continues on the next.
func (d *Doc) Table(cols []Column, rows [][]string) {
	if len(cols) == 0 {
		return
	}
	widths := d.columnWidths(cols)
	d.font("B", tableSize, inkGrey)
	heads := make([][]string, len(cols))
	headN := 1
	for i, c := range cols {
		heads[i] = d.wrap(strings.TrimSpace(clean(c.Header)), widths[i]-2*tablePadX)
		headN = max(headN, len(heads[i]))
	}
	headH := float64(headN)*tableLineH + 2*tablePadY
	drawHead := func() {
		y := d.f.GetY()
		d.f.SetFillColor(fillGrey, fillGrey, fillGrey)
		d.f.Rect(d.left, y, d.ContentWidth(), headH, "F")
		d.f.SetFillColor(255, 255, 255)
		d.font("B", tableSize, inkGrey)
		x := d.left
		for i, c := range cols {
			for k, l := range heads[i] {
				d.f.SetXY(x+tablePadX, y+tablePadY+float64(k)*tableLineH)
				d.f.CellFormat(widths[i]-2*tablePadX, tableLineH, l, "", 0, align(c.Align), false, 0, "")
			}
			x += widths[i]
		}
		d.f.SetXY(d.left, y+headH)
	}
	d.font("", tableSize, inkGrey)
	body := make([][][]string, len(rows))
	for r, row := range rows {
		body[r] = make([][]string, len(cols))
		for i := range cols {
			cell := ""
			if i < len(row) {
				cell = strings.TrimSpace(clean(row[i]))
			}
			body[r][i] = d.wrap(cell, widths[i]-2*tablePadX)
		}
	}
	firstH := 2*tablePadY + tableLineH
	if len(body) > 0 {
		firstH = 2*tablePadY + float64(min(3, rowLines(body[0])))*tableLineH
	}
	d.EnsureSpace(headH + firstH)
	drawHead()
	for _, cells := range body {
		n := rowLines(cells)
		from := 0
		for from < n {
			avail := d.Remaining() - 2*tablePadY
			fit := int(avail / tableLineH)
			rest := n - from
			if fit < rest {
				pageFit := int((d.pageH - d.top - d.bottom - headH - 2*tablePadY) / tableLineH)
				if rest <= pageFit || fit < 2 {
					// The row fits on a fresh page (or too little is left
					// here to be worth splitting): move it over.
					d.PageBreak()
					drawHead()
					continue
				}
			}
			if fit > rest {
				fit = rest
			}
			if fit < 1 {
				fit = 1
			}
			y := d.f.GetY()
			d.font("", tableSize, inkGrey)
			x := d.left
			for i, c := range cols {
				cl := cells[i]
				for k := from; k < from+fit && k < len(cl); k++ {
					d.f.SetXY(x+tablePadX, y+tablePadY+float64(k-from)*tableLineH)
					d.f.CellFormat(widths[i]-2*tablePadX, tableLineH, cl[k], "", 0, align(c.Align), false, 0, "")
				}
				x += widths[i]
			}
			h := float64(fit)*tableLineH + 2*tablePadY
			d.f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
			d.f.Line(d.left, y+h, d.left+d.ContentWidth(), y+h)
			d.f.SetXY(d.left, y+h)
			from += fit
			if from < n {
				d.PageBreak()
				drawHead()
			}
		}
	}
	d.font("", bodySize, inkGrey)
	d.Spacer(paraGap + 1)
}

func rowLines(cells [][]string) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

func align(a string) string {
	switch strings.ToUpper(a) {
	case "R":
		return "R"
	case "C":
		return "C"
	}
	return "L"
}

func (d *Doc) columnWidths(cols []Column) []float64 {
	total := d.ContentWidth()
	fixed, free := 0.0, 0
	for _, c := range cols {
		if c.Width > 0 {
			fixed += c.Width
		} else {
			free++
		}
	}
	scale := 1.0
	minFree := 15.0 * float64(free)
	if fixed > total-minFree {
		scale = (total - minFree) / fixed
	}
	share := 0.0
	if free > 0 {
		share = (total - fixed*scale) / float64(free)
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		if c.Width > 0 {
			out[i] = c.Width * scale
		} else {
			out[i] = share
		}
	}
	return out
}

// finish draws the running header and the footer on every page, now that
// the number of pages is known.
func (d *Doc) finish() {
	if d.finished {
		return
	}
	d.finished = true
	total := d.f.PageCount()
	d.f.SetAutoPageBreak(false, 0)
	if d.wantsContents && !d.contentsDrawn {
		d.contentsDrawn = true
		d.layoutContents(true)
	}
	for p := 1; p <= total; p++ {
		d.f.SetPage(p)
		if d.opts.Header != "" && p > 1 {
			d.font("", smallSize, mutedGrey)
			d.f.SetXY(d.left, 10)
			d.f.CellFormat(d.ContentWidth(), 4, fitText(d.f, clean(d.opts.Header), d.ContentWidth()), "", 0, "L", false, 0, "")
			d.f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
			d.f.SetLineWidth(0.2)
			d.f.Line(d.left, 15, d.pageW-d.right, 15)
		}
		if d.opts.NoFooter {
			continue
		}
		y := d.pageH - 15
		d.f.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
		d.f.SetLineWidth(0.2)
		d.f.Line(d.left, y, d.pageW-d.right, y)
		d.font("", smallSize, mutedGrey)
		num := fmt.Sprintf("Page %d of %d", p, total)
		numW := d.f.GetStringWidth(num)
		left := "Confidential"
		if t := strings.TrimSpace(clean(d.opts.Footer)); t != "" {
			left += " — " + strings.ReplaceAll(t, "\n", " ")
		}
		d.font("B", smallSize, mutedGrey)
		left = fitText(d.f, left, d.ContentWidth()-numW-6)
		d.f.SetXY(d.left, y+1.5)
		d.f.CellFormat(d.ContentWidth()-numW-6, 4, left, "", 0, "L", false, 0, "")
		d.font("", smallSize, mutedGrey)
		d.f.SetXY(d.pageW-d.right-numW, y+1.5)
		d.f.CellFormat(numW, 4, num, "", 0, "R", false, 0, "")
	}
}

// Output finishes the document (header, footer and page numbers on every
// page) and writes the PDF to w. After Output nothing more can be drawn.
func (d *Doc) Output(w io.Writer) error {
	if err := d.Err(); err != nil {
		return err
	}
	d.finish()
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("pdf: writing the document: %w", err)
	}
	return nil
}

// Bytes finishes the document and returns the PDF.
func (d *Doc) Bytes() ([]byte, error) {
	var b bytes.Buffer
	if err := d.Output(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
