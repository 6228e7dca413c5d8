package report

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

var ctx = context.Background()

// newDB opens a fresh in-memory vault database with the schema.
func newDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// exec runs each statement, failing the test on the first error.
func exec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, q := range stmts {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
}

// count runs a count query.
func count(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	require.NoError(t, db.QueryRow(q, args...).Scan(&n), q)
	return n
}
