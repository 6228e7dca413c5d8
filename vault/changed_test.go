package vault

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestChangedFollowsCommittedWritesOnly(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	db := v.DB()
	require.False(t, v.Changed(), "a new vault is saved")

	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM notes`).Scan(&n))
	require.False(t, v.Changed(), "reads change nothing")

	tx, err := db.Begin()
	require.NoError(t, err)
	_, err = tx.Exec(`INSERT INTO notes (body) VALUES ('rolled back')`)
	require.NoError(t, err)
	require.NoError(t, tx.Rollback())
	require.False(t, v.Changed(), "a rolled-back transaction changes nothing")

	steps := []struct {
		name string
		sql  string
	}{
		{"insert", `INSERT INTO notes (id, body) VALUES (1, 'a')`},
		{"update", `UPDATE notes SET body = 'b' WHERE id = 1`},
		{"delete", `DELETE FROM notes WHERE id = 1`},
		{"create table", `CREATE TABLE extra (x)`},
		{"create index", `CREATE INDEX extra_x ON extra (x)`},
		{"drop table", `DROP TABLE extra`},
		{"user_version", `PRAGMA user_version = 2`},
		{"full-text table", `CREATE VIRTUAL TABLE ft USING fts5 (body)`},
		{"full-text insert", `INSERT INTO ft (body) VALUES ('hello')`},
		{"full-text optimize", `INSERT INTO ft (ft) VALUES ('optimize')`},
	}
	for _, s := range steps {
		before, err := os.ReadFile(path)
		require.NoError(t, err)
		_, err = db.Exec(s.sql)
		require.NoError(t, err, s.name)
		require.True(t, v.Changed(), "%s is a change", s.name)
		require.NoError(t, v.Save())
		require.False(t, v.Changed(), "saved after %s", s.name)
		after, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NotEqual(t, before, after, "%s was written", s.name)
	}
}

func TestSaveWritesNothingWhenNothingChanged(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "x")
	require.NoError(t, v.Save())
	st1, err := os.Stat(path)
	require.NoError(t, err)
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	backups, err := v.Backups()
	require.NoError(t, err)

	v.fs = &faultyFS{failAll: true} // any write would now fail
	require.NoError(t, v.Save())
	require.NoError(t, v.Save())

	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, before, after)
	st2, err := os.Stat(path)
	require.NoError(t, err)
	require.True(t, os.SameFile(st1, st2), "the file was not replaced")
	again, err := v.Backups()
	require.NoError(t, err)
	require.Equal(t, backups, again, "no backup was made")
}

func TestChangedStaysTrueWhenSaveFails(t *testing.T) {
	v, _, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "x")
	v.fs = &faultyFS{failAll: true}
	require.Error(t, v.Save())
	require.True(t, v.Changed())
	v.fs = osFS{}
	require.NoError(t, v.Save())
	require.False(t, v.Changed())
}

func TestSavesWhileAnotherGoroutineWritesLoseNothing(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	done := make(chan struct{})
	var writeErr error
	go func() {
		defer close(done)
		for i := 1; i <= 200 && writeErr == nil; i++ {
			_, writeErr = v.DB().Exec(`INSERT INTO notes (id, body) VALUES (?, 'row')`, i)
		}
	}()
	saves := 0
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		_ = v.Changed()
		require.NoError(t, v.Save())
		saves++
	}
	require.NoError(t, writeErr)
	require.NoError(t, v.Save(), "the last writes are saved")
	require.False(t, v.Changed())
	w := reopen(t, v, path, testOpts())
	var n int
	require.NoError(t, w.DB().QueryRow(`SELECT count(*) FROM notes`).Scan(&n))
	require.Equal(t, 200, n)
	t.Logf("%d saves during the writes", saves)
}
