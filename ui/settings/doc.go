// Package settings is the Settings section: the organisation, auto-lock, text size, backups, passphrase, export and import.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package settings
