// Package ui is Inreach's desktop shell, in Fyne: the window, the
// navigation between sections, the session over an unlocked vault, locking
// and auto-locking. The screens live in one package per section
// (ui/today, ui/women, …), the create and unlock screens in ui/start, and
// what they share in ui/kit. Screens see an Env, never the shell.
package ui

import (
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
	nav  Nav

	sess  *Session // nil while locked
	shell *shell

	// hidden is true while the lock screen covers an open session: a
	// lock whose save failed keeps the vault open rather than lose work.
	hidden bool

	// lastSection is where the user was when the vault locked, so that
	// unlocking returns there.
	lastSection Section

	// kdf is the key-derivation cost for a new vault (tests make it cheap).
	kdf vault.KDFParams

	// clock runs the sessions' timers (tests use a FakeClock).
	clock Clock

	// idle locks the vault after a period without input; lockAfter, when
	// set, overrides the Settings period (tests).
	idle      *idleWatch
	lockAfter time.Duration

	// jobs runs work off the UI goroutine (unlocking, saving, exports),
	// so that tests can wait for all of it.
	jobs *Jobs
}

// New builds the app's window for the vault at path, with the sections of
// nav. Call ShowAndRun.
func New(a fyne.App, path string, nav Nav) *UI {
	return newUI(a, path, nav, SystemClock{}, &Jobs{})
}

func newUI(a fyne.App, path string, nav Nav, clock Clock, jobs *Jobs) *UI {
	u := &UI{app: a, path: path, nav: nav, kdf: vault.DefaultKDF, clock: clock, jobs: jobs}
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

// Idle waits for every piece of background work (for tests).
func (u *UI) Idle() { u.jobs.Idle() }

// showStart shows the create screen when there is no vault yet, otherwise
// the unlock screen.
func (u *UI) showStart() {
	u.win.SetMainMenu(nil)
	var content fyne.CanvasObject
	var focus fyne.Focusable
	if vault.Exists(u.path) {
		content, focus = newUnlockScreen(newStartScreenEnv(u))
	} else {
		content, focus = newCreateScreen(newStartScreenEnv(u))
	}
	u.win.SetContent(content)
	u.win.Canvas().Focus(focus)
}

// opened is called on the UI goroutine once the vault is unlocked or created.
func (u *UI) opened(v *vault.Vault) {
	if u.sess != nil && u.sess.Vault == v {
		u.unhide()
		return
	}
	u.sess = newSession(v, u.clock, u.jobs, u.showSaveError)
	u.shell = newShell(u, &screenEnv{u: u, s: u.sess})
	u.win.SetContent(u.shell.content)
	u.shell.installShortcuts()
	section := u.lastSection
	if section == "" {
		section = Today
	}
	u.shell.show(section)
	u.startIdleWatch()
}

// Lock saves what is in progress, drops the decrypted data and the keys, and
// returns to the unlock screen. When the save fails, nothing is dropped: the
// vault stays open behind a banner that says so, and saving is tried again.
func (u *UI) Lock() { u.lock(false) }

// lock locks; auto is the idle watch's lock, which, when the save fails,
// still hides the window's contents behind the lock screen.
func (u *UI) lock(auto bool) {
	if u.sess == nil {
		return
	}
	if u.hidden {
		return
	}
	if u.shell != nil {
		u.shell.beforeLock()
	}
	if err := u.sess.Close(); err != nil {
		// The vault is still open and holds every change: the file on
		// disk is the last good save.
		u.saveFailing(err)
		if auto {
			u.hide()
		}
		return
	}
	u.dropSession()
}

// dropSession forgets the closed session and shows the unlock screen.
func (u *UI) dropSession() {
	u.stopIdleWatch()
	if u.shell != nil {
		u.lastSection = u.shell.current
		u.shell.removeShortcuts()
	}
	u.shell = nil
	u.hidden = false
	u.showStart()
	u.sess = nil // last: a watcher that sees no session sees the unlock screen
}

// quit saves and closes the vault, then quits. When the save fails, the
// app stays open: quitting would lose the changes.
func (u *UI) quit() {
	u.Lock()
	if u.sess != nil {
		return
	}
	u.app.Quit()
}

// backupEvery paces the vault's backups: the app saves a few seconds after
// each change, and ten backups a minute apart would soon be ten copies of
// the same morning.
const backupEvery = 5 * time.Minute

// vaultOptions are the options the app opens and creates vaults with.
func (u *UI) vaultOptions() vault.Options {
	return vault.Options{KDF: u.kdf, Migrations: schema.Migrations, BackupEvery: backupEvery}
}
