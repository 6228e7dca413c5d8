package teamwork_test

import (
	"bytes"
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/stretchr/testify/require"

	"inreach/bundle"
	"inreach/teamwork"
)

// pair is Ann (with data) and Sam, each on the other's team list, and a
// supervision pack from Ann to Sam.
func pair(t *testing.T) (ann, sam *party, pack []byte) {
	t.Helper()
	folder := t.TempDir()
	ann = newParty(t, "Ann Reed", folder, true)
	sam = newParty(t, "Sam Cole", folder, false)
	ann.knows(t, sam, "supervisor")
	sam.knows(t, ann, "supervisee")
	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Cole"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	s := ann.send(t, out)
	pack, err = os.ReadFile(s.Path)
	require.NoError(t, err)
	return ann, sam, pack
}

func TestABundleForAnotherVaultIsRefusedAndChangesNothing(t *testing.T) {
	_, sam, pack := pair(t)
	kay := newParty(t, "Kay Lin", "", false)
	kay.knows(t, sam, "colleague")
	before := kay.state(t)
	_, err := kay.receiveBytes(pack)
	require.ErrorIs(t, err, teamwork.ErrNotForThisVault)
	require.Equal(t, before, kay.state(t))
	_ = sam
}

func TestABundleFromSomeoneNotOnTheTeamListIsRefusedShowingTheirFingerprint(t *testing.T) {
	ann, sam, pack := pair(t)
	_, err := sam.receiveBytes(pack)
	require.NoError(t, err, "on the list, it is received")

	other := newParty(t, "Sam Cole", "", false)
	_, err = teamAddForTest(other, ann) // Ann knows a second Sam, who does not know Ann
	require.NoError(t, err)
	out, err := teamwork.PrepareSupervision(ctx, ann.db, ann.member(t, "Sam Two"), teamwork.SupervisionOptions{})
	require.NoError(t, err)
	b, _, err := sealFor(ann, out)
	require.NoError(t, err)
	before := other.state(t)
	_, err = other.receiveBytes(b)
	require.ErrorIs(t, err, teamwork.ErrUnknownSender)
	var rf *teamwork.Refusal
	require.True(t, errors.As(err, &rf))
	require.Equal(t, ann.me.Public().Fingerprint(), rf.Fingerprint)
	require.Equal(t, ann.me.Public().String(), rf.SenderID, "the app offers to add her with this line")
	require.Contains(t, err.Error(), ann.me.Public().Fingerprint())
	require.Equal(t, before, other.state(t))
}

func TestAReplayChangesNothingAndSaysSo(t *testing.T) {
	_, sam, pack := pair(t)
	_, err := sam.receiveBytes(pack)
	require.NoError(t, err)
	before := sam.state(t)
	_, err = sam.receiveBytes(pack)
	require.ErrorIs(t, err, teamwork.ErrAlreadyReceived)
	require.Contains(t, err.Error(), "already received")
	require.Equal(t, before, sam.state(t))
}

func TestASignedBundleForwardedToSomeoneElseIsRefusedBecauseTheRecipientIsSigned(t *testing.T) {
	folder := t.TempDir()
	ann := newParty(t, "Ann Reed", folder, true)
	kay := newParty(t, "Kay Lin", folder, false)
	sam := newParty(t, "Sam Cole", folder, false)
	ann.knows(t, kay, "colleague")
	sam.knows(t, ann, "supervisee")
	sam.knows(t, kay, "colleague")
	out, err := teamwork.PrepareHandover(ctx, ann.db, ann.member(t, "Kay Lin"), []string{"p1"})
	require.NoError(t, err)
	s := ann.send(t, out)
	// Kay, a team member, opens what Ann sent her and encrypts it again to
	// Sam: Ann's signature is good, and Ann is on Sam's list.
	b, err := os.ReadFile(s.Path)
	require.NoError(t, err)
	dec, err := age.Decrypt(bytes.NewReader(b), kay.me.AgeIdentity())
	require.NoError(t, err)
	var plain bytes.Buffer
	_, err = plain.ReadFrom(dec)
	require.NoError(t, err)
	var fwd bytes.Buffer
	w, err := age.Encrypt(&fwd, sam.me.Public().Recipient)
	require.NoError(t, err)
	_, err = w.Write(plain.Bytes())
	require.NoError(t, err)
	require.NoError(t, w.Close())

	before := sam.state(t)
	_, err = sam.receiveBytes(fwd.Bytes())
	require.ErrorIs(t, err, teamwork.ErrNotForThisVault)
	require.Contains(t, err.Error(), "addressed to someone else")
	require.Equal(t, before, sam.state(t))
}

func TestATamperedOrTruncatedBundleIsRefusedAsDamaged(t *testing.T) {
	_, sam, pack := pair(t)
	before := sam.state(t)
	header := bytes.Index(pack, []byte("\n--- ")) + 1
	body := header + bytes.IndexByte(pack[header:], '\n') + 1
	for _, at := range []int{body + 1, body + 20, len(pack) / 2, len(pack) - 1} {
		c := append([]byte(nil), pack...)
		c[at] ^= 0x80
		_, err := sam.receiveBytes(c)
		require.ErrorIs(t, err, bundle.ErrDamaged, "byte %d", at)
	}
	for _, n := range []int{body + 10, len(pack) - 17, len(pack) - 1} {
		_, err := sam.receiveBytes(pack[:n])
		require.ErrorIs(t, err, bundle.ErrDamaged, "cut at %d", n)
	}
	require.Equal(t, before, sam.state(t))
	_, err := sam.receiveBytes(pack)
	require.NoError(t, err, "the untouched bundle is received")
}

func TestHostilePayloadsFromATeamMemberAreRefusedWithBoundedMemory(t *testing.T) {
	ann, sam, _ := pair(t)
	big := strings.Repeat("x", bundle.MaxStringBytes+10)
	var many strings.Builder
	many.WriteString(`{"format":"inreach","version":1,"exported_at":"","events":[`)
	for i := 0; i < 100000; i++ {
		if i > 0 {
			many.WriteByte(',')
		}
		many.WriteString(`{"id":"v","person":"p1","date":"2026-01-01","kind":"released","note":""}`)
	}
	many.WriteString(`]}`)
	cases := map[string]string{
		"huge field":            `{"format":"inreach","version":1,"exported_at":"","diary":[{"id":"d1","date":"2026-01-01","contact":null,"template":"gibbs","sections":{"description":"` + big + `"},"tags":[],"status":"draft"}]}`,
		"100k records":          many.String(),
		"bad UTF-8":             "{\"format\":\"inreach\",\"version\":1,\"exported_at\":\"\",\"diary\":[{\"id\":\"d\xff\"}]}",
		"unknown field":         `{"format":"inreach","version":1,"exported_at":"","diary":[],"secret":1}`,
		"bad date":              `{"format":"inreach","version":1,"exported_at":"","diary":[{"id":"d1","date":"2026-02-30","contact":null,"template":"gibbs","sections":{},"tags":[],"status":"draft"}]}`,
		"wrong kind of records": `{"format":"inreach","version":1,"exported_at":"","letters":[{"id":"l1","person":"p1","date":"2026-01-01","direction":"in","channel":"letter","summary":"","enclosures":[],"reply_due":null}]}`,
	}
	before := sam.state(t)
	for name, p := range cases {
		b, _, err := bundle.Seal(ann.me, sam.me.Public(), bundle.KindSupervision, "", []byte(p))
		require.NoError(t, err)
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		_, err = sam.receiveBytes(b)
		runtime.ReadMemStats(&m1)
		require.ErrorIs(t, err, teamwork.ErrInvalid, name)
		require.Equal(t, before, sam.state(t), name)
		t.Logf("%s: bundle %d bytes, allocated %d bytes while refusing it", name, len(b), m1.TotalAlloc-m0.TotalAlloc)
		// Allocations stay within a small multiple of the bundle's size.
		require.Less(t, m1.TotalAlloc-m0.TotalAlloc, uint64(12*len(b)+16<<20), name)
		if name == "bad date" {
			require.Contains(t, err.Error(), `diary[0] (id "d1"): date "2026-02-30"`)
		}
	}
	// A payload over the size limit is refused before it is sealed, and a
	// file over the limit is not read whole.
	_, _, err := bundle.Seal(ann.me, sam.me.Public(), bundle.KindSupervision, "", make([]byte, bundle.MaxPayloadBytes+1))
	require.Error(t, err)
	_, err = teamwork.Receive(ctx, sam.db, sam.me, &endless{}, "big.inreach")
	require.ErrorIs(t, err, bundle.ErrTooLarge)
}

// endless is a reader that never ends (a hostile file or pipe).
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	e.n += int64(len(p))
	return len(p), nil
}

func TestABundleFromANewerInreachIsRefusedPlainlyAndChangesNothing(t *testing.T) {
	ann, sam, pack := pair(t)
	dec, err := age.Decrypt(bytes.NewReader(pack), ann.me.AgeIdentity())
	require.NoError(t, err)
	var plain bytes.Buffer
	_, err = plain.ReadFrom(dec)
	require.NoError(t, err)
	newer := bytes.Replace(plain.Bytes(), []byte("inreach-bundle 1\n"), []byte("inreach-bundle 2\n"), 1)
	require.NotEqual(t, plain.Bytes(), newer)
	var out bytes.Buffer
	w, err := age.Encrypt(&out, sam.me.Public().Recipient)
	require.NoError(t, err)
	_, err = w.Write(newer)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	before := sam.state(t)
	_, err = sam.receiveBytes(out.Bytes())
	require.ErrorIs(t, err, bundle.ErrNewerVersion)
	require.Contains(t, err.Error(), "update Inreach")
	require.Equal(t, before, sam.state(t))
}
