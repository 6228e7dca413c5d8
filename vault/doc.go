// Package vault keeps Inreach's records in one encrypted file and gives the
// rest of the app an in-memory SQLite database to work on.
//
// # Model
//
// The working database is an in-memory SQLite database with one connection
// (see OpenMemoryDB). The vault file holds its serialized image, sealed as a
// whole with XChaCha20-Poly1305 under a random 256-bit data key, so the
// plaintext of the database never touches the disk: no temp files, no
// journal, no plaintext index. This follows KeePassXC's KDBX: whole-file
// authenticated encryption, atomic save, backups on save.
//
// # File format (version 2; version 1 is still read)
//
// All integers are little-endian. Every version of the format starts with the
// same frame, so that any Inreach can tell "damaged" from "newer":
//
//	magic        16  "INREACH-VAULT\x00\r\n" (the \r\n catches text-mode copies)
//	version       2  uint16; 2 here (1 in older files)
//	header_len    4  uint32; length of the whole header, checksum included
//	...              version-specific fields
//	checksum     32  SHA-256 of the header bytes before it
//
// The version 2 fields, in order (version 1 has the same fields without
// the first three):
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
//	body_nonce   24  fresh random nonce for every save
//	body_len      8  length of the sealed body that follows the header
//
// The body is XChaCha20-Poly1305(data key, body_nonce, SQLite image,
// associated data = all the header bytes, checksum included), so every header
// field is authenticated, the vault id and save counter included. The
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
//
// Reading a file: no magic → ErrNotVault; checksum, length or field bounds
// wrong (including KDF parameters above what Inreach writes, which are
// never run) → *DamagedError; no magic at the vault's own path → a
// *DamagedError with NotVault set (it matches ErrNotVault); no file →
// *NoVaultError; both name the newest backup; a version newer than 2 with a
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
// Save writes the sealed file to a temporary file in the same folder (0600),
// fsyncs and closes it, keeps the current vault file as
// backups/<name>-<UTC time>.vault (a hard link, or a durable copy where links
// are not supported), renames the new file over the vault, fsyncs the folder,
// and prunes the oldest backups beyond Options.Backups. Pruning reads the
// backups' headers: only backups carrying this vault's id are removed, the
// ones with the lowest save counter first (never by name or clock). A
// crash at any moment
// leaves either the old or the new vault. Any error leaves the old vault in
// place and removes the temporary file.
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
// database, and the buffers it uses to serialize and deserialize) are freed
// without being wiped. An encrypted swap partition protects the rest.
package vault
