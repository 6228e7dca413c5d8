package cli

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"golang.org/x/term"

	"inreach/schema"
	"inreach/vault"
)

// MinPassphraseLength forwards to vault.MinPassphraseLength, the one
// passphrase policy (kept here so existing callers compile).
const MinPassphraseLength = vault.MinPassphraseLength

// CheckNewPassphrase forwards to vault.CheckPassphrase.
func CheckNewPassphrase(p []byte) error { return vault.CheckPassphrase(p) }

// errNoTerminal is returned when a secret is needed, none was given by
// environment or file, and there is no terminal to ask at.
var errNoTerminal = usageError{"no passphrase given: set INREACH_PASSPHRASE, use --passphrase-file FILE, or run this in a terminal"}

// readSecretFile returns the first line of a file, without its line ending,
// warning on stderr when other users of the computer can read the file.
func (e *Env) readSecretFile(path string) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(e.Stderr, "warning: %s can be read by other users of this computer (mode %04o); make it private with: chmod 600 %s\n", path, st.Mode().Perm(), path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("could not read the passphrase file: %w", errors.Unwrap(err))
	}
	line := b
	if i := strings.IndexAny(string(b), "\r\n"); i >= 0 {
		line = b[:i]
	}
	out := append([]byte(nil), line...)
	wipe(b)
	if len(out) == 0 {
		return nil, usageError{"the passphrase file is empty"}
	}
	return out, nil
}

// terminal returns the terminal's file descriptor when stdin is one.
func (e *Env) terminal() (int, bool) {
	f, ok := e.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	return int(f.Fd()), true
}

// prompt asks for a secret at the terminal without echo.
func (e *Env) prompt(label string) ([]byte, error) {
	fd, ok := e.terminal()
	if !ok {
		return nil, errNoTerminal
	}
	fmt.Fprint(e.Stderr, label)
	p, err := term.ReadPassword(fd)
	fmt.Fprintln(e.Stderr)
	if err != nil {
		return nil, fmt.Errorf("could not read from the terminal: %w", err)
	}
	return p, nil
}

// passphrase returns the vault passphrase from INREACH_PASSPHRASE,
// --passphrase-file, or a prompt.
func (e *Env) passphrase(path string) ([]byte, error) {
	if p := e.Getenv("INREACH_PASSPHRASE"); p != "" {
		return []byte(p), nil
	}
	if e.PassphraseFile != "" {
		return e.readSecretFile(e.PassphraseFile)
	}
	return e.prompt("Passphrase for " + path + ": ")
}

// givenPassphrase returns the passphrase only when it is given without
// asking (INREACH_PASSPHRASE or --passphrase-file), else nil.
func (e *Env) givenPassphrase() []byte {
	if p := e.Getenv("INREACH_PASSPHRASE"); p != "" {
		return []byte(p)
	}
	if e.PassphraseFile != "" {
		if p, err := e.readSecretFile(e.PassphraseFile); err == nil {
			return p
		}
	}
	return nil
}

// newSecret returns a new passphrase from the environment variable, the
// file, or two matching prompts, and checks it is long enough.
func (e *Env) newSecret(envName, file string) ([]byte, error) {
	var p []byte
	var err error
	switch {
	case envName != "" && e.Getenv(envName) != "":
		p = []byte(e.Getenv(envName))
	case file != "":
		p, err = e.readSecretFile(file)
	default:
		p, err = e.prompt("New passphrase: ")
		if err == nil {
			var again []byte
			again, err = e.prompt("The same passphrase again: ")
			if err == nil && string(again) != string(p) {
				err = usageError{"the two passphrases were not the same; nothing was changed"}
			}
			wipe(again)
		}
	}
	if err != nil {
		return nil, err
	}
	if err := vault.CheckPassphrase(p); err != nil {
		wipe(p)
		return nil, usageError{err.Error()}
	}
	if w := vault.EstimatePassphrase(p).Warning(); w != "" {
		fmt.Fprintln(e.Stderr, "warning: "+w)
	}
	return p, nil
}

// recoveryKey returns the recovery key from INREACH_RECOVERY_KEY, a file, or
// a prompt.
func (e *Env) recoveryKey(file string) (string, error) {
	if k := e.Getenv("INREACH_RECOVERY_KEY"); k != "" {
		return k, nil
	}
	if file != "" {
		b, err := e.readSecretFile(file)
		defer wipe(b)
		return string(b), err
	}
	if _, ok := e.terminal(); !ok {
		return "", usageError{"no recovery key given: set INREACH_RECOVERY_KEY, use --recovery-key-file FILE, or run this in a terminal"}
	}
	// Without echo, like the passphrase: the key opens the vault too.
	b, err := e.prompt("Recovery key: ")
	if err != nil {
		return "", err
	}
	defer wipe(b)
	return strings.TrimSpace(string(b)), nil
}

// wipe overwrites a secret in memory (best effort: Go may have copied it).
func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

// options are the vault options every verb uses.
func options(readOnly bool) vault.Options {
	return vault.Options{Migrations: schema.Migrations, ReadOnly: readOnly}
}

// open unlocks the vault with the passphrase. Read-only opens take no lock,
// so reports and exports work while the desktop app is open.
func (e *Env) open(readOnly bool) (*vault.Vault, error) {
	path, err := e.vaultPath()
	if err != nil {
		return nil, err
	}
	if !vault.Exists(path) {
		return nil, e.noVault(path)
	}
	pass, err := e.passphrase(path)
	if err != nil {
		return nil, err
	}
	defer wipe(pass)
	return vault.Open(path, pass, options(readOnly))
}

// noVault is the error for a missing vault: it names the newest backup
// beside it (the newest that opens with the passphrase when one is given
// without asking, else the newest sound one) and the command restoring it,
// or says how to create a vault when there is no backup.
func (e *Env) noVault(path string) error {
	pass := e.givenPassphrase()
	defer wipe(pass)
	nv := vault.NoVault(path, pass)
	if nv.NewestBackup == "" {
		return fmt.Errorf("%w; create one with \"inreach init\" or by opening the desktop app", nv)
	}
	return nv
}
