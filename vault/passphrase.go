package vault

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Passphrases are normalized to Unicode NFC before Argon2id, so "Café"
// typed with a precomposed é (one code point) and with e plus a combining
// accent (two) is the same passphrase. Vaults made before normalization
// keep opening: when the normalized passphrase does not unwrap the key and
// the typed bytes differ, the typed bytes are tried once, and the key is
// then wrapped again under the normalized passphrase at the next save.

// normalize returns a new slice holding p in NFC. The caller wipes it.
func normalize(p []byte) []byte {
	return norm.NFC.Append(make([]byte, 0, len(p)+8), p...)
}

// MinPassphraseLength is the shortest passphrase Inreach accepts for a new
// vault or a changed passphrase, in characters after normalization.
const MinPassphraseLength = 8

// CheckPassphrase is Inreach's one passphrase policy: it says, in plain
// words, why a new passphrase is refused, or returns nil. It refuses only
// what is short or not text; weak but long passphrases are accepted with
// a warning (EstimatePassphrase), since the person may have reasons.
func CheckPassphrase(p []byte) error {
	if !utf8.Valid(p) {
		return fmt.Errorf("the passphrase is not valid text (UTF-8); type it again")
	}
	n := normalize(p)
	defer wipe(n)
	if utf8.RuneCount(n) < MinPassphraseLength {
		return fmt.Errorf("the passphrase must be at least %d characters; a few unrelated words make a strong one", MinPassphraseLength)
	}
	return nil
}

// PassphraseStrength is a rough estimate of how hard a passphrase is to
// guess.
type PassphraseStrength struct {
	// Bits is the estimated number of guesses, as a power of two, that
	// someone who knows the usual tricks needs to find it.
	Bits float64
	// VeryWeak (under 28 bits) and Weak (under 40 bits) say whether to warn.
	VeryWeak, Weak bool
}

// Warning returns a sentence to show at creation, or "" when the
// passphrase is not weak.
func (s PassphraseStrength) Warning() string {
	switch {
	case s.VeryWeak:
		return fmt.Sprintf("this passphrase is very weak (estimated strength about %.0f bits): someone with a copy of the vault file could guess it within minutes. Four or five unrelated words make a strong one.", s.Bits)
	case s.Weak:
		return fmt.Sprintf("this passphrase is weak (estimated strength about %.0f bits): someone with a copy of the vault file and time could guess it. Four or five unrelated words make a strong one.", s.Bits)
	}
	return ""
}

// commonPassphrases are among the first any guesser tries (lower case,
// spaces removed). A match counts as about 10 bits.
var commonPassphrases = map[string]bool{
	"password": true, "password1": true, "password123": true, "passw0rd": true,
	"12345678": true, "123456789": true, "1234567890": true, "87654321": true,
	"qwertyuiop": true, "qwerty123": true, "iloveyou": true, "letmein": true,
	"sunshine": true, "princess": true, "football": true, "baseball": true,
	"welcome1": true, "trustno1": true, "abc12345": true, "11111111": true,
	"00000000": true, "changeme": true, "inreach": true, "inreach1": true,
	"inreachvault": true, "secret": true, "secret123": true, "passphrase": true,
	"mypassword": true, "mypassphrase": true, "letmein123": true, "admin123": true,
}

// keyboardRows are sequences whose runs are as easy to guess as repeats.
var keyboardRows = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "abcdefghijklmnopqrstuvwxyz"}

// EstimatePassphrase estimates a passphrase's strength. It is a plain,
// documented heuristic, not a cracking model:
//
//   - a passphrase in a short list of the most common ones counts 10 bits;
//   - otherwise characters are counted after collapsing runs: a repeated
//     character, a step up or down (1234, dcba) or a run along a keyboard
//     row (qwerty) counts as one character;
//   - each counted character is worth log2 of the pool of the kinds of
//     characters used (26 lower, 26 upper, 10 digits, 33 symbols, space,
//     100 for letters outside ASCII);
//   - a passphrase of words separated by spaces is also counted as 11 bits
//     a word (a word from a list of 2048), and the lower of the two wins.
//
// "        " (eight spaces) and "12345678" come out near 0 and 10 bits;
// "correct horse battery staple" at 44 bits.
func EstimatePassphrase(p []byte) PassphraseStrength {
	n := normalize(p)
	defer wipe(n)
	s := string(n)
	lower := strings.ToLower(s)
	var bits float64
	if commonPassphrases[strings.ReplaceAll(lower, " ", "")] {
		bits = 10
	} else {
		bits = charBits(lower, s)
		if words := strings.Fields(s); len(words) >= 2 && allLetters(s) {
			bits = math.Min(bits, 11*float64(len(words)))
		}
	}
	return PassphraseStrength{Bits: bits, VeryWeak: bits < 28, Weak: bits < 40}
}

// charBits counts characters after collapsing easy runs, times the bits of
// the pool of character kinds used.
func charBits(lower, orig string) float64 {
	pool := 0
	var low, up, dig, sym, space, other bool
	for _, r := range orig {
		switch {
		case r >= 'a' && r <= 'z':
			low = true
		case r >= 'A' && r <= 'Z':
			up = true
		case r >= '0' && r <= '9':
			dig = true
		case r == ' ':
			space = true
		case r < 0x80:
			sym = true
		default:
			other = true
		}
	}
	for _, k := range []struct {
		used bool
		n    int
	}{{low, 26}, {up, 26}, {dig, 10}, {sym, 33}, {space, 1}, {other, 100}} {
		if k.used {
			pool += k.n
		}
	}
	if pool < 2 {
		pool = 2
	}
	rs := []rune(lower)
	count := 0
	for i := range rs {
		if i == 0 || !easyStep(rs[i-1], rs[i]) {
			count++
		}
	}
	return float64(count) * math.Log2(float64(pool))
}

// easyStep says whether b after a continues a run a guesser tries early.
func easyStep(a, b rune) bool {
	if a == b || b == a+1 || b == a-1 {
		return true
	}
	for _, row := range keyboardRows {
		i := strings.IndexRune(row, a)
		if i >= 0 && (i+1 < len(row) && rune(row[i+1]) == b || i > 0 && rune(row[i-1]) == b) {
			return true
		}
	}
	return false
}

// allLetters says whether s is letters and spaces only.
func allLetters(s string) bool {
	for _, r := range s {
		if r != ' ' && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
