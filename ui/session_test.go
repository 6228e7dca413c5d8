package ui

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/notes"
)

func TestChangesAreSavedShortlyAfterTheLastOne(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	require.NoError(t, u.sess.Notes.SetSetting(notes.SettingOrganisation, "Women's Inreach Project"))
	u.sess.Changed()
	eventually(t, func() bool { return !u.sess.Vault.Changed() }, "saved after the pause")
}

func TestChangesMadeWithoutAPauseAreStillSaved(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	saveDelay, maxSaveDelay = 200*time.Millisecond, 500*time.Millisecond
	t.Cleanup(func() { saveDelay, maxSaveDelay = 20*time.Millisecond, 20*time.Second })
	start := time.Now()
	saved := false
	for time.Since(start) < 2*time.Second { // a change every 50 ms: never a 200 ms pause
		require.NoError(t, u.sess.Notes.SetSetting(notes.SettingOrganisation, time.Now().String()))
		u.sess.Changed()
		time.Sleep(50 * time.Millisecond)
		b, err := u.sess.Vault.Backups()
		require.NoError(t, err)
		if len(b) > 0 || !u.sess.Vault.Changed() {
			saved = true
			break
		}
	}
	require.True(t, saved, "a save ran although changes never paused for the usual delay")
}
