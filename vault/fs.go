package vault

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"inreach/owneronly"
)

// fileSystem is every file operation a save makes. Tests swap it for one
// that fails on purpose; production uses osFS.
type fileSystem interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(oldpath, newpath string) error
	Link(oldpath, newpath string) error
	Remove(name string) error
	MkdirAll(path string, perm fs.FileMode) error
	SyncDir(dir string) error
	// OpenFile opens an existing file to add to it (the journal).
	OpenFile(name string) (appendFile, error)
}

// appendFile is the part of *os.File a journal append uses.
type appendFile interface {
	io.WriterAt
	Sync() error
	Truncate(size int64) error
	Close() error
}

// tempFile is the part of *os.File a save uses.
type tempFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// osFS is the real file system.
type osFS struct{}

// Files and folders it makes are open to the user only (owneronly: 0600 and
// 0700 on Unix, an owner-only DACL on Windows); a rename another program
// blocks for a moment is retried on Windows (renameFile).
func (osFS) CreateTemp(dir, pattern string) (tempFile, error) {
	return owneronly.CreateTemp(dir, pattern)
}
func (osFS) Rename(oldpath, newpath string) error         { return renameFile(oldpath, newpath) }
func (osFS) Link(oldpath, newpath string) error           { return os.Link(oldpath, newpath) }
func (osFS) Remove(name string) error                     { return os.Remove(name) }
func (osFS) MkdirAll(path string, perm fs.FileMode) error { return owneronly.MkdirAll(path) }
func (osFS) SyncDir(dir string) error                     { return syncDir(dir) }
func (osFS) OpenFile(name string) (appendFile, error)     { return os.OpenFile(name, os.O_RDWR, 0) }

// tempPattern is the pattern of the temporary files made beside target.
func tempPattern(target string) string { return "." + filepath.Base(target) + ".tmp-*" }

// writeTemp writes data to a new temporary file in dir, fsyncs and closes
// it, and returns its name. On error it removes the file.
func writeTemp(fsys fileSystem, dir, pattern string, data []byte, target string) (string, error) {
	f, err := fsys.CreateTemp(dir, pattern)
	if err != nil {
		return "", saveErr(target, "creating a new file beside it", err)
	}
	name := f.Name()
	fail := func(step string, err error) (string, error) {
		f.Close()
		fsys.Remove(name)
		return "", saveErr(target, step, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail("writing the new file", err)
	}
	if err := f.Sync(); err != nil {
		return fail("flushing the new file to the disk", err)
	}
	if err := f.Close(); err != nil {
		fsys.Remove(name)
		return "", saveErr(target, "closing the new file", err)
	}
	return name, nil
}

// writeTempWith is writeTemp for data written by fill, piece by piece.
func writeTempWith(fsys fileSystem, dir, pattern, target string, fill func(io.Writer) error) (string, error) {
	f, err := fsys.CreateTemp(dir, pattern)
	if err != nil {
		return "", saveErr(target, "creating a new file beside it", err)
	}
	name := f.Name()
	fail := func(step string, err error) (string, error) {
		f.Close()
		fsys.Remove(name)
		var se *SaveError
		var fe *formatError
		if errors.As(err, &se) || errors.As(err, &fe) {
			return "", err
		}
		return "", saveErr(target, step, err)
	}
	if err := fill(f); err != nil {
		return fail("writing the new file", err)
	}
	if err := f.Sync(); err != nil {
		return fail("flushing the new file to the disk", err)
	}
	if err := f.Close(); err != nil {
		fsys.Remove(name)
		return "", saveErr(target, "closing the new file", err)
	}
	return name, nil
}

// writeFileAtomic durably replaces (or creates) path with data: temp file,
// fsync, rename, fsync of the folder. target is "the vault" or "the backup"
// for the error message.
func writeFileAtomic(fsys fileSystem, path string, data []byte, target string) error {
	tmp, err := writeTemp(fsys, filepath.Dir(path), tempPattern(path), data, target)
	if err != nil {
		return err
	}
	if err := fsys.Rename(tmp, path); err != nil {
		fsys.Remove(tmp)
		return saveErr(target, "putting the new file in place", err)
	}
	if err := fsys.SyncDir(filepath.Dir(path)); err != nil {
		e := saveErr(target, "flushing the folder to the disk", err)
		e.Replaced = true
		return e
	}
	return nil
}

// saveErr describes err in plain words.
func saveErr(target, step string, err error) *SaveError {
	return &SaveError{Target: target, Problem: problemOf(err), Step: step, Err: err}
}

// problemOf names the cause of a file error in plain words.
func problemOf(err error) string {
	if p := platformProblem(err); p != "" {
		return p
	}
	switch {
	case isDiskFull(err):
		return "the disk is full"
	case errors.Is(err, syscall.EDQUOT):
		return "the disk quota is used up"
	case errors.Is(err, syscall.EROFS):
		return "the disk is read-only"
	case errors.Is(err, syscall.EIO):
		return "the disk reported a read or write error"
	case errors.Is(err, fs.ErrPermission):
		return "permission was refused"
	case errors.Is(err, fs.ErrNotExist):
		return "the folder or file does not exist"
	}
	return "an unexpected error happened: " + err.Error()
}
