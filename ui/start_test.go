package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/ui/kit"
	"inreach/vault"
)

// createVault drives the first-run screen to a created, open vault.
func createVault(t *testing.T, u *UI, pass string) string {
	t.Helper()
	root := u.Win.Content()
	es := Entries(root)
	require.Len(t, es, 2, "the create screen asks for the passphrase twice")
	test.Type(es[0], pass)
	test.Type(es[1], pass)
	test.Tap(FindButton(t, root, "Create my notebook"))
	u.Idle()
	require.True(t, HasText(u.Win.Content(), "recovery key opens"), "the recovery key screen")
	var key string
	Walk(u.Win.Content(), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Monospace {
			key = l.Text
			return false
		}
		return true
	})
	require.NotEmpty(t, key)
	return key
}

func TestFirstRunCreatesTheVaultAndShowsTheRecoveryKey(t *testing.T) {
	u := newTestUI(t)
	require.False(t, vault.Exists(u.Path))
	key := createVault(t, u, "correct horse battery")
	require.True(t, vault.Exists(u.Path))
	require.True(t, HasText(u.Win.Content(), key), "the key is on screen")

	cont := FindButton(t, u.Win.Content(), "Continue")
	require.True(t, cont.Disabled(), "cannot continue before confirming the key is kept")
	test.Tap(FindCheck(t, u.Win.Content(), "recovery key"))
	require.False(t, cont.Disabled())
	test.Tap(cont)
	require.NotNil(t, u.Sess)
	require.Equal(t, kit.Today, u.Shell.Current)
}

func TestAShortPassphraseIsRefusedAtCreation(t *testing.T) {
	u := newTestUI(t)
	es := Entries(u.Win.Content())
	test.Type(es[0], "short")
	test.Type(es[1], "short")
	test.Tap(FindButton(t, u.Win.Content(), "Create my notebook"))
	require.True(t, HasText(u.Win.Content(), "at least 8 characters"))
	require.False(t, vault.Exists(u.Path))
}

func TestWrongPassphraseSaysSoAndStaysLocked(t *testing.T) {
	u := newTestUI(t)
	createVault(t, u, "correct horse battery")
	test.Tap(FindCheck(t, u.Win.Content(), "recovery key"))
	test.Tap(FindButton(t, u.Win.Content(), "Continue"))
	u.Lock()
	require.Nil(t, u.Sess)

	pass := Entries(u.Win.Content())[0]
	test.Type(pass, "wrong horse battery")
	test.Tap(FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	require.True(t, HasText(u.Win.Content(), "not right"), "the wrong-passphrase message")
	require.Nil(t, u.Sess)

	test.Type(pass, "correct horse battery")
	test.Tap(FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	require.NotNil(t, u.Sess, "unlocked")
}

func TestCtrlLLocksAndUnlockingReturnsToTheSameSection(t *testing.T) {
	u := newTestUI(t)
	createVault(t, u, "correct horse battery")
	test.Tap(FindCheck(t, u.Win.Content(), "recovery key"))
	test.Tap(FindButton(t, u.Win.Content(), "Continue"))
	u.Shell.Show(kit.Directory)

	ctrlL := &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	u.Win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlL)
	require.Nil(t, u.Sess, "Ctrl+L locks")
	require.True(t, HasText(u.Win.Content(), "locked"))

	test.Type(Entries(u.Win.Content())[0], "correct horse battery")
	test.Tap(FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	require.NotNil(t, u.Sess, "unlocked")
	require.Equal(t, kit.Directory, u.Shell.Current)
}
