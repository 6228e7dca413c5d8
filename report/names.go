package report

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErasedMark replaces every occurrence of an erased woman's name.
const ErasedMark = "[erased]"

// OtherPersonMark replaces another woman's name in a subject access report.
const OtherPersonMark = "[another person]"

// A nameMatcher finds whole-word, case-insensitive occurrences of a set of
// names ("Ann Smith", "Ann", "Smith"). A name of several words matches
// with any white space between them. Whole word means the match is not
// next to a letter, digit or combining mark ("Ann" is found in "Ann's"
// and "Ann-Marie" but not in "Annabel" or "Joanne").
type nameMatcher struct {
	phrases []string
	res     []*regexp.Regexp
	lower   []string // lower-case first words, for a quick check before the regexp
	capOnly []bool   // match only where the name starts with a capital letter
}

// newNameMatcher builds a matcher for the given names, longest first so
// that "Ann Smith" is replaced before "Ann". Empty names, names of one
// character and repeats are dropped.
func newNameMatcher(names ...string) *nameMatcher {
	return newNameMatcherCap(names, nil)
}

// newNameMatcherCap is newNameMatcher with extra names (single words such
// as another woman's surname) that match only where written with a capital
// letter, so that a name that is also a word ("May", "Hope") is not found
// in ordinary text.
func newNameMatcherCap(names, capitalised []string) *nameMatcher {
	m := &nameMatcher{}
	type name struct {
		text string
		cap  bool
	}
	seen := map[string]bool{}
	var keep []name
	for i, list := range [][]string{names, capitalised} {
		for _, n := range list {
			n = strings.Join(strings.Fields(n), " ")
			k := strings.ToLower(n)
			if utf8.RuneCountInString(n) < 2 || seen[k] {
				continue
			}
			seen[k] = true
			keep = append(keep, name{n, i == 1})
		}
	}
	sort.SliceStable(keep, func(i, j int) bool { return len(keep[i].text) > len(keep[j].text) })
	for _, n := range keep {
		parts := strings.Fields(n.text)
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		m.phrases = append(m.phrases, n.text)
		m.res = append(m.res, regexp.MustCompile(`(?i)`+strings.Join(parts, `\s+`)))
		m.lower = append(m.lower, strings.ToLower(strings.Fields(n.text)[0]))
		m.capOnly = append(m.capOnly, n.cap)
	}
	return m
}

// empty reports whether the matcher has no names.
func (m *nameMatcher) empty() bool { return len(m.res) == 0 }

// Matches reports whether s holds any of the names as whole words.
func (m *nameMatcher) Matches(s string) bool {
	_, n := m.Replace(s, "")
	return n > 0
}

// Replace replaces every whole-word occurrence of the names in s with
// repl, and says how many it replaced.
func (m *nameMatcher) Replace(s, repl string) (string, int) {
	total := 0
	for i, re := range m.res {
		var n int
		s, n = replaceWhole(re, s, func(string) string { return repl }, m.capOnly[i])
		total += n
	}
	return s, total
}

// ReplaceProtected is Replace, except that the names in protect (other
// women's full names that share a word with hers: "Ann Jones" when Ann
// Smith is erased) are left whole.
func (m *nameMatcher) ReplaceProtected(s, repl string, protect *nameMatcher) (string, int) {
	if protect == nil || protect.empty() {
		return m.Replace(s, repl)
	}
	var saved []string
	for i, re := range protect.res {
		s, _ = replaceWhole(re, s, func(match string) string {
			saved = append(saved, match)
			return fmt.Sprintf("\x00%d\x00", len(saved)-1)
		}, protect.capOnly[i])
	}
	s, n := m.Replace(s, repl)
	for i := len(saved) - 1; i >= 0; i-- {
		s = strings.Replace(s, fmt.Sprintf("\x00%d\x00", i), saved[i], 1)
	}
	return s, n
}

// ReplaceQuick is Replace with a quick lower-case check first, for
// matchers with many names (it can miss a name written with a case
// folding that lower-casing does not give, so erasure does not use it).
func (m *nameMatcher) ReplaceQuick(s, repl string) (string, int) {
	ls := strings.ToLower(s)
	total := 0
	for i, re := range m.res {
		if !strings.Contains(ls, m.lower[i]) {
			continue
		}
		var n int
		s, n = replaceWhole(re, s, func(string) string { return repl }, m.capOnly[i])
		if n > 0 {
			ls = strings.ToLower(s)
		}
		total += n
	}
	return s, total
}

// replaceWhole replaces the whole-word matches of re in s with what repl
// gives for each (only those starting with a capital letter if capOnly).
func replaceWhole(re *regexp.Regexp, s string, repl func(string) string, capOnly bool) (string, int) {
	var b strings.Builder
	last, n, pos := 0, 0, 0
	for pos < len(s) {
		loc := re.FindStringIndex(s[pos:])
		if loc == nil {
			break
		}
		a, e := pos+loc[0], pos+loc[1]
		if e == a {
			break
		}
		first, _ := utf8.DecodeRuneInString(s[a:])
		if wordEdge(s, a, e) && (!capOnly || unicode.IsUpper(first)) {
			b.WriteString(s[last:a])
			b.WriteString(repl(s[a:e]))
			last, pos = e, e
			n++
			continue
		}
		// not a whole word here: look again from the next character
		_, size := utf8.DecodeRuneInString(s[a:])
		pos = a + size
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// wordEdge reports whether s[a:e] stands alone as a word.
func wordEdge(s string, a, e int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		if wordRune(r) {
			return false
		}
	}
	if e < len(s) {
		r, _ := utf8.DecodeRuneInString(s[e:])
		if wordRune(r) {
			return false
		}
	}
	return true
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// nameParts returns a name's first word and its last word ("" if the name
// is one word).
func nameParts(name string) (first, last string) {
	f := strings.Fields(name)
	if len(f) == 0 {
		return "", ""
	}
	if len(f) == 1 {
		return f[0], ""
	}
	return f[0], f[len(f)-1]
}
