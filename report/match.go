package report

import (
	"strings"
	"unicode"
)

// MatchQuery turns what a person typed into a safe FTS5 query. Every word is
// quoted, so FTS5 operators and punctuation typed by the user ("AND(", "*",
// a lone quote mark, NEAR, column filters) are searched as plain words or
// ignored and never cause a syntax error. The rules:
//
//   - words separated by spaces must all match, in any order;
//   - text in double quotes is kept together as a phrase ("release day");
//     an unclosed quote runs to the end of the text;
//   - the last word (or unclosed phrase) matches as a prefix while the
//     person is still typing it, that is unless the text ends with a space
//     or a closing quote ("hous" finds "housing"); a single letter typed on
//     its own is matched whole, as a prefix that short matches nearly
//     everything and would only make the list slow;
//   - a word with no letters or digits is dropped.
//
// It returns "" when nothing searchable is left.
func MatchQuery(text string) string {
	type token struct {
		text   string
		phrase bool // came from quotes
		open   bool // quote not closed
	}
	var toks []token
	rs := []rune(text)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			toks = append(toks, token{text: string(rs[i+1 : j]), phrase: true, open: j >= len(rs)})
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
				j++
			}
			toks = append(toks, token{text: string(rs[i:j])})
			i = j
		}
	}
	typing := len(rs) > 0 && !unicode.IsSpace(rs[len(rs)-1]) && rs[len(rs)-1] != '"'
	var parts []string
	for n, t := range toks {
		words := searchWords(t.text)
		if len(words) == 0 {
			continue
		}
		q := `"` + strings.Join(words, " ") + `"`
		lone := len(toks) == 1 && len(words) == 1 && len([]rune(words[0])) == 1
		if n == len(toks)-1 && (typing || t.open) && !lone {
			q += "*"
		}
		parts = append(parts, q)
	}
	return strings.Join(parts, " ")
}

// searchWords splits s into runs of letters, digits and combining marks
// (the characters the unicode61 tokenizer keeps), so that the quoted phrase
// built from them holds only the tokens FTS5 will look for.
func searchWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
	})
}
