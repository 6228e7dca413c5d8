package notes

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold is the form of a text used to sort and search it: lower case with
// accents and other combining marks removed, so "Émilie" sorts among the
// E's and "zoe" finds "Zoë" (in any script).
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// sortByName sorts xs by name as people read it (ignoring case and
// accents), then by the exact name, then by id, so the order is stable.
func sortByName[T any](xs []T, key func(T) (name, id string)) {
	type k struct{ folded, name, id string }
	keys := make([]k, len(xs))
	for i, x := range xs {
		n, id := key(x)
		keys[i] = k{fold(n), n, id}
	}
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		x, y := keys[idx[a]], keys[idx[b]]
		if x.folded != y.folded {
			return x.folded < y.folded
		}
		if x.name != y.name {
			return x.name < y.name
		}
		return x.id < y.id
	})
	sorted := make([]T, len(xs))
	for i, j := range idx {
		sorted[i] = xs[j]
	}
	copy(xs, sorted)
}

// matcher returns a test for "the text contains what was typed", ignoring
// case and accents; typed text of only spaces matches everything.
func matcher(typed string) func(s string) bool {
	want := fold(strings.TrimSpace(typed))
	if want == "" {
		return func(string) bool { return true }
	}
	return func(s string) bool { return strings.Contains(fold(s), want) }
}
