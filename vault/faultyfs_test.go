package vault

import (
	"io/fs"
	"syscall"
)

// faultyFS is the real file system with chosen operations failing.
type faultyFS struct {
	osFS
	failAll    bool  // every operation fails with EIO
	writeErr   error // Write of a temp file fails
	syncErr    error // Sync of a temp file fails
	renameErr  error // Rename fails
	linkErr    error // Link fails
	syncDirErr error // SyncDir fails
	truncErr   error // Truncate of the vault file (after a failed append) fails
	// createErrIn makes CreateTemp fail with EACCES in this folder only.
	createErrIn string
	created     []string
}

var errInjected = syscall.EIO

func (f *faultyFS) CreateTemp(dir, pattern string) (tempFile, error) {
	if f.failAll {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: errInjected}
	}
	if f.createErrIn != "" && dir == f.createErrIn {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: syscall.EACCES}
	}
	t, err := f.osFS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	f.created = append(f.created, t.Name())
	return &faultyFile{tempFile: t, fs: f}, nil
}

func (f *faultyFS) Rename(o, n string) error {
	if f.failAll {
		return errInjected
	}
	if f.renameErr != nil {
		return &fs.PathError{Op: "rename", Path: n, Err: f.renameErr}
	}
	return f.osFS.Rename(o, n)
}

func (f *faultyFS) Link(o, n string) error {
	if f.failAll {
		return errInjected
	}
	if f.linkErr != nil {
		return &fs.PathError{Op: "link", Path: n, Err: f.linkErr}
	}
	return f.osFS.Link(o, n)
}

func (f *faultyFS) SyncDir(dir string) error {
	if f.failAll {
		return errInjected
	}
	if f.syncDirErr != nil {
		return f.syncDirErr
	}
	return f.osFS.SyncDir(dir)
}

func (f *faultyFS) MkdirAll(p string, perm fs.FileMode) error {
	if f.failAll {
		return errInjected
	}
	return f.osFS.MkdirAll(p, perm)
}

type faultyFile struct {
	tempFile
	fs *faultyFS
}

func (t *faultyFile) Write(b []byte) (int, error) {
	if t.fs.writeErr != nil {
		// Write half, as a filling disk does.
		n, _ := t.tempFile.Write(b[:len(b)/2])
		return n, &fs.PathError{Op: "write", Path: t.Name(), Err: t.fs.writeErr}
	}
	return t.tempFile.Write(b)
}

func (t *faultyFile) Sync() error {
	if t.fs.syncErr != nil {
		return &fs.PathError{Op: "sync", Path: t.Name(), Err: t.fs.syncErr}
	}
	return t.tempFile.Sync()
}

// OpenFile opens the vault file for a journal append, failing as set.
func (f *faultyFS) OpenFile(name string) (appendFile, error) {
	if f.failAll {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errInjected}
	}
	a, err := f.osFS.OpenFile(name)
	if err != nil {
		return nil, err
	}
	return &faultyAppend{appendFile: a, fs: f, name: name}, nil
}

type faultyAppend struct {
	appendFile
	fs   *faultyFS
	name string
}

func (a *faultyAppend) WriteAt(b []byte, off int64) (int, error) {
	if a.fs.writeErr != nil {
		// Write half, as a filling disk does.
		n, _ := a.appendFile.WriteAt(b[:len(b)/2], off)
		return n, &fs.PathError{Op: "write", Path: a.name, Err: a.fs.writeErr}
	}
	return a.appendFile.WriteAt(b, off)
}

func (a *faultyAppend) Sync() error {
	if a.fs.syncErr != nil {
		return &fs.PathError{Op: "sync", Path: a.name, Err: a.fs.syncErr}
	}
	return a.appendFile.Sync()
}

func (a *faultyAppend) Truncate(n int64) error {
	if a.fs.truncErr != nil {
		return &fs.PathError{Op: "truncate", Path: a.name, Err: a.fs.truncErr}
	}
	return a.appendFile.Truncate(n)
}
