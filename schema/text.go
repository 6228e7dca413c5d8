package schema

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// MaxLineBytes is the most a one-line field (a name, a pseudonym, a prison
// number, a tag, a phone number …) may hold when it comes from a file.
const MaxLineBytes = 4 << 10

// EarliestBirthDate is the earliest date of birth a record may give.
const EarliestBirthDate = "1900-01-01"

// TextProblem says what is wrong with a text value, in a phrase that
// follows the field's name ("holds a control character (U+001B) …"), or ""
// when nothing is. It never repeats the text. Every text must be valid
// UTF-8 and at most MaxTextBytes long, and hold no character that changes
// how text is shown or read instead of being shown: no NUL or other control
// character (a tab, a new line and a carriage return are allowed only when
// multiLine), no DEL or C1 control, and no bidirectional embedding, override
// or isolate (U+202A–U+202E, U+2066–U+2069), which can make a note read
// differently from what it holds.
func TextProblem(v string, multiLine bool) string {
	if len(v) > MaxTextBytes {
		return fmt.Sprintf("is too long (%s; the most one field may hold is 1 MiB)", SizeWords(len(v)))
	}
	if !multiLine && len(v) > MaxLineBytes {
		return fmt.Sprintf("is too long for one line (%s; the most is 4 KiB)", SizeWords(len(v)))
	}
	if !utf8.ValidString(v) {
		return "is not valid UTF-8 text"
	}
	n := 0
	for _, r := range v {
		n++
		if multiLine && (r == '\t' || r == '\n' || r == '\r') {
			continue
		}
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return fmt.Sprintf("holds a tab or line break (character %d): it must be one line", n)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			return fmt.Sprintf("holds a control character (U+%04X, character %d)", r, n)
		case bidiControl(r):
			return fmt.Sprintf("holds a bidirectional override character (U+%04X, character %d) that can make text read differently from what it holds", r, n)
		}
	}
	return ""
}

func bidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Blank reports whether s shows nothing: it is empty or holds only white
// space and invisible characters (zero-width spaces and joiners, word
// joiners, byte-order marks, other format characters).
func Blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Mn, r) && r != 0x2800 && r != 0x3164 && r != 0x115f && r != 0x1160 && r != 0xffa0 {
			return false
		}
	}
	return true
}
