package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// prefTextScale is the preference key of the text-size setting (a factor
// such as 1.0 or 1.2).
const PrefTextScale = "text_scale"

// inreachTheme is the default theme with a calm accent colour and a text
// size the user can change; light or dark follows the system.
type inreachTheme struct {
	base  fyne.Theme
	prefs fyne.Preferences
}

func NewTheme(a fyne.App) fyne.Theme {
	return &inreachTheme{base: theme.DefaultTheme(), prefs: a.Preferences()}
}

var (
	accentLight = color.NRGBA{R: 0x5b, G: 0x3f, B: 0x8c, A: 0xff} // plum
	accentDark  = color.NRGBA{R: 0xb3, G: 0x9d, B: 0xe0, A: 0xff}
)

func (t *inreachTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameFocus:
		c := accentLight
		if v == theme.VariantDark {
			c = accentDark
		}
		if n == theme.ColorNameFocus {
			c.A = 0x66
		}
		return c
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		// Secondary text (low-importance labels, hints, placeholders) must
		// stay readable: at least 4.5:1 against the background (WCAG AA).
		if v == theme.VariantDark {
			return color.NRGBA{R: 0xa8, G: 0xa8, B: 0xa8, A: 0xff}
		}
		return color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}
	case theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError:
		// Status words (signed off, overdue, plan items missing) are text
		// on the page, so in the light theme they are darkened to 4.5:1.
		if v != theme.VariantDark {
			switch n {
			case theme.ColorNameSuccess:
				return color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
			case theme.ColorNameWarning:
				return color.NRGBA{R: 0xa8, G: 0x5c, B: 0x00, A: 0xff}
			default:
				return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
			}
		}
	case theme.ColorNameSelection:
		if v == theme.VariantDark {
			return color.NRGBA{R: 0xb3, G: 0x9d, B: 0xe0, A: 0x40}
		}
		return color.NRGBA{R: 0x5b, G: 0x3f, B: 0x8c, A: 0x30}
	}
	return t.base.Color(n, v)
}

func (t *inreachTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base.Font(s) }
func (t *inreachTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t *inreachTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		scale := 1.0
		if t.prefs != nil {
			scale = t.prefs.FloatWithFallback(PrefTextScale, 1.0)
		}
		if scale < 0.8 || scale > 1.6 {
			scale = 1.0
		}
		return s * float32(scale)
	}
	return s
}
