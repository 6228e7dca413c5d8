// Package today is the Today section: what is due, the last contacts, letters waiting for a reply and supervision actions, each opening its record in its own section.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package today
