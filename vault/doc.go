// Package vault keeps Inreach's records in one encrypted file and gives the
// rest of the app an in-memory SQLite database to work on.
//
// # Model
//
// The working database is an in-memory SQLite database with one connection
// (see OpenMemoryDB), held in SQLite's own memory as one growable buffer (an
// image handed to sqlite3_deserialize). The vault file holds that image,
// sealed with XChaCha20-Poly1305 under a random 256-bit data key: a base
// image, followed by a change journal of sealed records, one per save,
// each holding the database pages that save changed. The plaintext of the
// database never touches the disk: no temp files, no plaintext journal
// (SQLite's own rollback journal of the in-memory database is in memory),
// no plaintext index. This follows KeePassXC's KDBX (authenticated
// encryption of everything, atomic full saves, backups) and adds the
// journal so that a save costs the edit, not the vault.
//
// # File format (version 3; versions 1 and 2 are still read)
//
// All integers are little-endian. Every version of the format starts with the
// same frame, so that any Inreach can tell "damaged" from "newer":
//
//	magic        16  "INREACH-VAULT\x00\r\n" (the \r\n catches text-mode copies)
//	version       2  uint16; 3 here (1 or 2 in older files)
//	header_len    4  uint32; length of the whole header, checksum included
//	...              version-specific fields
//	checksum     32  SHA-256 of the header bytes before it
//
// The version 3 header has the same fields as version 2 (version 1 has the
// same fields without the first three), in order:
//
//	vault_id     16  random at creation (or at the first save of a
//	                 version 1 file); its backups carry it
//	seq           8  save counter, one more at every save: orders backups
//	saved_at      8  Unix time of the save in milliseconds (informational)
//	kdf_time      4  Argon2id passes (1..10)
//	kdf_memory    4  Argon2id memory in KiB (8*threads .. 256 MiB)
//	kdf_threads   1  Argon2id lanes (1..16)
//	salt_len      1  16..32
//	salt          salt_len random bytes
//	pass_nonce   24  nonce of the passphrase wrap
//	pass_len      2  48
//	pass_wrap    48  XChaCha20-Poly1305(passphrase key, data key)
//	rec_nonce    24  nonce of the recovery wrap
//	rec_len       2  48
//	rec_wrap     48  XChaCha20-Poly1305(recovery wrapping key, data key)
//	body_nonce   24  fresh random bytes for every base image written
//	body_len      8  length of the sealed base image that follows the header
//
// Versions 1 and 2: the body is XChaCha20-Poly1305(data key, body_nonce,
// SQLite image, associated data = all the header bytes, checksum included),
// and nothing may follow it.
//
// Version 3: the base image is sealed in chunks of 1 MiB of plaintext (the
// last shorter; an empty image is one empty chunk), each
//
//	nonce        24  fresh random nonce
//	sealed            XChaCha20-Poly1305(data key, nonce, chunk,
//	                  associated data = label "inreach vault base chunk v2",
//	                  base id, chunk number (8), 1 if last else 0 (1))
//
// where the base id is SHA-256 of the header bytes (checksum included), so
// every header field is authenticated by every chunk, the vault id and save
// counter included; chunks cannot be reordered, dropped or moved between
// files, and body_len fixes how many there are. Reading a base needs one
// chunk of memory beside the database, not a second copy of it.
//
// After the base image comes the change journal: zero or more records,
//
//	ct_len        4  length of the sealed record (tag included)
//	nonce        24  fresh random nonce
//	sealed    ct_len XChaCha20-Poly1305(data key, nonce, record,
//	                  associated data = label "inreach vault journal record
//	                  v2", base id, record number (8), tag of the record
//	                  before it (16; zeros for the first), ct_len (4))
//
// and a record's plaintext is
//
//	block_size    4  the unit of change: the page size (512..65536)
//	db_size       8  the database's size in bytes after this save
//	count         4  blocks that follow
//	blocks      4*n  their numbers (from 0), increasing
//	data             the blocks, each block_size bytes (the one at the end
//	                 of the database as much of it as lies before db_size)
//
// Replaying a record writes its blocks over the image and sets its size
// (bytes cut off are gone). Because every record names the base image it
// follows, its own place and the tag of the record before it, a record
// cannot be moved to another vault or another base image of the same vault,
// reordered, repeated or dropped from the middle without the check failing.
// The journal ends at the file's end; nothing else follows it.
//
// Reading a journal (every open, verify, and the check of a backup):
//
//   - A record whose length runs past the end of the file, or fewer than
//     28 bytes left over, is what a crash in the middle of a save leaves: it
//     is dropped, and its size is reported (Vault.Journal().TornBytes;
//     `inreach verify` says so). A writer cuts it off before its next save.
//   - A whole record that fails its check (a byte changed anywhere, a record
//     from elsewhere, records swapped or missing) is damage: Open fails with
//     a *DamagedError that says which save failed and that the base image
//     and the saves before it are intact, and names the newest good backup.
//   - Cutting the file at a record boundary leaves a shorter journal that
//     checks out: it opens as the vault was at that earlier save, exactly as
//     restoring an older backup would. The format cannot tell this from the
//     file as it was then (no format can, short of a counter kept
//     elsewhere); the backups folder and the save counter in the header are
//     what tell a user that later saves existed.
//
// The
// passphrase wrap's associated data is a label, the magic, the number 1,
// the KDF parameters and the salt; the recovery wrap's is a label, the
// magic and the number 1 (1 is the version that introduced the wraps; it
// stays 1 so that a version 1 file's wraps stay valid in a version 2
// header, since the recovery wrap cannot be remade without the recovery
// key).
//
// The passphrase key is Argon2id(passphrase, salt, kdf_time, kdf_memory,
// kdf_threads, 32 bytes). The recovery key is 32 random bytes shown once at
// creation as 56 Crockford base32 characters in groups of four (52 for the
// key, 4 for a 20-bit check that catches typing mistakes); it is already
// full-strength, so its wrapping key is HKDF-SHA256(recovery key, info
// "inreach vault recovery wrap v1") with no stretching. Passphrases are
// normalized to Unicode NFC before Argon2id; a passphrase that opens a file
// only as typed (an older vault) is tried once as typed, and the key is
// wrapped again under NFC at the next save.
//
// # Changing the passphrase
//
// A passphrase change revokes: a new random data key, the body sealed again
// under it, a new salt and passphrase wrap, and the recovery wrap made again
// for the new key (with the recovery key the user gives, or a new one that
// is returned to be shown once); the old data key is wiped. The old header
// unwraps only the old data key, which opens no file saved afterwards. The
// vault id and save counter carry on, so the backups stay the vault's own.
// Unsaved changes are first added to the journal under the old key; the
// journal is then compacted into a new base image sealed under the new key
// (so the new file holds no record sealed under the old key).
//
// Reading a file: no magic → ErrNotVault; checksum, length or field bounds
// wrong (including KDF parameters above what Inreach writes, which are
// never run) → *DamagedError; no magic at the vault's own path → a
// *DamagedError with NotVault set (it matches ErrNotVault); no file →
// *NoVaultError; both name the newest backup; a version newer than 3 with a
// good checksum →
// ErrNewerVersion; the passphrase wrap does not open → ErrWrongPassphrase
// (the recovery wrap → ErrWrongRecoveryKey); the wrap opens but the body does
// not → *DamagedError, naming the newest backup that opens with the same
// passphrase or recovery key. The checksum is unkeyed: it tells accidental
// damage from a wrong passphrase before any key is derived; deliberate
// tampering is caught by the AEADs (a forged wrap reads as a wrong
// passphrase, anything else as damage).
//
// # Saving
//
// The pages SQLite writes to the working database are tracked (the
// database file's write method is wrapped; see memdb_cgo.go). Save copies
// the pages written since the last save while it holds the database's
// connection (a few pages: well under a millisecond), lets go of it, seals
// them as one record, writes the record after the journal's last one and
// fsyncs the file. No existing byte is rewritten. If the write or the fsync
// fails (a full disk), the file is cut back to where it was, the pages are
// marked unsaved again and Save returns a *SaveError: the vault is as it
// was and the next Save tries again. If even the cut fails, the leftover
// bytes read as a torn record and are cut off before the next append.
//
// Some saves write a new base image instead (the whole working database,
// sealed in chunks, while the connection is held): the first save of a
// version 1 or 2 file, a save after a header change, and a change larger
// than a quarter of the base image (a VACUUM, an erasure, a big import),
// which would be a record as large as a base and slower to replay.
//
// Compaction folds the journal into a new base image: it reads the old base
// chunk by chunk from the file, lays the journal's latest version of each
// page over it, and seals the result to a temporary file in the same folder
// (0600), fsyncs and closes it, keeps the current vault file (its base and
// its journal: the state just before) as backups/<name>-<UTC time>.vault (a
// hard link, or a durable copy where links are not supported), renames the
// new file over the vault, fsyncs the folder, and prunes the oldest backups
// beyond Options.Backups. It never touches the working database, so reads
// never wait for it, and saves go on meanwhile: they are appended to the
// old file, and a last short step (holding the save lock, not the
// database) seals them again after the new base before the rename. Save
// starts a compaction on its own goroutine once the journal is larger than
// a quarter of the base image (and at least 4 MiB); Close compacts a
// journal that holds any saves (on failure the journal stays, nothing is
// lost); Compact does it on demand. Backups are made only by compactions
// and new bases (paced by Options.BackupEvery), since a file that is
// appended to cannot be hard-linked as a frozen copy. A crash at any moment
// leaves either the old or the new vault: an append is after every byte
// that counts, and a new base replaces the file by rename. Any error leaves
// the old vault file in place and removes the temporary file.
//
// Pruning reads the backups' headers: only backups carrying this vault's id
// are removed, the ones with the lowest save counter first (never by name
// or clock). The save counter goes up by one for every base image written.
//
// # Lock
//
// A writer holds an exclusive lock on "<vault>.lock" (flock on Unix,
// LockFileEx on Windows) for as long as the vault is open. The lock dies
// with its process, so a lock file left by a crashed process is simply taken
// over. Read-only opens take no lock. On Unix the lock file is opened with
// O_NOFOLLOW: a symbolic link there is refused, never followed.
//
// # Keys in memory
//
// The data key is kept in one byte slice and zeroed by Close; derived keys
// and decrypted plaintext are zeroed as soon as they are used. This is best
// effort: Go's garbage collector may have copied memory, the AEAD keeps its
// own copy of a key while in use, and SQLite's own buffers (the working
// database) are freed without being wiped. The base image is decrypted
// straight into the buffer SQLite then uses, so the database's plaintext is
// held once, not in a Go copy as well; a buffer that was never handed to
// SQLite is wiped before it is freed. An encrypted swap partition protects
// the rest.
package vault
