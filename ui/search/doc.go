// Package search is the Search section: results for the search box, each opening its record in its own section.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package search
