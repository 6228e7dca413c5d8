package diary

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestARefusedEntryOrSessionLeavesWhatItWasGivenUnchanged(t *testing.T) {
	s, db := newStore(t)
	e := &Entry{Date: " 2025-02-30 ", Tags: []string{"  Housing ", "housing"}, Sections: []SectionText{{Key: " learning ", Body: "x"}}}
	given := *e
	tags := append([]string(nil), e.Tags...)
	require.Error(t, s.Save(e))
	require.Equal(t, given, *e, "no trimming, no default template, no tag tidying")
	require.Equal(t, tags, e.Tags)
	require.Equal(t, " learning ", e.Sections[0].Key)

	ss := &Session{Date: "", Supervisor: " Ann ", Actions: []SessionAction{{Text: " Ring ", Due: " 2025-07-01 "}}}
	givenS := *ss
	require.Error(t, s.SaveSession(ss))
	require.Equal(t, givenS, *ss)
	require.Equal(t, " Ring ", ss.Actions[0].Text)

	var n int
	require.NoError(t, db.QueryRow(`SELECT (SELECT count(*) FROM diary) + (SELECT count(*) FROM supervision)`).Scan(&n))
	require.Zero(t, n)

	ss.Date = "2025-07-01"
	require.NoError(t, s.SaveSession(ss))
	require.Equal(t, "Ann", ss.Supervisor, "saved: the caller holds what was stored")
	require.Equal(t, "Ring", ss.Actions[0].Text)
	require.Equal(t, " Ring ", givenS.Actions[0].Text, "the slice given is not written into")
}
