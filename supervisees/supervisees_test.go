package supervisees

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/exchange"
	"inreach/schema"
)

const pack = `{"format":"inreach","version":1,"exported_at":"","diary":[
 {"id":"d1","date":"2026-10-01","contact":null,"template":"gibbs","sections":{"description":"one"},"tags":[],"status":"for_supervision"},
 {"id":"d2","date":"2026-10-02","contact":null,"template":"gibbs","sections":{"description":"two"},"tags":[],"status":"for_supervision"}]}`

func newDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func store(t *testing.T, db *sql.DB, sender, bundleID, text string) {
	t.Helper()
	d, err := exchange.Read(strings.NewReader(text))
	require.NoError(t, err)
	require.NoError(t, schema.WithTx(db, func(tx *sql.Tx) error {
		return StorePackTx(tx, sender, bundleID, "2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z", false, d)
	}))
}

func TestASessionIsSavedReadBackAndTurnedIntoAReply(t *testing.T) {
	db := newDB(t)
	store(t, db, "AAAA", "b1", pack)
	ss := &Session{Sender: "AAAA", Date: "2026-11-05", Supervisor: "Sam", Notes: "n", SignedOffOn: "2026-11-06",
		Entries: []Entry{{DiaryID: "d2", Comment: "c2"}, {DiaryID: "d1"}},
		Actions: []Action{{Text: "Read", Owner: "Ann", Due: "2026-12-01"}, {Text: "Rest"}}}
	require.NoError(t, Save(db, ss))
	got, err := Get(db, ss.ID)
	require.NoError(t, err)
	require.Equal(t, "b1", got.Answers, "it answers the pack it was written on")
	require.Equal(t, ss.Entries, got.Entries)
	require.Equal(t, ss.Actions, got.Actions)
	r := got.AsReply()
	require.Equal(t, []string{"d2", "d1"}, r.Entries)
	require.Equal(t, map[string]string{"d2": "c2"}, r.Comments)
	require.Equal(t, "2026-11-06", *r.SignedOffOn)
	require.Nil(t, r.Actions[1].Due)
	list, err := List(db, "AAAA")
	require.NoError(t, err)
	require.Len(t, list, 1)
	list, err = List(db, "BBBB")
	require.NoError(t, err)
	require.Empty(t, list)
}

func TestBadSessionsAreRefusedNamingTheFieldAndNothingIsWritten(t *testing.T) {
	db := newDB(t)
	store(t, db, "AAAA", "b1", pack)
	for _, c := range []struct {
		ss    Session
		field string
	}{
		{Session{Sender: "AAAA", Date: "2026-02-30"}, "Date"},
		{Session{Sender: "AAAA", Date: "2026-11-05", SignedOffOn: "2026-11-01"}, "SignedOffOn"},
		{Session{Sender: "AAAA", Date: "2026-11-05", Entries: []Entry{{DiaryID: "d9"}}}, "Entries[0].DiaryID"},
		{Session{Sender: "AAAA", Date: "2026-11-05", Entries: []Entry{{DiaryID: "d1"}, {DiaryID: "d1"}}}, "Entries[1].DiaryID"},
		{Session{Sender: "AAAA", Date: "2026-11-05", Actions: []Action{{Text: " "}}}, "Actions[0].Text"},
		{Session{Sender: "AAAA", Date: "2026-11-05", Notes: "\xff"}, "Notes"},
	} {
		ss := c.ss
		err := Save(db, &ss)
		require.Error(t, err, c.field)
		require.Contains(t, err.Error(), c.field)
	}
	err := Save(db, &Session{Sender: "CCCC", Date: "2026-11-05"})
	require.ErrorIs(t, err, ErrNoPack)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM supervisee_sessions`).Scan(&n))
	require.Zero(t, n)
}

func TestANewerPackFromTheSameSuperviseeReplacesTheOlderAndOthersStay(t *testing.T) {
	db := newDB(t)
	store(t, db, "AAAA", "b1", pack)
	store(t, db, "BBBB", "b2", pack)
	store(t, db, "AAAA", "b3", strings.Replace(pack, `"one"`, `"one, edited"`, 1))
	packs, err := ListPacks(db)
	require.NoError(t, err)
	require.Len(t, packs, 2)
	a, err := GetPack(db, "AAAA")
	require.NoError(t, err)
	require.Equal(t, "b3", a.BundleID)
	require.Equal(t, "one, edited", a.Doc.Diary[0].Sections.Get("description"))
	b, err := GetPack(db, "BBBB")
	require.NoError(t, err)
	require.Equal(t, "one", b.Doc.Diary[0].Sections.Get("description"))
}
