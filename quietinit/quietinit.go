// Package quietinit keeps the desktop toolkit's start-up messages off the
// terminal while Go initialises packages, before main runs.
//
// The inreach binary links the desktop UI, so Fyne's packages are
// initialised even when only a command-line verb runs; Fyne's language
// package reads the locale then and, for LANG=C.UTF-8 (a common default on
// servers and containers), logs "Error parsing user locale C" to standard
// error. A command-line verb never uses Fyne, so that message is noise on
// every verb. This package silences the standard logger during package
// initialisation; main calls Done first thing, which puts it back.
//
// It works because Go initialises packages in a fixed order (the spec,
// "Package initialization"): among the packages whose imports are all
// initialised, the one with the smallest import path goes next. This
// package imports only io, log and os, so it is initialised before Fyne's
// language package, whose own imports (text/template among them) sort
// after "inreach/". The test in package main runs the built binary to
// prove it.
package quietinit

import (
	"io"
	"log"
	"os"
)

func init() { log.SetOutput(io.Discard) }

// Done puts the standard logger back on standard error.
func Done() { log.SetOutput(os.Stderr) }
