package women_test

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/team"
	"inreach/teamwork"
	"inreach/ui/kit"
	"inreach/ui/sections"
	"inreach/ui/uitest"
	"inreach/ui/women"
)

func TestHandingAWomanOverWithErasureSendsHerWholeRecordAndLeavesHerOutOfThisVault(t *testing.T) {
	u := uitest.NewTestUI(t, sections.App)
	uitest.OpenTestVault(t, u)
	db := u.Sess.DB
	ids := uitest.SeedCasework(t, u)
	folder := t.TempDir()
	require.NoError(t, teamwork.SetFolder(db, folder))
	bea := uitest.NewColleague(t, "Bea Marsh", folder)
	bea.Knows(t, "Ann Lee", uitest.MyID(t, db), "colleague")
	_, err := team.Add(db, "Bea Marsh", bea.Me.Public().String(), "colleague", true)
	require.NoError(t, err)
	mariamBefore, err := u.Sess.Notes.GetPerson(ids.Mariam)
	require.NoError(t, err)

	u.Shell.Open(kit.Record(kit.Women, ids.Dana))
	s := u.Shell.Screens[kit.Women].(*women.WomenScreen)
	test.Tap(uitest.FindButton(t, s.Content(), "Hand over to a colleague"))
	dlg := u.Win.Canvas().Overlays().Top()
	test.Tap(uitest.FindCheck(t, dlg, "Erase her from this vault"))
	typed := uitest.Entries(dlg)[0]
	uitest.TypeInto(u, typed, "Dana Whitfiel")
	test.Tap(uitest.FindButton(t, dlg, "Hand her over"))
	require.True(t, uitest.HasText(dlg, "That is not her name as recorded"), "a wrong name erases nothing")
	files, _ := filepath.Glob(filepath.Join(folder, "*.inreach"))
	require.Empty(t, files, "and sends nothing")

	uitest.TypeInto(u, typed, "d")
	test.Tap(uitest.FindButton(t, dlg, "Hand her over"))
	u.Idle()
	done := u.Win.Canvas().Overlays().Top()
	require.True(t, uitest.HasText(done, "Handed over to Bea Marsh: the whole record of 1 woman."))
	require.True(t, uitest.HasText(done, "She has been erased from this vault."))
	files, _ = filepath.Glob(filepath.Join(folder, "*.inreach"))
	require.Len(t, files, 1)
	require.True(t, uitest.HasText(done, filepath.Base(files[0])), "the message names the file")

	_, err = u.Sess.Notes.GetPerson(ids.Dana)
	require.Error(t, err, "she is gone from this vault")
	mariamAfter, err := u.Sess.Notes.GetPerson(ids.Mariam)
	require.NoError(t, err)
	require.Equal(t, mariamBefore, mariamAfter, "another woman is untouched")

	_, err = teamwork.ReceiveFile(context.Background(), bea.DB, bea.Me, files[0])
	require.NoError(t, err)
	dana, err := notes.New(bea.DB).GetPerson(ids.Dana)
	require.NoError(t, err)
	require.Equal(t, "Dana Whitfield", dana.Name)
	require.Len(t, dana.Needs, 2, "her whole record arrives")
}
