package teamwork_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"inreach/owneronly"
	"inreach/teamwork"
)

func TestTheInboxListsOnlyBundlesForThisVaultAndTouchesNoOtherFile(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	sam := newParty(t, "Sam Cole", folder, false)
	kay := newParty(t, "Kay Lin", folder, false)
	ann.knows(t, sam, "supervisor")
	ann.knows(t, kay, "colleague")
	sam.knows(t, ann, "supervisee")
	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	forSam := ann.send(t, out)
	out, err = teamwork.PrepareHandover(ctx, ann.db, ann.member(t, "Kay Lin"), []string{"p2"})
	require.NoError(t, err)
	forKay := ann.send(t, out)
	junk := filepath.Join(folder, "notes.inreach")
	require.NoError(t, os.WriteFile(junk, []byte("not a bundle"), 0o644))
	other := filepath.Join(folder, "minutes.docx")
	require.NoError(t, os.WriteFile(other, []byte("x"), 0o644))
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range []string{forKay.Path, junk, other} {
		require.NoError(t, os.Chtimes(p, old, old))
	}
	snapshot := func() map[string]string {
		m := map[string]string{}
		es, err := os.ReadDir(folder)
		require.NoError(t, err)
		for _, e := range es {
			b, err := os.ReadFile(filepath.Join(folder, e.Name()))
			require.NoError(t, err)
			st, err := os.Stat(filepath.Join(folder, e.Name()))
			require.NoError(t, err)
			m[e.Name()] = string(b) + st.ModTime().String() + st.Mode().String()
		}
		return m
	}
	before := snapshot()

	ws, err := teamwork.Inbox(sam.db, sam.me, folder)
	require.NoError(t, err)
	require.Len(t, ws, 1)
	require.Equal(t, forSam.Path, ws[0].Path)
	require.Equal(t, "1 waiting: supervision pack from Ann Reed", teamwork.Summary(ws))
	require.Equal(t, before, snapshot(), "listing changes no file")

	_, err = sam.receive(ws[0].Path)
	require.NoError(t, err)
	ws, err = teamwork.Inbox(sam.db, sam.me, folder)
	require.NoError(t, err)
	require.True(t, ws[0].Received)
	require.Equal(t, "", teamwork.Summary(ws))
	removed, err := teamwork.Tidy(sam.db, sam.me, folder)
	require.NoError(t, err)
	require.Equal(t, []string{forSam.Path}, removed)
	after := snapshot()
	delete(before, filepath.Base(forSam.Path))
	require.Equal(t, before, after, "tidying removed only the bundle received")

	// Kay has not put Ann on her list: her inbox shows the bundle with
	// Ann's fingerprint, and receiving it is refused.
	ws, err = teamwork.Inbox(kay.db, kay.me, folder)
	require.NoError(t, err)
	require.Len(t, ws, 1)
	require.False(t, ws[0].OnTeam)
	require.Contains(t, ws[0].Describe(), ann.me.Public().Fingerprint())
	_, err = kay.receive(ws[0].Path)
	require.ErrorIs(t, err, teamwork.ErrUnknownSender)
}

func TestBundlesAreWrittenOwnerOnlyUnderNamesWithoutWomensNames(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	kay := newParty(t, "Kay Lin", folder, false)
	ann.knows(t, kay, "colleague")
	out, err := teamwork.PrepareHandover(ctx, ann.db, ann.member(t, "Kay Lin"), []string{"p1", "p2"})
	require.NoError(t, err)
	s := ann.send(t, out)
	st, err := os.Stat(s.Path)
	require.NoError(t, err)
	require.NoError(t, owneronly.Check(s.Path), "owner-only (mode 0600, or the DACL on Windows)")
	require.Regexp(t, `^inreach-handover-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.inreach$`, st.Name())
	require.Equal(t, 1, noCanaryIn(t, folder), "one file, no temporary left, no name or canary in it")

	log, err := teamwork.SentLog(ann.db)
	require.NoError(t, err)
	require.Len(t, log, 1)
	require.Equal(t, teamwork.SentRecord{BundleID: s.Header.ID, Recipient: kay.me.Public().Fingerprint(), Name: "Kay Lin",
		Kind: "handover", Created: s.Header.Created, Records: log[0].Records}, log[0])
	require.Greater(t, log[0].Records, 2)
	receipts, err := teamwork.Receipts(kay.db)
	require.NoError(t, err)
	require.Empty(t, receipts)

	kay.knows(t, ann, "colleague")
	_, err = kay.receive(s.Path)
	require.NoError(t, err)
	require.Equal(t, 2, count(t, kay.db, `SELECT count(*) FROM contact_people WHERE contact_id = 'c1'`), "both women handed over: both rows of their shared visit")
	require.Equal(t, 2, count(t, kay.db, `SELECT count(*) FROM events WHERE kind = 'handed_over'`))
	receipts, err = teamwork.Receipts(kay.db)
	require.NoError(t, err)
	require.Len(t, receipts, 1)
	require.Equal(t, s.Header.ID, receipts[0].BundleID)
	require.Equal(t, "Ann Reed", receipts[0].SenderName)
	require.Equal(t, "handover", receipts[0].Kind)
}

func TestTheExchangeFolderMustExist(t *testing.T) {
	ann := newParty(t, "Ann Reed", "", false)
	require.Error(t, teamwork.SetFolder(ann.db, filepath.Join(t.TempDir(), "missing")))
	require.Equal(t, "", teamwork.Folder(ann.db))
	_, err := teamwork.PathInFolder(ann.db, "handover")
	require.ErrorContains(t, err, "no exchange folder is set")
}
