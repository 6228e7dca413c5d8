package vault

import (
	"crypto/subtle"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
)

// PassphraseOpens reports whether passphrase opens this vault, without
// opening it again: the desktop app uses it to show an open vault again
// after hiding it behind the lock screen (when a failed save kept the
// vault open rather than lose changes).
func (v *Vault) PassphraseOpens(passphrase []byte) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed.Load() || v.hdr == nil {
		return false
	}
	cred := &credential{passphrase: passphrase}
	defer cred.wipe()
	dk, _, err := cred.unwrap(v.hdr)
	if err != nil {
		return false
	}
	defer wipe(dk)
	return subtle.ConstantTimeCompare(dk, v.dataKey) == 1
}

// FailWritesInForTest makes every later write of this vault into dir (or
// a folder under it) fail as on a full disk, until undo is called. Writes
// elsewhere (WriteBackup to another drive) still work. It exists for the
// tests of programs built on the vault, to see what they do when saving
// fails; nothing else calls it.
func (v *Vault) FailWritesInForTest(dir string) (undo func()) {
	v.mu.Lock()
	defer v.mu.Unlock()
	old := v.fs
	v.fs = fullDiskFS{fileSystem: old, dir: filepath.Clean(dir)}
	return func() {
		v.mu.Lock()
		defer v.mu.Unlock()
		v.fs = old
	}
}

// fullDiskFS fails with ENOSPC every write into dir.
type fullDiskFS struct {
	fileSystem
	dir string
}

func (f fullDiskFS) in(path string) bool {
	p := filepath.Clean(path)
	return p == f.dir || strings.HasPrefix(p, f.dir+string(filepath.Separator))
}

func (f fullDiskFS) CreateTemp(dir, pattern string) (tempFile, error) {
	if f.in(dir) {
		return nil, &fs.PathError{Op: "write", Path: dir, Err: syscall.ENOSPC}
	}
	return f.fileSystem.CreateTemp(dir, pattern)
}

func (f fullDiskFS) Link(oldpath, newpath string) error {
	if f.in(newpath) {
		return &fs.PathError{Op: "link", Path: newpath, Err: syscall.ENOSPC}
	}
	return f.fileSystem.Link(oldpath, newpath)
}

func (f fullDiskFS) OpenFile(name string) (appendFile, error) {
	a, err := f.fileSystem.OpenFile(name)
	if err != nil || !f.in(name) {
		return a, err
	}
	return fullDiskAppend{appendFile: a, name: name}, nil
}

// fullDiskAppend is a journal file on the full disk: nothing more fits.
type fullDiskAppend struct {
	appendFile
	name string
}

func (a fullDiskAppend) WriteAt(p []byte, off int64) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: a.name, Err: syscall.ENOSPC}
}
