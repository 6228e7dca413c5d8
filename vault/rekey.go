package vault

import (
	"crypto/subtle"
	"errors"
	"time"
)

// ErrRecoveryKeyNeeded is returned by ChangePassphrase on a vault opened
// with its passphrase: a new passphrase comes with a new data key, and the
// recovery key is needed to wrap that key for it too. Nothing is changed.
var ErrRecoveryKeyNeeded = errors.New("changing the passphrase gives the vault a new key, so the recovery key is needed to keep it working; give the recovery key, or choose to issue a new one")

// Changing the passphrase revokes the old one. The vault gets a new random
// data key; the body is sealed again under it; the passphrase wrap and the
// recovery wrap are made afresh for it; the old data key is wiped. So no old
// passphrase and no old copy of the file (a backup, a copy someone took) can
// open anything saved afterwards: the old header unwraps only the old data
// key, which opens nothing new. Old copies still open with what opened them
// then and show what was in them then.

// ChangePassphrase sets a new passphrase and keeps the recovery key. It
// needs the recovery key to wrap the new data key for it, so it works only
// on a vault opened with OpenWithRecoveryKey; on a vault opened with its
// passphrase it returns ErrRecoveryKeyNeeded and changes nothing (use
// ChangePassphraseKeepingRecoveryKey or ChangePassphraseAndRecoveryKey).
// The caller keeps ownership of newPassphrase.
func (v *Vault) ChangePassphrase(newPassphrase []byte) error {
	v.mu.Lock()
	rk := v.recoveryKey
	v.mu.Unlock()
	if rk == nil {
		if err := v.canRekey(newPassphrase); err != nil {
			return err
		}
		return ErrRecoveryKeyNeeded
	}
	return v.rekey(newPassphrase, nil, false)
}

// ChangePassphraseKeepingRecoveryKey sets a new passphrase, revoking the
// old one (a new data key, the body sealed again), and wraps the new data
// key for the existing recovery key, which must be right for this vault
// (ErrWrongRecoveryKey otherwise; nothing is changed). The change is saved
// at once, unsaved changes included.
func (v *Vault) ChangePassphraseKeepingRecoveryKey(newPassphrase []byte, recoveryKey string) error {
	rk, err := decodeRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	defer wipe(rk)
	return v.rekey(newPassphrase, rk, false)
}

// ChangePassphraseAndRecoveryKey is "someone may know my passphrase or my
// recovery key": it sets a new passphrase and issues a new recovery key
// together, with a new data key, so neither the old passphrase nor the old
// recovery key opens anything saved from now on. It returns the new
// recovery key, to be shown once. The change is saved at once.
func (v *Vault) ChangePassphraseAndRecoveryKey(newPassphrase []byte) (newRecoveryKey string, err error) {
	rk := randomBytes(keyLen)
	defer wipe(rk)
	if err := v.rekey(newPassphrase, rk, true); err != nil {
		return "", err
	}
	return encodeRecoveryKey(rk), nil
}

// canRekey checks what every passphrase change needs.
func (v *Vault) canRekey(newPassphrase []byte) error {
	switch {
	case v.closed.Load():
		return ErrClosed
	case v.readOnly:
		return ErrReadOnly
	case len(newPassphrase) == 0:
		return ErrEmptyPassphrase
	}
	return v.kdf.check()
}

// rekey gives the vault a new data key under newPassphrase and the
// recovery key rk (nil: the one the vault holds), saves at once and wipes
// the old key. fresh says rk is a new recovery key rather than the
// vault's own, which is then checked against the current header. On error
// nothing changes, on disk or in memory.
func (v *Vault) rekey(newPassphrase, rk []byte, fresh bool) error {
	v.compactMu.Lock()
	defer v.compactMu.Unlock()
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.canRekey(newPassphrase); err != nil {
		return err
	}
	if rk == nil {
		rk = v.recoveryKey
	}
	if !fresh {
		kek := recoveryWrapKey(rk)
		dk, err := unwrap(kek, v.hdr.RecNonce, v.hdr.RecWrap, recWrapAD(v.hdr))
		wipe(kek)
		ok := err == nil && subtle.ConstantTimeCompare(dk, v.dataKey) == 1
		wipe(dk)
		if !ok {
			return ErrWrongRecoveryKey
		}
	}
	pass := normalize(newPassphrase)
	defer wipe(pass)
	newKey := randomBytes(keyLen)
	defer wipe(newKey)
	h := v.hdr.clone()
	start := time.Now()
	setRecovery(h, rk, newKey)
	setPassphrase(h, pass, v.kdf, newKey)
	v.timings.KDF = time.Since(start)
	// Unsaved changes go into the journal under the old key; then the
	// journal is compacted into a new base image sealed under the new key
	// (the old key is wiped once the new file is in place).
	if v.Changed() {
		if err := v.saveLocked(); err != nil {
			return err
		}
	}
	if err := v.compactLocked(h, newKey); err != nil {
		var se *SaveError
		if !(errors.As(err, &se) && se.Replaced) {
			return err
		}
		// The new file is in place though the disk did not confirm it:
		// it is the vault now, and holds the new key.
		v.dropHeldRecoveryKey(fresh)
		return err
	}
	v.dropHeldRecoveryKey(fresh)
	return nil
}

// dropHeldRecoveryKey wipes a held recovery key that a new one replaced.
func (v *Vault) dropHeldRecoveryKey(replaced bool) {
	if replaced && v.recoveryKey != nil {
		wipe(v.recoveryKey)
		v.recoveryKey = nil
	}
}

// CanChangePassphraseAlone reports whether ChangePassphrase works without
// more input: true when the vault was opened with its recovery key (which
// it then holds until Close). When false, a passphrase change needs the
// recovery key (ChangePassphraseKeepingRecoveryKey) or a new one
// (ChangePassphraseAndRecoveryKey).
func (v *Vault) CanChangePassphraseAlone() bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.recoveryKey != nil && !v.readOnly && !v.closed.Load()
}
