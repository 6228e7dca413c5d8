package vault

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// journalVault makes a vault with 200 notes in its base image and n saves
// in its journal, save k setting note 1 to "save k". It returns the open
// vault and its path.
func journalVault(t *testing.T, n int) (*Vault, string) {
	t.Helper()
	v, path, _ := newVault(t, testOpts())
	for i := 1; i <= 200; i++ {
		putNote(t, v.DB(), i, fmt.Sprintf("note %d %s", i, strings.Repeat("words ", 40)))
	}
	saveAndCompact(t, v)
	for k := 1; k <= n; k++ {
		putNote(t, v.DB(), 1, fmt.Sprintf("save %d", k))
		require.NoError(t, v.Save())
	}
	require.Equal(t, n, v.Journal().Records)
	return v, path
}

// frames returns the offsets where the journal's records start, and the
// file's length (where the next would start).
func frames(t *testing.T, path string) []int64 {
	t.Helper()
	vf, err := openVaultFile(path)
	require.NoError(t, err)
	defer vf.Close()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var offs []int64
	for off := vf.bodyEnd; off < int64(len(data)); {
		offs = append(offs, off)
		off += frameHeadLen + int64(binary.LittleEndian.Uint32(data[off:]))
	}
	return append(offs, int64(len(data)))
}

// imageHash is the SHA-256 of the working database's bytes.
func imageHash(t *testing.T, v *Vault) [32]byte {
	t.Helper()
	return sha256.Sum256(serializeForTest(t, v))
}

// closeWithoutCompacting closes v leaving its journal as it is on disk, as
// a crash or a power cut would.
func closeWithoutCompacting(t *testing.T, v *Vault) {
	t.Helper()
	v.mu.Lock()
	v.j.records = 0 // Close compacts only a journal with records
	v.mu.Unlock()
	require.NoError(t, v.Close())
}

func TestASaveAppendsOnlyTheChangedPagesAndReopensToTheSameDatabase(t *testing.T) {
	v, path := journalVault(t, 0)
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	putNote(t, v.DB(), 7, "one edited note")
	require.NoError(t, v.Save())
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, before, after[:len(before)], "nothing already written changed")
	require.Less(t, len(after)-len(before), 64<<10, "the save cost the edit, not the vault")
	require.Equal(t, 1, v.Journal().Records)
	want := imageHash(t, v)

	closeWithoutCompacting(t, v)
	w, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
	require.NoError(t, err)
	defer w.Close()
	require.Equal(t, 1, w.Journal().Replayed)
	require.Equal(t, want, imageHash(t, w), "the replayed database is byte for byte the one saved")
	require.Equal(t, "one edited note", getNote(t, w.DB(), 7))
}

func TestEveryJournalByteFlippedIsCaughtAndTheMessageSaysWhatIsStillGood(t *testing.T) {
	v, path := journalVault(t, 3)
	closeWithoutCompacting(t, v)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	offs := frames(t, path)
	require.Len(t, offs, 4)
	for rec := 0; rec < 3; rec++ {
		for i := offs[rec]; i < offs[rec+1]; i += max(1, (offs[rec+1]-offs[rec])/40) {
			bad := bytes.Clone(data)
			bad[i] ^= 0x04
			require.NoError(t, os.WriteFile(path, bad, 0o600))
			w, err := Open(path, testPass, testOpts())
			msg := fmt.Sprintf("record %d, byte %d", rec+1, i-offs[rec])
			if err == nil && rec == 2 && i < offs[rec]+4 {
				// The last record's length grew past the end of the file:
				// that reads as a record a crash cut short, dropped and
				// reported; the two before it are intact.
				require.Positive(t, w.Journal().TornBytes, msg)
				require.Equal(t, "save 2", getNote(t, w.DB(), 1), msg)
				require.NoError(t, w.Close())
				continue
			}
			require.Nil(t, w, msg)
			require.ErrorIs(t, err, ErrDamaged, msg)
			if rec == 0 {
				require.Contains(t, err.Error(), "at its first save", msg)
			} else {
				after := map[int]string{1: "the save after it is", 2: "the 2 saves after it are"}[rec]
				require.Contains(t, err.Error(), fmt.Sprintf("at save %d; the vault as it was at its last full save is intact, and so %s", rec+1, after), msg)
			}
		}
	}
	// The untouched file still opens to the last save.
	require.NoError(t, os.WriteFile(path, data, 0o600))
	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err)
	require.Equal(t, "save 3", getNote(t, w.DB(), 1))
	require.NoError(t, w.Close())
}

func TestRecordsCannotBeReorderedOrDroppedFromTheMiddle(t *testing.T) {
	v, path := journalVault(t, 3)
	closeWithoutCompacting(t, v)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	o := frames(t, path)
	rec := func(i int) []byte { return data[o[i]:o[i+1]] }
	base := data[:o[0]]
	for name, forged := range map[string][]byte{
		"second and third swapped": concat(base, rec(0), rec(2), rec(1)),
		"first and second swapped": concat(base, rec(1), rec(0), rec(2)),
		"second dropped":           concat(base, rec(0), rec(2)),
		"first dropped":            concat(base, rec(1), rec(2)),
		"second repeated":          concat(base, rec(0), rec(1), rec(1), rec(2)),
	} {
		require.NoError(t, os.WriteFile(path, forged, 0o600))
		_, err := Open(path, testPass, testOpts())
		require.ErrorIs(t, err, ErrDamaged, name)
		require.Contains(t, err.Error(), "change journal", name)
	}
}

func concat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func TestRecordsFromAnotherVaultOrAnEarlierBaseAreRefused(t *testing.T) {
	v, path := journalVault(t, 2)
	closeWithoutCompacting(t, v)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	o := frames(t, path)

	// Another vault, made with the same passphrase.
	other, otherPath := journalVault(t, 2)
	closeWithoutCompacting(t, other)
	odata, err := os.ReadFile(otherPath)
	require.NoError(t, err)
	oo := frames(t, otherPath)
	require.NoError(t, os.WriteFile(path, concat(data, odata[oo[0]:oo[1]]), 0o600))
	_, err = Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrDamaged, "a record from another vault")
	require.Contains(t, err.Error(), "at save 3")

	// The same vault's records, onto its next base image.
	require.NoError(t, os.WriteFile(path, data, 0o600))
	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err)
	require.NoError(t, w.Compact())
	closeWithoutCompacting(t, w)
	compacted, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Len(t, frames(t, path), 1, "the new base has an empty journal")
	require.NoError(t, os.WriteFile(path, concat(compacted, data[o[1]:o[2]]), 0o600))
	_, err = Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrDamaged, "an old record on the new base")
	require.Contains(t, err.Error(), "at its first save")
}

func TestTruncatingTheJournalAtARecordBoundaryOpensThatOlderSave(t *testing.T) {
	v, path := journalVault(t, 4)
	closeWithoutCompacting(t, v)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	o := frames(t, path)
	for k := 0; k <= 4; k++ {
		require.NoError(t, os.WriteFile(path, data[:o[k]], 0o600))
		w, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
		require.NoError(t, err, "cut after %d records", k)
		want := fmt.Sprintf("save %d", k)
		if k == 0 {
			want = "note 1 " + strings.Repeat("words ", 40)
		}
		require.Equal(t, want, getNote(t, w.DB(), 1), "cut after %d records", k)
		require.Equal(t, k, w.Journal().Records)
		require.Zero(t, w.Journal().TornBytes, "a cut at a boundary is not damage")
		require.Equal(t, "note 2 "+strings.Repeat("words ", 40), getNote(t, w.DB(), 2))
		require.NoError(t, w.Close())
	}
}

func TestATornLastRecordIsDroppedAndReported(t *testing.T) {
	v, path := journalVault(t, 3)
	closeWithoutCompacting(t, v)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	o := frames(t, path)
	for _, cut := range []int64{1, 3, frameHeadLen, frameHeadLen + 10, (o[3] - o[2]) / 2, o[3] - o[2] - 1} {
		torn := data[:o[2]+cut]
		require.NoError(t, os.WriteFile(path, torn, 0o600))
		r, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
		require.NoError(t, err, "cut %d bytes into the last record", cut)
		require.Equal(t, "save 2", getNote(t, r.DB(), 1))
		require.Equal(t, cut, r.Journal().TornBytes)
		require.NoError(t, r.Close())
		left, err := os.ReadFile(path)
		require.NoError(t, err)
		require.Equal(t, torn, left, "a read-only open changes nothing")

		w, err := Open(path, testPass, testOpts())
		require.NoError(t, err)
		require.Equal(t, cut, w.Journal().TornBytes)
		putNote(t, w.DB(), 1, "after the crash")
		require.NoError(t, w.Save())
		closeWithoutCompacting(t, w)
		w, err = Open(path, testPass, testOpts())
		require.NoError(t, err)
		require.Zero(t, w.Journal().TornBytes, "the writer cut the torn bytes off before saving")
		require.Equal(t, 3, w.Journal().Records)
		require.Equal(t, "after the crash", getNote(t, w.DB(), 1))
		closeWithoutCompacting(t, w)
	}
}

func TestTheJournalIsCompactedInTheBackgroundOnceItOutgrowsItsShare(t *testing.T) {
	// Set before any vault exists: background compactions read them.
	old := minJournalCap
	minJournalCap = 8 << 10
	compactDone = func(err error) {
		if err != nil {
			t.Errorf("a background compaction failed: %v", err)
		}
	}
	defer func() { minJournalCap, compactDone = old, nil }()
	v, path := journalVault(t, 0)
	backups, err := v.Backups()
	require.NoError(t, err)
	for k := 1; k <= 40; k++ {
		putNote(t, v.DB(), k, fmt.Sprintf("edit %d %s", k, strings.Repeat("x", 3000)))
		require.NoError(t, v.Save())
	}
	v.bg.Wait()
	j := v.Journal()
	require.Less(t, j.Bytes, j.BaseBytes/4+minJournalCap, "the journal was folded into the base")
	again, err := v.Backups()
	require.NoError(t, err)
	require.Greater(t, len(again), len(backups), "each compaction keeps the file it replaced")
	want := imageHash(t, v)
	closeWithoutCompacting(t, v)
	w, err := Open(path, testPass, Options{ReadOnly: true, Migrations: testMigrations})
	require.NoError(t, err)
	defer w.Close()
	require.Equal(t, want, imageHash(t, w))
}

func TestCompactionNeverWaitsForTheDatabase(t *testing.T) {
	v, path := journalVault(t, 3)
	// Hold the database's only connection, as a long read would: a
	// compaction that needed it would wait for ever.
	conn, err := v.DB().Conn(context.Background())
	require.NoError(t, err)
	require.NoError(t, v.Compact())
	require.Zero(t, v.Journal().Records)
	var s string
	require.NoError(t, conn.QueryRowContext(context.Background(), `SELECT body FROM notes WHERE id = 1`).Scan(&s))
	require.Equal(t, "save 3", s)
	require.NoError(t, conn.Close())
	w := reopen(t, v, path, testOpts())
	require.Equal(t, "save 3", getNote(t, w.DB(), 1))
}

func TestSavesMadeDuringACompactionAreCarriedOver(t *testing.T) {
	v, path := journalVault(t, 2)
	afterMerge = func() {
		putNote(t, v.DB(), 1, "saved during the compaction")
		putNote(t, v.DB(), 3, "also during it")
		require.NoError(t, v.Save())
	}
	defer func() { afterMerge = nil }()
	require.NoError(t, v.Compact())
	afterMerge = nil
	require.Equal(t, 1, v.Journal().Records, "the save made meanwhile is the new journal's first record")
	want := imageHash(t, v)
	closeWithoutCompacting(t, v)
	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err)
	defer w.Close()
	require.Equal(t, want, imageHash(t, w))
	require.Equal(t, "saved during the compaction", getNote(t, w.DB(), 1))
	require.Equal(t, "also during it", getNote(t, w.DB(), 3))
	require.Equal(t, "note 2 "+strings.Repeat("words ", 40), getNote(t, w.DB(), 2))
}

func TestCloseAndChangePassphraseCompactTheJournal(t *testing.T) {
	v, path := journalVault(t, 3)
	putNote(t, v.DB(), 2, "unsaved at the change")
	_, err := v.ChangePassphraseAndRecoveryKey([]byte("new passphrase"))
	require.NoError(t, err)
	require.Zero(t, v.Journal().Records)
	require.Len(t, frames(t, path), 1, "one base image, no records")
	putNote(t, v.DB(), 3, "saved after the change")
	require.NoError(t, v.Save())
	require.Equal(t, 1, v.Journal().Records)
	require.NoError(t, v.Close())
	require.Len(t, frames(t, path), 1, "Close folded the journal in")
	w, err := Open(path, []byte("new passphrase"), testOpts())
	require.NoError(t, err)
	defer w.Close()
	require.Equal(t, "save 3", getNote(t, w.DB(), 1))
	require.Equal(t, "unsaved at the change", getNote(t, w.DB(), 2))
	require.Equal(t, "saved after the change", getNote(t, w.DB(), 3))
}

func TestAChangeTooLargeForTheJournalIsSavedAsANewBase(t *testing.T) {
	v, path := journalVault(t, 2)
	for i := 201; i <= 500; i++ {
		putNote(t, v.DB(), i, strings.Repeat("more words ", 100))
	}
	require.NoError(t, v.Save())
	require.NoError(t, v.Compact())
	_, err := v.DB().Exec(`DELETE FROM notes WHERE id > 400`)
	require.NoError(t, err)
	_, err = v.DB().Exec(`VACUUM`) // rewrites every page
	require.NoError(t, err)
	require.NoError(t, v.Save())
	require.Zero(t, v.Journal().Records, "a new base, not a record as large as the vault")
	want := imageHash(t, v)
	w := reopen(t, v, path, testOpts())
	require.Equal(t, want, imageHash(t, w))
	var n int
	require.NoError(t, w.DB().QueryRow(`SELECT count(*) FROM notes`).Scan(&n))
	require.Equal(t, 400, n)
}

func TestBackupsAndBackupCopiesIncludeTheJournal(t *testing.T) {
	v, path := journalVault(t, 2)
	copyPath := path + ".copy"
	putNote(t, v.DB(), 4, "unsaved")
	require.NoError(t, v.WriteBackup(copyPath))
	require.NoError(t, v.Save())
	require.NoError(t, v.Compact())
	backups, err := v.Backups()
	require.NoError(t, err)
	for _, p := range []string{copyPath, backups[0]} {
		r, err := Open(p, testPass, Options{ReadOnly: true})
		require.NoError(t, err, p)
		require.Equal(t, "save 2", getNote(t, r.DB(), 1), p)
		require.Equal(t, "unsaved", getNote(t, r.DB(), 4), p)
		require.NoError(t, r.Close())
	}
	require.Equal(t, 3, recordsIn(t, backups[0]), "the backup is the old base and its three records")
}

func recordsIn(t *testing.T, path string) int { return len(frames(t, path)) - 1 }

func TestAFormat1VaultOpensAndIsRewrittenAtItsFirstSave(t *testing.T) {
	v, path, rk := newVault(t, testOpts())
	putNote(t, v.DB(), 1, "made by format 1")
	img := serializeForTest(t, v)
	h := v.hdr.clone()
	h.Version = 1
	old, err := seal(v.dataKey, h, img)
	require.NoError(t, err)
	require.NoError(t, v.Close())
	require.NoError(t, os.WriteFile(path, old, 0o600))

	w, err := Open(path, testPass, testOpts())
	require.NoError(t, err)
	require.Equal(t, "made by format 1", getNote(t, w.DB(), 1))
	putNote(t, w.DB(), 2, "saved by format 2")
	require.NoError(t, w.Save())
	require.NoError(t, w.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	hh, _, err := parseHeader(data)
	require.NoError(t, err)
	require.Equal(t, uint16(formatVersion), hh.Version)
	r, err := OpenWithRecoveryKey(path, rk, Options{ReadOnly: true})
	require.NoError(t, err)
	defer r.Close()
	require.Equal(t, "made by format 1", getNote(t, r.DB(), 1))
	require.Equal(t, "saved by format 2", getNote(t, r.DB(), 2))
	b, err := r.Backups()
	require.NoError(t, err)
	require.Equal(t, uint16(1), headerOf(t, b[len(b)-1]).Version, "the format 1 file is kept as a backup")

	// A format 1 file with bytes after its body is damaged, as before.
	require.NoError(t, os.WriteFile(path, append(old, 0), 0o600))
	_, err = Open(path, testPass, testOpts())
	require.ErrorIs(t, err, ErrDamaged)
}
