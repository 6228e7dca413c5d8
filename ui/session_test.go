package ui

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/notes"
)

func TestChangesAreSavedShortlyAfterTheLastOne(t *testing.T) {
	u := newTestUI(t)
	OpenTestVault(t, u)
	require.NoError(t, u.Sess.Notes.SetSetting(notes.SettingOrganisation, "Women's Inreach Project"))
	u.Sess.Changed()
	u.Wait(saveDelay - time.Millisecond)
	require.True(t, u.Sess.Vault.Changed(), "not saved before the pause is over")
	u.Wait(time.Millisecond)
	require.False(t, u.Sess.Vault.Changed(), "saved after the pause")
}

func TestChangesMadeWithoutAPauseAreStillSaved(t *testing.T) {
	u := newTestUI(t)
	OpenTestVault(t, u)
	start := u.Clock.Now()
	saved := false
	for u.Clock.Now().Sub(start) < 2*maxSaveDelay { // a change every half pause: never a whole pause
		require.NoError(t, u.Sess.Notes.SetSetting(notes.SettingOrganisation, u.Clock.Now().String()))
		u.Sess.Changed()
		u.Wait(saveDelay / 2)
		b, err := u.Sess.Vault.Backups()
		require.NoError(t, err)
		if len(b) > 0 || !u.Sess.Vault.Changed() {
			saved = true
			break
		}
	}
	require.True(t, saved, "a save ran although changes never paused for the usual delay")
}
