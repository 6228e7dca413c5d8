package vault

import (
	"context"
	"database/sql"
	"fmt"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteMagic starts every SQLite database image.
const sqliteMagic = "SQLite format 3\x00"

// rawConn runs fn on the driver connection behind db's single connection.
// It waits while another goroutine holds the connection.
func rawConn(db *sql.DB, fn func(*sqlite3.SQLiteConn) error) error {
	conn, err := db.Conn(context.Background())
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("the database driver is %T, not SQLite", dc)
		}
		return fn(c)
	})
}
