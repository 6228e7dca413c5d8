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

type cImage struct{ size, cap int64 }

func newCImage(int64) (*cImage, error) { return nil, errNoCgo }
func (m *cImage) bytes() []byte        { return nil }
func (m *cImage) grow(int64) error     { return errNoCgo }
func (m *cImage) free()                {}

type pageTracker struct{}

func attachImage(*sqlite3.SQLiteConn, *cImage, int64) (*pageTracker, error) { return nil, errNoCgo }
func liveImage(*sqlite3.SQLiteConn, *pageTracker) ([]byte, error)           { return nil, errNoCgo }
func (t *pageTracker) dirty(bool) ([]uint32, bool)                          { return nil, false }
func (t *pageTracker) mark([]uint32, bool)                                  {}
func (t *pageTracker) pageSize() int64                                      { return defaultBlockSize }

func serializeImage(c *sqlite3.SQLiteConn) ([]byte, error) { return nil, errNoCgo }
