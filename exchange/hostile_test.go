package exchange_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"inreach/demo"
	"inreach/exchange"
)

// Hostile files: every one is refused as a whole, the message names the
// record and the field, and the vault is left exactly as it was.
func TestHostileFilesAreRefusedNamingRecordAndFieldAndNothingIsImported(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           string
	}{
		{"invalid UTF-8 in a note", `"safety_note": "Woman worker only"`, "\"safety_note\": \"Woman \xff\xfe worker\"",
			`people[0] (id "p1"): safety_note is not valid UTF-8 text`},
		{"a lone surrogate escape in a name", `"name": "Ann Smith"`, `"name": "Ann \ud800Smith"`,
			`people[0] (id "p1"): name is not valid UTF-8 text`},
		{"a NUL in a note", `"note": "Talked about housing."`, `"note": "Talked\u0000about housing."`,
			`contacts[0] (id "c1"): people[0].note holds a control character (U+0000`},
		{"a terminal escape in a name", `"name": "Ann Smith"`, `"name": "Ann\u001b]0;owned\u0007 Smith"`,
			`people[0] (id "p1"): name holds a control character (U+001B`},
		{"a raw control byte in a note", `"safety_note": "Woman worker only"`, "\"safety_note\": \"Woman \x7f worker\"",
			`people[0] (id "p1"): safety_note holds a control character (U+007F`},
		{"a C1 control in a heading", `"heading": "From the team"`, `"heading": "From\u009b the team"`,
			`newsletters[0] (id "n1"): sections[0].heading holds a control character (U+009B`},
		{"a line break in a name", `"name": "Ann Smith"`, `"name": "Ann\nSmith"`,
			`people[0] (id "p1"): name holds a tab or line break`},
		{"a tab in a tag", `"tags": [
        "trauma-informed"`, `"tags": [
        "trauma\tinformed"`,
			`diary[0] (id "d1"): tags[0] holds a tab or line break`},
		{"a bidi override in a diary section", `"learning": "Send the list earlier."`, `"learning": "Send the \u202elist earlier."`,
			`diary[0] (id "d1"): sections.learning holds a bidirectional override character (U+202E`},
		{"a bidi isolate in a pseudonym", `"pseudonym": "Wren A."`, `"pseudonym": "\u2067Wren\u2069 A."`,
			`people[0] (id "p1"): pseudonym holds a bidirectional override character (U+2067`},
		{"a name of zero-width characters only", `"name": "Ann Smith"`, `"name": "\u200b\u200c\u200d\ufeff"`,
			`people[0] (id "p1"): name is empty: every person needs a name`},
		{"a contact that ends before it starts", `"end": "15:30"`, `"end": "10:00"`,
			`contacts[0] (id "c1"): end "10:00" is before the start "13:30"`},
		{"a birth date before 1900", `"date_of_birth": "1990-03-04"`, `"date_of_birth": "1850-03-04"`,
			`people[0] (id "p1"): date_of_birth "1850-03-04" is before 1900-01-01`},
		{"a birth date in the future", `"date_of_birth": "1990-03-04"`, `"date_of_birth": "2999-03-04"`,
			`people[0] (id "p1"): date_of_birth "2999-03-04" is in the future`},
		{"a field given twice in a record", `"name": "Ann Smith"`, `"name": "Ann Smith", "name": "Eve Jones"`,
			`people[0] (id "p1"): name is given twice in the same object`},
		{"a field given twice deep inside", `"note": "Talked about housing."`, `"note": "Talked about housing.", "note": "x"`,
			`contacts[0] (id "c1"): people[0].note is given twice in the same object`},
		{"a field given twice at the top", `"version": 1,`, `"version": 1, "version": 1,`,
			`file: version is given twice in the same object`},
		{"a section given twice", `"learning": "Send the list earlier."`, `"learning": "Send the list earlier.", "learning": "Again."`,
			`diary[0] (id "d1"): sections.learning is given twice`},
		{"a one-line field over its limit", `"prison_number": "A1234BC"`, `"prison_number": "` + strings.Repeat("A", 5000) + `"`,
			`people[0] (id "p1"): prison_number is too long for one line`},
		{"a note over 1 MiB", `"safety_note": "Woman worker only"`, `"safety_note": "` + strings.Repeat("x", 1<<20+1) + `"`,
			`people[0] (id "p1"): safety_note is longer than 1 MiB`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(fixture, tc.old), "the case must change exactly one place")
			bad := strings.Replace(fixture, tc.old, tc.new, 1)

			db := openDB(t)
			_, err := demo.Create(context.Background(), db, "small", 2)
			require.NoError(t, err)
			before := exportText(t, db)

			err = readAndImport(db, bad)
			require.Error(t, err)
			var ie *exchange.ImportErrors
			require.True(t, errors.As(err, &ie), "want *ImportErrors, got %T: %v", err, err)
			require.True(t, anyProblemContains(ie, tc.want), "no problem says %q in:\n%v", tc.want, err)
			require.NotContains(t, err.Error(), "\x1b", "a message never carries the control character")
			require.Equal(t, before, exportText(t, db), "a refused file changed the vault")
		})
	}
}

func TestTabsAndLineBreaksInNotesAndAByteOrderMarkAreAccepted(t *testing.T) {
	good := strings.Replace(fixture, `"note": "Talked about housing."`, `"note": "Talked about:\n\thousing\r\n\tbenefits"`, 1)
	db := openDB(t)
	require.NoError(t, readAndImport(db, "\uFEFF"+good))
	var note string
	require.NoError(t, db.QueryRow(`SELECT note FROM contact_people WHERE contact_id = 'c1' AND person_id = 'p1'`).Scan(&note))
	require.Equal(t, "Talked about:\n\thousing\r\n\tbenefits", note)
}

// countingReader yields head, then n bytes of 'x', then tail, counting
// what was read; the 'x's are made as they are read, never held.
type countingReader struct {
	head, tail string
	n, read    int
}

func (c *countingReader) Read(p []byte) (int, error) {
	k := 0
	for k < len(p) {
		switch {
		case c.read < len(c.head):
			p[k] = c.head[c.read]
		case c.read < len(c.head)+c.n:
			p[k] = 'x'
		case c.read < len(c.head)+c.n+len(c.tail):
			p[k] = c.tail[c.read-len(c.head)-c.n]
		default:
			if k == 0 {
				return 0, io.EOF
			}
			return k, nil
		}
		k++
		c.read++
	}
	return k, nil
}

func TestA50MBNoteIsRefusedWithoutReadingItAll(t *testing.T) {
	i := strings.Index(fixture, `"safety_note": "`) + len(`"safety_note": "`)
	j := i + strings.Index(fixture[i:], `"`)
	r := &countingReader{head: fixture[:i], n: 50 << 20, tail: fixture[j:]}
	_, err := exchange.Read(r)
	var ie *exchange.ImportErrors
	require.True(t, errors.As(err, &ie), "%v", err)
	require.True(t, anyProblemContains(ie, `people[0] (id "p1"): safety_note is longer than 1 MiB`), "%v", err)
	require.Less(t, r.read, 2<<20, "read %d bytes of a 50 MB file", r.read)
}

func TestAFileOverTheSizeLimitIsRefusedWithoutReadingItAll(t *testing.T) {
	defer exchange.SetMaxFileBytes(64 << 10)()
	r := &countingReader{head: `{"format": "inreach", "version": 1, "people": [`, n: 10 << 20, tail: `]}`}
	_, err := exchange.Read(r)
	var ie *exchange.ImportErrors
	require.True(t, errors.As(err, &ie), "%v", err)
	require.True(t, anyProblemContains(ie, "file: is larger than 64.0 KiB"), "%v", err)
	require.Less(t, r.read, 200<<10)
	// the fixture itself is under the limit and reads
	_, err = exchange.Read(strings.NewReader(fixture))
	require.NoError(t, err)
}

func TestTheImportCheckGivesTheSameAnswerWhateverTheReadSizes(t *testing.T) {
	// one byte a read splits every escape, key and quote between reads
	d, err := exchange.Read(iotest.OneByteReader(strings.NewReader("\uFEFF" + fixture)))
	require.NoError(t, err)
	whole, err := exchange.Read(strings.NewReader(fixture))
	require.NoError(t, err)
	require.Equal(t, whole, d)
	for _, bad := range []struct{ old, new, want string }{
		{`"name": "Ann Smith"`, `"name": "Ann \ud800Smith"`, `people[0] (id "p1"): name is not valid UTF-8 text`},
		{`"name": "Ann Smith"`, `"name": "A\"nn\\", "name": "x"`, `people[0] (id "p1"): name is given twice`},
		{`"safety_note": "Woman worker only"`, `"safety_note": "` + strings.Repeat(`\u00e9`, 600000) + `"`, `people[0] (id "p1"): safety_note is longer than 1 MiB`},
	} {
		_, err := exchange.Read(iotest.OneByteReader(strings.NewReader(strings.Replace(fixture, bad.old, bad.new, 1))))
		var ie *exchange.ImportErrors
		require.True(t, errors.As(err, &ie), "%v", err)
		require.True(t, anyProblemContains(ie, bad.want), "%v", err)
	}
	// 500,000 escaped é are 1,000,000 bytes: under the limit, read whole
	ok := strings.Replace(fixture, `"safety_note": "Woman worker only"`, `"safety_note": "`+strings.Repeat(`\u00e9`, 500000)+`"`, 1)
	d, err = exchange.Read(iotest.OneByteReader(strings.NewReader(ok)))
	require.NoError(t, err)
	require.Len(t, d.People[0].SafetyNote, 1000000)
}
