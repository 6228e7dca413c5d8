package pdf

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"inreach/assets"
)

// FontFamily is the name under which the embedded DejaVu Sans faces are
// registered on every Doc: SetFont(FontFamily, "", 10), "B", "I" or "BI".
const FontFamily = "DejaVu"

// registerFonts adds the four DejaVu Sans faces as UTF-8 fonts, so that £,
// curly quotes, accents, Greek and Cyrillic print and can be copied out of
// the PDF as text (the PDF core fonts cannot do this).
//
// Each document gets its own copy of the font files: gofpdf pads the font
// tables it cuts by appending to slices of the bytes it was given, so two
// documents made at once (a PDF saved in the background while another is
// made) would otherwise write into the same shared array.
func registerFonts(f *gofpdf.Fpdf) {
	f.AddUTF8FontFromBytes(FontFamily, "", bytes.Clone(assets.DejaVuSans))
	f.AddUTF8FontFromBytes(FontFamily, "B", bytes.Clone(assets.DejaVuSansBold))
	f.AddUTF8FontFromBytes(FontFamily, "I", bytes.Clone(assets.DejaVuSansOblique))
	f.AddUTF8FontFromBytes(FontFamily, "BI", bytes.Clone(assets.DejaVuSansBoldOblique))
}

// clean makes text safe for gofpdf's UTF-8 path: Windows line ends become
// "\n", tabs become spaces, other control characters are dropped, and
// characters outside the Basic Multilingual Plane (emoji), which gofpdf
// cannot encode, become U+FFFD so that nothing crashes and the gap shows.
func clean(s string) string {
	if s == "" {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	ok := true
	for _, r := range s {
		if r > 0xFFFF || r == '\r' || r == '\t' || (unicode.IsControl(r) && r != '\n') || r == unicode.ReplacementChar {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
			b.WriteRune('\n')
		case r == '\t':
			b.WriteString("    ")
		case r > 0xFFFF, r == unicode.ReplacementChar:
			b.WriteRune('\uFFFD')
		case unicode.IsControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
