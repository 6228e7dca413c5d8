// Package ui is Inreach's desktop interface, in Fyne: the unlock and create
// screens, the main window's sections (one file per screen), shared widgets
// and the theme. It talks to the vault and the domain packages only.
package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"inreach/schema"
	"inreach/vault"
)

// AppID is the application id (FyneApp.toml, preferences, desktop entry).
const AppID = "org.example.inreach"

// UI is the whole desktop app: one window that shows the create or unlock
// screen while the vault is locked, and the main shell while it is open.
type UI struct {
	app  fyne.App
	win  fyne.Window
	path string

	sess  *Session // nil while locked
	shell *shell

	// lastSection is where the user was when the vault locked, so that
	// unlocking returns there.
	lastSection string

	// kdf is the key-derivation cost for a new vault (tests make it cheap).
	kdf vault.KDFParams

	// now is the clock (tests fix it).
	now func() time.Time

	// idle locks the vault after a period without input; lockAfter, when
	// set, overrides the Settings period (tests).
	idle      *idleWatch
	lockAfter time.Duration

	// jobs counts work started off the UI goroutine by the unlock and
	// create screens, so that tests can wait for it to finish.
	jobs sync.WaitGroup
}

// New builds the app's window for the vault at path. Call ShowAndRun.
func New(a fyne.App, path string) *UI {
	u := &UI{app: a, path: path, kdf: vault.DefaultKDF, now: time.Now}
	a.Settings().SetTheme(newTheme(a))
	a.SetIcon(appIcon)
	u.win = a.NewWindow("Inreach")
	u.win.SetIcon(appIcon)
	u.win.Resize(fyne.NewSize(1180, 760))
	u.win.CenterOnScreen()
	u.win.SetMaster()
	u.win.SetCloseIntercept(u.quit)
	u.showStart()
	return u
}

// Window is the app's main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the app until it quits.
func (u *UI) ShowAndRun() { u.win.ShowAndRun() }

// showStart shows the create screen when there is no vault yet, otherwise
// the unlock screen.
func (u *UI) showStart() {
	u.win.SetMainMenu(nil)
	var content fyne.CanvasObject
	var focus fyne.Focusable
	if vault.Exists(u.path) {
		content, focus = newUnlockScreen(u)
	} else {
		content, focus = newCreateScreen(u)
	}
	u.win.SetContent(content)
	u.win.Canvas().Focus(focus)
}

// opened is called on the UI goroutine once the vault is unlocked or created.
func (u *UI) opened(v *vault.Vault) {
	u.sess = newSession(v, u.showSaveError)
	u.shell = newShell(u)
	u.win.SetContent(u.shell.content)
	u.shell.installShortcuts()
	section := u.lastSection
	if section == "" {
		section = sectionToday
	}
	u.shell.show(section)
	u.startIdleWatch()
}

// Lock saves what is in progress, drops the decrypted data and the keys, and
// returns to the unlock screen.
func (u *UI) Lock() {
	if u.sess == nil {
		return
	}
	u.stopIdleWatch()
	if u.shell != nil {
		u.lastSection = u.shell.current
		u.shell.beforeLock()
		u.shell.removeShortcuts()
	}
	if err := u.sess.Close(); err != nil {
		// The vault is closed regardless; what could not be saved is
		// reported, and the file on disk is the last good save.
		u.showSaveError(err)
	}
	u.shell = nil
	u.showStart()
	u.sess = nil // last: a watcher that sees no session sees the unlock screen
}

// quit saves and closes the vault, then quits.
func (u *UI) quit() {
	u.Lock()
	u.app.Quit()
}

// appContext is the context for work started from the UI.
func (u *UI) appContext() context.Context { return context.Background() }

// backupEvery paces the vault's backups: the app saves a few seconds after
// each change, and ten backups a minute apart would soon be ten copies of
// the same morning.
const backupEvery = 5 * time.Minute

// vaultOptions are the options the app opens and creates vaults with.
func (u *UI) vaultOptions() vault.Options {
	return vault.Options{KDF: u.kdf, Migrations: schema.Migrations, BackupEvery: backupEvery}
}
