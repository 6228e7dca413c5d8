//go:build cgo

package vault

import (
	"bytes"
	"errors"
	"fmt"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// loadImage copies a serialized database into dst, an ordinary in-memory
// database that can grow. (A database opened straight from the image with
// Deserialize cannot grow: the driver does not pass
// SQLITE_DESERIALIZE_RESIZEABLE, so the first insert would fail with
// "database or disk is full". So the image goes into a scratch connection
// and the backup API copies it across.)
func loadImage(dst *sqlite3.SQLiteConn, img []byte) error {
	if len(img) == 0 {
		return nil // an empty database
	}
	if len(img) < 512 || !bytes.HasPrefix(img, []byte(sqliteMagic)) {
		return errors.New("the database inside is not an SQLite database")
	}
	dc, err := (&sqlite3.SQLiteDriver{}).Open(":memory:")
	if err != nil {
		return err
	}
	scratch := dc.(*sqlite3.SQLiteConn)
	defer scratch.Close()
	if err := scratch.Deserialize(img, "main"); err != nil {
		return err
	}
	b, err := dst.Backup("main", scratch, "main")
	if err != nil {
		return err
	}
	done, err := b.Step(-1)
	if ferr := b.Finish(); err == nil {
		err = ferr
	}
	if err == nil && !done {
		err = errors.New("the copy of the database did not finish")
	}
	return err
}

// serializeImage returns the bytes of the database in c. An empty database
// (no pages yet) is an empty image.
func serializeImage(c *sqlite3.SQLiteConn) ([]byte, error) {
	img, err := c.Serialize("main")
	if err != nil {
		return nil, fmt.Errorf("could not read the working database: %w", err)
	}
	return img, nil
}
