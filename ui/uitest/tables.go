package uitest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/ui"
)

// Tables is every row of every table of the open vault, as text, by table
// (the search index and its keys, rebuilt from the records by triggers,
// are left out): a test takes it before and after an action and compares,
// to prove that nothing but what it expected changed.
func Tables(t *testing.T, u *ui.UI) map[string]string {
	t.Helper()
	db := u.Sess.DB
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	require.NoError(t, err)
	var names []string
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		names = append(names, n)
	}
	require.NoError(t, rows.Err())
	rows.Close()
	out := map[string]string{}
	for _, n := range names {
		if strings.HasPrefix(n, "search_") || strings.HasPrefix(n, "ft") {
			continue
		}
		r, err := db.Query(`SELECT * FROM "` + n + `"`)
		require.NoError(t, err)
		cols, err := r.Columns()
		require.NoError(t, err)
		var lines []string
		for r.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, r.Scan(ptrs...))
			lines = append(lines, fmt.Sprintf("%v", vals))
		}
		require.NoError(t, r.Err())
		r.Close()
		slices.Sort(lines)
		out[n] = strings.Join(lines, "\n")
	}
	return out
}

// ChangedTables is the tables whose rows differ between two Tables.
func ChangedTables(before, after map[string]string) []string {
	var out []string
	for n, b := range before {
		if after[n] != b {
			out = append(out, n)
		}
	}
	for n := range after {
		if _, ok := before[n]; !ok {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}
