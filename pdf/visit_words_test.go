package pdf

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/notes"
	"inreach/schema"
)

func TestAPhoneCallWriteUpDoesNotSayBookedOrSeen(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	s := notes.New(db)
	s.TodayFunc = func() string { return "2025-07-10" }
	var ids []string
	for _, n := range []string{"Ann Jones", "Bea Smith"} {
		p := &notes.Person{Name: n, Status: "community"}
		require.NoError(t, s.SavePerson(p))
		ids = append(ids, p.ID)
	}
	write := func(kind, place string) string {
		c := &notes.Contact{Date: "2025-07-04", Kind: kind, Place: place, People: []notes.ContactPerson{
			{PersonID: ids[0], Booked: false, Seen: true},
			{PersonID: ids[1], Booked: true, NotSeenReason: "refused"}}}
		require.NoError(t, s.SaveContact(c))
		b, err := VisitPDF(context.Background(), db, c.ID, VisitOptions{GeneratedOn: "2025-07-10"})
		require.NoError(t, err)
		return squash(pdfText(t, b))
	}

	call := write("phone", "")
	for _, want := range []string{"1 spoken to of 2", "Spoke to her (not arranged)", "Did not speak — refused"} {
		require.Contains(t, call, want)
	}
	require.NotContains(t, call, "seen")
	require.NotContains(t, call, "Seen")
	require.NotContains(t, call, "booked")

	visit := write("prison_visit", "Visits hall")
	for _, want := range []string{"1 seen of 2", "Seen (not booked)", "Not seen — refused"} {
		require.Contains(t, visit, want)
	}
}
