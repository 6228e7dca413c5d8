package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"inreach/privfile"
	"inreach/vault"
)

func init() {
	register(verb{name: "init", usage: "[--vault P] [--recovery-sheet F.pdf] [--force]",
		summary: "create a vault; print the recovery key once", run: runInit})
	register(verb{name: "passwd", usage: "[--new-passphrase-file F] [--recovery-key-file F | --new-recovery-key | --compromised]",
		summary: "change the vault's passphrase; the old one opens nothing saved afterwards", run: runPasswd})
	register(verb{name: "restore", usage: "BACKUP [--vault P] [--with-recovery-key [--recovery-key-file F]]",
		summary: "put a backup back in place of the vault, keeping the file there aside", run: runRestore})
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
	force := fs.Bool("force", false, "create the vault even though another vault's backups are in the backups folder beside it (they are kept)")
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
	if others, err := vault.BackupsBeside(path); err != nil {
		return fmt.Errorf("could not look at the backups folder beside %s: %w", path, err)
	} else if len(others) > 0 && !*force {
		return othersBackupsError(path, others, e.givenPassphrase(), true)
	}
	pass, err := e.newPassphraseForVault()
	if err != nil {
		return err
	}
	defer wipe(pass)
	// The new vault's identity is made and saved at once; that second
	// save keeps no backup of the minute-old empty vault.
	opts := options(false)
	opts.Backups = -1
	v, key, err := vault.Create(path, pass, opts)
	if err != nil {
		return err
	}
	defer v.Close()
	if _, err := ensureIdentity(v); err != nil {
		return fmt.Errorf("the vault was created, but its Inreach ID could not be made: %w", err)
	}
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

// othersBackupsError refuses init beside another vault's backups, naming
// them and the way to restore the newest.
func othersBackupsError(path string, others []string, pass []byte, force bool) error {
	defer wipe(pass)
	var b strings.Builder
	fmt.Fprintf(&b, "the backups folder beside %s holds %d backup(s) of another vault, so nothing was created:", path, len(others))
	for i, o := range others {
		if i == 5 {
			fmt.Fprintf(&b, "\n    ... and %d more", len(others)-5)
			break
		}
		fmt.Fprintf(&b, "\n    %s", o)
	}
	if newest := vault.NewestBackup(path, pass); newest != "" {
		fmt.Fprintf(&b, "\nTo restore the newest good one instead, run: %s", vault.RestoreCommand(newest, path))
	}
	if force {
		b.WriteString("\nTo create a new, empty vault anyway, run init again with --force; those backups are kept and never pruned by the new vault.")
	}
	return errors.New(b.String())
}

func runPasswd(e *Env, args []string) error {
	fs := e.flags("passwd")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from this file (or set INREACH_NEW_PASSPHRASE)")
	keyFile := fs.String("recovery-key-file", "", "read the recovery key from this file (or set INREACH_RECOVERY_KEY); it is needed to keep the recovery key working")
	newKey := fs.Bool("new-recovery-key", false, "issue a new recovery key instead of asking for the old one (shown once)")
	compromised := fs.Bool("compromised", false, "someone may know the passphrase or the recovery key: set a new passphrase and issue a new recovery key together")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	v, err := e.open(false)
	if err != nil {
		return err
	}
	defer v.Close()
	if *newKey || *compromised {
		p, err := e.newSecret("INREACH_NEW_PASSPHRASE", *newFile)
		if err != nil {
			return err
		}
		defer wipe(p)
		key, err := v.ChangePassphraseAndRecoveryKey(p)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.Stdout, "The passphrase is changed and the vault has a new recovery key.")
		fmt.Fprintf(e.Stdout, "\nNew recovery key (shown only this once):\n\n    %s\n\n", key)
		fmt.Fprintln(e.Stdout, "Write it down or print it and keep it locked away; destroy the old one.")
		fmt.Fprintln(e.Stdout, "Neither the old passphrase nor the old recovery key opens this vault or anything saved from now on.")
		e.oldBackupsNote(v)
		return nil
	}
	key, err := e.recoveryKey(*keyFile)
	if err != nil {
		if errors.As(err, new(usageError)) {
			return usagef("%v (the recovery key is needed to keep it working with the new passphrase), or use --new-recovery-key to issue a new one", err)
		}
		return err
	}
	p, err := e.newSecret("INREACH_NEW_PASSPHRASE", *newFile)
	if err != nil {
		return err
	}
	defer wipe(p)
	if err := v.ChangePassphraseKeepingRecoveryKey(p, key); err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, "The passphrase is changed; the old one opens neither this vault nor anything saved from now on. The recovery key is the same as before.")
	e.oldBackupsNote(v)
	return nil
}

// oldBackupsNote says what the backups made before a passphrase change
// still open with.
func (e *Env) oldBackupsNote(v *vault.Vault) {
	b, err := v.Backups()
	if err != nil || len(b) == 0 {
		return
	}
	fmt.Fprintf(e.Stdout, "The %d backup(s) in %s made before now still open with the old passphrase and recovery key, and show what was in the vault then; delete them if that matters.\n", len(b), filepath.Dir(b[0]))
}

// setNewPassphrase asks for a new passphrase (INREACH_NEW_PASSPHRASE, the
// file, or two prompts) and gives the vault a new key under it, kept for
// the recovery key rk.
func (e *Env) setNewPassphrase(v *vault.Vault, newFile, rk string) error {
	p, err := e.newSecret("INREACH_NEW_PASSPHRASE", newFile)
	if err != nil {
		return err
	}
	defer wipe(p)
	return v.ChangePassphraseKeepingRecoveryKey(p, rk)
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
		return e.noVault(path)
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
	if err := e.setNewPassphrase(v, *newFile, key); err != nil {
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
		fmt.Fprintf(e.Stdout, "The change journal holds %s since the last full save; every one checks out.\n", fmt.Sprintf("%d %s", j.Records, plural(j.Records, "save")))
	}
	if j.TornBytes > 0 {
		fmt.Fprintf(e.Stdout, "The last save was cut short (by a crash or a power cut) and has been left out: the vault is as it was at the save before it. The next save made with Inreach drops it from the file.\n")
	}
	return nil
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
	sealed, err := v.SealedCopy()
	if err != nil {
		return err
	}
	if err := privfile.Write(abs, sealed); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Wrote an encrypted backup to %s. It opens with the same passphrase and recovery key.\n", abs)
	return nil
}

func runRestore(e *Env, args []string) error {
	fs := e.flags("restore")
	withKey := fs.Bool("with-recovery-key", false, "check the backup with the recovery key instead of the passphrase")
	keyFile := fs.String("recovery-key-file", "", "read the recovery key from this file (or set INREACH_RECOVERY_KEY)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("say which backup to restore: inreach restore BACKUP [--vault P]")
	}
	backup := pos[0]
	path, err := e.vaultPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(backup); err != nil {
		return fmt.Errorf("could not find the backup %s: %w", backup, errors.Unwrap(err))
	}
	var aside string
	if *withKey || *keyFile != "" {
		key, err := e.recoveryKey(*keyFile)
		if err != nil {
			return err
		}
		if aside, err = vault.RestoreWithRecoveryKey(backup, path, key); err != nil {
			return err
		}
	} else {
		pass, err := e.passphrase(backup)
		if err != nil {
			return err
		}
		defer wipe(pass)
		if aside, err = vault.Restore(backup, path, pass); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.Stdout, "Restored %s to %s.\n", backup, path)
	if aside != "" {
		fmt.Fprintf(e.Stdout, "The file that was there is kept as %s.\n", aside)
	}
	fmt.Fprintln(e.Stdout, "The vault opens with the passphrase and recovery key that opened the backup.")
	return nil
}
