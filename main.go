// Inreach is a private, encrypted desktop notebook for practitioners in
// women's criminal-justice support services. With no arguments it opens the
// desktop app; otherwise it runs a command-line verb (inreach help).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2/app"

	"inreach/cli"
	"inreach/privfile"
	"inreach/quietinit"
	"inreach/ui"
	"inreach/ui/sections"
	"inreach/vault"
)

func main() {
	// Anything logged from here on is seen; what Fyne's package
	// initialisers said about the locale was not (see package quietinit).
	quietinit.Done()
	if len(os.Args) > 1 {
		attachConsole()
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	path, err := vault.DefaultPath()
	if err != nil {
		fmt.Fprintln(os.Stderr, "inreach: could not find a place for the vault:", err)
		os.Exit(1)
	}
	// Remove partial files left by an export, PDF or backup cut off by a
	// crash (see privfile); the command-line verbs do the same.
	privfile.CleanUp()
	a := app.NewWithID(ui.AppID)
	if dir := os.Getenv("INREACH_SCREENSHOT_TOUR"); dir != "" {
		// make screenshots: the real app on a demo vault, under Xvfb.
		if err := ui.Tour(a, path, sections.App, []byte(os.Getenv("INREACH_PASSPHRASE")), dir); err != nil {
			fmt.Fprintln(os.Stderr, "inreach: screenshot tour:", err)
			os.Exit(1)
		}
		return
	}
	ui.New(a, path, sections.App).ShowAndRun()
}
