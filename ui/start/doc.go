// Package start holds the screens shown while the vault is locked: create
// a notebook (and see its recovery key once), unlock it, or recover it
// with the recovery key. They see a StartEnv, not the app.
package start
