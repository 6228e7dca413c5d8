//go:build linux

package vault

import (
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

func TestAnOpenVaultMakesTheProcessUndumpableWithNoCoreFiles(t *testing.T) {
	// Allow core files first where the limits let us, so the test can fail.
	var lim unix.Rlimit
	require.NoError(t, unix.Getrlimit(unix.RLIMIT_CORE, &lim))
	if lim.Max > 0 {
		unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{Cur: lim.Max, Max: lim.Max})
	}
	v, _, _ := newVault(t, testOpts())
	defer v.Close()

	d, err := unix.PrctlRetInt(unix.PR_GET_DUMPABLE, 0, 0, 0, 0)
	require.NoError(t, err)
	require.Equal(t, 0, d, "not dumpable while a vault is open")
	require.NoError(t, unix.Getrlimit(unix.RLIMIT_CORE, &lim))
	require.Zero(t, lim.Cur, "no core files")
	require.Zero(t, lim.Max, "and the limit cannot be raised again")
}
