package vault

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
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

// ownedBackups returns the backups that belong to v, newest first: those
// carrying its vault id by save counter, then format-1 backups (from before
// vault ids) whose contents open with its data key, newest name first.
// Whether a format-1 backup opens is remembered for the life of v, so each
// is decrypted at most once. The caller holds v.mu (or has not shared v).
func (v *Vault) ownedBackups(all []backupFile) []backupFile {
	own := ownBackups(all, v.hdr.VaultID)
	for _, b := range all {
		if b.hdr != nil && b.hdr.Version == 1 && v.legacyOwned(b.path) {
			own = append(own, b)
		}
	}
	return own
}

// legacyOwned reports whether the format-1 file at path opens with v's
// data key: proof that it is a backup of this vault from before it had an
// id. A passphrase change gives the vault a new key, so format-1 backups
// left from before it are no longer recognised, and are then kept.
func (v *Vault) legacyOwned(path string) bool {
	st, err := os.Stat(path)
	if err != nil {
		return false
	}
	id := fmt.Sprintf("%s\x00%d\x00%d", path, st.Size(), st.ModTime().UnixNano())
	if ok, seen := v.legacy[id]; seen {
		return ok
	}
	ok := false
	if data, err := os.ReadFile(path); err == nil {
		if h, body, err := splitFile(data); err == nil && h.Version == 1 {
			plain, err := openBody(v.dataKey, h, data[:len(data)-len(body)], body)
			wipe(plain)
			ok = err == nil
		}
	}
	if v.legacy == nil {
		v.legacy = map[string]bool{}
	}
	v.legacy[id] = ok
	return ok
}

// pruneBackups removes v's oldest backups beyond keep (see ownedBackups):
// only backups carrying the vault's id, by save counter, and format-1
// backups proven to be its own (these are older than any with an id, so
// they go first). Another vault's backups and files that do not parse are
// never removed. It is best effort: a backup that cannot be removed is left
// for the next save. The caller holds v.mu (or has not shared v).
func (v *Vault) pruneBackups() {
	if v.backups <= 0 {
		return
	}
	all, err := scanBackups(v.path)
	if err != nil {
		return
	}
	own := v.ownedBackups(all)
	if len(own) <= v.backups {
		return
	}
	for _, b := range own[v.backups:] {
		v.fs.Remove(b.path)
	}
}

// BackupsBeside returns the files in the backups folder beside vaultPath
// that are named like its backups, newest first (by the time in their
// headers). Before a vault is created there, they belong to another vault:
// "inreach init" refuses to start a vault next to them without --force, and
// the desktop app's create screen should say the same. (Create itself does
// not refuse: a new vault never prunes another vault's backups.)
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
