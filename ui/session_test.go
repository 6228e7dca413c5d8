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
	u.wait(saveDelay - time.Millisecond)
	require.True(t, u.sess.Vault.Changed(), "not saved before the pause is over")
	u.wait(time.Millisecond)
	require.False(t, u.sess.Vault.Changed(), "saved after the pause")
}

func TestChangesMadeWithoutAPauseAreStillSaved(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	start := u.clock.Now()
	saved := false
	for u.clock.Now().Sub(start) < 2*maxSaveDelay { // a change every half pause: never a whole pause
		require.NoError(t, u.sess.Notes.SetSetting(notes.SettingOrganisation, u.clock.Now().String()))
		u.sess.Changed()
		u.wait(saveDelay / 2)
		b, err := u.sess.Vault.Backups()
		require.NoError(t, err)
		if len(b) > 0 || !u.sess.Vault.Changed() {
			saved = true
			break
		}
	}
	require.True(t, saved, "a save ran although changes never paused for the usual delay")
}
