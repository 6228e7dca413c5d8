package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"inreach/vault"
)

func init() {
	register(verb{name: "init", usage: "[--vault P] [--recovery-sheet F.pdf]",
		summary: "create a vault; print the recovery key once", run: runInit})
	register(verb{name: "passwd", usage: "[--new-passphrase-file F]",
		summary: "change the vault's passphrase", run: runPasswd})
	register(verb{name: "recover", usage: "[--recovery-key-file F] [--new-passphrase-file F]",
		summary: "unlock with the recovery key and set a new passphrase", run: runRecover})
	register(verb{name: "verify", usage: "",
		summary: "decrypt the vault and its change journal and check its database; prints OK or the problem", run: runVerify})
	register(verb{name: "backup", usage: "-o FILE",
		summary: "write an encrypted copy of the vault (same passphrase and recovery key)", run: runBackup})
}

func runInit(e *Env, args []string) error {
	fs := e.flags("init")
	sheet := fs.String("recovery-sheet", "", "also write the recovery key to this PDF, to print and lock away")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	path, err := e.vaultPath()
	if err != nil {
		return err
	}
	if vault.Exists(path) {
		return fmt.Errorf("a vault already exists at %s; nothing was changed", path)
	}
	pass, err := e.newPassphraseForVault()
	if err != nil {
		return err
	}
	defer wipe(pass)
	v, key, err := vault.Create(path, pass, options(false))
	if err != nil {
		return err
	}
	defer v.Close()
	fmt.Fprintf(e.Stdout, "Created the vault %s\n\n", path)
	fmt.Fprintf(e.Stdout, "Recovery key (shown only this once):\n\n    %s\n\n", key)
	fmt.Fprintln(e.Stdout, "Write it down or print it and keep it locked away, apart from this computer.")
	fmt.Fprintln(e.Stdout, "It is the only way back in if the passphrase is forgotten.")
	if *sheet != "" {
		if err := writeRecoverySheet(*sheet, key, path); err != nil {
			return fmt.Errorf("the vault was created, but the recovery sheet could not be written: %w", err)
		}
		fmt.Fprintf(e.Stdout, "The recovery sheet is in %s; print it, then delete the file.\n", *sheet)
	}
	return nil
}

// newPassphraseForVault takes the new vault's passphrase from
// INREACH_PASSPHRASE, --passphrase-file or two prompts.
func (e *Env) newPassphraseForVault() ([]byte, error) {
	return e.newSecret("INREACH_PASSPHRASE", e.PassphraseFile)
}

func runPasswd(e *Env, args []string) error {
	fs := e.flags("passwd")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from this file (or set INREACH_NEW_PASSPHRASE)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	v, err := e.open(false)
	if err != nil {
		return err
	}
	defer v.Close()
	if err := e.setNewPassphrase(v, *newFile); err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, "The passphrase is changed. The recovery key is the same as before.")
	return nil
}

// setNewPassphrase asks for a new passphrase (INREACH_NEW_PASSPHRASE, the
// file, or two prompts) and rewraps the vault's key under it.
func (e *Env) setNewPassphrase(v *vault.Vault, newFile string) error {
	p, err := e.newSecret("INREACH_NEW_PASSPHRASE", newFile)
	if err != nil {
		return err
	}
	defer wipe(p)
	return v.ChangePassphrase(p)
}

func runRecover(e *Env, args []string) error {
	fs := e.flags("recover")
	keyFile := fs.String("recovery-key-file", "", "read the recovery key from this file (or set INREACH_RECOVERY_KEY)")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from this file (or set INREACH_NEW_PASSPHRASE)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	path, err := e.vaultPath()
	if err != nil {
		return err
	}
	if !vault.Exists(path) {
		return fmt.Errorf("there is no vault at %s", path)
	}
	key, err := e.recoveryKey(*keyFile)
	if err != nil {
		return err
	}
	v, err := vault.OpenWithRecoveryKey(path, key, options(false))
	if err != nil {
		return err
	}
	defer v.Close()
	if err := e.setNewPassphrase(v, *newFile); err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, "The vault is unlocked with the recovery key and has a new passphrase.")
	return nil
}

func runVerify(e *Env, args []string) error {
	fs := e.flags("verify")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	v, err := e.open(true)
	if err != nil {
		return err
	}
	defer v.Close()
	res, err := v.IntegrityCheck()
	if err != nil {
		return err
	}
	if strings.TrimSpace(strings.ToLower(res)) != "ok" {
		fmt.Fprintln(e.Stdout, res)
		return &vault.DamagedError{Path: v.Path(), Reason: "the database inside failed its integrity check"}
	}
	fmt.Fprintln(e.Stdout, "OK")
	j := v.Journal()
	if j.Records > 0 {
		fmt.Fprintf(e.Stdout, "The change journal holds %s since the last full save; every one checks out.\n", plural(j.Records, "save"))
	}
	if j.TornBytes > 0 {
		fmt.Fprintf(e.Stdout, "The last save was cut short (by a crash or a power cut) and has been left out: the vault is as it was at the save before it. The next save made with Inreach drops it from the file.\n")
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func runBackup(e *Env, args []string) error {
	fs := e.flags("backup")
	out := fs.String("o", "", "the file to write (must not exist)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("say where to write the backup with -o FILE")
	}
	if _, err := os.Stat(*out); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", *out)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	v, err := e.open(true)
	if err != nil {
		return err
	}
	defer v.Close()
	abs, _ := filepath.Abs(*out)
	if err := v.WriteBackup(abs); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Wrote an encrypted backup to %s. It opens with the same passphrase and recovery key.\n", abs)
	return nil
}
