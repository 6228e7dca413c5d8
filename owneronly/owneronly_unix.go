//go:build unix

package owneronly

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

func createTemp(dir, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(dir, pattern) // mode 0600
	if err != nil {
		return nil, err
	}
	return f, nil
}

func openFile(name string, flag int) (*os.File, error) { return os.OpenFile(name, flag, 0o600) }

func openNoFollow(name string, flag int) (*os.File, error) {
	f, err := os.OpenFile(name, flag|syscall.O_NOFOLLOW, 0o600)
	if errors.Is(err, syscall.ELOOP) {
		return nil, &os.PathError{Op: "open", Path: name, Err: ErrLink}
	}
	return f, err
}

func mkdirAll(path string) error { return os.MkdirAll(path, 0o700) }

func check(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("%s has mode %04o: others can open it", path, perm)
	}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok && int(sys.Uid) != os.Getuid() {
		return fmt.Errorf("%s belongs to user %d, not to %d", path, sys.Uid, os.Getuid())
	}
	return nil
}
