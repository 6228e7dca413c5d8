package cli

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Record text (names, notes, anything imported) may hold characters that a
// terminal obeys instead of showing: ESC sequences that retitle the window
// or rewrite the screen, other C0 and C1 controls, bidirectional overrides
// that make text read differently from what it holds. The command line
// never writes them raw: every verb's stdout and stderr pass through a
// terminalWriter, and one-line displays use oneLine.

// replacement is written in place of a character a terminal would obey.
const replacement = '\uFFFD'

// unsafeRune reports whether r must not reach a terminal raw. Newline and
// tab are allowed (they are how output is laid out).
func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// safeText replaces every unsafe character and every invalid UTF-8 byte.
func safeText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			r = replacement
		}
		b.WriteRune(r) // an invalid byte is decoded as RuneError already
	}
	return b.String()
}

// oneLine is safeText for a display of one line: newlines and tabs become
// spaces.
func oneLine(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(s)
	return safeText(s)
}

// terminalWriter passes text on with unsafe characters replaced. A UTF-8
// sequence split between two writes is held back until it is whole.
type terminalWriter struct {
	w    io.Writer
	hold []byte
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	buf := append(t.hold, p...)
	t.hold = nil
	// keep back an incomplete sequence at the end
	cut := len(buf)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	t.hold = append([]byte(nil), buf[cut:]...)
	if _, err := io.WriteString(t.w, safeText(string(buf[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// flush writes what was held back (an incomplete sequence at the very end
// is invalid and replaced).
func (t *terminalWriter) flush() {
	if len(t.hold) > 0 {
		io.WriteString(t.w, safeText(string(t.hold)))
		t.hold = nil
	}
}
