//go:build windows

package privfile

import "os"

// restrict is where owner-only access is enforced. On Windows a new file
// inherits the folder's access list; an explicit owner-only DACL belongs
// here (not yet done: the file is as private as its folder).
func restrict(f *os.File) error { return nil }

// alive reports whether the process pid is running: on Windows
// os.FindProcess opens the process and fails if there is none.
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

func syncDir(dir string) {}
