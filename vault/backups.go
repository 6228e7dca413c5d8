package vault

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// listBackups returns the files named like the vault's backups, in
// reverse order of name. Only files named exactly <name>-<UTC time>.vault
// count. The name's time is only a name: which backups belong to which
// vault and which is newest is read from their headers (scanBackups).
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
		return "", saveErr("the vault", "making the backups folder "+dir, err)
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
			return "", saveErr("the vault", "keeping a backup of the previous version in "+dir, err)
		}
		// No hard links here (FAT, some network drives): copy instead.
		old, rerr := os.ReadFile(vaultPath)
		if rerr != nil {
			return "", saveErr("the vault", "reading the previous version to back it up", rerr)
		}
		tmp, werr := writeTemp(fsys, dir, tempPattern(dst), old, "the vault")
		if werr != nil {
			// writeTemp says "beside it", meaning the vault; the backup
			// is made in the backups folder, so name that folder.
			var se *SaveError
			if errors.As(werr, &se) {
				se.Step = "writing a backup of the previous version in the backups folder " + dir
			}
			return "", werr
		}
		if err := fsys.Rename(tmp, dst); err != nil {
			fsys.Remove(tmp)
			return "", saveErr("the vault", "keeping a backup of the previous version in "+dir, err)
		}
	}
	if err := fsys.SyncDir(dir); err != nil {
		fsys.Remove(dst)
		return "", saveErr("the vault", "flushing the backups folder "+dir+" to the disk", err)
	}
	return dst, nil
}

// backupFile is a file named like a backup, with its header if it has one.
type backupFile struct {
	path string
	hdr  *header // nil when the file's header cannot be read
	name int     // position in name order (0 = latest name), a last tie-break
}

// scanBackups reads the header of every file named like one of the
// vault's backups. Files whose header does not parse are kept, with a nil
// header, so they can be named but are never taken for a vault's own.
func scanBackups(vaultPath string) ([]backupFile, error) {
	paths, err := listBackups(vaultPath)
	if err != nil {
		return nil, err
	}
	out := make([]backupFile, len(paths))
	for i, p := range paths {
		out[i] = backupFile{path: p, name: i}
		if h, err := readHeaderFile(p); err == nil {
			out[i].hdr = h
		}
	}
	return out, nil
}

// readHeaderFile reads and parses only the header of the file at path.
func readHeaderFile(path string) (*header, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 1024)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	buf = buf[:n]
	if len(buf) >= frameLen {
		if hl := int(binary.LittleEndian.Uint32(buf[len(magic)+2:])); hl > len(buf) && hl <= maxHeaderLen {
			more := make([]byte, hl-len(buf))
			m, _ := io.ReadFull(f, more)
			buf = append(buf, more[:m]...)
		}
	}
	h, _, err := parseHeader(buf)
	return h, err
}

// ownBackups returns the backups that carry the vault id id, newest first
// by the save counter in their headers (never by name or file time, so a
// clock set backwards changes nothing).
func ownBackups(all []backupFile, id []byte) []backupFile {
	var own []backupFile
	for _, b := range all {
		if b.hdr != nil && len(id) == vaultIDLen && bytes.Equal(b.hdr.VaultID, id) {
			own = append(own, b)
		}
	}
	sort.SliceStable(own, func(i, j int) bool { return own[i].hdr.Seq > own[j].hdr.Seq })
	return own
}

// newestFirst orders backups of possibly different vaults for naming the
// newest: by the save time in their headers, then the save counter; files
// of format 1 (which carry neither) and unreadable ones come after, in
// reverse order of name.
func newestFirst(all []backupFile) []backupFile {
	out := slices.Clone(all)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].hdr, out[j].hdr
		av, bv := a != nil && a.Version >= 2, b != nil && b.Version >= 2
		switch {
		case av != bv:
			return av
		case av && a.SavedAt != b.SavedAt:
			return a.SavedAt > b.SavedAt
		case av && a.Seq != b.Seq:
			return a.Seq > b.Seq
		}
		return out[i].name < out[j].name
	})
	return out
}

// pruneBackups removes this vault's oldest backups beyond keep, oldest by
// the save counter in their headers. Only backups carrying the vault's id
// are ever removed: another vault's backups, format-1 backups and files
// that do not parse are left alone. It is best effort: a backup that cannot
// be removed is left for the next save.
func pruneBackups(fsys fileSystem, vaultPath string, id []byte, keep int) {
	all, err := scanBackups(vaultPath)
	if err != nil {
		return
	}
	own := ownBackups(all, id)
	if len(own) <= keep {
		return
	}
	for _, b := range own[keep:] {
		fsys.Remove(b.path)
	}
}

// BackupsBeside returns the files in the backups folder beside vaultPath
// that are named like its backups, newest first (by the time in their
// headers). Before a vault is created there, they belong to another vault:
// Create refuses to start a vault next to them unless told to.
func BackupsBeside(vaultPath string) ([]string, error) {
	abs, err := filepath.Abs(vaultPath)
	if err != nil {
		return nil, err
	}
	all, err := scanBackups(abs)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, b := range newestFirst(all) {
		out = append(out, b.path)
	}
	return out, nil
}
