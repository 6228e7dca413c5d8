package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/schema"
	"inreach/vault"
)

const testPass = "correct horse battery"

// savedOrganisation opens the vault file at path read-only, as another
// program would, and returns the organisation setting saved in it.
func savedOrganisation(t *testing.T, path string) string {
	t.Helper()
	v, err := vault.Open(path, []byte(testPass), vault.Options{Migrations: schema.Migrations, ReadOnly: true})
	require.NoError(t, err)
	defer v.Close()
	return notes.New(v.DB()).GetSetting(notes.SettingOrganisation, "")
}

// unsavedChange opens a vault, saves it once, then changes the
// organisation's name and makes every write into the vault's folder fail
// as on a full disk. It returns the vault file's bytes before the change
// and the function that frees the disk again.
func unsavedChange(t *testing.T, u *UI) (before []byte, freeDisk func()) {
	t.Helper()
	OpenTestVault(t, u)
	require.NoError(t, u.Sess.Notes.SetSetting(notes.SettingOrganisation, "Saved before"))
	require.NoError(t, u.Sess.Save())
	before, err := os.ReadFile(u.Path)
	require.NoError(t, err)
	freeDisk = u.Sess.Vault.FailWritesInForTest(filepath.Dir(u.Path))
	require.NoError(t, u.Sess.Notes.SetSetting(notes.SettingOrganisation, "Typed while the disk was full"))
	u.Sess.Changed()
	return before, freeDisk
}

func TestALockWhoseSaveFailsKeepsEverythingOpenBehindABanner(t *testing.T) {
	u := newTestUI(t)
	before, freeDisk := unsavedChange(t, u)

	u.Lock()
	require.NotNil(t, u.Sess, "the vault is not closed: closing would lose the change")
	require.False(t, u.hidden, "a lock the user asked for shows the banner, not the lock screen")
	require.Same(t, u.Shell.content, u.Win.Content())
	require.True(t, u.Shell.banner.box.Visible(), "a banner says the changes are not saved")
	require.True(t, HasText(u.Win.Content(), "could not be saved"))
	require.True(t, HasText(u.Win.Content(), "disk is full"), "the banner gives the reason")
	require.Equal(t, "Typed while the disk was full", u.Sess.Notes.GetSetting(notes.SettingOrganisation, ""), "the change is still in the open vault")
	after, err := os.ReadFile(u.Path)
	require.NoError(t, err)
	require.Equal(t, before, after, "the file on disk is the last good save, untouched")

	// Retries go on while the disk is full, and keep the banner.
	u.Wait(retryEvery)
	require.True(t, u.Shell.banner.box.Visible())
	require.NotNil(t, u.Sess)

	// Once there is room, the next retry saves and the banner goes.
	freeDisk()
	u.Wait(retryEvery)
	require.False(t, u.Shell.banner.box.Visible(), "the banner goes once a save works")
	require.Equal(t, "Typed while the disk was full", savedOrganisation(t, u.Path), "the change reached the file")

	u.Lock()
	require.Nil(t, u.Sess, "now the lock completes")
}

func TestAutoLockWhenTheSaveFailsHidesTheWindowButDropsNothing(t *testing.T) {
	u := newTestUI(t)
	_, freeDisk := unsavedChange(t, u)
	u.LockAfter = 2 * IdleTick
	u.StartIdleWatch()
	for i := 0; i < 4 && !u.hidden; i++ {
		u.Wait(IdleTick)
	}
	require.True(t, u.hidden, "the idle watch hid the window")
	require.NotSame(t, u.Shell.content, u.Win.Content(), "the window's contents are covered")
	require.True(t, HasText(u.Win.Content(), "locked"), "by the lock screen")
	require.False(t, HasText(u.Win.Content(), "Search everything"), "nothing of the notebook shows")
	require.NotNil(t, u.Sess, "the vault stays open in memory")
	require.Equal(t, "Typed while the disk was full", u.Sess.Notes.GetSetting(notes.SettingOrganisation, ""))

	// A wrong passphrase shows nothing.
	test.Type(Entries(u.Win.Content())[0], "wrong horse battery")
	test.Tap(FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	require.True(t, HasText(u.Win.Content(), "not right"))
	require.True(t, u.hidden)

	// The passphrase shows it all again, with the banner.
	test.Type(Entries(u.Win.Content())[0], testPass)
	test.Tap(FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	require.False(t, u.hidden)
	require.Same(t, u.Shell.content, u.Win.Content())
	require.True(t, u.Shell.banner.box.Visible())
	require.Equal(t, "Typed while the disk was full", u.Sess.Notes.GetSetting(notes.SettingOrganisation, ""))

	u.LockAfter = time.Hour // she is back at work
	u.StartIdleWatch()
	freeDisk()
	u.Wait(retryEvery)
	require.False(t, u.Shell.banner.box.Visible())
	require.Equal(t, "Typed while the disk was full", savedOrganisation(t, u.Path))
}

func TestARetryThatSucceedsBehindTheLockScreenCompletesTheLock(t *testing.T) {
	u := newTestUI(t)
	_, freeDisk := unsavedChange(t, u)
	u.lock(true)
	require.True(t, u.hidden)
	require.NotNil(t, u.Sess)

	freeDisk()
	u.Wait(retryEvery)
	require.Nil(t, u.Sess, "saved, so the vault is closed and its keys dropped")
	require.False(t, u.hidden)
	require.True(t, HasText(u.Win.Content(), "Use the recovery key") || FindButton(t, u.Win.Content(), "recovery key") != nil, "the usual unlock screen")
	require.Equal(t, "Typed while the disk was full", savedOrganisation(t, u.Path))
}

func TestASealedCopyElsewhereHoldsTheChangesTheVaultCouldNotSave(t *testing.T) {
	u := newTestUI(t)
	before, _ := unsavedChange(t, u)
	u.Lock()
	require.NotNil(t, u.Sess)

	copyPath := filepath.Join(t.TempDir(), "elsewhere.vault")
	u.saveSealedCopy(copyPath)
	u.Idle()
	require.Equal(t, "Typed while the disk was full", savedOrganisation(t, copyPath), "the copy opens with the passphrase and has the change")
	after, err := os.ReadFile(u.Path)
	require.NoError(t, err)
	require.Equal(t, before, after, "the vault file is still the last good save")
	require.True(t, u.Shell.banner.box.Visible(), "the vault itself is still unsaved")
}
