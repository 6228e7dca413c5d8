// Package privfile writes the files Inreach puts outside the vault
// (exports, PDFs, the recovery sheet, sealed backup copies) so that they are
// readable only by their owner and a crash leaves nothing readable behind,
// or at worst a file with a recognisable name that the next start removes.
//
// How a file is written (Write):
//
//  1. On Linux, the data goes into an unnamed file made with O_TMPFILE in
//     the target's folder (owner-only). While it is being written it has no
//     name: if the process is killed, the kernel frees it and nothing is
//     left on the disk to read.
//  2. Once the data is written and flushed, the unnamed file is given a
//     recognisable temporary name (".NAME.inreach-partial-PID-RAND") and
//     renamed over the target, then the folder is flushed. Only in the
//     moment between those two steps does a named partial file exist.
//  3. Where O_TMPFILE is not available (other systems, some network and
//     FUSE file systems), the data is written to the recognisable temporary
//     name directly (created exclusively, owner-only), flushed and renamed.
//
// Before a temporary name is made, it is recorded in a small journal in
// the user's config folder (Journal). CleanUp, which every command-line verb
// and the desktop app call when they start, removes every recorded
// temporary file whose writer is no longer running, and any other file
// with the same recognisable prefix in the same folders. A partial file
// therefore survives at most until Inreach next starts.
//
// Permissions: on Unix files are created with mode 0600 and then fchmod'ed
// to 0600 whatever the umask; restrict (perm_*.go) is the one per-system
// hook where owner-only access is enforced (Windows: see perm_windows.go).
package privfile

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"inreach/owneronly"
)

// Marker is part of the name of every temporary file Write makes.
const Marker = ".inreach-partial-"

// JournalEnv, when set, is the folder that holds the journal instead of
// the user's config folder (tests, and portable setups).
const JournalEnv = "INREACH_STATE_DIR"

// testHook, when set, is called at each stage of a write ("written",
// "linked"), so that a test can kill the writer there.
var testHook func(stage string)

// noTmpfile forces the portable path (named temporary file), for tests.
var noTmpfile bool

// journalPath is the journal's file.
func journalPath() (string, error) {
	dir := os.Getenv(JournalEnv)
	if dir == "" {
		c, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		// The same folder name as the vault's own default folder
		// (vault.DefaultPath): Inreach where folders are named for
		// people (Windows, macOS), inreach elsewhere.
		name := "inreach"
		if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
			name = "Inreach"
		}
		dir = filepath.Join(c, name)
	}
	return filepath.Join(dir, "partial-files"), nil
}

// Journal returns the path of the journal of temporary names.
func Journal() (string, error) { return journalPath() }

// tempName returns a recognisable temporary name beside path.
func tempName(path string) (string, error) {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+Marker+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:])), nil
}

// record adds a temporary name to the journal, durably, before the name is
// made.
func record(tmp string) error {
	j, err := journalPath()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(j), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(j, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(f, "%d\t%s\n", os.Getpid(), tmp); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Write writes data to path, replacing an existing file only as a whole.
// The file is readable only by its owner. See the package comment for what
// a crash leaves.
func Write(path string, data []byte) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		return fmt.Errorf("could not write %s: it is a folder", path)
	}
	tmp, err := tempName(abs)
	if err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err := record(tmp); err != nil {
		return fmt.Errorf("could not write %s: recording its temporary name: %w", path, err)
	}
	done := false
	if !noTmpfile {
		done, err = writeUnnamed(abs, tmp, data)
		if err != nil {
			os.Remove(tmp)
			return fmt.Errorf("could not write %s: %w", path, err)
		}
	}
	if !done {
		if err := writeNamed(tmp, data); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("could not write %s: %w", path, err)
		}
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	syncDir(filepath.Dir(abs))
	return nil
}

// writeNamed writes data to the new file tmp, owner-only, and flushes it.
func writeNamed(tmp string, data []byte) error {
	// owneronly: mode 0600 on Unix; on Windows an owner-only DACL set as
	// the file is made.
	f, err := owneronly.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL)
	if err != nil {
		return err
	}
	if err := restrict(f); err != nil {
		f.Close()
		return err
	}
	if testHook != nil {
		f.Write(data[:len(data)/2])
		testHook("written")
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// CleanUp removes the temporary files left by writes that were cut off:
// those recorded in the journal whose writer is no longer running, and any
// other file named with Marker and a writer no longer running in the same
// folders. It returns the files removed. Call it when Inreach starts (every
// command-line verb does; the desktop app should too).
func CleanUp() ([]string, error) {
	j, err := journalPath()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(j)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	type entry struct {
		pid  int
		path string
	}
	var keep []entry
	dirs := map[string]bool{}
	var removed []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		p, path, ok := strings.Cut(sc.Text(), "\t")
		pid, err := strconv.Atoi(p)
		if !ok || err != nil || !strings.Contains(filepath.Base(path), Marker) {
			continue
		}
		if pid != os.Getpid() && !alive(pid) {
			dirs[filepath.Dir(path)] = true
			continue
		}
		keep = append(keep, entry{pid, path})
	}
	f.Close()
	for dir := range dirs {
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			n := e.Name()
			_, rest, ok := strings.Cut(n, Marker)
			if !ok || !e.Type().IsRegular() {
				continue
			}
			p, _, _ := strings.Cut(rest, "-")
			pid, err := strconv.Atoi(p)
			if err != nil || (pid != os.Getpid() && alive(pid)) || pid == os.Getpid() {
				continue
			}
			full := filepath.Join(dir, n)
			if os.Remove(full) == nil {
				removed = append(removed, full)
			}
		}
	}
	// rewrite the journal with the entries of writers still running
	var b strings.Builder
	for _, e := range keep {
		fmt.Fprintf(&b, "%d\t%s\n", e.pid, e.path)
	}
	if b.Len() == 0 {
		if err := os.Remove(j); err != nil && !errors.Is(err, os.ErrNotExist) {
			return removed, err
		}
		return removed, nil
	}
	tmp := j + ".new"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o600); err != nil {
		return removed, err
	}
	return removed, os.Rename(tmp, j)
}
