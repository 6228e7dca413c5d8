package pdf

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/diary"
)

// coverOf is the text of the pack's first page (the cover).
func coverOf(t *testing.T, b []byte) string {
	t.Helper()
	return squash(pdfPages(pdfText(t, b))[0])
}

func TestTheSupervisionPackCoverNamesTheSupervisor(t *testing.T) {
	db := supervisionFixture(t)
	opts := packOptions(true)
	opts.Supervisor = "Jo Given"
	b, err := SupervisionPack(context.Background(), db, opts)
	require.NoError(t, err)
	require.Contains(t, coverOf(t, b), "Supervisor Jo Given", "the name given is on the cover")

	// None given: the latest session's supervisor on or before the end of the period.
	require.NoError(t, diary.New(db).SaveSession(&diary.Session{Date: "2025-06-10", Supervisor: "Sam Later"}))
	require.NoError(t, diary.New(db).SaveSession(&diary.Session{Date: "2025-08-01", Supervisor: "After Period"}))
	require.NoError(t, diary.New(db).SaveSession(&diary.Session{Date: "2025-06-20"})) // names no one
	opts.Supervisor = ""
	b, err = SupervisionPack(context.Background(), db, opts)
	require.NoError(t, err)
	cover := coverOf(t, b)
	require.Contains(t, cover, "Supervisor Sam Later")
	require.NotContains(t, cover, "After Period")

	name, err := PackSupervisor(context.Background(), db, "2025-05-31")
	require.NoError(t, err)
	require.Equal(t, "Ann Supervisor", name)
	name, err = PackSupervisor(context.Background(), db, "2025-01-01")
	require.NoError(t, err)
	require.Empty(t, name, "no session before: no name")
}

func TestRedactedAndUnredactedSupervisionPacksGetDifferentFileNames(t *testing.T) {
	full := packOptions(false)
	red := packOptions(true)
	require.Equal(t, "supervision-pack-2025-04-01-to-2025-06-30.pdf", SupervisionPackFileName(full))
	require.Equal(t, "supervision-pack-2025-04-01-to-2025-06-30-redacted.pdf", SupervisionPackFileName(red))
	require.NotEqual(t, SupervisionPackFileName(full), SupervisionPackFileName(red))
	require.Equal(t, packOptions(true), red, "naming changes nothing")
}
