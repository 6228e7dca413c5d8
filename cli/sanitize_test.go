package cli

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTerminalWriterReplacesControlsAndKeepsCharactersSplitBetweenWrites(t *testing.T) {
	var b bytes.Buffer
	w := &terminalWriter{w: &b}
	in := "é\x1b[2J\u202eab\tc\n\xff"
	// byte by byte, so every multi-byte character is split
	for i := 0; i < len(in); i++ {
		_, err := w.Write([]byte{in[i]})
		require.NoError(t, err)
	}
	w.flush()
	require.Equal(t, "é\uFFFD[2J\uFFFDab\tc\n\uFFFD", b.String())
	require.Equal(t, "a b c", oneLine("a\nb\tc"))
}
