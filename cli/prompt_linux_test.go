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
	"time"

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

	var errb bytes.Buffer
	e := &Env{Stdin: slave, Stdout: io.Discard, Stderr: &errb, Getenv: func(string) string { return "" }, ctx: context.Background()}
	type result struct {
		key string
		err error
	}
	done := make(chan result, 1)
	go func() {
		k, err := e.recoveryKey("")
		done <- result{k, err}
	}()
	// Type the key once the prompt is waiting with echo off, as a person
	// would; if echo never goes off (the old prompt), type it after a while
	// anyway, and the check below fails.
	for i := 0; i < 400; i++ {
		tio, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
		require.NoError(t, err)
		if tio.Lflag&unix.ECHO == 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	_, err := master.Write([]byte(key + "\n"))
	require.NoError(t, err)
	r := <-done
	require.NoError(t, r.err)
	require.Equal(t, key, r.key)
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
