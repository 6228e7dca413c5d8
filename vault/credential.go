package vault

import (
	"encoding/binary"
	"time"
)

// credential is what the user typed: a passphrase or a decoded recovery
// key. It caches passphrase keys per (KDF settings, salt) so that checking
// several backups made under one passphrase runs Argon2id once.
type credential struct {
	passphrase  []byte // not owned: the caller wipes it
	recoveryKey []byte // not owned
	cache       map[string][]byte
}

// unwrap returns the data key of h and the time spent deriving keys.
// Failure is ErrWrongPassphrase or ErrWrongRecoveryKey.
func (c *credential) unwrap(h *header) ([]byte, time.Duration, error) {
	start := time.Now()
	if c.recoveryKey != nil {
		kek := recoveryWrapKey(c.recoveryKey)
		defer wipe(kek)
		took := time.Since(start)
		dk, err := unwrap(kek, h.RecNonce, h.RecWrap, recWrapAD(h))
		if err != nil {
			return nil, took, ErrWrongRecoveryKey
		}
		return dk, took, nil
	}
	if len(c.passphrase) == 0 {
		return nil, 0, ErrWrongPassphrase
	}
	id := cacheID(h)
	kek, ok := c.cache[id]
	if !ok {
		kek = passphraseKey(c.passphrase, h.Salt, h.KDF)
		if c.cache == nil {
			c.cache = map[string][]byte{}
		}
		c.cache[id] = kek
	}
	took := time.Since(start)
	dk, err := unwrap(kek, h.PassNonce, h.PassWrap, passWrapAD(h))
	if err != nil {
		return nil, took, ErrWrongPassphrase
	}
	return dk, took, nil
}

// cacheID identifies the passphrase key's inputs other than the passphrase.
func cacheID(h *header) string {
	b := binary.LittleEndian.AppendUint32(nil, h.KDF.Time)
	b = binary.LittleEndian.AppendUint32(b, h.KDF.MemoryKiB)
	b = append(b, h.KDF.Threads)
	return string(append(b, h.Salt...))
}

// wipe zeroes the cached keys.
func (c *credential) wipe() {
	for k, kek := range c.cache {
		wipe(kek)
		delete(c.cache, k)
	}
}

// newestGoodBackup returns the newest backup of the vault that opens with
// cred (its key unwraps and its body authenticates), or "".
func newestGoodBackup(vaultPath string, cred *credential) string {
	paths, err := listBackups(vaultPath)
	if err != nil {
		return ""
	}
	for _, p := range paths {
		if backupOpens(p, cred) {
			return p
		}
	}
	return ""
}

// backupOpens reports whether the sealed file at path opens with cred: its
// key unwraps, its base image and every record of its journal
// authenticate. It reads the file piece by piece.
func backupOpens(path string, cred *credential) bool {
	return verifyFile(path, cred) == nil
}

// verifyFile checks the sealed file at path with cred without loading it.
func verifyFile(path string, cred *credential) error {
	vf, err := openVaultFile(path)
	if err != nil {
		return err
	}
	defer vf.Close()
	dk, _, err := cred.unwrap(vf.h)
	if err != nil {
		return err
	}
	defer wipe(dk)
	if err := vf.readBase(dk, nil, func(int64, []byte) error { return nil }); err != nil {
		return err
	}
	_, err = vf.readJournal(dk, chain{id: vf.id}, func(*record) error { return nil })
	return err
}
