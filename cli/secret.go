package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"

	"inreach/schema"
	"inreach/vault"
)

// MinPassphraseLength is the shortest passphrase Inreach accepts for a new
// vault or a changed passphrase.
const MinPassphraseLength = 8

// CheckNewPassphrase says, in plain words, why a new passphrase is refused.
func CheckNewPassphrase(p []byte) error {
	if utf8.RuneCount(p) < MinPassphraseLength {
		return fmt.Errorf("the passphrase must be at least %d characters; a few unrelated words make a strong one", MinPassphraseLength)
	}
	return nil
}

// errNoTerminal is returned when a secret is needed, none was given by
// environment or file, and there is no terminal to ask at.
var errNoTerminal = usageError{"no passphrase given: set INREACH_PASSPHRASE, use --passphrase-file FILE, or run this in a terminal"}

// readSecretFile returns the first line of a file, without its line ending.
func readSecretFile(path string) ([]byte, error) {
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
		return readSecretFile(e.PassphraseFile)
	}
	return e.prompt("Passphrase for " + path + ": ")
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
		p, err = readSecretFile(file)
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
	if err := CheckNewPassphrase(p); err != nil {
		wipe(p)
		return nil, usageError{err.Error()}
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
		b, err := readSecretFile(file)
		return string(b), err
	}
	if _, ok := e.terminal(); !ok {
		return "", usageError{"no recovery key given: set INREACH_RECOVERY_KEY, use --recovery-key-file FILE, or run this in a terminal"}
	}
	fmt.Fprint(e.Stderr, "Recovery key: ")
	line, err := bufio.NewReader(e.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("could not read the recovery key: %w", err)
	}
	return strings.TrimSpace(line), nil
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
		return nil, fmt.Errorf("there is no vault at %s; create one with \"inreach init\" or by opening the desktop app", path)
	}
	pass, err := e.passphrase(path)
	if err != nil {
		return nil, err
	}
	defer wipe(pass)
	return vault.Open(path, pass, options(readOnly))
}
