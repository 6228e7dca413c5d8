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
	idleTick = 10 * time.Millisecond
	t.Cleanup(func() { idleTick = time.Second })
	fx.s.newContact()
	fx.s.form.where.SetSelected("HMP Peterborough")
	fx.addWoman(t, "Anna")
	fx.typing("Talked about the housing panel.")

	fx.u.lockAfter = 150 * time.Millisecond
	fx.u.startIdleWatch()
	eventually(t, func() bool { return fx.u.sess == nil }, "the vault locks when idle")
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
	idleTick = 10 * time.Millisecond
	t.Cleanup(func() { idleTick = time.Second })
	fx.s.newContact()
	fx.addWoman(t, "Anna")
	fx.u.lockAfter = 250 * time.Millisecond
	fx.u.startIdleWatch()
	for i := 0; i < 12; i++ { // 12 × 50 ms of typing: longer than the period
		fx.typing("a")
		time.Sleep(50 * time.Millisecond)
		require.NotNil(t, fx.u.sess, "typing counts as activity")
	}
	eventually(t, func() bool { return fx.u.sess == nil }, "and it locks once the typing stops")
}

func TestWakingFromSleepLocks(t *testing.T) {
	u := newTestUI(t)
	openTestVault(t, u)
	u.stopIdleWatch()
	u.idle = &idleWatch{u: u, stop: make(chan struct{}), last: time.Now(), timeout: time.Hour}
	// The wall clock moved on an hour while the monotonic clock did not:
	// the machine was asleep.
	now := time.Now()
	u.idle.tickMono = now
	u.idle.tickWall = now.Round(0).Add(-time.Hour)
	u.idle.check()
	require.Nil(t, u.sess)
}
