//go:build linux

package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// openPTY returns the two ends of a new pseudo-terminal.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pseudo-terminals here:", err)
	}
	require.NoError(t, unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0))
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	require.NoError(t, err)
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	require.NoError(t, err)
	return m, s
}

func TestTheRecoveryKeyPromptDoesNotEcho(t *testing.T) {
	master, slave := openPTY(t)
	defer master.Close()
	key := "ABCD-EFGH-JKMN-PQRS"
	// Typed ahead: the line waits in the terminal until the prompt reads it.
	_, err := master.Write([]byte(key + "\n"))
	require.NoError(t, err)

	var errb bytes.Buffer
	e := &Env{Stdin: slave, Stdout: io.Discard, Stderr: &errb, Getenv: func(string) string { return "" }, ctx: context.Background()}
	got, err := e.recoveryKey("")
	require.NoError(t, err)
	require.Equal(t, key, got)
	require.NoError(t, slave.Close())

	// Everything the terminal showed: the echo, if any, is read back here.
	var shown bytes.Buffer
	buf := make([]byte, 4096)
	for {
		n, err := master.Read(buf)
		shown.Write(buf[:n])
		if err != nil {
			require.True(t, errors.Is(err, syscall.EIO) || errors.Is(err, io.EOF), err)
			break
		}
	}
	require.False(t, strings.Contains(shown.String(), "ABCD"), "the key was echoed: %q", shown.String())
	require.Contains(t, errb.String(), "Recovery key")
}
