package notes

import (
	"sort"
	"strings"
)

// sortByName sorts xs by name, ignoring case (for any script), then by id so
// that equal names keep a stable order.
func sortByName[T any](xs []T, key func(T) (name, id string)) {
	type k struct{ lower, name, id string }
	keys := make([]k, len(xs))
	for i, x := range xs {
		n, id := key(x)
		keys[i] = k{strings.ToLower(n), n, id}
	}
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		x, y := keys[idx[a]], keys[idx[b]]
		if x.lower != y.lower {
			return x.lower < y.lower
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

// containsFold reports whether s contains lowerSub (already lower-case),
// ignoring case in any script.
func containsFold(s, lowerSub string) bool {
	return strings.Contains(strings.ToLower(s), lowerSub)
}
