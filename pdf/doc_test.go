package pdf

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/assets"
)

func TestNonLatinTextSurvivesIntoThePDF(t *testing.T) {
	sample := "£5, “quotes”, café, Zoë, Łucja, Αθηνά, Кира"
	d, err := New(Options{Title: sample, Footer: "test", CreatedOn: "2025-07-04"})
	require.NoError(t, err)
	d.Title("Characters " + sample)
	d.Heading(2, "Heading "+sample)
	d.Paragraph("Body " + sample)
	d.KeyValue([]KV{{Label: "Label " + sample, Value: "Value " + sample}})
	d.Table([]Column{{Header: "Head"}, {Header: "Other"}}, [][]string{{"Cell " + sample, "x"}})
	b, err := d.Bytes()
	require.NoError(t, err)
	text := squash(pdfText(t, b))
	for _, want := range []string{"Characters", "Heading", "Body", "Value", "Cell"} {
		require.Contains(t, text, want+" "+sample)
	}
	for _, word := range []string{"£5", "“quotes”", "café", "Zoë", "Łucja", "Αθηνά", "Кира"} {
		require.Contains(t, text, word)
	}
}

func TestEmojiAndControlCharactersDoNotBreakTheDocument(t *testing.T) {
	d, err := New(Options{})
	require.NoError(t, err)
	d.Paragraph("Smile 🙂 tab\there\x00 bell\a\r\nnext line \xff bad byte")
	b, err := d.Bytes()
	require.NoError(t, err)
	text := pdfText(t, b)
	require.Contains(t, text, "Smile")
	require.Contains(t, text, "next line")
}

func TestTheSameDocumentGivesTheSameBytes(t *testing.T) {
	build := func(d *Doc) error {
		d.Cover(Cover{Title: "Same", Details: []KV{{Label: "Period", Value: "2025"}}})
		d.PageBreak()
		d.Contents("Contents")
		d.PageBreak()
		for i := 0; i < 30; i++ {
			d.Heading(2, fmt.Sprintf("Part %d", i))
			d.Paragraph(strings.Repeat("Words that wrap across the page. ", 20))
		}
		return nil
	}
	a, err := Render(Options{CreatedOn: "2025-01-02", Footer: "x"}, build)
	require.NoError(t, err)
	b, err := Render(Options{CreatedOn: "2025-01-02", Footer: "x"}, build)
	require.NoError(t, err)
	require.Equal(t, a, b)
	c, err := Render(Options{CreatedOn: "2025-01-03", Footer: "x"}, build)
	require.NoError(t, err)
	require.NotEqual(t, a, c, "the creation date is part of the document")
}

func TestABadCreationDateIsRefused(t *testing.T) {
	_, err := New(Options{CreatedOn: "04/07/2025"})
	require.ErrorContains(t, err, "created on")
}

func TestEveryPageHasTheConfidentialFooterAndPageNOfM(t *testing.T) {
	d, err := New(Options{Footer: "Supervision pack", Header: "Running head"})
	require.NoError(t, err)
	for i := 0; i < 120; i++ {
		d.Paragraph(fmt.Sprintf("Paragraph number %d. %s", i, strings.Repeat("More text to fill the page. ", 6)))
	}
	b, err := d.Bytes()
	require.NoError(t, err)
	pages := pdfPages(pdfText(t, b))
	require.Greater(t, len(pages), 3)
	for i, p := range pages {
		require.Contains(t, p, "Confidential — Supervision pack", "page %d", i+1)
		require.Contains(t, p, fmt.Sprintf("Page %d of %d", i+1, len(pages)), "page %d", i+1)
		if i == 0 {
			require.NotContains(t, p, "Running head", "the header starts on page 2")
		} else {
			require.Contains(t, p, "Running head", "page %d", i+1)
		}
	}
}

func TestTheContentsPageGivesThePageEachHeadingIsOn(t *testing.T) {
	build := func(d *Doc) error {
		d.Title("Contents test")
		d.PageBreak()
		d.Contents("Contents")
		d.PageBreak()
		// Enough headings that the contents runs over two pages, which
		// moves every later page on by one.
		for i := 0; i < 70; i++ {
			if i%10 == 0 {
				d.Heading(1, fmt.Sprintf("Chapter %02d", i/10))
			}
			d.Heading(2, fmt.Sprintf("Section %02d", i))
			d.Paragraph(strings.Repeat("Filling text. ", 40+i%7*10))
		}
		return nil
	}
	b, err := Render(Options{}, build)
	require.NoError(t, err)
	pages := pdfPages(pdfText(t, b))
	contents := pages[1] + pages[2]
	require.Contains(t, pages[1], "Contents")
	found := 0
	for i := 0; i < 70; i++ {
		name := fmt.Sprintf("Section %02d", i)
		// the page where the section really starts
		real := 0
		for p := 3; p < len(pages); p++ {
			if strings.Contains(pages[p], name) {
				real = p + 1
				break
			}
		}
		require.NotZero(t, real, name)
		// the page number the contents gives for it (the line ends in it)
		listed := ""
		for _, line := range strings.Split(contents, "\n") {
			if strings.Contains(line, name) {
				f := strings.Fields(line)
				listed = f[len(f)-1]
			}
		}
		require.Equal(t, fmt.Sprint(real), listed, name)
		found++
	}
	require.Equal(t, 70, found)
}

func TestATableRepeatsItsHeaderOnEveryPageItRunsOn(t *testing.T) {
	d, err := New(Options{})
	require.NoError(t, err)
	var rows [][]string
	for i := 0; i < 150; i++ {
		rows = append(rows, []string{fmt.Sprintf("row-%03d", i), strings.Repeat("long cell text ", i%9+1)})
	}
	d.Table([]Column{{Header: "Identifier", Width: 40}, {Header: "Description"}}, rows)
	b, err := d.Bytes()
	require.NoError(t, err)
	pages := pdfPages(pdfText(t, b))
	require.Greater(t, len(pages), 2)
	all := strings.Join(pages, "\n")
	for i, p := range pages {
		require.Contains(t, p, "Identifier", "page %d", i+1)
		require.Contains(t, p, "Description", "page %d", i+1)
	}
	for i := 0; i < 150; i++ {
		require.Equal(t, 1, strings.Count(all, fmt.Sprintf("row-%03d", i)))
	}
}

func TestAVeryLongParagraphFlowsOverPagesWithoutLosingWords(t *testing.T) {
	d, err := New(Options{})
	require.NoError(t, err)
	var words []string
	for i := 0; i < 3000; i++ {
		words = append(words, fmt.Sprintf("w%04d", i))
	}
	d.Paragraph(strings.Join(words, " ") + "\n\nSecond paragraph.")
	d.Bullets([]string{"first bullet", "second bullet"})
	b, err := d.Bytes()
	require.NoError(t, err)
	text := squash(pdfText(t, b))
	for _, w := range []string{"w0000", "w1500", "w2999", "Second paragraph.", "first bullet", "second bullet"} {
		require.Contains(t, text, w)
	}
	require.Equal(t, 1, strings.Count(text, "w2345"))
}

// Documents made at the same time (the app saves a PDF in the background
// while the user makes another) share nothing: each comes out exactly as it
// does alone, and the embedded font files are left as they were. Under
// `make test` this package runs with -race, which fails this test if two
// documents write into the same font bytes.
func TestDocumentsMadeAtTheSameTimeShareNothing(t *testing.T) {
	build := func(d *Doc) error {
		d.Title("At once — £5, café, Αθηνά")
		d.Paragraph(strings.Repeat("Words that wrap across the page. ", 40))
		d.Table([]Column{{Header: "Head"}, {Header: "Other"}}, [][]string{{"Cell", "ünïcödé"}})
		return nil
	}
	opts := Options{CreatedOn: "2025-01-02", Footer: "x"}
	alone, err := Render(opts, build)
	require.NoError(t, err)
	fonts := fontDigests()

	const n = 4
	got := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i], errs[i] = Render(opts, build)
		}(i)
	}
	wg.Wait()
	for i := 0; i < n; i++ {
		require.NoError(t, errs[i])
		require.Equal(t, alone, got[i], "document %d made alongside others", i)
	}
	require.Equal(t, fonts, fontDigests(), "the embedded fonts are untouched")
}

func fontDigests() [][32]byte {
	return [][32]byte{sha256.Sum256(assets.DejaVuSans), sha256.Sum256(assets.DejaVuSansBold),
		sha256.Sum256(assets.DejaVuSansOblique), sha256.Sum256(assets.DejaVuSansBoldOblique)}
}
