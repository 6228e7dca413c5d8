package vault

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSecondWriterInTheSameProcessIsRefused(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	_, err := Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrInUse)
	_, err = OpenWithRecoveryKey(path, rk, testOpts())
	require.ErrorIs(t, err, ErrInUse)

	r, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
	require.NoError(t, err, "a read-only open takes no lock")
	require.NoError(t, r.Close())
	require.NoError(t, v.Close(), "closing the reader left the writer's lock alone")

	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err, "Close released the lock")
	require.NoError(t, w.Close())
}

func TestLockFileHoldsThePIDAndGoesAwayOnClose(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	b, err := os.ReadFile(lockPath(path))
	require.NoError(t, err)
	require.Equal(t, strconv.Itoa(os.Getpid()), strings.TrimSpace(string(b)))
	require.NoError(t, v.Close())
	if runtime.GOOS != "windows" {
		require.NoFileExists(t, lockPath(path))
	}
}

func TestAnotherProcessIsRefusedWhileTheVaultIsOpen(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=prober", childPathEnv+"="+path)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	require.True(t, errors.As(err, &ee), "prober: %v %s", err, out)
	require.Equal(t, exitInUse, ee.ExitCode(), "%s", out)

	require.NoError(t, v.Close())
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=prober", childPathEnv+"="+path)
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "after Close the other process gets in: %s", out)
}

func TestLockOfAKilledProcessIsTakenOver(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	require.NoError(t, v.Close())

	c := startChild(t, "holder", path)
	select {
	case <-c.ready:
	case <-time.After(10 * time.Second):
		c.kill()
		t.Fatalf("holder never became ready: %v", c.output())
	}
	_, err := Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrInUse, "the child holds the lock")
	r, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
	require.NoError(t, err, "read-only works while it is held")
	require.NoError(t, r.Close())

	c.kill()
	b, err := os.ReadFile(lockPath(path))
	require.NoError(t, err, "SIGKILL left the lock file behind")
	require.Equal(t, strconv.Itoa(c.cmd.Process.Pid), strings.TrimSpace(string(b)))

	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err, "the stale lock is taken over")
	defer w.Close()
	b, err = os.ReadFile(lockPath(path))
	require.NoError(t, err)
	require.Equal(t, strconv.Itoa(os.Getpid()), strings.TrimSpace(string(b)))
}
