package contacts

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/schema"
	"inreach/ui"
	"inreach/ui/uitest"
	"inreach/vault"
)

func TestAutoLockAfterIdleDropsTheDataAndKeepsTheDraft(t *testing.T) {
	fx := newContactsFixture(t, "Anna Smith")
	fx.s.newContact()
	fx.s.Form.where.SetSelected("HMP Peterborough")
	fx.addWoman(t, "Anna")
	fx.typing("Talked about the housing panel.")

	fx.u.LockAfter = 150 * time.Millisecond
	fx.u.StartIdleWatch()
	fx.u.Wait(ui.IdleTick) // the watch sees the typing
	require.NotNil(t, fx.u.Sess, "not idle yet")
	fx.u.Wait(2 * ui.IdleTick)
	require.Nil(t, fx.u.Sess, "the vault locks when idle")
	require.True(t, uitest.HasText(fx.u.Win.Content(), "locked"), "the unlock screen is showing")

	v, err := vault.Open(fx.u.Path, []byte("correct horse battery"), vault.Options{Migrations: schema.Migrations})
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
	fx.u.LockAfter = 3 * ui.IdleTick
	fx.u.StartIdleWatch()
	for i := 0; i < 12; i++ { // 12 ticks of typing: longer than the period
		fx.typing("a")
		fx.u.Wait(ui.IdleTick)
		require.NotNil(t, fx.u.Sess, "typing counts as activity")
	}
	fx.u.Wait(4 * ui.IdleTick)
	require.Nil(t, fx.u.Sess, "and it locks once the typing stops")
}
