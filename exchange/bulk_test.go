package exchange_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/exchange"
	"inreach/schema"
)

// triggers lists the database's triggers with their SQL.
func triggers(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
	require.NoError(t, err)
	var b strings.Builder
	for rows.Next() {
		var n, s string
		require.NoError(t, rows.Scan(&n, &s))
		b.WriteString(n + "\n" + s + "\n")
	}
	require.NoError(t, rows.Err())
	rows.Close()
	return b.String()
}

// searchState lists every search document and how many documents a few
// words find.
func searchState(t *testing.T, db *sql.DB) string {
	t.Helper()
	var b strings.Builder
	rows, err := db.Query(`SELECT k.kind, k.ref, k.sub, i.title, i.body FROM search_keys k
		JOIN search_index i ON i.rowid = k.id ORDER BY k.kind, k.ref, k.sub`)
	require.NoError(t, err)
	n := 0
	for rows.Next() {
		var kind, ref, sub, title, body string
		require.NoError(t, rows.Scan(&kind, &ref, &sub, &title, &body))
		fmt.Fprintf(&b, "%s|%s|%s|%d|%d\n", kind, ref, sub, len(title), len(body))
		n++
	}
	require.NoError(t, rows.Err())
	rows.Close()
	for _, w := range []string{"housing", "stamps", "Peterborough", "boundaries"} {
		var c int
		require.NoError(t, db.QueryRow(`SELECT count(*) FROM search_index WHERE search_index MATCH ?`, w).Scan(&c))
		fmt.Fprintf(&b, "%s: %d\n", w, c)
	}
	return fmt.Sprintf("%d documents\n", n) + b.String()
}

func requireIndexMatchesARebuild(t *testing.T, db *sql.DB) {
	t.Helper()
	got := searchState(t, db)
	_, err := db.Exec(schema.SearchRebuildSQL)
	require.NoError(t, err)
	require.Equal(t, searchState(t, db), got, "the search index differs from one rebuilt from the records")
}

func TestALargeImportLeavesTheSearchIndexRightAndTheTriggersInPlace(t *testing.T) {
	db := openDB(t)
	before := triggers(t, db)
	require.Contains(t, before, "search_")
	d, err := demo.Generate("small", 4)
	require.NoError(t, err)
	_, err = exchange.Import(context.Background(), db, d)
	require.NoError(t, err)
	require.Equal(t, before, triggers(t, db))
	requireIndexMatchesARebuild(t, db)
	// The triggers work again after the import.
	_, err = db.Exec(`UPDATE letters SET summary = 'zebracrossing' WHERE id = (SELECT min(id) FROM letters)`)
	require.NoError(t, err)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM search_index WHERE search_index MATCH 'zebracrossing'`).Scan(&n))
	require.Equal(t, 1, n)
}

func TestASmallImportKeepsTheSearchIndexRight(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	requireIndexMatchesARebuild(t, db)
}

func TestAnImportCutShortChangesNothing(t *testing.T) {
	d, err := demo.Generate("small", 5)
	require.NoError(t, err)
	other, err := demo.Generate("small", 6)
	require.NoError(t, err)
	failures := 0
	for _, wait := range []time.Duration{time.Millisecond, 10 * time.Millisecond, 40 * time.Millisecond, 80 * time.Millisecond, 150 * time.Millisecond} {
		db := openDB(t)
		_, err := exchange.Import(context.Background(), db, d)
		require.NoError(t, err)
		before, trig := exportText(t, db), triggers(t, db)

		ctx, cancel := context.WithTimeout(context.Background(), wait)
		_, err = exchange.Import(ctx, db, other)
		cancel()
		if err == nil {
			continue // this machine was quick enough
		}
		failures++
		require.Equal(t, before, exportText(t, db), "an import cut short after %v changed the vault", wait)
		require.Equal(t, trig, triggers(t, db))
		requireIndexMatchesARebuild(t, db)
	}
	t.Logf("%d of 5 imports were cut short", failures)
}

func TestACancelledExportLeavesTheVaultWorking(t *testing.T) {
	db := openDB(t)
	importString(t, db, fixture)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := exchange.Export(ctx, db, exchange.ExportOptions{})
	require.Error(t, err)
	require.Equal(t, blankExportedAt(fixture), exportText(t, db))
}

func TestTheRebuildSQLStillEndsWithTheOptimizeTheBulkImportLeavesOut(t *testing.T) {
	// If this fails, schema.SearchRebuildSQL changed shape: check that
	// rebuildWithoutOptimize still does what its comment says.
	require.Contains(t, schema.SearchRebuildSQL, "INSERT INTO search_index(search_index) VALUES('optimize');")
}
