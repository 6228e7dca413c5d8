package pdf

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Withheld replaces a woman's name when she has no pseudonym.
const Withheld = "[name withheld]"

// A Redactor replaces women's names with their pseudonyms in free text, for
// documents that leave the practitioner's hands (a redacted supervision
// pack, an evaluation). It knows every woman in table people: her full name,
// and each part of it of three letters or more (her first name, her
// surname, a middle name, each half of a hyphenated name) on its own.
//
// Matching ignores case and common accents ("zoe" finds Zoë), and takes
// whole words only ("Ann" is not replaced inside "Annual", but is in
// "Ann's"); a name broken over two lines is still found. Where two names
// could start at the same place the longest wins. A part shared by women
// with different pseudonyms (two Sarahs) becomes "[name withheld]", as does
// every name of a woman with no pseudonym.
//
// A Redactor is safe for concurrent use once made.
type Redactor struct {
	byFirst  map[string][]candidate // folded first word → candidates, longest first
	pseudo   map[string]string      // person id → what to print for her
	realName map[string]string      // person id → her name
}

type candidate struct {
	name        []rune // folded, single spaces
	replacement string
}

// NewRedactor reads the names and pseudonyms of every woman in db.
func NewRedactor(ctx context.Context, db *sql.DB) (*Redactor, error) {
	return NewRedactorWith(ctx, db, nil)
}

// NewRedactorWith is NewRedactor with each woman's replacement chosen by
// call(id, pseudonym) instead of her pseudonym (an anonymised export calls
// her by a number). A nil call uses her pseudonym; "" means Withheld.
func NewRedactorWith(ctx context.Context, db *sql.DB, call func(id, pseudonym string) string) (*Redactor, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name, pseudonym FROM people ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("reading names to redact: %w", err)
	}
	type person struct{ id, name, pseudonym string }
	var people []person
	for rows.Next() {
		var p person
		if err := rows.Scan(&p.id, &p.name, &p.pseudonym); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading names to redact: %w", err)
		}
		people = append(people, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading names to redact: %w", err)
	}
	r := &Redactor{byFirst: map[string][]candidate{}, pseudo: map[string]string{}, realName: map[string]string{}}
	repl := map[string]string{} // folded name → replacement
	add := func(name, replacement string) {
		key := foldString(strings.Join(strings.Fields(name), " "))
		if key == "" {
			return
		}
		if old, ok := repl[key]; ok && old != replacement {
			replacement = Withheld
		}
		repl[key] = replacement
	}
	for _, p := range people {
		replacement := strings.TrimSpace(p.pseudonym)
		if call != nil {
			replacement = strings.TrimSpace(call(p.id, p.pseudonym))
		}
		if replacement == "" {
			replacement = Withheld
		}
		r.pseudo[p.id] = replacement
		r.realName[p.id] = p.name
		add(p.name, replacement)
		for _, part := range nameParts(p.name) {
			add(part, replacement)
		}
	}
	for key, replacement := range repl {
		name := []rune(key)
		first := firstWord(name)
		if first == "" {
			continue
		}
		r.byFirst[first] = append(r.byFirst[first], candidate{name: name, replacement: replacement})
	}
	for _, list := range r.byFirst {
		sort.Slice(list, func(i, j int) bool {
			if len(list[i].name) != len(list[j].name) {
				return len(list[i].name) > len(list[j].name)
			}
			return string(list[i].name) < string(list[j].name)
		})
	}
	return r, nil
}

// nameParts are the words of a name with at least three letters, and the
// pieces of hyphenated or apostrophised words with at least three letters.
func nameParts(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		if letters(w) >= 3 {
			out = append(out, w)
		}
		pieces := strings.FieldsFunc(w, func(r rune) bool { return !isWordRune(r) })
		if len(pieces) > 1 {
			for _, p := range pieces {
				if letters(p) >= 3 {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// firstWord is the leading run of word runes of a folded name.
func firstWord(name []rune) string {
	i := 0
	for i < len(name) && isWordRune(name[i]) {
		i++
	}
	return string(name[:i])
}

// Pseudonym is what a redacted document calls woman personID: her
// pseudonym, or "[name withheld]".
func (r *Redactor) Pseudonym(personID string) string {
	if p, ok := r.pseudo[personID]; ok {
		return p
	}
	return Withheld
}

// Redact returns text with every woman's name replaced (see Redactor).
func (r *Redactor) Redact(text string) string {
	if r == nil || len(r.byFirst) == 0 || text == "" {
		return text
	}
	src := []rune(text)
	var b strings.Builder
	b.Grow(len(text))
	last := 0 // src[last:i] not yet written
	i := 0
	for i < len(src) {
		if !isWordRune(src[i]) || (i > 0 && isWordRune(src[i-1])) {
			i++
			continue
		}
		// src[i] starts a word: fold its first word and look it up.
		j := i
		var fw []rune
		for j < len(src) && isWordRune(src[j]) {
			fw = append(fw, fold(src[j]))
			j++
		}
		matched := false
		for _, c := range r.byFirst[string(fw)] {
			if end, ok := matchAt(src, i, c.name); ok {
				b.WriteString(string(src[last:i]))
				b.WriteString(c.replacement)
				last, i, matched = end, end, true
				break
			}
		}
		if !matched {
			i = j
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(string(src[last:]))
	return b.String()
}

// matchAt reports whether folded name occurs in src at i as whole words
// (a space in the name matches any run of white space), and where it ends.
func matchAt(src []rune, i int, name []rune) (int, bool) {
	k := i
	for n := 0; n < len(name); n++ {
		if name[n] == ' ' {
			if k >= len(src) || !unicode.IsSpace(src[k]) {
				return 0, false
			}
			for k < len(src) && unicode.IsSpace(src[k]) {
				k++
			}
			continue
		}
		if k >= len(src) || fold(src[k]) != name[n] {
			return 0, false
		}
		k++
	}
	if k < len(src) && isWordRune(src[k]) {
		return 0, false
	}
	return k, true
}

// foldString lower-cases s and removes common accents, rune by rune.
func foldString(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// fold maps a rune to lower case without its accent, for the Latin letters
// names use most (é → e, Ł → l, ß stays ß). Other scripts are lower-cased.
func fold(r rune) rune {
	r = unicode.ToLower(r)
	if r < 0xC0 {
		return r
	}
	if f, ok := accentFold[r]; ok {
		return f
	}
	return r
}

var accentFold = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "àáâãäåāăą",
		'c': "çćĉċč",
		'd': "ďđ",
		'e': "èéêëēĕėęě",
		'g': "ĝğġģ",
		'h': "ĥħ",
		'i': "ìíîïĩīĭįı",
		'j': "ĵ",
		'k': "ķ",
		'l': "ĺļľŀł",
		'n': "ñńņňŉ",
		'o': "òóôõöøōŏő",
		'r': "ŕŗř",
		's': "śŝşšș",
		't': "ţťŧț",
		'u': "ùúûüũūŭůűų",
		'w': "ŵ",
		'y': "ýÿŷ",
		'z': "źżž",
	} {
		for _, a := range accented {
			m[a] = base
		}
	}
	return m
}()
