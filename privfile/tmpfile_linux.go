package privfile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// writeUnnamed writes data to an unnamed file (O_TMPFILE) in the folder of
// path, then names it tmp. It reports false, and no error, when the file
// system cannot make unnamed files.
func writeUnnamed(path, tmp string, data []byte) (bool, error) {
	fd, err := unix.Open(filepath.Dir(path), unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o600)
	if err != nil {
		if errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EISDIR) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOENT) && dirExists(path) {
			return false, nil
		}
		return false, err
	}
	f := os.NewFile(uintptr(fd), tmp)
	defer f.Close()
	if err := restrict(f); err != nil {
		return false, err
	}
	if testHook != nil {
		f.Write(data[:len(data)/2])
		testHook("written")
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		return false, err
	}
	if err := f.Sync(); err != nil {
		return false, err
	}
	// give it its temporary name: the only moment a named partial file
	// exists is from here to the rename in Write
	if err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(fd), unix.AT_FDCWD, tmp, unix.AT_SYMLINK_FOLLOW); err != nil {
		if errors.Is(err, unix.ENOENT) || errors.Is(err, unix.EPERM) || errors.Is(err, unix.EXDEV) {
			return false, nil // no /proc: write it again by name
		}
		return false, err
	}
	if testHook != nil {
		testHook("linked")
	}
	return true, nil
}

func dirExists(path string) bool {
	st, err := os.Stat(filepath.Dir(path))
	return err == nil && st.IsDir()
}
