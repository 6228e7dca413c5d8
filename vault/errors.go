package vault

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
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

	// ErrReadOnly is returned by Save and ChangePassphrase on a vault opened
	// with Options.ReadOnly.
	ErrReadOnly = errors.New("the vault was opened read-only, so changes cannot be saved")
	// ErrEmptyPassphrase is returned by Create and ChangePassphrase when the
	// passphrase is empty.
	ErrEmptyPassphrase = errors.New("the passphrase must not be empty")
	// ErrExists is returned by Create when something already exists at the
	// vault's path; nothing is changed.
	ErrExists = errors.New("a file already exists there; nothing was changed")
)

// DamagedError reports a vault that failed its integrity check. It matches
// ErrDamaged with errors.Is and names the newest backup that opened cleanly
// with the same keys, if any.
//
// NotVault is set when the file at the vault's path is not an Inreach
// vault at all (a flipped first byte, a zeroed file, another file put
// there): then the error matches ErrNotVault instead of ErrDamaged, and
// still names the newest backup.
type DamagedError struct {
	Path         string // the damaged file
	Reason       string // what was wrong, in plain words
	NewestBackup string // the newest good backup, or "" if none was found
	NotVault     bool   // the file is not an Inreach vault (ErrNotVault)
}

// Error describes the damage and names the newest good backup and the
// command that restores it.
func (e *DamagedError) Error() string {
	var msg string
	if e.NotVault {
		msg = fmt.Sprintf("the file %s is not an Inreach vault (%s)", e.Path, e.Reason)
	} else {
		msg = fmt.Sprintf("the vault file %s is damaged or has been tampered with (%s)", e.Path, e.Reason)
	}
	if e.NewestBackup != "" {
		msg += fmt.Sprintf("; the newest good backup is %s; to restore it (the file there now is kept aside), run: %s", e.NewestBackup, RestoreCommand(e.NewestBackup, e.Path))
	} else {
		msg += "; no good backup was found beside it"
	}
	return msg
}

// Is makes errors.Is(err, ErrDamaged) true for a *DamagedError, or
// errors.Is(err, ErrNotVault) when NotVault is set.
func (e *DamagedError) Is(target error) bool {
	if e.NotVault {
		return target == ErrNotVault
	}
	return target == ErrDamaged
}

// NoVaultError reports that there is no file at the vault's path. It
// matches fs.ErrNotExist and names the newest backup beside the path.
type NoVaultError struct {
	Path         string
	NewestBackup string // "" when there is none
}

// Error says there is no vault and how to restore the newest backup.
func (e *NoVaultError) Error() string {
	if e.NewestBackup == "" {
		return fmt.Sprintf("there is no vault at %s", e.Path)
	}
	return fmt.Sprintf("there is no vault at %s, but there are backups of one; the newest good backup is %s; to restore it, run: %s", e.Path, e.NewestBackup, RestoreCommand(e.NewestBackup, e.Path))
}

// Unwrap makes errors.Is(err, fs.ErrNotExist) true.
func (e *NoVaultError) Unwrap() error { return fs.ErrNotExist }

// NoVault returns the *NoVaultError for a missing vault at path, naming
// the newest backup that opens with passphrase (nil: the newest sound one).
func NoVault(path string, passphrase []byte) *NoVaultError {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return &NoVaultError{Path: abs, NewestBackup: NewestBackup(abs, passphrase)}
}

// RestoreCommand is the exact command line that restores backup over the
// vault at vaultPath.
func RestoreCommand(backup, vaultPath string) string {
	return "inreach restore " + shellQuote(backup) + " --vault " + shellQuote(vaultPath)
}

// shellQuote quotes s for the platform's usual shell when it needs it.
func shellQuote(s string) string {
	safe := "-_./:+"
	if runtime.GOOS == "windows" {
		safe += `\`
	}
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(safe, r))
	}) < 0 {
		return s
	}
	if runtime.GOOS == "windows" {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// SaveError reports a save (or a backup written with WriteBackup) that did
// not happen. The vault file on disk is left as it was before the attempt.
// Unwrap gives the underlying operating-system error, so
// errors.Is(err, syscall.ENOSPC) and similar work.
type SaveError struct {
	Target  string // "the vault" or "the backup"
	Problem string // plain words: "the disk is full", "permission was refused", ...
	Step    string // what was being done: "writing the new file", ...
	Err     error  // the underlying error
	// Replaced is true when the new file was already renamed into place but
	// the folder could not be flushed: the new vault is there, but the disk
	// did not confirm it.
	Replaced bool
}

// Error says what could not be saved, why, and at which step.
func (e *SaveError) Error() string {
	if e.Target == "the backup" {
		return fmt.Sprintf("could not write the backup: %s (while %s)", e.Problem, e.Step)
	}
	if e.Replaced {
		return fmt.Sprintf("the vault was saved, but the disk did not confirm it: %s (while %s); save again to be sure", e.Problem, e.Step)
	}
	return fmt.Sprintf("could not save the vault: %s (while %s); the vault file on disk is unchanged", e.Problem, e.Step)
}

// Unwrap returns the underlying error.
func (e *SaveError) Unwrap() error { return e.Err }
