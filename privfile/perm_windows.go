//go:build windows

package privfile

import "os"

// restrict has nothing left to do on Windows: file modes mean nothing
// there, and writeNamed creates the file with owneronly.OpenFile, which
// gives it an explicit owner-only DACL (the current user, nobody else, not
// inherited from the folder) from the moment it exists.
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
