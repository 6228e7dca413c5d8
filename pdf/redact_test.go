package pdf

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/schema"
)

func TestTheRedactorReplacesWholeNamesAndTheirPartsOnly(t *testing.T) {
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	defer db.Close()
	mustExec(t, db, `INSERT INTO people (id, name, pseudonym) VALUES
		('p1', 'Zoë Łukasz', 'Rose'),
		('p2', 'Ann Lee', 'Ivy'), -- "Ann" is also part of Mary Ann Smith: ambiguous
		('p3', 'Mary Ann Smith', 'Fern'),
		('p4', 'Sarah Jones', 'Poppy'),
		('p5', 'Sarah Clark', ''),
		('p6', 'Jo Wu', 'Daisy')`)
	r, err := NewRedactor(context.Background(), db)
	require.NoError(t, err)
	for _, tc := range []struct{ in, want string }{
		{"Zoë Łukasz came.", "Rose came."},
		{"zoe lukasz, ZOË and Łukasz", "Rose, Rose and Rose"},
		{"Zoë\nŁukasz over two lines", "Rose over two lines"},
		{"Ann's room; Annual review; Lee", "[name withheld]'s room; Annual review; Ivy"},
		{"Mary Ann Smith and Mary", "Fern and Fern"},
		{"Mary Anne", "Fern Anne"},
		{"Sarah rang, then Sarah Jones and Jones", "[name withheld] rang, then Poppy and Poppy"},
		{"Clark", "[name withheld]"},
		{"Jo Wu met Jo", "Daisy met Jo"},
		{"Smithson", "Smithson"},
		{"", ""},
		{"no names here", "no names here"},
	} {
		require.Equal(t, tc.want, r.Redact(tc.in), tc.in)
	}
	require.Equal(t, "Rose", r.Pseudonym("p1"))
	require.Equal(t, Withheld, r.Pseudonym("p5"))
	require.Equal(t, Withheld, r.Pseudonym("nobody"))
}
