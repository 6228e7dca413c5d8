// Package kit is what the desktop screens share: the Env a screen gets
// (stores, window, Open(route), Go, After, Changed), typed Sections and
// Routes and the navigation table's types, background Jobs, the Clock and
// session Timers, the Editor lifecycle (dirty, loading, closed, keep after
// a pause, "Carry on" drafts), forms and error lines, dialogs, layouts,
// rows, lists, pills, charts, words and the theme.
package kit
