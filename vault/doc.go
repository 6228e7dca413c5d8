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
// # File format (version 1)
//
// All integers are little-endian. Every version of the format starts with the
// same frame, so that any Inreach can tell "damaged" from "newer":
//
//	magic        16  "INREACH-VAULT\x00\r\n" (the \r\n catches text-mode copies)
//	version       2  uint16; 1 here
//	header_len    4  uint32; length of the whole header, checksum included
//	...              version-specific fields
//	checksum     32  SHA-256 of the header bytes before it
//
// The version 1 fields, in order:
//
//	kdf_time      4  Argon2id passes (1..100)
//	kdf_memory    4  Argon2id memory in KiB (8*threads .. 4 GiB)
//	kdf_threads   1  Argon2id lanes (1..255)
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
// field is authenticated. The passphrase wrap's associated data is a label,
// the magic, the version, the KDF parameters and the salt; the recovery wrap's
// is a label, the magic and the version (it stays valid when the passphrase
// and salt change).
//
// The passphrase key is Argon2id(passphrase, salt, kdf_time, kdf_memory,
// kdf_threads, 32 bytes). The recovery key is 32 random bytes shown once at
// creation as 56 Crockford base32 characters in groups of four (52 for the
// key, 4 for a 20-bit check that catches typing mistakes); it is already
// full-strength, so its wrapping key is HKDF-SHA256(recovery key, info
// "inreach vault recovery wrap v1") with no stretching. Changing the
// passphrase rewraps the data key under a new salt; the data key and the
// recovery wrap stay the same.
//
// Reading a file: no magic → ErrNotVault; checksum, length or field bounds
// wrong (including absurd KDF parameters, which are never run) →
// *DamagedError; a version newer than 1 with a good checksum →
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
// and prunes the oldest backups beyond Options.Backups. A crash at any moment
// leaves either the old or the new vault. Any error leaves the old vault in
// place and removes the temporary file.
//
// # Lock
//
// A writer holds an exclusive lock on "<vault>.lock" (flock on Unix,
// LockFileEx on Windows) for as long as the vault is open. The lock dies
// with its process, so a lock file left by a crashed process is simply taken
// over. Read-only opens take no lock.
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
