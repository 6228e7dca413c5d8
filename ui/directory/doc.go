// Package directory is the Directory section: the agencies women are referred to, and the form for one.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package directory
