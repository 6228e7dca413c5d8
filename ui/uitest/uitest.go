// Package uitest drives the desktop app in tests: a test app over a vault
// with a cheap key derivation, a clock the test moves, background work the
// test waits for, and ways to find widgets on screen.
package uitest

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/schema"
	"inreach/ui"
	"inreach/ui/kit"
	"inreach/ui/start"
	"inreach/ui/uifind"
	"inreach/vault"
)

// cheapKDF keeps UI tests fast; the real cost is tested in the vault.
var cheapKDF = vault.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

// NewTestUI makes the app with the sections of nav on a test driver, with
// a vault path in a temp dir, a test clock and test jobs.
func NewTestUI(t *testing.T, nav kit.Nav) *ui.UI {
	t.Helper()
	a := test.NewTempApp(t)
	u := ui.NewUI(a, filepath.Join(t.TempDir(), "inreach.vault"), nav, kit.NewFakeClock(time.Now()), kit.NewTestJobs())
	u.Kdf = cheapKDF
	liveUIs = append(liveUIs, u)
	u.Win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(func() {
		// Lock as the app does: screens save drafts and stop their timers,
		// and the session is dropped, so no timer left by this test can
		// touch widgets while the next test runs.
		u.Idle()
		u.Lock()
		u.Idle()
		liveUIs = slices.DeleteFunc(liveUIs, func(x *ui.UI) bool { return x == u })
	})
	return u
}

// The widget finders, shared with the shell's own tests (ui/uifind).
var (
	Walk       = uifind.Walk
	FindButton = uifind.FindButton
	Entries    = uifind.Entries
	HasText    = uifind.HasText
	FindCheck  = uifind.FindCheck
)

// eventually lets time pass on the test clocks of the open test UIs, in
// small steps, waiting each time for the background work that started,
// until cond holds (or a minute of test-clock time has passed).
func Eventually(t *testing.T, cond func() bool, what string) {
	t.Helper()
	for range 600 {
		if cond() {
			return
		}
		for _, u := range liveUIs {
			u.Wait(100 * time.Millisecond)
		}
	}
	require.True(t, cond(), what)
}

// liveUIs are the test UIs of the running test.
var liveUIs []*ui.UI

// openTestVault creates a vault with a cheap KDF and opens the main window
// on it, as if the user had just unlocked.
func OpenTestVault(t *testing.T, u *ui.UI) {
	t.Helper()
	v, _, err := vault.Create(u.Path, []byte("correct horse battery"), vault.Options{KDF: cheapKDF, Migrations: schema.Migrations})
	require.NoError(t, err)
	require.NoError(t, start.EnsureIdentity(v))
	u.Opened(v)
}

// openDemoVault is openTestVault filled with the small demo corpus.
func OpenDemoVault(t *testing.T, u *ui.UI) {
	t.Helper()
	OpenTestVault(t, u)
	_, err := demo.Create(context.Background(), u.Sess.DB, "small", 1)
	require.NoError(t, err)
	u.Shell.Show(kit.Today)
}

// Relayout lays the window out again as the real driver does on its next
// frame, so that rows shown, hidden or rewrapped have taken their place.
func Relayout(u *ui.UI) {
	s := u.Win.Canvas().Size()
	u.Win.Resize(s.Subtract(fyne.NewSize(1, 0)))
	u.Win.Resize(s)
}

// ScreenPos is where o is drawn in the window, after a fresh layout.
func ScreenPos(u *ui.UI, o fyne.CanvasObject) fyne.Position {
	Relayout(u)
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// SetFor sets *p to v for the rest of the test and puts the old value back
// when it ends: a test shortens an editor's autosave delay with
// SetFor(t, &diaryAutosaveDelay, 20*time.Millisecond).
func SetFor[T any](t testing.TB, p *T, v T) {
	old := *p
	*p = v
	t.Cleanup(func() { *p = old })
}
