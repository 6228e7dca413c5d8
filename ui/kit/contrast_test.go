package kit

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"
)

// variantTheme shows one variant of the app's theme whatever the system
// prefers.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// luminance is WCAG's relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG's contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// strongestEdge is the highest contrast against bg of any pixel in img.
func strongestEdge(img image.Image, bg color.Color) float64 {
	best := 1.0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			best = max(best, contrast(img.At(x, y), bg))
		}
	}
	return best
}

// An unticked check box is drawn, by the real renderer, with an edge that
// stands out at least 3:1 from the page in both themes (WCAG 1.4.11).
func TestAnUntickedBoxStandsOutThreeToOneInBothThemes(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		a := test.NewTempApp(t)
		th := variantTheme{NewTheme(a), v}
		a.Settings().SetTheme(th)
		box := widget.NewCheck("", nil)
		w := test.NewWindow(container.NewCenter(box))
		w.Resize(fyne.NewSize(60, 60))
		img := w.Canvas().Capture()
		bg := th.Color(theme.ColorNameBackground, v)
		require.Equal(t, bg, img.At(1, 1), "the corner shows the page background")
		edge := strongestEdge(img, bg)
		require.GreaterOrEqual(t, edge, 3.0, "variant %d: the box's edge is %.2f:1 against the page", v, edge)
		fill := th.Color(theme.ColorNameInputBackground, v)
		require.GreaterOrEqual(t, contrast(th.Color(theme.ColorNameInputBorder, v), fill), 3.0,
			"variant %d: the edge stands out from the field's own fill too", v)
		w.Close()
	}
}
