package newsletter

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A token is one word of a text: lower-cased, with its byte span in the
// text. Words are runs of letters, digits and combining marks; everything
// else (spaces, punctuation, apostrophes, hyphens) separates them, so
// "O'Neill" is "o" "neill" and "Smith's" is "smith" "s" — the same split is
// used for the names looked for, so both sides agree.
type token struct {
	word       string
	start, end int
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits s into words.
func tokenize(s string) []token {
	var out []token
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, token{strings.ToLower(s[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{strings.ToLower(s[start:]), start, len(s)})
	}
	return out
}

func words(s string) []string {
	ts := tokenize(s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.word
	}
	return out
}

// A woman is what the check and the contributor rule need to know of one
// person record.
type woman struct {
	ID           string
	Name         string
	Pseudonym    string
	PrisonNumber string // upper case, letters and digits only
}

// loadWomen reads every person record (all statuses: a released woman's
// name is as private as one in custody).
func loadWomen(q querier) ([]woman, error) {
	rows, err := q.Query(`SELECT id, name, pseudonym, prison_number FROM people ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("reading the women's names: %w", err)
	}
	var out []woman
	for rows.Next() {
		var w woman
		if err := rows.Scan(&w.ID, &w.Name, &w.Pseudonym, &w.PrisonNumber); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading the women's names: %w", err)
		}
		w.PrisonNumber = compactUpper(w.PrisonNumber)
		out = append(out, w)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("reading the women's names: %w", err)
	}
	return out, nil
}

// compactUpper keeps only letters and digits, upper-cased ("a1234 bc" →
// "A1234BC").
func compactUpper(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isWordRune(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// nameMatcher finds women's real names in text: her full name as recorded,
// or her first and last names together, as whole words, ignoring case
// (find); and, separately, a first name on its own (findFirst).
type nameMatcher struct {
	women []woman
	// byFirst maps a name's first word to the word sequences starting with it.
	byFirst map[string][]nameSeq
	// first maps a first name (lower case, two letters or more) to the
	// first woman with it.
	first map[string]int
}

type nameSeq struct {
	words []string
	who   int // index into women
}

func newNameMatcher(women []woman) *nameMatcher {
	m := &nameMatcher{women: women, byFirst: map[string][]nameSeq{}, first: map[string]int{}}
	for i, w := range women {
		fields := strings.Fields(w.Name)
		if len(fields) == 0 {
			continue
		}
		if ws := words(fields[0]); len(ws) > 0 && len([]rune(ws[0])) >= 2 {
			if _, dup := m.first[ws[0]]; !dup {
				m.first[ws[0]] = i
			}
		}
		seqs := [][]string{words(w.Name)}
		if len(fields) > 2 {
			seqs = append(seqs, words(fields[0]+" "+fields[len(fields)-1]))
		}
		for _, seq := range seqs {
			if len(seq) == 0 {
				continue
			}
			m.byFirst[seq[0]] = append(m.byFirst[seq[0]], nameSeq{seq, i})
		}
	}
	return m
}

// A nameHit is a real name found in a text: its byte span and whose it is.
type nameHit struct {
	start, end int
	who        int
}

// find returns every real name in text, in order, longest match first
// where two start at the same word; overlapping hits are dropped.
func (m *nameMatcher) find(text string) []nameHit {
	ts := tokenize(text)
	var out []nameHit
	for i := 0; i < len(ts); i++ {
		best := -1
		bestLen := 0
		for _, seq := range m.byFirst[ts[i].word] {
			if len(seq.words) <= bestLen || i+len(seq.words) > len(ts) {
				continue
			}
			ok := true
			for k, w := range seq.words {
				if ts[i+k].word != w {
					ok = false
					break
				}
			}
			if ok {
				best, bestLen = seq.who, len(seq.words)
			}
		}
		if best >= 0 {
			out = append(out, nameHit{ts[i].start, ts[i+bestLen-1].end, best})
			i += bestLen - 1
		}
	}
	return out
}

// findFirst returns each woman's first name standing on its own in text:
// a whole word written with a capital letter, not inside one of the full
// names in full (what find returned).
func (m *nameMatcher) findFirst(text string, full []nameHit) []nameHit {
	var out []nameHit
	for _, t := range tokenize(text) {
		who, ok := m.first[t.word]
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[t.start:]); !unicode.IsUpper(r) {
			continue
		}
		inside := false
		for _, h := range full {
			if t.start >= h.start && t.end <= h.end {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, nameHit{t.start, t.end, who})
		}
	}
	return out
}

// ContributorNamer returns DisplayContributor as a function that reads the
// women's names once (for printing a whole issue).
func (s *Store) ContributorNamer() (func(contributor string) string, error) {
	women, err := loadWomen(s.DB)
	if err != nil {
		return nil, err
	}
	m := newNameMatcher(women)
	return func(name string) string { return m.display(name) }, nil
}

// DisplayContributor is how a section's contributor is printed: never a
// full name. If the name is (or contains) the name of a woman on record,
// it is her pseudonym, or "[a woman in custody]" when she has none; if it
// is a woman's pseudonym it stays as it is; otherwise it is the first word
// only ("Jo Bloggs" → "Jo"). If the names cannot be read it falls back to
// the first word.
func (s *Store) DisplayContributor(name string) string {
	namer, err := s.ContributorNamer()
	if err != nil {
		return firstWord(name)
	}
	return namer(name)
}

// AnonymousContributor is printed for a woman on record who has no
// pseudonym.
const AnonymousContributor = "[a woman in custody]"

func (m *nameMatcher) display(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	if hits := m.find(name); len(hits) > 0 {
		if p := strings.TrimSpace(m.women[hits[0].who].Pseudonym); p != "" {
			return p
		}
		return AnonymousContributor
	}
	for _, w := range m.women {
		if p := strings.TrimSpace(w.Pseudonym); p != "" && strings.EqualFold(p, name) {
			return p
		}
	}
	return firstWord(name)
}

// firstWord is how a contributor who is not a woman on record is printed:
// a person by first name only ("Jane Smith" → "Jane", "Dr. Jane Smith" →
// "Jane"), and a group or the service as written ("The team", "Our
// volunteers", "Everyone at the hub").
func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	if groupWords[strings.ToLower(strings.Trim(f[0], ".,"))] {
		return strings.Join(f, " ")
	}
	for len(f) > 1 && titleWords[strings.ToLower(strings.Trim(f[0], "."))] {
		f = f[1:]
	}
	return f[0]
}

// groupWords start a contributor that is not one person.
var groupWords = map[string]bool{"the": true, "our": true, "all": true, "everyone": true,
	"staff": true, "team": true, "volunteers": true, "from": true, "a": true, "an": true}

// titleWords are left off before a first name.
var titleWords = map[string]bool{"dr": true, "mrs": true, "mr": true, "ms": true, "miss": true,
	"mx": true, "rev": true, "prof": true, "sister": true}
