// Package diary is the Diary section: reflective entries (the editor with its templates, tags and comments), the learning view, and drafts to carry on with.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package diary
