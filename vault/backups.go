package vault

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// backupStamp is the UTC time in a backup's name; it sorts as text.
const backupStamp = "20060102T150405.000Z"

// backupDir is the folder of a vault's backups.
func backupDir(vaultPath string) string {
	return filepath.Join(filepath.Dir(vaultPath), "backups")
}

// backupPrefix is the start of the names of a vault's backups:
// "inreach-" for "inreach.vault".
func backupPrefix(vaultPath string) string {
	base := filepath.Base(vaultPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// listBackups returns the vault's backups, newest first. Only files named
// exactly <name>-<UTC time>.vault count, so two vaults in one folder keep
// their backups apart.
func listBackups(vaultPath string) ([]string, error) {
	dir := backupDir(vaultPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := backupPrefix(vaultPath)
	var names []string
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, ".vault") {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(n, prefix), ".vault")
		if t, err := time.Parse(backupStamp, stamp); err != nil || t.Format(backupStamp) != stamp {
			continue
		}
		names = append(names, n)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
	}
	return paths, nil
}

// makeBackup keeps the current vault file as a new backup and returns its
// path, or "" when there is no vault file yet. It hard-links the file (it is
// sealed and never changed in place), or copies it durably where links are
// not supported.
func makeBackup(fsys fileSystem, vaultPath string, now time.Time) (string, error) {
	if _, err := os.Lstat(vaultPath); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	dir := backupDir(vaultPath)
	if err := fsys.MkdirAll(dir, 0o700); err != nil {
		return "", saveErr("the vault", "making the backups folder", err)
	}
	prefix := backupPrefix(vaultPath)
	t := now.UTC().Truncate(time.Millisecond)
	var dst string
	for {
		dst = filepath.Join(dir, prefix+t.Format(backupStamp)+".vault")
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		t = t.Add(time.Millisecond) // two saves in one millisecond
	}
	if err := fsys.Link(vaultPath, dst); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", saveErr("the vault", "keeping a backup of the previous version", err)
		}
		// No hard links here (FAT, some network drives): copy instead.
		old, rerr := os.ReadFile(vaultPath)
		if rerr != nil {
			return "", saveErr("the vault", "reading the previous version to back it up", rerr)
		}
		tmp, werr := writeTemp(fsys, dir, tempPattern(dst), old, "the vault")
		if werr != nil {
			return "", werr
		}
		if err := fsys.Rename(tmp, dst); err != nil {
			fsys.Remove(tmp)
			return "", saveErr("the vault", "keeping a backup of the previous version", err)
		}
	}
	if err := fsys.SyncDir(dir); err != nil {
		fsys.Remove(dst)
		return "", saveErr("the vault", "flushing the backups folder to the disk", err)
	}
	return dst, nil
}

// pruneBackups removes the oldest backups beyond keep. It is best effort: a
// backup that cannot be removed is left for the next save.
func pruneBackups(fsys fileSystem, vaultPath string, keep int) {
	all, err := listBackups(vaultPath)
	if err != nil || len(all) <= keep {
		return
	}
	for _, p := range all[keep:] {
		fsys.Remove(p)
	}
}
