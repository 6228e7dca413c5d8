//go:build !race

package vault

// slowdown stretches the crash test's time budget (see race_on_test.go).
const slowdown = 1
