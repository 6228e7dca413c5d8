package report

import (
	"bytes"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/demo"
)

// demoDB is a vault filled with the demo data at scale.
func demoDB(t *testing.T, scale string) *sql.DB {
	t.Helper()
	db := newDB(t)
	start := time.Now()
	_, err := demo.Create(ctx, db, scale, 1)
	require.NoError(t, err)
	t.Logf("demo %s imported in %v", scale, time.Since(start))
	return db
}

// busiestWoman is the woman at the most contacts, with her name.
func busiestWoman(t *testing.T, db *sql.DB) (id, name, pseudonym string) {
	t.Helper()
	require.NoError(t, db.QueryRow(`SELECT p.id, p.name, p.pseudonym FROM people p
		JOIN contact_people cp ON cp.person_id = p.id GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`).Scan(&id, &name, &pseudonym))
	return id, name, pseudonym
}

// eachText calls fn for every non-empty text value of every table but the
// search index's own, with "table.column".
func eachText(t *testing.T, db *sql.DB, fn func(where, text string)) {
	t.Helper()
	type col struct{ table, column string }
	var cols []col
	rows, err := db.Query(`SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name NOT LIKE 'search%' ORDER BY 1, 2`)
	require.NoError(t, err)
	for rows.Next() {
		var c col
		require.NoError(t, rows.Scan(&c.table, &c.column))
		cols = append(cols, c)
	}
	rows.Close()
	for _, c := range cols {
		var texts []string
		rows, err := db.Query(fmt.Sprintf(`SELECT %s FROM %s WHERE typeof(%s) = 'text' AND %s <> ''`,
			quoteIdent(c.column), quoteIdent(c.table), quoteIdent(c.column), quoteIdent(c.column)))
		require.NoError(t, err)
		for rows.Next() {
			var s string
			require.NoError(t, rows.Scan(&s))
			texts = append(texts, s)
		}
		rows.Close()
		for _, s := range texts {
			fn(c.table+"."+c.column, s)
		}
	}
}

func TestSearchMonitoringAndErasureOnTheSmallDemoVault(t *testing.T) {
	db := demoDB(t, "small")
	id, name, pseudonym := busiestWoman(t, db)

	// search: her name finds her record first
	hits := search(t, db, name)
	require.NotEmpty(t, hits)
	require.Equal(t, "person:"+id, refs(hits)[0])
	require.Contains(t, hits[0].Snippet, SnippetStart)
	for _, q := range []string{"housing", "release", "stamps", "probation"} {
		require.NotEmpty(t, search(t, db, q), q)
	}

	// monitoring: every breakdown adds up to its figure over the demo year
	f, err := Monitoring(ctx, db, "2025-11-24", demo.EndDate)
	require.NoError(t, err)
	require.Positive(t, f.WomenSupported)
	require.Positive(t, f.PrisonVisits)
	require.LessOrEqual(t, f.WomenEngaged, f.WomenSupported)
	require.LessOrEqual(t, f.WomenVisitedInPrison, f.WomenSupported)
	require.LessOrEqual(t, f.NotReoffended, f.WomenReleased)
	for _, r := range f.Rows() {
		rows, err := Breakdown(ctx, db, f.From, f.To, r.Key)
		require.NoError(t, err, r.Key)
		sum := 0
		for _, b := range rows {
			sum += b.Count
		}
		require.Equal(t, r.Value, sum, r.Key)
	}

	// her subject access data holds her records
	p, err := PersonReport(ctx, db, id)
	require.NoError(t, err)
	require.NotEmpty(t, p.Contacts)
	require.Equal(t, count(t, db, `SELECT count(*) FROM contact_people WHERE person_id = ?`, id), len(p.Contacts))
	require.Equal(t, count(t, db, `SELECT count(*) FROM letters WHERE person_id = ?`, id), len(p.Letters))
	require.Equal(t, count(t, db, `SELECT count(*) FROM actions WHERE person_id = ?`, id), len(p.Actions))

	// erasure
	full := newNameMatcher(name)
	mentions := 0
	eachText(t, db, func(where, s string) {
		if full.Matches(s) {
			mentions++
		}
	})
	require.Positive(t, mentions, "her full name is written somewhere before erasure")
	rep, err := eraseAll(t, db, id) // every mention under review chosen too
	require.NoError(t, err)
	require.Equal(t, len(p.Contacts), rep.ContactRows)

	first, last := nameParts(name)
	words := newNameMatcher(name, first, last, pseudonym)
	var protect []string
	eachText(t, db, func(where, s string) {
		if where == "people.name" || where == "people.pseudonym" {
			protect = append(protect, s)
		}
	})
	others := newNameMatcher(protect...)
	eachText(t, db, func(where, s string) {
		require.False(t, full.Matches(s), "her full name is still in %s", where)
		if ownNames[where] {
			return
		}
		_, n := words.ReplaceProtected(s, ErasedMark, others)
		require.Zero(t, n, "a name of hers is still in %s outside another woman's name", where)
	})
	require.Empty(t, search(t, db, `"`+name+`"`))
	require.Zero(t, count(t, db, `SELECT count(*) FROM search_index WHERE person = ?`, id))
	img := bytes.ToLower(serialize(t, db))
	require.False(t, bytes.Contains(img, []byte(strings.ToLower(name))), "the image holds her full name")
}

func TestSearchMonitoringAndErasureWorkOnTheDecadeDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the decade demo corpus")
	}
	db := demoDB(t, "decade")
	fastest := func(f func()) time.Duration {
		best := time.Hour
		for i := 0; i < 5; i++ {
			s := time.Now()
			f()
			best = min(best, time.Since(s))
		}
		return best
	}
	for _, q := range []string{"housing", "ho", "release day", "mum", `"probation officer"`} {
		d := fastest(func() {
			_, err := Search(ctx, db, q, 20, 0)
			require.NoError(t, err)
		})
		t.Logf("search %q: %v", q, d)
	}
	d := fastest(func() {
		_, err := Monitoring(ctx, db, "2025-04-01", "2026-03-31")
		require.NoError(t, err)
	})
	t.Logf("monitoring for a year: %v", d)

	id, _, _ := busiestWoman(t, db)
	start := time.Now()
	_, err := PersonReport(ctx, db, id)
	require.NoError(t, err)
	t.Logf("subject access data: %v", time.Since(start))
	start = time.Now()
	_, err = ErasePerson(ctx, db, id)
	require.NoError(t, err)
	t.Logf("erasure with vacuum: %v", time.Since(start))
}
