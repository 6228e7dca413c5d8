package vault

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSIGKILLDuringSavesNeverBreaksTheVault kills a child that saves (a
// journal append) and every third save compacts, in a loop, at random
// moments: at least crashKills times, at least crashMidSave times during a
// Save (between its "saving" and "saved" reports) and at least
// crashMidCompact times during a compaction (crashparams_*_test.go; on
// Windows the kill is TerminateProcess). After every kill the vault must
// open, be consistent and hold a state the child could have saved: at least
// the last one it finished, at most the one it was writing.
func TestSIGKILLDuringSavesNeverBreaksTheVault(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	v, path, _ := newVault(t, testOpts())
	for i := 1; i <= 60; i++ { // about 80 KB, so a save takes a moment
		putNote(t, v.DB(), i, fmt.Sprintf("%d %s", i, strings.Repeat("padding ", 120)))
	}
	require.NoError(t, setCrashState(v, 0))
	require.NoError(t, v.Save())
	require.NoError(t, v.Close())

	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	known := 0 // the state found after the previous kill
	kills, midSave, midCompact, midRun, torn := 0, 0, 0, 0, 0
	deadline := time.Now().Add(slowdown * crashTestLimit)
	for kills < crashKills || midSave < crashMidSave || midCompact < crashMidCompact {
		require.True(t, time.Now().Before(deadline), "too slow: %d kills so far", kills)
		c := startChild(t, "saver", path)
		if rng.IntN(4) == 0 {
			// Anywhere, including during the child's own Open.
			time.Sleep(time.Duration(rng.IntN(15000)) * time.Microsecond)
		} else {
			select {
			case <-c.ready:
			case <-time.After(10 * time.Second):
				c.kill()
				t.Fatalf("child never became ready: %v", c.output())
			}
			time.Sleep(time.Duration(rng.IntN(12000)) * time.Microsecond)
		}
		c.kill()
		kills++

		lo, hi := known, known
		out := c.output()
		if len(out) > 0 && strings.HasPrefix(out[len(out)-1], "saving") {
			midSave++ // the kill landed between "saving N" and "saved N"
		}
		if len(out) > 0 && strings.HasPrefix(out[len(out)-1], "compacting") {
			midCompact++ // between "compacting N" and "compacted N"
		}
		for _, line := range out {
			var n int
			if strings.HasPrefix(line, "error") {
				t.Fatalf("child failed: %s", line)
			}
			if _, err := fmt.Sscanf(line, "saving %d", &n); err == nil {
				hi = n
			}
			if _, err := fmt.Sscanf(line, "saved %d", &n); err == nil {
				lo = n
			}
		}

		w, err := Open(path, testPass, testOpts())
		require.NoError(t, err, "after kill %d", kills)
		got, err := crashState(w)
		require.NoError(t, err, "after kill %d", kills)
		require.GreaterOrEqual(t, got, lo, "after kill %d: a finished save was lost", kills)
		require.LessOrEqual(t, got, hi, "after kill %d: a state never saved", kills)
		if got > lo {
			midRun++ // killed after writing the new file, before "saved"
		}
		if w.Journal().TornBytes > 0 {
			torn++ // a record cut short by the kill, dropped
		}
		check, err := w.IntegrityCheck()
		require.NoError(t, err)
		require.Equal(t, "ok", check)
		closeWithoutCompacting(t, w) // leave the journal for the next child
		requireNoTempFiles(t, filepath.Dir(path))
		known = got
	}
	t.Logf("%d kills: %d during a save, %d during a compaction, %d after a save was durable but before it was reported; %d torn records dropped; final state %d",
		kills, midSave, midCompact, midRun, torn, known)
	backups, err := listBackups(path)
	require.NoError(t, err)
	require.LessOrEqual(t, len(backups), 10, "rotation kept up through the kills")
}
