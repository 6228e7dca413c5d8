package settings

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/newsletter"
	"inreach/notes"
	"inreach/ui/kit"
	"inreach/ui/uitest"
)

// Typing in Settings and waiting stores the setting, and nothing else; a
// number of years that is not one says what is needed, stores nothing and
// keeps the typing.
func TestSettingsSaveThemselvesAsYouTypeAndSayWhatIsMissing(t *testing.T) {
	uitest.SetFor(t, &settingsAutosaveDelay, 20*time.Millisecond)
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	u.Shell.Show(kit.Settings)
	s := u.Shell.Screens[kit.Settings].(*settingsScreen)
	require.Equal(t, kit.AutosaveNote, s.status.Text())
	before := uitest.Tables(t, u)

	uitest.TypeInto(u, s.fields[notes.SettingOrganisation], "Northgate Women's Centre")
	uitest.Eventually(t, func() bool {
		return u.Sess.Notes.GetSetting(notes.SettingOrganisation, "") == "Northgate Women's Centre"
	}, "the organisation saves itself")
	require.Equal(t, kit.SavedNote(u.Env()), s.status.Text())
	require.False(t, s.Dirty)
	require.Equal(t, []string{"settings"}, uitest.ChangedTables(before, uitest.Tables(t, u)), "only the settings changed")

	before = uitest.Tables(t, u)
	uitest.TypeInto(u, s.fields[notes.SettingRetentionYears], "six")
	want := kit.NotSavedNote("keep closed records needs a whole number of years, 1 to 100")
	uitest.Eventually(t, func() bool { return s.status.Text() == want }, "the note says what is missing")
	require.Empty(t, uitest.ChangedTables(before, uitest.Tables(t, u)), "nothing is stored")
	require.Equal(t, "six", s.fields[notes.SettingRetentionYears].Text, "the typing is kept")

	// What else is typed meanwhile is saved; the years stay as typed.
	s.fields[newsletter.SettingOrgPhone].SetText("0117 496 0000")
	uitest.Eventually(t, func() bool { return u.Sess.Notes.GetSetting(newsletter.SettingOrgPhone, "") == "0117 496 0000" }, "the phone saves")
	require.Equal(t, want, s.status.Text(), "the note still says what is missing")
	require.Equal(t, "", u.Sess.Notes.GetSetting(notes.SettingRetentionYears, ""))

	// Put right, it saves.
	s.fields[notes.SettingRetentionYears].SetText("7")
	uitest.Eventually(t, func() bool { return u.Sess.Notes.GetSetting(notes.SettingRetentionYears, "") == "7" }, "the years save")
	require.Equal(t, kit.SavedNote(u.Env()), s.status.Text())
}

// Locking before the autosave keeps what was typed.
func TestSettingsTypedJustBeforeTheLockAreSaved(t *testing.T) {
	u := newTestUI(t)
	uitest.OpenTestVault(t, u)
	u.Shell.Show(kit.Settings)
	s := u.Shell.Screens[kit.Settings].(*settingsScreen)
	uitest.TypeInto(u, s.fields[notes.SettingOrganisation], "Northgate Women's Centre")
	require.True(t, s.Dirty, "not saved yet")
	u.Lock()
	uitest.TypeInto(u, uitest.Entries(u.Win.Content())[0], "correct horse battery")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Unlock"))
	u.Idle()
	require.Equal(t, "Northgate Women's Centre", u.Sess.Notes.GetSetting(notes.SettingOrganisation, ""))
}
