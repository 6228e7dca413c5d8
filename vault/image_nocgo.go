//go:build !cgo

package vault

import (
	"errors"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Without cgo the SQLite driver is a stub; these exist so that the rest of
// the package (the lock and file code for each platform) can be compiled
// and vetted for other systems with CGO_ENABLED=0. Inreach itself always
// builds with cgo.
var errNoCgo = errors.New("this Inreach was built without cgo, so it cannot open vaults")

func loadImage(dst *sqlite3.SQLiteConn, img []byte) error { return errNoCgo }

func serializeImage(c *sqlite3.SQLiteConn) ([]byte, error) { return nil, errNoCgo }
