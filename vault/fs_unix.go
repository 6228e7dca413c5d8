//go:build !windows

package vault

import (
	"errors"
	"os"
	"syscall"
)

// syncDir fsyncs a folder so that a rename in it survives a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	// Some file systems cannot fsync a folder; that is not a failed save.
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP) {
		return nil
	}
	return err
}

func isDiskFull(err error) bool { return errors.Is(err, syscall.ENOSPC) }

// renameFile is os.Rename: on Unix a rename over an open file just works.
func renameFile(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// platformProblem names causes of file errors peculiar to the platform.
func platformProblem(err error) string { return "" }
