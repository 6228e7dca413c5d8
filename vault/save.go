package vault

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// journalState is where the vault file stands: its base image and the
// records after it. The Vault's mu guards it.
type journalState struct {
	hb        []byte // the base image's header bytes
	baseEnd   int64  // where the journal starts
	end       int64  // just after the last whole record
	records   int    // records in the journal
	chain     chain  // the next record's place
	blockSize int64  // the records' block size (0: no records yet)
	version   uint16 // the file's format version
	torn      int64  // bytes of a cut-off record dropped at open
	replayed  int    // records replayed at open
	dirtyTail bool   // a failed append may have left bytes after end
}

// JournalInfo describes the vault file's change journal.
type JournalInfo struct {
	BaseBytes int64 // the sealed base image, header included
	Bytes     int64 // the journal after it
	Records   int   // saves in the journal
	// Replayed is how many records were replayed when the vault was opened.
	Replayed int
	// TornBytes is the size of a last record that a crash cut short and
	// that was dropped when the vault was opened (0 when none was).
	TornBytes int64
}

// Journal describes the change journal (see JournalInfo).
func (v *Vault) Journal() JournalInfo {
	v.mu.Lock()
	defer v.mu.Unlock()
	return JournalInfo{BaseBytes: v.j.baseEnd, Bytes: v.j.end - v.j.baseEnd, Records: v.j.records,
		Replayed: v.j.replayed, TornBytes: v.j.torn}
}

// journalCap is how large the journal may grow before it is compacted:
// a quarter of the base image, and at least minJournalCap.
func (v *Vault) journalCap() int64 { return max(minJournalCap, v.j.baseEnd/4) }

// Save makes the committed changes durable. It seals the database pages
// written since the last save as one record and appends it to the vault
// file's change journal, then fsyncs the file: the cost follows the size
// of the edit, not of the vault. When the journal has outgrown its share of
// the base image, Save starts a compaction on its own goroutine (see
// Compact). A change too large for the journal (more than its share, such
// as a VACUUM) is saved as a new base image instead. Save does nothing and
// returns nil when nothing changed. On any error the vault file is left as
// it was and the error (a *SaveError) says what went wrong in plain words;
// the changes stay unsaved, for the next Save. Save holds the database's
// single connection only while it copies the changed pages, so it must not
// be called from inside a transaction or while a *sql.Rows is open: that
// would wait for ever.
func (v *Vault) Save() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed.Load() {
		return ErrClosed
	}
	if v.readOnly {
		return ErrReadOnly
	}
	if !v.Changed() {
		return nil
	}
	return v.saveLocked()
}

// errRewrite says a change is better saved as a whole new base image.
var errRewrite = errors.New("rewrite")

// saveLocked appends the changes to the journal, or rewrites the base when
// that is the better way. The caller holds mu.
func (v *Vault) saveLocked() error {
	var (
		gen   uint64
		pages []uint32
		all   bool
		rec   = &record{}
	)
	err := rawConn(v.db, func(c *sqlite3.SQLiteConn) error {
		if c != v.conn {
			// Never seal an empty stranger over the vault.
			return errors.New("the working database was lost; nothing was saved")
		}
		gen = v.gen.Load() // a write after this keeps Changed true
		pages, all = v.tracker.dirty(true)
		if all || v.pending.Load() || v.j.version < formatVersion || (v.j.blockSize != 0 && v.j.blockSize != v.tracker.pageSize()) {
			// The header changes too (or the file is of an older format,
			// or the changes cannot be told apart): a new base image.
			return errRewrite
		}
		img, err := liveImage(c, v.tracker)
		if err != nil {
			return err
		}
		bs := v.tracker.pageSize()
		rec.blockSize, rec.dbSize = bs, int64(len(img))
		// A change larger than a quarter of the base (a VACUUM, a big
		// import) is cheaper as a new base than as a record to replay.
		limit := max(64<<10, v.j.baseEnd/4)
		for _, p := range pages {
			off := int64(p-1) * bs
			if off >= rec.dbSize {
				continue // cut off since
			}
			rec.blocks = append(rec.blocks, p-1)
			rec.data = append(rec.data, img[off:min(off+bs, rec.dbSize)]...)
			if int64(len(rec.data)) > limit {
				wipe(rec.data)
				return errRewrite
			}
		}
		return nil
	})
	if errors.Is(err, errRewrite) {
		v.remark(pages, all)
		return v.rewrite(false, nil)
	}
	if err != nil {
		v.remark(pages, all)
		return err
	}
	plain := rec.marshal()
	wipe(rec.data)
	next := v.j.chain
	frame, err := sealRecord(v.dataKey, &next, plain)
	wipe(plain)
	if err == nil {
		err = v.appendFrame(frame)
	}
	if err != nil {
		v.remark(pages, all)
		return err
	}
	v.j.end += int64(len(frame))
	v.j.records++
	v.j.chain = next
	v.j.blockSize = rec.blockSize
	v.savedGen.Store(gen)
	v.maybeCompact()
	return nil
}

// remark marks pages dirty again after a save that did not happen.
func (v *Vault) remark(pages []uint32, all bool) {
	if len(pages) == 0 && !all {
		return
	}
	rawConn(v.db, func(c *sqlite3.SQLiteConn) error {
		if c == v.conn {
			v.tracker.mark(pages, all)
		}
		return nil
	})
}

// appendFrame writes a sealed record after the journal's last one and
// fsyncs it. On failure it cuts the file back, so the vault is as it was.
func (v *Vault) appendFrame(frame []byte) error {
	f, err := v.fs.OpenFile(v.path)
	if err != nil {
		return saveErr("the vault", "opening it to add the change", err)
	}
	fail := func(step string, err error) error {
		if terr := f.Truncate(v.j.end); terr != nil {
			v.j.dirtyTail = true // the next append cuts it first
		}
		f.Close()
		return saveErr("the vault", step, err)
	}
	if v.j.dirtyTail {
		if err := f.Truncate(v.j.end); err != nil {
			return fail("cutting off an earlier unfinished change", err)
		}
		v.j.dirtyTail = false
	}
	if _, err := f.WriteAt(frame, v.j.end); err != nil {
		return fail("writing the change to the journal", err)
	}
	if err := f.Sync(); err != nil {
		return fail("flushing the change to the disk", err)
	}
	if err := f.Close(); err != nil {
		return fail("closing the vault file", err)
	}
	return nil
}

// sealLive writes the working database, sealed as a base image under the
// current key and h, to a new temporary file in dir and returns its name
// and header bytes. The caller holds the connection c (so the image cannot
// change under it).
func (v *Vault) sealLive(c *sqlite3.SQLiteConn, dir, pattern string, h *header, target string) (string, []byte, error) {
	if c != v.conn {
		return "", nil, errors.New("the working database was lost; nothing was saved")
	}
	img, err := liveImage(c, v.tracker)
	if err != nil {
		return "", nil, err
	}
	var hb []byte
	tmp, err := writeTempWith(v.fs, dir, pattern, target, func(w io.Writer) error {
		var err error
		hb, err = writeBase(w, v.dataKey, h, int64(len(img)), func(i int64, dst []byte) error {
			copy(dst, img[i*chunkSize:])
			return nil
		})
		return err
	})
	return tmp, hb, err
}

// sealed returns the working database (including unsaved changes) sealed
// as a whole vault file (a base image, no journal) with the next save
// counter and the time now, and that header. It holds the database while
// it seals.
func (v *Vault) sealed() ([]byte, *header, error) {
	h := v.hdr.clone()
	h.Seq++
	h.SavedAt = v.now().UnixMilli()
	var out bytes.Buffer
	var hb []byte
	err := rawConn(v.db, func(c *sqlite3.SQLiteConn) error {
		if c != v.conn {
			return errors.New("the working database was lost; nothing was saved")
		}
		img, err := liveImage(c, v.tracker)
		if err != nil {
			return err
		}
		out.Grow(int(bodyLenOf(int64(len(img)))) + 1024)
		hb, err = writeBase(&out, v.dataKey, h, int64(len(img)), func(i int64, dst []byte) error {
			copy(dst, img[i*chunkSize:])
			return nil
		})
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	h, _, err = parseHeader(hb)
	return out.Bytes(), h, err
}

// rewrite writes the whole working database as a new base image with an
// empty journal (create: a new vault file, and no backup). It holds the
// database while it seals and writes, so reads wait for it: Create, a
// change too large for the journal, and a format 1 file's first save use
// it. h, if not nil, is the new header. The caller holds mu (or has not
// shared v yet).
func (v *Vault) rewrite(create bool, h *header) error {
	if h == nil {
		h = v.hdr
	}
	h = h.clone()
	h.Seq = v.hdr.Seq + 1 // the save counter orders the backups
	h.SavedAt = v.now().UnixMilli()
	var (
		gen   uint64
		pages []uint32
		all   bool
		tmp   string
		hb    []byte
	)
	err := rawConn(v.db, func(c *sqlite3.SQLiteConn) error {
		gen = v.gen.Load()
		if v.tracker != nil && c == v.conn {
			pages, all = v.tracker.dirty(true)
		}
		var err error
		tmp, hb, err = v.sealLive(c, filepath.Dir(v.path), tempPattern(v.path), h, "the vault")
		return err
	})
	if err == nil {
		if create {
			err = v.placeNew(tmp)
		} else {
			err = v.replace(tmp)
		}
	}
	if err != nil {
		// The changes stay unsaved; if the new file is in place after all
		// (the folder could not be flushed), the next save adds them again.
		v.remark(pages, all)
		var se *SaveError
		if !errors.As(err, &se) || !se.Replaced {
			return err
		}
	}
	v.hdr, _, _ = parseHeader(hb)
	v.setBase(hb, chain{id: baseIDOf(hb)}, 0, 0)
	if err == nil {
		v.savedGen.Store(gen)
		v.pending.Store(false)
	}
	return err
}

// setBase records that the vault file is now the base with header hb
// followed by records of tailBytes ending at chain c.
func (v *Vault) setBase(hb []byte, c chain, records int, tailBytes int64) {
	h, _, _ := parseHeader(hb)
	v.j.hb = hb
	v.j.baseEnd = int64(len(hb)) + int64(h.BodyLen)
	v.j.end = v.j.baseEnd + tailBytes
	v.j.records = records
	v.j.chain = c
	v.j.version = formatVersion
	v.j.dirtyTail = false
	if records == 0 {
		v.j.blockSize = 0
	}
}

// placeNew puts the temporary file tmp in place as a new vault file,
// refusing to replace one.
func (v *Vault) placeNew(tmp string) error {
	dir := filepath.Dir(v.path)
	defer v.fs.Remove(tmp)
	err := v.fs.Link(tmp, v.path)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w (%s)", ErrExists, v.path)
	}
	if err != nil { // no hard links here; we hold the lock, so check and rename
		if Exists(v.path) {
			return fmt.Errorf("%w (%s)", ErrExists, v.path)
		}
		if err := v.fs.Rename(tmp, v.path); err != nil {
			return saveErr("the vault", "putting the new file in place", err)
		}
	}
	if err := v.fs.SyncDir(dir); err != nil {
		e := saveErr("the vault", "flushing the folder to the disk", err)
		e.Replaced = true
		return e
	}
	return nil
}

// replace renames tmp over the vault file, keeping the old file (its base
// and journal: the state just before) as a backup when one is due.
func (v *Vault) replace(tmp string) error {
	dir := filepath.Dir(v.path)
	var backup string
	now := v.now()
	if v.backups > 0 && (v.backupEvery <= 0 || v.lastBackup.IsZero() || now.Sub(v.lastBackup) >= v.backupEvery) {
		var err error
		if backup, err = makeBackup(v.fs, v.path, now); err != nil {
			v.fs.Remove(tmp)
			return err
		}
	}
	if err := v.fs.Rename(tmp, v.path); err != nil {
		v.fs.Remove(tmp)
		if backup != "" {
			v.fs.Remove(backup)
		}
		return saveErr("the vault", "putting the new file in place", err)
	}
	if err := v.fs.SyncDir(dir); err != nil {
		e := saveErr("the vault", "flushing the folder to the disk", err)
		e.Replaced = true
		return e
	}
	if backup != "" {
		v.lastBackup = now
		v.pruneBackups()
	}
	return nil
}

// maybeCompact starts a background compaction when the journal has
// outgrown its share and none is under way. The caller holds mu.
func (v *Vault) maybeCompact() {
	if v.compacting || v.readOnly || v.closed.Load() || v.j.end-v.j.baseEnd <= v.journalCap() {
		return
	}
	if !v.compactFailed.IsZero() && time.Since(v.compactFailed) < time.Minute {
		return // the disk was full a moment ago; the journal is safe meanwhile
	}
	v.compacting = true
	v.bg.Add(1)
	go func() {
		defer v.bg.Done()
		err := v.Compact()
		if compactDone != nil {
			compactDone(err)
		}
		v.mu.Lock()
		v.compacting = false
		if err != nil && !errors.Is(err, ErrClosed) {
			v.compactFailed = time.Now()
		} else {
			v.compactFailed = time.Time{}
			v.maybeCompact() // saves carried over may have filled it again
		}
		v.mu.Unlock()
	}()
}

// Compact folds the change journal into a new base image: the old base is
// read from the file chunk by chunk, the journal's latest version of each
// page is laid over it, and the result is sealed to a new file that
// replaces the vault the usual way (temp file, fsync, keep the old file as
// a backup, rename, fsync of the folder). It never touches the working
// database, so reads do not wait for it; saves go on meanwhile (they are
// appended to the old file and carried over to the new one in a last
// short step). Save runs it on its own goroutine when the journal outgrows
// a quarter of the base image; Close runs it too. Unsaved changes are not
// part of it. It does nothing when the journal is empty.
func (v *Vault) Compact() error {
	v.compactMu.Lock()
	defer v.compactMu.Unlock()
	v.mu.Lock()
	if v.closed.Load() {
		v.mu.Unlock()
		return ErrClosed
	}
	if v.readOnly {
		v.mu.Unlock()
		return ErrReadOnly
	}
	if v.j.records == 0 && v.j.version == formatVersion && !v.pending.Load() {
		v.mu.Unlock()
		return nil
	}
	snap := v.snapshot(v.hdr, nil)
	v.mu.Unlock()
	defer snap.wipe()
	var (
		tmp string
		err error
	)
	lowPriority(func() { tmp, err = v.merge(snap) })
	if afterMerge != nil {
		afterMerge()
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err != nil {
		return err
	}
	if v.closed.Load() {
		v.fs.Remove(tmp)
		return ErrClosed
	}
	return v.finish(snap, tmp)
}

// compactDone, when set by a test, is told how each background compaction
// ended.
var compactDone func(error)

// afterMerge, when set by a test, runs between a background compaction's
// merge and its last step, with no lock held.
var afterMerge func()

// compactLocked is Compact for a caller that holds compactMu and mu,
// optionally with a new header and data key (nil: the current ones).
func (v *Vault) compactLocked(h *header, newKey []byte) error {
	snap := v.snapshot(h, newKey)
	defer snap.wipe()
	var tmp string
	var err error
	lowPriority(func() { tmp, err = v.merge(snap) })
	if err != nil {
		return err
	}
	return v.finish(snap, tmp)
}

// compaction is what a compaction works from: the file as it was when it
// started, and what the new base is sealed with.
type compaction struct {
	oldKey, newKey []byte
	newHdr         *header
	newHB          []byte // the new base's header, once written
	hb             []byte // the old base's header
	end            int64  // the journal's end when it started
	chain          chain  // the old journal's chain at end
}

func (c *compaction) wipe() {
	wipe(c.oldKey)
	wipe(c.newKey)
}

// snapshot notes where the file stands. The caller holds mu.
func (v *Vault) snapshot(h *header, newKey []byte) *compaction {
	c := &compaction{oldKey: append([]byte(nil), v.dataKey...), newHdr: h.clone(), hb: v.j.hb, end: v.j.end, chain: v.j.chain}
	c.newHdr.Seq = v.hdr.Seq + 1 // the save counter orders the backups
	c.newHdr.SavedAt = v.now().UnixMilli()
	if newKey == nil {
		newKey = v.dataKey
	}
	c.newKey = append([]byte(nil), newKey...)
	return c
}

// merge writes the new base image to a temporary file and returns its
// name. It needs no lock: it reads only the part of the file that existed
// when the compaction started, which appends never change.
func (v *Vault) merge(c *compaction) (string, error) {
	vf, err := openVaultFile(v.path)
	if err != nil {
		return "", fmt.Errorf("could not read the vault to compact it: %w", err)
	}
	defer vf.Close()
	if vf.id != baseIDOf(c.hb) {
		return "", errors.New("the vault file was replaced while it was being compacted")
	}
	vf.size = c.end
	// The journal's latest version of each block, and the smallest size the
	// database had along the way: base bytes beyond it were cut off.
	latest := map[uint32][]byte{}
	defer func() {
		for _, b := range latest {
			wipe(b)
		}
	}()
	size, floor := vf.imgLen, vf.imgLen
	var bs int64
	_, err = vf.readJournal(c.oldKey, chain{id: vf.id}, func(r *record) error {
		if bs == 0 {
			bs = r.blockSize
		} else if r.blockSize != bs {
			return damaged("its change journal mixes page sizes")
		}
		if r.dbSize < size {
			floor = min(floor, r.dbSize)
			for b, d := range latest {
				if start := int64(b) * bs; start >= r.dbSize {
					wipe(d)
					delete(latest, b)
				} else if start+int64(len(d)) > r.dbSize {
					latest[b] = d[:r.dbSize-start]
				}
			}
		}
		off := int64(0)
		for _, b := range r.blocks {
			l := r.blockLen(b)
			d := latest[b]
			if int64(cap(d)) < l {
				wipe(d)
				d = make([]byte, l)
			}
			d = d[:l]
			copy(d, r.data[off:off+l])
			latest[b] = d
			off += l
		}
		size = r.dbSize
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("could not compact the vault: %w", err)
	}
	var (
		next   func() ([]byte, error)
		whole  []byte
		chunks = chunkCount(vf.imgLen)
	)
	if vf.h.Version < journalFormat {
		err := vf.readBase(c.oldKey, nil, func(_ int64, p []byte) error {
			whole = append([]byte(nil), p...)
			return nil
		})
		if err != nil {
			return "", fmt.Errorf("could not compact the vault: %w", err)
		}
		defer wipe(whole)
	} else {
		it, err := vf.baseChunks(c.oldKey)
		if err != nil {
			return "", err
		}
		defer it.close()
		next = it.next
	}
	return writeTempWith(v.fs, filepath.Dir(v.path), tempPattern(v.path), "the vault", func(w io.Writer) error {
		hb, err := writeBase(w, c.newKey, c.newHdr, size, func(i int64, dst []byte) error {
			off := i * chunkSize
			clear(dst)
			var old []byte
			if whole != nil {
				old = whole[min(off, int64(len(whole))):min(off+chunkSize, int64(len(whole)))]
			} else if i < chunks {
				p, err := next()
				if err != nil {
					return err
				}
				old = p
			}
			if off < floor {
				copy(dst, old[:min(int64(len(old)), floor-off)])
			}
			if bs > 0 {
				for b := off / bs; b*bs < off+int64(len(dst)); b++ {
					if d, ok := latest[uint32(b)]; ok {
						copy(dst[b*bs-off:], d)
					}
				}
			}
			return nil
		})
		if err == nil {
			c.newHB = hb
			c.newHdr, _, _ = parseHeader(hb)
		}
		return err
	})
}

// finish carries over the records saved while the new base was written,
// then puts the new file in place. The caller holds mu.
func (v *Vault) finish(c *compaction, tmp string) error {
	newHB := c.newHB
	newChain := chain{id: baseIDOf(newHB)}
	var tail int64
	records := 0
	if v.j.end > c.end {
		err := func() error {
			vf, err := openVaultFile(v.path)
			if err != nil {
				return err
			}
			defer vf.Close()
			vf.size = v.j.end
			vf.bodyEnd = c.end
			var frames []byte
			_, err = vf.readJournal(c.oldKey, c.chain, func(r *record) error {
				p := r.marshal()
				f, err := sealRecord(c.newKey, &newChain, p)
				wipe(p)
				frames = append(frames, f...)
				records++
				return err
			})
			if err != nil {
				return err
			}
			f, err := v.fs.OpenFile(tmp)
			if err != nil {
				return err
			}
			defer f.Close()
			st, err := os.Stat(tmp)
			if err != nil {
				return err
			}
			if _, err := f.WriteAt(frames, st.Size()); err != nil {
				return err
			}
			tail = int64(len(frames))
			return f.Sync()
		}()
		if err != nil {
			v.fs.Remove(tmp)
			return saveErr("the vault", "carrying the latest saves over to the compacted file", err)
		}
	}
	err := v.replace(tmp)
	var se *SaveError
	if err != nil && (!errors.As(err, &se) || !se.Replaced) {
		return err
	}
	// The new file is in place (perhaps not yet confirmed by the disk).
	v.hdr = c.newHdr
	if !equalBytes(c.newKey, v.dataKey) {
		wipe(v.dataKey)
		v.dataKey = append([]byte(nil), c.newKey...)
	}
	v.setBase(newHB, newChain, records, tail)
	v.pending.Store(false)
	return err
}

func equalBytes(a, b []byte) bool { return string(a) == string(b) }

// Rewrite writes the whole working database now as a new base image with an
// empty journal, through the ordinary atomic save (a new file beside the
// old one, flushed, renamed over it). The desktop app uses it when the
// vault file itself was emptied behind the vault's back — a save dialog
// that opens (and so truncates) the chosen file before Inreach can refuse
// it — so the file on disk is whole again at once.
func (v *Vault) Rewrite() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed.Load() {
		return ErrClosed
	}
	if v.readOnly {
		return ErrReadOnly
	}
	return v.rewrite(false, nil)
}
