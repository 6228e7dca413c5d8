// Package cli holds Inreach's command-line verbs. Each verb is thin: it
// parses its flags, opens the vault, and calls the domain packages.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"inreach/bundle"
	"inreach/privfile"
	"inreach/teamwork"
	"inreach/vault"
)

// Exit codes, as shared/DESIGN.md "The command line" gives them.
const (
	ExitOK          = 0
	ExitFailed      = 1
	ExitUsage       = 2
	ExitWrongSecret = 3
	ExitDamaged     = 4
	ExitInUse       = 5
)

// Env is what a verb runs with: its streams, the environment and the vault
// flags shared by every verb.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string

	// VaultPath is --vault, INREACH_VAULT or the default path.
	VaultPath string
	// PassphraseFile is --passphrase-file.
	PassphraseFile string

	ctx context.Context
}

// Context is the verb's context.
func (e *Env) Context() context.Context { return e.ctx }

// A verb is one command: its one-line usage and what it does.
type verb struct {
	name    string
	usage   string // the arguments, as in DESIGN.md
	summary string
	run     func(e *Env, args []string) error
}

var verbs = map[string]verb{}

func register(v verb) { verbs[v.name] = v }

// usageError is a mistake in how the command was called (exit code 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Run runs one command line (without the program name) and returns the exit
// code. Messages go to stderr in plain words; output to stdout. Neither
// ever carries a control character from a record (see terminalWriter).
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv, ctx: ctx}
	return e.run(args)
}

func (e *Env) run(args []string) int {
	out, errw := &terminalWriter{w: e.Stdout}, &terminalWriter{w: e.Stderr}
	defer out.flush()
	defer errw.flush()
	e.Stdout, e.Stderr = out, errw
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		e.printHelp(e.Stdout)
		return ExitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(e.Stdout, "inreach", Version)
		return ExitOK
	}
	v, ok := verbs[args[0]]
	if !ok {
		fmt.Fprintf(e.Stderr, "inreach: there is no command %q\n\n", args[0])
		e.printHelp(e.Stderr)
		return ExitUsage
	}
	// Partial files left by an export, PDF or backup that was cut off are
	// removed first, whatever the verb.
	if removed, err := privfile.CleanUp(); err != nil {
		fmt.Fprintf(e.Stderr, "inreach: could not check for partial files left by an interrupted write: %v\n", err)
	} else if len(removed) > 0 {
		fmt.Fprintf(e.Stderr, "inreach: removed %d partial file(s) left by an interrupted export, PDF or backup:\n", len(removed))
		for _, r := range removed {
			fmt.Fprintf(e.Stderr, "  %s\n", r)
		}
	}
	err := v.run(e, args[1:])
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	fmt.Fprintf(e.Stderr, "inreach %s: %v\n", v.name, err)
	return ExitCode(err)
}

// ExitCode maps an error to the exit codes of DESIGN.md.
func ExitCode(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue):
		return ExitUsage
	case errors.Is(err, vault.ErrWrongPassphrase), errors.Is(err, vault.ErrWrongRecoveryKey):
		return ExitWrongSecret
	case errors.Is(err, vault.ErrDamaged), errors.Is(err, vault.ErrNotVault):
		return ExitDamaged
	case errors.Is(err, vault.ErrInUse):
		return ExitInUse
	case errors.Is(err, bundle.ErrNotForThisVault), errors.Is(err, teamwork.ErrUnknownSender):
		return ExitNotForUs
	case errors.Is(err, bundle.ErrDamaged), errors.Is(err, bundle.ErrTooLarge):
		return ExitDamaged
	case errors.Is(err, teamwork.ErrAlreadyReceived):
		return ExitAlreadyReceived
	}
	return ExitFailed
}

// Version is the app's version, set from FyneApp.toml at build time.
var Version = "1.0.0"

func (e *Env) printHelp(w io.Writer) {
	fmt.Fprintln(w, "Inreach — a private, encrypted notebook for women's criminal-justice support work.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  inreach                      open the desktop app")
	names := make([]string, 0, len(verbs))
	for n := range verbs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		v := verbs[n]
		left := strings.TrimSpace(n + " " + v.usage)
		if len(left) > 36 {
			fmt.Fprintf(w, "  inreach %s\n  %-36s %s\n", left, "", v.summary)
		} else {
			fmt.Fprintf(w, "  inreach %-28s %s\n", left, v.summary)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every command takes --vault PATH (default: $INREACH_VAULT or the standard")
	fmt.Fprintln(w, "data folder) and --passphrase-file FILE (or $INREACH_PASSPHRASE, or a prompt).")
	fmt.Fprintln(w, "Dates are YYYY-MM-DD; periods include both ends.")
	fmt.Fprintln(w, "Exit codes: 0 done, 1 failed, 2 usage, 3 wrong passphrase or recovery key,")
	fmt.Fprintln(w, "4 vault or bundle damaged or tampered, 5 vault in use, 6 bundle not for this")
	fmt.Fprintln(w, "vault or from someone not on the team list, 7 bundle already received.")
}

// flags returns a FlagSet for a verb with the shared vault flags bound.
func (e *Env) flags(v string) *flag.FlagSet {
	fs := flag.NewFlagSet("inreach "+v, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	fs.StringVar(&e.VaultPath, "vault", "", "the vault file (default: $INREACH_VAULT or the standard data folder)")
	fs.StringVar(&e.PassphraseFile, "passphrase-file", "", "read the passphrase from the first line of this file")
	fs.Usage = func() {
		vb := verbs[v]
		fmt.Fprintf(e.Stderr, "Usage: inreach %s %s\n  %s\n\nOptions:\n", v, vb.usage, vb.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args with fs, allowing flags after positional arguments
// (inreach pdf visit ID -o F.pdf), and returns the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// vaultPath resolves --vault, INREACH_VAULT and the default.
func (e *Env) vaultPath() (string, error) {
	if e.VaultPath != "" {
		return e.VaultPath, nil
	}
	if p := e.Getenv("INREACH_VAULT"); p != "" {
		return p, nil
	}
	return vault.DefaultPath()
}
