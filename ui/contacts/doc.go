// Package contacts is the Contacts section: the list of contacts and visits, a contact's detail, and the write-up form (when, where, who was seen, notes, logistics) with its drafts.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package contacts
