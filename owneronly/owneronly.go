// Package owneronly makes files and folders that only the user who runs
// Inreach can open, on every platform: mode 0600 (folders 0700) on Unix, and
// on Windows, where file modes mean nothing, an explicit protected DACL that
// grants the current user full access and nobody else anything, set when the
// file is created (so there is never a moment when it is open to others).
//
// Everything Inreach writes that holds personal data goes through it: the
// vault and its temporary files, backups, the lock file, exports, PDFs and
// the recovery sheet. Check reads the permissions back, so tests on each
// platform prove the result rather than the intention.
package owneronly

import (
	"errors"
	"os"
)

// CreateTemp is os.CreateTemp for a file only the current user can open:
// a new file in dir whose name is pattern with its last "*" replaced by a
// random string, opened for reading and writing.
func CreateTemp(dir, pattern string) (*os.File, error) { return createTemp(dir, pattern) }

// OpenFile is os.OpenFile, but a file it creates is one only the current
// user can open. An existing file keeps its permissions.
func OpenFile(name string, flag int) (*os.File, error) { return openFile(name, flag) }

// ErrLink is returned by OpenNoFollow when name is a symbolic link (or, on
// Windows, any reparse point: a symbolic link or a junction).
var ErrLink = errors.New("it is a symbolic link")

// OpenNoFollow is OpenFile that never follows a link at name: a link
// there (even one pointing nowhere) is refused with an error wrapping
// ErrLink, and nothing is created or opened at its target.
func OpenNoFollow(name string, flag int) (*os.File, error) { return openNoFollow(name, flag) }

// MkdirAll makes path and any missing parents; the folders it makes are
// open to the current user only. Existing folders are left as they are.
func MkdirAll(path string) error { return mkdirAll(path) }

// Check returns nil when path (a file or folder) can be opened by the
// current user only, and otherwise an error saying who else can. On Windows
// it reads the DACL back: it must exist and allow nobody but the user (and
// LocalSystem, the operating system itself, which can open every file
// anyway).
func Check(path string) error { return check(path) }
