package vault

import "fmt"

// lockPath is the lock file of a vault.
func lockPath(vaultPath string) string { return vaultPath + ".lock" }

// fileLock is a held vault lock; see acquireLock in lock_unix.go and
// lock_windows.go.
type fileLock struct {
	path    string
	release func()
}

// Release gives the lock up. It is safe to call more than once.
func (l *fileLock) Release() {
	if l != nil && l.release != nil {
		l.release()
		l.release = nil
	}
}

// lockIsALink is the error for a symbolic link planted at the lock path.
func lockIsALink(lp string) error {
	return fmt.Errorf("the vault's lock file %s is a symbolic link, which Inreach does not follow; remove that link (it is not the vault) and try again", lp)
}
