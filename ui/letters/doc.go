// Package letters is the Letters & newsletter section: the letter log with its form, and newsletter issues (editor, checks, recipients, print).
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package letters
