package vault

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"inreach/owneronly"
)

// Options tune Create and Open.
type Options struct {
	KDF        KDFParams   // used by Create and ChangePassphrase; zero value means DefaultKDF
	Migrations []Migration // applied after Create and after every Open; nil means none and no schema version check
	Backups    int         // backups to keep in backups/ beside the vault; 0 means 10; negative means none
	// BackupEvery is the least time between two backups: a save sooner
	// than that after the last backup this Vault made replaces the file
	// without keeping another backup. 0 keeps a backup at every save. The
	// desktop app saves a few seconds after each change, so it sets a few
	// minutes here: otherwise ten backups would cover only the last minute.
	BackupEvery time.Duration
	ReadOnly    bool // Open without taking the write lock; Save/ChangePassphrase then return ErrReadOnly
}

// OpenTimings break down the last Create, Open or unlock.
type OpenTimings struct {
	KDF     time.Duration // deriving the key (Argon2id; HKDF for the recovery key)
	Decrypt time.Duration // reading and opening the sealed base image
	Replay  time.Duration // reading, opening and applying the change journal
	Load    time.Duration // handing the image to SQLite and migrating it
}

// Vault is an unlocked vault: the working database plus what is needed to
// seal it again. Its methods are safe for concurrent use.
type Vault struct {
	// compactMu lets one compaction run at a time; it is taken before mu.
	compactMu sync.Mutex
	// mu guards saves, the header, the data key and the journal's
	// position. Reads of the database never take it.
	mu      sync.Mutex
	path    string // absolute
	db      *sql.DB
	conn    *sqlite3.SQLiteConn // the working connection, to notice if the pool ever replaced it
	hdr     *header
	dataKey []byte
	lock    *fileLock
	fs      fileSystem
	backups int
	// backupEvery and lastBackup pace backups (Options.BackupEvery).
	backupEvery time.Duration
	lastBackup  time.Time
	readOnly    bool
	kdf         KDFParams
	timings     OpenTimings
	// recoveryKey is held (and wiped by Close) only when the vault was
	// opened with it, so that a new passphrase set right after a recovery
	// can wrap the new data key for the same recovery key.
	recoveryKey []byte
	// legacy remembers which format-1 backups open with the data key.
	legacy map[string]bool
	// clock, when set (tests), replaces time.Now for save times and
	// backup names.
	clock func() time.Time
	// pending is a change to the header alone (a format-1 file given a
	// vault id, a passphrase wrap redone under NFC) waiting to be saved.
	pending atomic.Bool

	gen      atomic.Uint64 // write transactions committed (the commit hook)
	savedGen atomic.Uint64 // gen when the file was last written or read
	closed   atomic.Bool

	tracker *pageTracker // the pages written since the last save
	j       journalState // where the file's journal stands (under mu)
	bg      sync.WaitGroup
	// compacting is set while a background compaction is scheduled or
	// running; compactFailed is when the last one failed (under mu).
	compacting    bool
	compactFailed time.Time
}

func (o Options) kdf() KDFParams {
	if o.KDF == (KDFParams{}) {
		return DefaultKDF
	}
	return o.KDF
}

func (o Options) backups() int {
	switch {
	case o.Backups == 0:
		return 10
	case o.Backups < 0:
		return 0
	}
	return o.Backups
}

// Exists reports whether something is at path (so Create would refuse it).
// A path that cannot be checked counts as existing.
func Exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// Create makes a new vault at path with a fresh data key, locks it, applies
// opts.Migrations and saves it. It returns the open vault and the recovery
// key, which is shown to the user once and never stored in clear. It refuses
// an empty passphrase (ErrEmptyPassphrase) and an existing path (ErrExists);
// missing parent folders are made with mode 0700, and the file has mode 0600.
// The caller keeps ownership of passphrase (Create does not wipe it).
func Create(path string, passphrase []byte, opts Options) (_ *Vault, recoveryKey string, err error) {
	if len(passphrase) == 0 {
		return nil, "", ErrEmptyPassphrase
	}
	passphrase = normalize(passphrase)
	defer wipe(passphrase)
	if opts.ReadOnly {
		return nil, "", errors.New("a vault cannot be created read-only")
	}
	kdf := opts.kdf()
	if err := kdf.check(); err != nil {
		return nil, "", err
	}
	if path, err = filepath.Abs(path); err != nil {
		return nil, "", err
	}
	if Exists(path) {
		return nil, "", fmt.Errorf("%w (%s)", ErrExists, path)
	}
	if err := owneronly.MkdirAll(filepath.Dir(path)); err != nil {
		return nil, "", fmt.Errorf("could not make the folder for the vault: %w", err)
	}
	lock, err := acquireLock(path)
	if err != nil {
		return nil, "", err
	}
	if Exists(path) { // made by someone else before we held the lock
		lock.Release()
		return nil, "", fmt.Errorf("%w (%s)", ErrExists, path)
	}

	v := &Vault{path: path, lock: lock, fs: osFS{}, backups: opts.backups(), backupEvery: opts.BackupEvery, kdf: kdf}
	defer func() {
		if err != nil {
			v.Close()
		}
	}()
	protectProcess()
	v.dataKey = randomBytes(keyLen)
	rk := randomBytes(keyLen)
	defer wipe(rk)
	h := &header{Version: formatVersion, VaultID: randomBytes(vaultIDLen)}
	start := time.Now()
	setRecovery(h, rk, v.dataKey)
	setPassphrase(h, passphrase, kdf, v.dataKey)
	v.hdr = h
	v.timings.KDF = time.Since(start)

	start = time.Now()
	img, err := newCImage(64 << 10)
	if err != nil {
		return nil, "", err
	}
	if err = v.attachDB(img, defaultBlockSize); err != nil {
		return nil, "", err
	}
	if err = v.migrate(opts.Migrations); err != nil {
		return nil, "", err
	}
	v.timings.Load = time.Since(start)
	if err = v.rewrite(true, nil); err != nil {
		return nil, "", err
	}
	return v, encodeRecoveryKey(rk), nil
}

// setPassphrase puts a new salt, KDF settings and a wrap of dataKey under
// passphrase (already normalized) into h.
func setPassphrase(h *header, passphrase []byte, kdf KDFParams, dataKey []byte) {
	h.KDF = kdf
	h.Salt = randomBytes(saltLen)
	h.PassNonce = randomBytes(nonceLen)
	kek := passphraseKey(passphrase, h.Salt, kdf)
	h.PassWrap = wrap(kek, h.PassNonce, dataKey, passWrapAD(h))
	wipe(kek)
}

// setRecovery puts a wrap of dataKey under the recovery key rk into h.
func setRecovery(h *header, rk, dataKey []byte) {
	h.RecNonce = randomBytes(nonceLen)
	kek := recoveryWrapKey(rk)
	h.RecWrap = wrap(kek, h.RecNonce, dataKey, recWrapAD(h))
	wipe(kek)
}

// Open unlocks the vault at path with its passphrase, locks it for writing
// (unless opts.ReadOnly), applies opts.Migrations and, if they changed
// anything, saves at once. Errors: ErrWrongPassphrase, ErrNotVault,
// ErrNewerVersion, ErrInUse, *DamagedError (naming the newest backup that
// opens with this passphrase), or one wrapping fs.ErrNotExist. The caller
// keeps ownership of passphrase.
func Open(path string, passphrase []byte, opts Options) (*Vault, error) {
	return open(path, &credential{passphrase: passphrase}, opts)
}

// OpenWithRecoveryKey is Open with the recovery key shown at creation
// instead of the passphrase. The key is accepted in any case, with or
// without dashes and spaces. A wrong or mistyped key gives
// ErrWrongRecoveryKey.
func OpenWithRecoveryKey(path string, recoveryKey string, opts Options) (*Vault, error) {
	rk, err := decodeRecoveryKey(recoveryKey)
	if err != nil {
		return nil, err
	}
	defer wipe(rk)
	v, err := open(path, &credential{recoveryKey: rk}, opts)
	if err == nil && !opts.ReadOnly {
		v.recoveryKey = bytes.Clone(rk)
	}
	return v, err
}

func open(path string, cred *credential, opts Options) (_ *Vault, err error) {
	defer cred.wipe()
	if path, err = resolve(path); err != nil {
		return nil, err
	}
	v := &Vault{path: path, fs: osFS{}, backups: opts.backups(), backupEvery: opts.BackupEvery, readOnly: opts.ReadOnly, kdf: opts.kdf()}
	defer func() {
		if err != nil {
			v.Close()
		}
	}()
	if !opts.ReadOnly {
		if v.lock, err = acquireLock(path); err != nil {
			return nil, err
		}
	}
	if err = v.load(cred); err != nil {
		return nil, err
	}
	start := time.Now()
	if err = v.migrate(opts.Migrations); err != nil {
		return nil, err
	}
	v.timings.Load += time.Since(start)
	if !opts.ReadOnly {
		// Tidy up after a save that was cut off (its temp file, a backup
		// beyond the limit); both are sealed, so this is not about secrecy.
		v.removeStaleTemps()
		if all, err := scanBackups(v.path); err == nil {
			// Go on counting from the newest of this vault's backups, so
			// a restored older file still saves as the newest.
			if own := ownBackups(all, v.hdr.VaultID); len(own) > 0 && own[0].hdr.Seq > v.hdr.Seq {
				v.hdr.Seq = own[0].hdr.Seq
			}
		}
		v.pruneBackups()
		if v.Changed() {
			if err = v.Save(); err != nil {
				return nil, err
			}
		}
		v.mu.Lock()
		v.maybeCompact()
		v.mu.Unlock()
	}
	return v, nil
}

// resolve makes path absolute and follows a symbolic link at it, so that
// saves replace the file the link points to rather than the link.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if st, err := os.Lstat(abs); err == nil && st.Mode()&os.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(abs); err == nil {
			return target, nil
		}
	}
	return abs, nil
}

// explain turns a *formatError, and ErrNotVault for the file at the
// vault's path, into a *DamagedError naming the newest backup that opens
// with the same credential; other errors pass through.
func (v *Vault) explain(err error, cred *credential) error {
	var fe *formatError
	switch {
	case errors.As(err, &fe):
		return &DamagedError{Path: v.path, Reason: fe.reason, NewestBackup: newestGoodBackup(v.path, cred)}
	case errors.Is(err, ErrNotVault):
		return &DamagedError{Path: v.path, Reason: "it does not start as an Inreach vault does", NotVault: true, NewestBackup: newestGoodBackup(v.path, cred)}
	}
	return err
}

// defaultBlockSize is the unit in which a new vault's changes are tracked:
// SQLite's default page size.
const defaultBlockSize = 4096

// load reads the vault file: its header, the key (with cred), the base
// image and the change journal, and makes the result the working database.
// The image is decrypted straight into the memory SQLite will use, so the
// database is held once, not twice.
func (v *Vault) load(cred *credential) error {
	if st, err := os.Stat(v.path); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder or cannot be read as a file: %w", v.path, ErrNotVault)
	}
	vf, err := openVaultFile(v.path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &NoVaultError{Path: v.path, NewestBackup: newestGoodBackup(v.path, cred)}
		}
		return v.explain(err, cred)
	}
	defer vf.Close()
	var kdfTime time.Duration
	protectProcess()
	v.dataKey, kdfTime, err = cred.unwrap(vf.h)
	v.timings.KDF = kdfTime
	if err != nil {
		return err
	}
	start := time.Now()
	img, err := newCImage(max(vf.imgLen+vf.imgLen/16, int64(vf.h.BodyLen)) + 1<<20)
	if err != nil {
		return err
	}
	defer img.free() // wipes and frees it unless SQLite took it over
	if vf.h.Version < journalFormat {
		err = vf.readBase(v.dataKey, func(off int64, n int) []byte {
			return img.bytes()[off : off+int64(n) : off+int64(n)]
		}, func(int64, []byte) error { return nil })
	} else {
		err = vf.decryptInto(v.dataKey, img.bytes())
	}
	v.timings.Decrypt = time.Since(start)
	if err != nil {
		return v.explain(err, cred)
	}
	img.size = vf.imgLen

	start = time.Now()
	blockSize := int64(0)
	scan, err := vf.readJournal(v.dataKey, chain{id: vf.id}, func(r *record) error {
		if blockSize == 0 {
			blockSize = r.blockSize
		} else if r.blockSize != blockSize {
			return damaged("its change journal mixes page sizes")
		}
		if err := img.grow(r.dbSize); err != nil {
			return err
		}
		b := img.bytes()
		if r.dbSize < img.size {
			clear(b[r.dbSize:img.size]) // cut off: gone, as in the working database
		}
		r.apply(b)
		img.size = r.dbSize
		return nil
	})
	v.timings.Replay = time.Since(start)
	if err != nil {
		return v.explain(err, cred)
	}
	v.hdr = vf.h.clone()
	if vf.h.Version < formatVersion {
		// An older file: it is written as a base image of this format at
		// the next save (at once, unless read-only), and a format-1 file
		// gets a vault id of its own.
		v.hdr.Version = formatVersion
		if len(v.hdr.VaultID) != vaultIDLen {
			v.hdr.VaultID = randomBytes(vaultIDLen)
		}
		v.pending.Store(!v.readOnly) // a read-only open writes nothing
	}
	if cred.rawUsed && !v.readOnly {
		// It opened only with the passphrase as typed, not normalized:
		// wrap the data key again under the normalized passphrase.
		setPassphrase(v.hdr, cred.normalized(), vf.h.KDF, v.dataKey)
		v.pending.Store(true)
	}
	v.j = journalState{
		hb: vf.hb, baseEnd: vf.bodyEnd, end: scan.end, records: scan.records,
		chain: scan.chain, blockSize: blockSize, torn: scan.torn, replayed: scan.records,
		version: vf.h.Version,
	}
	if scan.torn > 0 && !v.readOnly {
		// A crash cut the last save short: drop its remains, so that the
		// next save follows the last whole record.
		if err := os.Truncate(v.path, scan.end); err != nil {
			return fmt.Errorf("could not drop the unfinished last save from the vault: %w", err)
		}
	}
	start = time.Now()
	if blockSize == 0 {
		blockSize = pageSizeOf(img.bytes()[:img.size])
	}
	err = v.attachDB(img, blockSize)
	v.timings.Load = time.Since(start)
	if err != nil {
		return v.explain(damaged("the database inside cannot be read"), cred)
	}
	return nil
}

// pageSizeOf reads the page size from an SQLite image's header, or gives
// the default for an empty or odd one.
func pageSizeOf(img []byte) int64 {
	if len(img) < 100 || string(img[:len(sqliteMagic)]) != sqliteMagic {
		return defaultBlockSize
	}
	ps := int64(img[16])<<8 | int64(img[17])
	if ps == 1 {
		ps = 65536
	}
	if ps < 512 || ps > maxBlockSize || ps&(ps-1) != 0 {
		return defaultBlockSize
	}
	return ps
}

// attachDB opens the working database on img (SQLite takes the buffer
// over), starts tracking the pages written to it in units of blockSize,
// and starts counting committed writes.
func (v *Vault) attachDB(img *cImage, blockSize int64) error {
	if img.size > 0 && (img.size < 512 || string(img.bytes()[:len(sqliteMagic)]) != sqliteMagic) {
		return errors.New("the database inside is not an SQLite database")
	}
	db, err := OpenMemoryDB()
	if err != nil {
		return err
	}
	v.db = db
	err = rawConn(db, func(c *sqlite3.SQLiteConn) error {
		t, err := attachImage(c, img, blockSize)
		if err != nil {
			return err
		}
		v.tracker = t
		v.conn = c
		// Every committed write transaction (rows, schema, user_version,
		// full-text index) passes through the commit hook; reads and
		// rolled-back transactions do not.
		c.RegisterCommitHook(func() int {
			v.gen.Add(1)
			return 0
		})
		return nil
	})
	if err != nil {
		return err
	}
	// Check that the image is a database SQLite can read.
	var n int
	return db.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&n)
}

// migrate applies migrations (none when the list is empty) and, for a new
// database, makes sure it has a first page so that it can be serialized.
func (v *Vault) migrate(ms []Migration) error {
	if len(ms) > 0 {
		if err := Migrate(context.Background(), v.db, ms); err != nil {
			return err
		}
	}
	var pages int
	if err := v.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		return err
	}
	if pages == 0 {
		if _, err := v.db.Exec("PRAGMA user_version = 0"); err != nil {
			return err
		}
	}
	return nil
}

// now is the time for save times and backup names.
func (v *Vault) now() time.Time {
	if v.clock != nil {
		return v.clock()
	}
	return time.Now()
}

// DB returns the working in-memory database (one connection). After Close
// it returns the closed database, whose calls fail.
func (v *Vault) DB() *sql.DB { return v.db }

// Path returns the vault file's absolute path.
func (v *Vault) Path() string { return v.path }

// Timings returns how long the last Create, Open or unlock took, step by step.
func (v *Vault) Timings() OpenTimings {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.timings
}

// Changed reports whether the working database has committed writes that
// are not yet in the vault file. It counts committed write transactions
// with an SQLite commit hook on the single connection, so it sees rows,
// schema changes, PRAGMA user_version and full-text index writes, and
// ignores reads and rolled-back transactions. It can say true for a write
// that left the data as it was (an empty write transaction, an UPDATE
// setting a value to itself, a TEMP table): a harmless extra save. It never
// says false after a committed change. It does not block.
func (v *Vault) Changed() bool {
	return v.gen.Load() != v.savedGen.Load() || v.pending.Load()
}

// removeStaleTemps removes temporary files left by a save that was cut off
// (they are sealed, so this is tidiness, not secrecy). Only a lock holder
// calls it, so no save of ours is in progress.
func (v *Vault) removeStaleTemps() {
	for _, dir := range []string{filepath.Dir(v.path), backupDir(v.path)} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		base := filepath.Base(v.path)
		prefix := backupPrefix(v.path)
		for _, e := range entries {
			n := e.Name()
			if !e.Type().IsRegular() || !strings.Contains(n, ".tmp-") {
				continue
			}
			stale := strings.HasPrefix(n, "."+base+".tmp-")
			if rest, ok := strings.CutPrefix(n, "."+prefix); ok && !stale {
				// ".<name>-<stamp>.vault.tmp-*": a backup copy of this vault
				stamp, _, _ := strings.Cut(rest, ".vault.tmp-")
				_, err := time.Parse(backupStamp, stamp)
				stale = err == nil
			}
			if stale {
				os.Remove(filepath.Join(dir, n))
			}
		}
	}
}

// WriteBackup writes the working database (including unsaved changes),
// sealed with the same keys, durably to path: it opens with the same
// passphrase and recovery key. It replaces an existing file at path, but
// refuses the vault file itself and its lock file. It works on read-only
// vaults too. It holds the database while it seals and writes the copy, so
// reads wait for it.
func (v *Vault) WriteBackup(path string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed.Load() {
		return ErrClosed
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if abs == v.path || abs == lockPath(v.path) || sameFile(abs, v.path) || sameFile(abs, lockPath(v.path)) {
		return errors.New("a backup cannot be written over the vault itself; choose another file")
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder; give a file name for the backup", abs)
	}
	var tmp string
	h := v.hdr.clone()
	h.Seq++
	h.SavedAt = v.now().UnixMilli()
	err = rawConn(v.db, func(c *sqlite3.SQLiteConn) error {
		var err error
		tmp, _, err = v.sealLive(c, filepath.Dir(abs), tempPattern(abs), h, "the backup")
		return err
	})
	if err != nil {
		return err
	}
	if err := v.fs.Rename(tmp, abs); err != nil {
		v.fs.Remove(tmp)
		return saveErr("the backup", "putting the new file in place", err)
	}
	if err := v.fs.SyncDir(filepath.Dir(abs)); err != nil {
		e := saveErr("the backup", "flushing the folder to the disk", err)
		e.Replaced = true
		return e
	}
	return nil
}

// sameFile reports whether a and b are the same existing file.
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// Backups returns the paths of the vault's own backups, newest first: those
// carrying its vault id, by save counter, then format-1 backups from before
// the vault had an id whose contents open with its key (these are the ones
// Save prunes, from the end of this list).
func (v *Vault) Backups() ([]string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed.Load() {
		return nil, ErrClosed
	}
	all, err := scanBackups(v.path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, b := range v.ownedBackups(all) {
		out = append(out, b.path)
	}
	return out, nil
}

// IntegrityCheck runs PRAGMA integrity_check and PRAGMA foreign_key_check
// on the working database. It returns "ok", or the problems one per line
// (naming tables and row ids, never contents).
func (v *Vault) IntegrityCheck() (string, error) {
	if v.closed.Load() {
		return "", ErrClosed
	}
	var problems []string
	rows, err := v.db.Query("PRAGMA integrity_check")
	if err != nil {
		return "", err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return "", err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	rows, err = v.db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return "", err
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return "", err
		}
		row := "without rowid"
		if rowid.Valid {
			row = fmt.Sprintf("rowid %d", rowid.Int64)
		}
		problems = append(problems, fmt.Sprintf("%s %s refers to a missing row in %s", table, row, parent))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	if len(problems) == 0 {
		return "ok", nil
	}
	return strings.Join(problems, "\n"), nil
}

// Close compacts the change journal into a new base image (a writer whose
// journal holds any saves; if that fails, the journal stays and nothing is
// lost), closes the working database without saving, zeroes the data key
// and releases the lock. Zeroing is best effort: Go's garbage collector may
// have copied key bytes, and SQLite frees its pages without wiping them.
// Close is safe to call more than once; afterwards the vault's methods
// return ErrClosed.
func (v *Vault) Close() error {
	v.compactMu.Lock()
	v.mu.Lock()
	if v.closed.Load() {
		v.mu.Unlock()
		v.compactMu.Unlock()
		return nil
	}
	if !v.readOnly && v.db != nil && v.dataKey != nil && v.j.records > 0 {
		v.compactLocked(v.hdr, nil) // best effort: on failure the journal stays
	}
	v.closed.Store(true)
	var err error
	if v.db != nil {
		err = v.db.Close()
	}
	wipe(v.dataKey)
	v.dataKey = nil
	wipe(v.recoveryKey)
	v.recoveryKey = nil
	v.conn = nil
	v.tracker = nil
	v.lock.Release()
	v.mu.Unlock()
	v.compactMu.Unlock()
	v.bg.Wait() // a background compaction that was scheduled sees closed and stops
	return err
}
