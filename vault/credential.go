package vault

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"time"
)

// credential is what the user typed: a passphrase or a decoded recovery
// key. It caches passphrase keys per (KDF settings, salt) so that checking
// several backups made under one passphrase runs Argon2id once.
//
// A passphrase is tried normalized to NFC first (see normalize) and, only
// if that fails and the typed bytes differ, as typed: a vault made before
// Inreach normalized passphrases keeps opening. rawUsed records that the
// typed form opened it, so Open can wrap the key again under NFC.
type credential struct {
	passphrase  []byte // not owned: the caller wipes it
	recoveryKey []byte // not owned
	cache       map[string][]byte
	nfc         []byte // the normalized passphrase, made on first use
	rawUsed     bool
}

// normalized returns the passphrase in NFC (owned by c, wiped by c.wipe).
func (c *credential) normalized() []byte {
	if c.nfc == nil {
		c.nfc = normalize(c.passphrase)
	}
	return c.nfc
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
	nfc := c.normalized()
	dk, err := c.tryPassphrase(h, nfc, "n")
	if err != nil && !bytes.Equal(nfc, c.passphrase) {
		if dk, err = c.tryPassphrase(h, c.passphrase, "r"); err == nil {
			c.rawUsed = true
		}
	}
	took := time.Since(start)
	if err != nil {
		return nil, took, ErrWrongPassphrase
	}
	return dk, took, nil
}

// tryPassphrase unwraps h's data key with pass, caching the derived key.
func (c *credential) tryPassphrase(h *header, pass []byte, form string) ([]byte, error) {
	id := form + cacheID(h)
	kek, ok := c.cache[id]
	if !ok {
		kek = passphraseKey(pass, h.Salt, h.KDF)
		if c.cache == nil {
			c.cache = map[string][]byte{}
		}
		c.cache[id] = kek
	}
	return unwrap(kek, h.PassNonce, h.PassWrap, passWrapAD(h))
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
	wipe(c.nfc)
	c.nfc = nil
}

// newestGoodBackup returns the newest backup beside the vault (newest by
// the time in its header) that opens with cred (its key unwraps and its
// body authenticates), or, when cred is nil, the newest whose header and
// length are sound; "" when there is none.
func newestGoodBackup(vaultPath string, cred *credential) string {
	all, err := scanBackups(vaultPath)
	if err != nil {
		return ""
	}
	for _, b := range newestFirst(all) {
		if b.hdr != nil && backupOpens(b.path, cred) {
			return b.path
		}
	}
	return ""
}

// NewestBackup returns the newest backup in the backups folder beside
// vaultPath that opens with passphrase, or, when passphrase is nil, the
// newest that is a sound vault file; "" when there is none. It is what the
// "no vault" and "damaged" messages name.
func NewestBackup(vaultPath string, passphrase []byte) string {
	abs, err := filepath.Abs(vaultPath)
	if err != nil {
		return ""
	}
	var cred *credential
	if passphrase != nil {
		cred = &credential{passphrase: passphrase}
		defer cred.wipe()
	}
	return newestGoodBackup(abs, cred)
}

// backupOpens reports whether the sealed file at path opens with cred: its
// key unwraps, its base image and every record of its journal
// authenticate (nil cred: whether its header and length are sound). It
// reads the file piece by piece.
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
	if cred == nil {
		return nil
	}
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
