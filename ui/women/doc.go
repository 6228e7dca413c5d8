// Package women is the Women section: the list of women, her page (details, needs, plan, actions, events, timeline), the form for a new woman and her printed record.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package women
