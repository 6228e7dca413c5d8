package newsletter

import (
	"math"
	"strings"
)

// WordCount is the number of words a reader reads in the issue: the words
// of every section's heading and body (the masthead and contributor lines
// are not counted).
func WordCount(is Issue) int {
	n := 0
	for _, sec := range is.Sections {
		n += len(strings.Fields(sec.Heading)) + len(strings.Fields(sec.Body))
	}
	return n
}

// The page-estimate rule, measured on the PDF of pdf.NewsletterPDF (A4,
// 14 pt body type with generous leading): a full page holds about
// WordsPerPage words of body text. Everything else is counted as the words
// it displaces:
//   - the masthead on page one: MastheadWords;
//   - each section's heading, contributor line and the gap before the next
//     section: SectionWords;
//   - each paragraph after the first in a section (the part-empty last
//     line and the gap): ParagraphWords;
//   - the return-address block at the end: ReturnAddressWords.
//
// PageEstimate is that total divided by WordsPerPage, rounded up, and at
// least 1.
const (
	WordsPerPage       = 390
	MastheadWords      = 90
	SectionWords       = 30
	ParagraphWords     = 6
	ReturnAddressWords = 60
)

// PageEstimate is about how many A4 pages the printed issue takes, by the
// rule above. Prison mail often limits the pages in an envelope, so the
// editor shows it as the issue grows.
func PageEstimate(is Issue) int {
	total := MastheadWords + ReturnAddressWords
	for _, sec := range is.Sections {
		total += SectionWords + len(strings.Fields(sec.Body))
		// a long heading wraps: count its words beyond the first line
		if hw := len(strings.Fields(sec.Heading)); hw > 6 {
			total += (hw - 6) * 2
		}
		if paras := len(Paragraphs(sec.Body)); paras > 1 {
			total += (paras - 1) * ParagraphWords
		}
	}
	return max(1, int(math.Ceil(float64(total)/WordsPerPage)))
}

// Paragraphs splits a body into its paragraphs: runs of text separated by
// one or more blank lines. A single line break inside a paragraph is kept
// (a poem, an address); spaces around each line and blank lines at the
// start and end are dropped.
func Paragraphs(body string) []string {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimSpace(line))
	}
	flush()
	return out
}
