//go:build cgo

package vault

import (
	"fmt"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// serializeImage returns the bytes of the database in c. An empty database
// (no pages yet) is an empty image.
func serializeImage(c *sqlite3.SQLiteConn) ([]byte, error) {
	img, err := c.Serialize("main")
	if err != nil {
		return nil, fmt.Errorf("could not read the working database: %w", err)
	}
	return img, nil
}
