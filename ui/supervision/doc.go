// Package supervision is the Supervision section: supervision sessions (entries picked for discussion, actions, sign-off) and the supervision pack PDF.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package supervision
