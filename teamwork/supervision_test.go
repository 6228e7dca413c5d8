package teamwork_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/diary"
	"inreach/owneronly"
	"inreach/supervisees"
	"inreach/teamwork"
)

func TestASupervisionPackGoesToTheSupervisorAndHerReplyBecomesTheSupervisionRecord(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	sam := newParty(t, "Sam Cole", folder, false)
	ann.knows(t, sam, "supervisor")
	sam.knows(t, ann, "supervisee")

	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	require.Equal(t, "2 diary entries for supervision", out.Summary)
	sent := ann.send(t, out)
	st, err := os.Stat(sent.Path)
	require.NoError(t, err)
	require.NoError(t, owneronly.Check(sent.Path), "owner-only (mode 0600, or the DACL on Windows)")
	require.Regexp(t, `^inreach-supervision-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.inreach$`, st.Name())

	waiting, err := teamwork.Inbox(sam.db, sam.me, folder)
	require.NoError(t, err)
	require.Len(t, waiting, 1)
	require.Equal(t, "Ann Reed", waiting[0].From)
	require.Contains(t, waiting[0].Describe(), "supervision pack from Ann Reed")
	res, err := sam.receive(waiting[0].Path)
	require.NoError(t, err)
	require.Equal(t, "a supervision pack of 2 diary entries from Ann Reed", res.Summary)

	// Held apart, read-only: none of it is in Sam's own records.
	require.Zero(t, count(t, sam.db, `SELECT count(*) FROM diary`))
	require.Zero(t, count(t, sam.db, `SELECT count(*) FROM people`))
	pack, err := supervisees.GetPack(sam.db, ann.me.Public().Fingerprint())
	require.NoError(t, err)
	require.Len(t, pack.Doc.Diary, 2)
	require.Equal(t, "d1", pack.Doc.Diary[0].ID)
	require.Contains(t, pack.Doc.Diary[0].Sections.Get("visit_detail"), "Marguerite Oyelaran")
	require.Len(t, pack.Doc.Contacts, 1, "the linked contact's facts")
	require.Len(t, pack.Doc.People, 2, "the women at that contact")
	for _, p := range pack.Doc.People {
		require.Empty(t, p.PrisonNumber)
		require.Nil(t, p.DateOfBirth)
		require.Empty(t, p.Sensitive)
		require.Empty(t, p.SafetyNote)
	}
	require.Len(t, pack.Doc.Supervision, 1, "the earlier session's open action")
	require.Len(t, pack.Doc.Supervision[0].Actions, 1)
	require.Equal(t, "Book training", pack.Doc.Supervision[0].Actions[0].Text)
	require.Empty(t, pack.Doc.Letters)
	require.Empty(t, pack.Doc.Actions)

	// Ann edits d1 after sending it; d2 stays as sent.
	ds := diary.New(ann.db)
	e, err := ds.Get("d1")
	require.NoError(t, err)
	e.Sections[len(e.Sections)-1].Body += " and more"
	require.NoError(t, ds.Save(e))
	require.NoError(t, ann.v.Save())

	ss := &supervisees.Session{Sender: ann.me.Public().Fingerprint(), Date: "2026-11-05", Supervisor: "Sam Cole",
		Notes: "Good month", SignedOffOn: "2026-11-05",
		Entries: []supervisees.Entry{{DiaryID: "d1", Comment: "Well handled"}, {DiaryID: "d2", Comment: "Rest more"}},
		Actions: []supervisees.Action{{Text: "Read the housing guide", Owner: "Ann", Due: "2026-12-01"}}}
	require.NoError(t, supervisees.Save(sam.db, ss))
	reply, err := teamwork.PrepareReply(ctx, sam.db, ss.ID)
	require.NoError(t, err)
	require.Equal(t, sent.Header.ID, reply.Answers)
	rsent := sam.send(t, reply)
	got, err := supervisees.Get(sam.db, ss.ID)
	require.NoError(t, err)
	require.Equal(t, rsent.Header.ID, got.SentBundle)

	waiting, err = teamwork.Inbox(ann.db, ann.me, folder)
	require.NoError(t, err)
	require.Len(t, waiting, 1, "Ann's own sent pack is not in her inbox")
	require.Equal(t, "reply", waiting[0].Kind)
	_, err = ann.receive(waiting[0].Path)
	require.NoError(t, err)

	rec, err := ds.GetSession(ss.ID)
	require.NoError(t, err)
	require.Equal(t, "2026-11-05", rec.SignedOffOn)
	require.Equal(t, "Good month", rec.Notes)
	require.Equal(t, []diary.SessionEntry{{DiaryID: "d1", Comment: "Well handled"}, {DiaryID: "d2", Comment: "Rest more"}}, rec.Entries)
	require.Equal(t, "Ann", rec.Actions[0].Owner)
	require.Equal(t, "2026-12-01", rec.Actions[0].Due)
	for _, id := range []string{"d1", "d2"} {
		e, err := ds.Get(id)
		require.NoError(t, err)
		require.Equal(t, "discussed", e.Status, id)
	}
	e3, err := ds.Get("d3")
	require.NoError(t, err)
	require.Equal(t, "draft", e3.Status, "an entry not in the session is untouched")
	changed, err := teamwork.ChangedSinceSent(ann.db, ss.ID)
	require.NoError(t, err)
	require.Equal(t, map[string]bool{"d1": true}, changed)
	from, ok, err := teamwork.ReceivedFrom(ann.db, ss.ID)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "Sam Cole", from)

	// Nothing readable reached the shared folder.
	require.Equal(t, 2, noCanaryIn(t, folder))

	// Tidying removes only what this vault received.
	removed, err := teamwork.Tidy(ann.db, ann.me, folder)
	require.NoError(t, err)
	require.Equal(t, []string{waiting[0].Path}, removed)
	_, err = os.Stat(sent.Path)
	require.NoError(t, err, "the pack Ann sent is still there for Sam")
}

func TestSendingAgainSupersedesTheOlderPack(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	sam := newParty(t, "Sam Cole", folder, false)
	ann.knows(t, sam, "supervisor")
	sam.knows(t, ann, "supervisee")
	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	first := ann.send(t, out)
	_, err = sam.receive(first.Path)
	require.NoError(t, err)

	require.NoError(t, diary.New(ann.db).SetStatus("d3", "for_supervision"))
	out, err = teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	second := ann.send(t, out)
	_, err = sam.receive(second.Path)
	require.NoError(t, err)
	packs, err := supervisees.ListPacks(sam.db)
	require.NoError(t, err)
	require.Len(t, packs, 1)
	require.Equal(t, second.Header.ID, packs[0].BundleID)
	pack, err := supervisees.GetPack(sam.db, ann.me.Public().Fingerprint())
	require.NoError(t, err)
	require.Len(t, pack.Doc.Diary, 3)
}

func TestTwoSuperviseesWithTheSameDiaryIdsNeverClash(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	kay := newParty(t, "Kay Lin", folder, true)
	sam := newParty(t, "Sam Cole", folder, false)
	for _, p := range []*party{ann, kay} {
		p.knows(t, sam, "supervisor")
		sam.knows(t, p, "supervisee")
	}
	// Kay's d1 says something else.
	e, err := diary.New(kay.db).Get("d1")
	require.NoError(t, err)
	e.Sections[0].Body = "Kay's own visit"
	require.NoError(t, diary.New(kay.db).Save(e))

	for _, p := range []*party{ann, kay} {
		out, err := teamwork.PrepareSupervision(ctx, p.db, p.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
		require.NoError(t, err)
		s := p.send(t, out)
		_, err = sam.receive(s.Path)
		require.NoError(t, err)
	}
	pa, err := supervisees.GetPack(sam.db, ann.me.Public().Fingerprint())
	require.NoError(t, err)
	pk, err := supervisees.GetPack(sam.db, kay.me.Public().Fingerprint())
	require.NoError(t, err)
	require.Equal(t, "d1", pa.Doc.Diary[0].ID)
	require.Equal(t, "d1", pk.Doc.Diary[0].ID)
	require.Contains(t, pa.Doc.Diary[0].Sections.Get("visit_detail"), "Marguerite")
	require.Equal(t, "Kay's own visit", pk.Doc.Diary[0].Sections.Get("visit_detail"))

	// A session on Kay's d1 goes to Kay, not Ann.
	ss := &supervisees.Session{Sender: kay.me.Public().Fingerprint(), Date: "2026-11-05", Entries: []supervisees.Entry{{DiaryID: "d1", Comment: "for Kay"}}}
	require.NoError(t, supervisees.Save(sam.db, ss))
	reply, err := teamwork.PrepareReply(ctx, sam.db, ss.ID)
	require.NoError(t, err)
	require.Equal(t, "Kay Lin", reply.To.Name)
}

func TestARedactedPackHoldsPseudonymsNotNames(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	sam := newParty(t, "Sam Cole", folder, false)
	ann.knows(t, sam, "supervisor")
	sam.knows(t, ann, "supervisee")
	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{Redact: true, From: "2026-10-01", To: "2026-10-31"})
	require.NoError(t, err)
	s := ann.send(t, out)
	_, err = sam.receive(s.Path)
	require.NoError(t, err)
	pack, err := supervisees.GetPack(sam.db, ann.me.Public().Fingerprint())
	require.NoError(t, err)
	require.True(t, pack.Redacted)
	require.Len(t, pack.Doc.Diary, 3, "the period's entries, whatever their status")
	var doc string
	require.NoError(t, sam.db.QueryRow(`SELECT document FROM supervisee_packs`).Scan(&doc))
	for _, name := range []string{"Marguerite", "Oyelaran", "Beatrix", "Quennell"} {
		require.False(t, strings.Contains(doc, name), name)
	}
	require.Contains(t, doc, "Tamsin")
}

func TestASupervisorsSessionOnlyNamesEntriesSheWasSent(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	sam := newParty(t, "Sam Cole", folder, false)
	ann.knows(t, sam, "supervisor")
	sam.knows(t, ann, "supervisee")
	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	s := ann.send(t, out)
	_, err = sam.receive(s.Path)
	require.NoError(t, err)
	ss := &supervisees.Session{Sender: ann.me.Public().Fingerprint(), Date: "2026-11-05", Entries: []supervisees.Entry{{DiaryID: "d3"}}}
	err = supervisees.Save(sam.db, ss)
	require.Error(t, err)
	require.Contains(t, err.Error(), `There is no entry "d3" in what she sent`)
	require.Zero(t, count(t, sam.db, `SELECT count(*) FROM supervisee_sessions`))
}

func TestAReplyWhoseSessionIdIsOneOfHerOwnIsRefusedAndChangesNothing(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	sam := newParty(t, "Sam Cole", folder, false)
	ann.knows(t, sam, "supervisor")
	sam.knows(t, ann, "supervisee")
	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	s := ann.send(t, out)
	_, err = sam.receive(s.Path)
	require.NoError(t, err)
	ss := &supervisees.Session{ID: "s0", Sender: ann.me.Public().Fingerprint(), Date: "2026-11-05", Notes: "overwrite?",
		Entries: []supervisees.Entry{{DiaryID: "d1"}}}
	require.NoError(t, supervisees.Save(sam.db, ss))
	reply, err := teamwork.PrepareReply(ctx, sam.db, "s0")
	require.NoError(t, err)
	r := sam.send(t, reply)
	before := ann.state(t)
	_, err = ann.receive(r.Path)
	require.ErrorIs(t, err, teamwork.ErrInvalid)
	require.Contains(t, err.Error(), "supervision session of your own")
	require.Equal(t, before, ann.state(t))
}

func TestAReplyNamingAnEntrySheDoesNotHaveIsRefusedNamingTheField(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	sam := newParty(t, "Sam Cole", folder, false)
	ann.knows(t, sam, "supervisor")
	sam.knows(t, ann, "supervisee")
	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	s := ann.send(t, out)
	_, err = sam.receive(s.Path)
	require.NoError(t, err)
	ss := &supervisees.Session{Sender: ann.me.Public().Fingerprint(), Date: "2026-11-05", Entries: []supervisees.Entry{{DiaryID: "d2"}}}
	require.NoError(t, supervisees.Save(sam.db, ss))
	reply, err := teamwork.PrepareReply(ctx, sam.db, ss.ID)
	require.NoError(t, err)
	r := sam.send(t, reply)
	require.NoError(t, diary.New(ann.db).Delete("d2"))
	before := ann.state(t)
	_, err = ann.receive(r.Path)
	require.ErrorIs(t, err, teamwork.ErrInvalid)
	require.Contains(t, err.Error(), "supervision[0]")
	require.Contains(t, err.Error(), "d2")
	require.Equal(t, before, ann.state(t))
}
