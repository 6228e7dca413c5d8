// Package reports is the Reports section: monitoring figures and charts with their exports, data protection (subject access, erasure) and retention.
//
// A screen sees only its kit.Env; New is what the navigation table
// (ui/sections) calls.
package reports
