//go:build race

package vault

// slowdown stretches the crash test's time budget: under the race detector
// every child process is instrumented too and runs several times slower.
const slowdown = 5
