package vault

import (
	"errors"
	"fmt"
)

// The errors a caller can tell apart with errors.Is. Messages are plain
// English for the person at the keyboard and never contain key material or
// database contents.
var (
	ErrWrongPassphrase  = errors.New("the passphrase is not right for this vault")
	ErrWrongRecoveryKey = errors.New("the recovery key is not right for this vault")
	ErrNotVault         = errors.New("this file is not an Inreach vault")
	ErrNewerVersion     = errors.New("this vault was made by a newer version of Inreach; please update Inreach to open it")
	ErrInUse            = errors.New("this vault is open in another Inreach window or program; close it there first")
	ErrDamaged          = errors.New("the vault file is damaged or has been tampered with")
	ErrClosed           = errors.New("the vault is locked")
)

// DamagedError reports a vault that failed its integrity check. It matches
// ErrDamaged with errors.Is and names the newest backup that opened cleanly
// with the same keys, if any.
type DamagedError struct {
	Path         string // the damaged file
	Reason       string // what was wrong, in plain words
	NewestBackup string // the newest good backup, or "" if none was found
}

func (e *DamagedError) Error() string {
	msg := fmt.Sprintf("the vault file %s is damaged or has been tampered with (%s)", e.Path, e.Reason)
	if e.NewestBackup != "" {
		msg += fmt.Sprintf("; the newest good backup is %s", e.NewestBackup)
	} else {
		msg += "; no good backup was found beside it"
	}
	return msg
}

func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }
