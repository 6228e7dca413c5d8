package vault

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"inreach/owneronly"
)

// Restore puts the backup at backupPath back in place of the vault at
// vaultPath. It first checks that the backup opens with passphrase (its key
// unwraps and its contents pass their authentication check), takes the
// vault's lock (ErrInUse while Inreach has it open), keeps whatever is at
// vaultPath aside under a new name in the same folder (renamed, never
// deleted; returned as keptAside, "" when there was no file), and writes the
// backup over the vault path with the usual atomic save (temporary file,
// fsync, rename, fsync of the folder). The backup itself is left where it
// is. The restored vault opens with the passphrase and recovery key that
// opened the backup. This is what the unlock screen's damage dialog calls.
// The caller keeps ownership of passphrase.
func Restore(backupPath, vaultPath string, passphrase []byte) (keptAside string, err error) {
	cred := &credential{passphrase: passphrase}
	defer cred.wipe()
	return restore(backupPath, vaultPath, cred)
}

// RestoreWithRecoveryKey is Restore checking the backup with the recovery
// key instead of the passphrase.
func RestoreWithRecoveryKey(backupPath, vaultPath, recoveryKey string) (keptAside string, err error) {
	rk, err := decodeRecoveryKey(recoveryKey)
	if err != nil {
		return "", err
	}
	defer wipe(rk)
	return restore(backupPath, vaultPath, &credential{recoveryKey: rk})
}

func restore(backupPath, vaultPath string, cred *credential) (string, error) {
	src, err := filepath.Abs(backupPath)
	if err != nil {
		return "", err
	}
	dst, err := resolve(vaultPath)
	if err != nil {
		return "", err
	}
	if src == dst || sameFile(src, dst) {
		return "", errors.New("the backup is the vault file itself; choose a backup from the backups folder")
	}
	// Check the whole backup, its base image and its journal, piece by
	// piece; then copy it as it is.
	if err := verifyFile(src, cred); err != nil {
		var fe *formatError
		if errors.As(err, &fe) {
			return "", &DamagedError{Path: src, Reason: fe.reason}
		}
		if errors.Is(err, ErrNotVault) {
			return "", fmt.Errorf("%s: %w", src, err)
		}
		return "", err
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return "", fmt.Errorf("could not read the backup: %w", err)
	}
	if err := owneronly.MkdirAll(filepath.Dir(dst)); err != nil {
		return "", fmt.Errorf("could not make the folder for the vault: %w", err)
	}
	lock, err := acquireLock(dst)
	if err != nil {
		return "", err
	}
	defer lock.Release()
	fsys := osFS{}
	aside := ""
	if _, err := os.Lstat(dst); err == nil {
		aside = asidePath(dst, time.Now())
		// A link (or a copy) first, so that the vault path is never empty:
		// a crash leaves the old file, or the old file and the restored one.
		if err := fsys.Link(dst, aside); err != nil {
			old, rerr := os.ReadFile(dst)
			if rerr != nil {
				return "", fmt.Errorf("could not keep the file now at %s aside: %w", dst, rerr)
			}
			if err := writeFileAtomic(fsys, aside, old, "the vault"); err != nil {
				return "", fmt.Errorf("could not keep the file now at %s aside, so nothing was restored: %w", dst, err)
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if err := writeFileAtomic(fsys, dst, data, "the vault"); err != nil {
		return aside, err
	}
	return aside, nil
}

// asidePath is a new name beside the vault for the file a restore replaces:
// "inreach-set-aside-<UTC time>.vault" (not named like a backup, so it is
// never pruned).
func asidePath(vaultPath string, now time.Time) string {
	base := filepath.Base(vaultPath)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	t := now.UTC().Truncate(time.Millisecond)
	for {
		p := filepath.Join(filepath.Dir(vaultPath), stem+"-set-aside-"+t.Format(backupStamp)+".vault")
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		t = t.Add(time.Millisecond)
	}
}
