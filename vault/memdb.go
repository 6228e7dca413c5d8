package vault

import (
	"database/sql"
	"fmt"
	"sync/atomic"

	_ "github.com/mattn/go-sqlite3" // registers "sqlite3"
)

var memSeq atomic.Int64

// OpenMemoryDB opens a new, empty, private in-memory SQLite database with the
// settings every Inreach database uses: one connection that is never closed
// by the pool (each connection to ":memory:" would be a separate database),
// foreign keys enforced, and temporary tables and sorts kept in memory so
// that SQLite never writes plaintext to a temp file.
func OpenMemoryDB() (*sql.DB, error) {
	// A unique name per database keeps two vaults in one process apart;
	// mode=memory never touches the disk.
	dsn := fmt.Sprintf("file:inreach-mem-%d?mode=memory&_foreign_keys=1", memSeq.Add(1))
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	for _, p := range []string{
		"PRAGMA temp_store = MEMORY",
		"PRAGMA foreign_keys = ON",
		"PRAGMA journal_mode = MEMORY",
	} {
		if _, err := db.Exec(p); err != nil {
			db.Close()
			return nil, fmt.Errorf("setting up the database (%s): %w", p, err)
		}
	}
	return db, nil
}
