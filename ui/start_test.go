package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"inreach/vault"
)

// createVault drives the first-run screen to a created, open vault.
func createVault(t *testing.T, u *UI, pass string) string {
	t.Helper()
	root := u.win.Content()
	es := entries(root)
	require.Len(t, es, 2, "the create screen asks for the passphrase twice")
	test.Type(es[0], pass)
	test.Type(es[1], pass)
	test.Tap(findButton(t, root, "Create my notebook"))
	u.Idle()
	require.True(t, hasText(u.win.Content(), "recovery key opens"), "the recovery key screen")
	var key string
	walk(u.win.Content(), func(o fyne.CanvasObject) bool {
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
	require.False(t, vault.Exists(u.path))
	key := createVault(t, u, "correct horse battery")
	require.True(t, vault.Exists(u.path))
	require.True(t, hasText(u.win.Content(), key), "the key is on screen")

	cont := findButton(t, u.win.Content(), "Continue")
	require.True(t, cont.Disabled(), "cannot continue before confirming the key is kept")
	test.Tap(findCheck(t, u.win.Content(), "recovery key"))
	require.False(t, cont.Disabled())
	test.Tap(cont)
	require.NotNil(t, u.sess)
	require.Equal(t, Today, u.shell.current)
}

func TestAShortPassphraseIsRefusedAtCreation(t *testing.T) {
	u := newTestUI(t)
	es := entries(u.win.Content())
	test.Type(es[0], "short")
	test.Type(es[1], "short")
	test.Tap(findButton(t, u.win.Content(), "Create my notebook"))
	require.True(t, hasText(u.win.Content(), "at least 8 characters"))
	require.False(t, vault.Exists(u.path))
}

func TestWrongPassphraseSaysSoAndStaysLocked(t *testing.T) {
	u := newTestUI(t)
	createVault(t, u, "correct horse battery")
	test.Tap(findCheck(t, u.win.Content(), "recovery key"))
	test.Tap(findButton(t, u.win.Content(), "Continue"))
	u.Lock()
	require.Nil(t, u.sess)

	pass := entries(u.win.Content())[0]
	test.Type(pass, "wrong horse battery")
	test.Tap(findButton(t, u.win.Content(), "Unlock"))
	u.Idle()
	require.True(t, hasText(u.win.Content(), "not right"), "the wrong-passphrase message")
	require.Nil(t, u.sess)

	test.Type(pass, "correct horse battery")
	test.Tap(findButton(t, u.win.Content(), "Unlock"))
	u.Idle()
	require.NotNil(t, u.sess, "unlocked")
}

func TestCtrlLLocksAndUnlockingReturnsToTheSameSection(t *testing.T) {
	u := newTestUI(t)
	createVault(t, u, "correct horse battery")
	test.Tap(findCheck(t, u.win.Content(), "recovery key"))
	test.Tap(findButton(t, u.win.Content(), "Continue"))
	u.shell.show(Directory)

	ctrlL := &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlL)
	require.Nil(t, u.sess, "Ctrl+L locks")
	require.True(t, hasText(u.win.Content(), "locked"))

	test.Type(entries(u.win.Content())[0], "correct horse battery")
	test.Tap(findButton(t, u.win.Content(), "Unlock"))
	u.Idle()
	require.NotNil(t, u.sess, "unlocked")
	require.Equal(t, Directory, u.shell.current)
}
