package start

import (
	"time"

	"fyne.io/fyne/v2"

	"inreach/vault"
)

// StartEnv is what the create and unlock screens may use of the app.
type StartEnv interface {
	Window() fyne.Window
	// Path is the vault's file.
	Path() string
	// Options are the options vaults are created and opened with.
	Options() vault.Options
	// Go runs work off the UI goroutine, then then on it.
	Go(work, then func())
	Now() time.Time
	// Open opens the vault with the passphrase; it is called off the UI
	// goroutine.
	Open(pass []byte) (*vault.Vault, error)
	// Opened hands the open vault to the app (on the UI goroutine).
	Opened(v *vault.Vault)
	// Held is true when the vault is still open behind the lock screen
	// (a save failed): the passphrase shows it again.
	Held() bool
}
