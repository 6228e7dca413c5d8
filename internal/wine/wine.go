// Package wine tells whether this Windows program runs under wine rather
// than Windows. Only tests use it: `make test-windows` runs the Windows test
// suites under wine, and a test that cannot pass there for a reason of
// wine's (not of Windows') skips itself, saying so.
package wine

// Detected reports whether the program runs under wine. It is false on every
// platform but Windows.
func Detected() bool { return detected() }
