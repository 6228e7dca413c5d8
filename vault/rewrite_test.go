package vault

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// A save dialog that opens the vault file itself as its target empties it
// before the app can refuse; Rewrite puts the whole vault back from memory,
// unsaved changes included.
func TestRewritePutsBackAVaultFileEmptiedBehindItsBack(t *testing.T) {
	v, path, _ := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "saved before")
	require.NoError(t, v.Save())
	putNote(t, v.DB(), 2, "typed since")

	require.NoError(t, os.Truncate(path, 0))
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Zero(t, st.Size(), "the file was emptied")

	require.NoError(t, v.Rewrite())
	require.False(t, v.Changed(), "everything in memory is on disk again")
	w := reopen(t, v, path, testOpts())
	require.Equal(t, "saved before", getNote(t, w.DB(), 1))
	require.Equal(t, "typed since", getNote(t, w.DB(), 2))
}
