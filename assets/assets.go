// Package assets holds the files Inreach embeds in its binary: the DejaVu
// Sans TrueType fonts every PDF uses (their licence, in
// fonts/LICENSE-DejaVu.txt, permits embedding).
package assets

import "embed"

//go:embed fonts/*.ttf
var fonts embed.FS

func mustRead(name string) []byte {
	b, err := fonts.ReadFile("fonts/" + name)
	if err != nil {
		panic("assets: embedded font missing: " + name)
	}
	return b
}

// The DejaVu Sans faces as TrueType bytes, read once from the binary.
var (
	// DejaVuSans is the regular face.
	DejaVuSans = mustRead("DejaVuSans.ttf")
	// DejaVuSansBold is the bold face.
	DejaVuSansBold = mustRead("DejaVuSans-Bold.ttf")
	// DejaVuSansOblique is the italic (oblique) face.
	DejaVuSansOblique = mustRead("DejaVuSans-Oblique.ttf")
	// DejaVuSansBoldOblique is the bold italic face.
	DejaVuSansBoldOblique = mustRead("DejaVuSans-BoldOblique.ttf")
)
