package ui

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/schema"
	"inreach/vault"
)

func TestAutoLockAfterIdleDropsTheDataAndKeepsTheDraft(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	fx.s.newContact()
	fx.s.form.where.SetSelected("HMP Peterborough")
	fx.addWoman(t, "Anna")
	fx.typing("Talked about the housing panel.")

	fx.u.lockAfter = 150 * time.Millisecond
	fx.u.startIdleWatch()
	fx.u.wait(idleTick) // the watch sees the typing
	require.NotNil(t, fx.u.sess, "not idle yet")
	fx.u.wait(2 * idleTick)
	require.Nil(t, fx.u.sess, "the vault locks when idle")
	require.True(t, hasText(fx.u.win.Content(), "locked"), "the unlock screen is showing")

	v, err := vault.Open(fx.u.path, []byte("correct horse battery"), vault.Options{Migrations: schema.Migrations})
	require.NoError(t, err)
	defer v.Close()
	var body string
	require.NoError(t, v.DB().QueryRow(`SELECT body FROM drafts WHERE kind LIKE '%contact%' OR key LIKE 'contact:%'`).Scan(&body))
	require.Contains(t, body, "Talked about the housing panel.", "the draft was saved before locking")
}

func TestTypingKeepsTheVaultOpen(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	fx.s.newContact()
	fx.addWoman(t, "Anna")
	fx.u.lockAfter = 3 * idleTick
	fx.u.startIdleWatch()
	for i := 0; i < 12; i++ { // 12 ticks of typing: longer than the period
		fx.typing("a")
		fx.u.wait(idleTick)
		require.NotNil(t, fx.u.sess, "typing counts as activity")
	}
	fx.u.wait(4 * idleTick)
	require.Nil(t, fx.u.sess, "and it locks once the typing stops")
}
