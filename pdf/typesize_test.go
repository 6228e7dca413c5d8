package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

var (
	streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
	opRE     = regexp.MustCompile(`(?s)/\S+ ([\d.]+) Tf|\((?:[^()\\]|\\.)*\)\s*Tj|<[0-9A-Fa-f]*>\s*Tj|\[[^\]]*\]\s*TJ`)
)

// textBySize returns, for each font size set in the PDF's page streams,
// how many bytes of text are drawn at that size.
func textBySize(t *testing.T, pdf []byte) map[float64]int {
	t.Helper()
	out := map[float64]int{}
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not a compressed content stream (a font, an image)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			continue
		}
		size := 0.0
		for _, op := range opRE.FindAllSubmatch(content, -1) {
			if op[1] != nil {
				size, err = strconv.ParseFloat(string(op[1]), 64)
				require.NoError(t, err)
				continue
			}
			out[size] += len(op[0])
		}
	}
	return out
}

func TestNewsletterBodyTextIsAtLeastFourteenPoint(t *testing.T) {
	db := newsletterVault(t)
	is := sampleIssue(t, db)
	b, err := NewsletterPDF(context.Background(), db, is.ID, NewsletterOptions{GeneratedOn: "2025-04-02"})
	require.NoError(t, err)
	sizes := textBySize(t, b)
	require.NotEmpty(t, sizes)
	body, most := 0.0, 0
	for size, n := range sizes {
		if n > most {
			body, most = size, n
		}
	}
	require.GreaterOrEqual(t, body, 14.0, "most of the text (the body) is set in %v pt; all sizes: %v", body, sizes)
	for size := range sizes {
		if size < 14 {
			// Only the by-line and the page footer may be smaller.
			require.GreaterOrEqual(t, size, nlFooterSize, "sizes: %v", sizes)
		}
	}
}
