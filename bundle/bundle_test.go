package bundle

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/stretchr/testify/require"

	"inreach/identity"
	"inreach/schema"
)

func newIdentity(t *testing.T) *identity.Identity {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	id, err := identity.Ensure(db)
	require.NoError(t, err)
	return id
}

const payload = `{"format":"inreach","version":1,"people":[{"id":"p1","name":"CANARY-Zelda"}]}`

// seal returns a bundle's plaintext as Seal would make it, so tests can
// change it and encrypt it again as an attacker could (anyone can encrypt
// to a public key).
func plaintext(t *testing.T, from *identity.Identity, to identity.ID, kind string, p []byte) []byte {
	t.Helper()
	b, _, err := Seal(from, to, kind, "", p)
	require.NoError(t, err)
	dec, err := age.Decrypt(bytes.NewReader(b), from.AgeIdentity())
	require.NoError(t, err)
	var out bytes.Buffer
	_, err = out.ReadFrom(dec)
	require.NoError(t, err)
	return out.Bytes()
}

func encryptTo(t *testing.T, plain []byte, to ...identity.ID) []byte {
	t.Helper()
	var out bytes.Buffer
	var rs []age.Recipient
	for _, r := range to {
		rs = append(rs, r.Recipient)
	}
	w, err := age.Encrypt(&out, rs...)
	require.NoError(t, err)
	_, err = w.Write(plain)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return out.Bytes()
}

func TestABundleOpensForItsRecipientAndItsSenderWithTheSignatureChecked(t *testing.T) {
	ann, sam := newIdentity(t), newIdentity(t)
	b, h, err := Seal(ann, sam.Public(), KindSupervision, "", []byte(payload))
	require.NoError(t, err)
	require.False(t, bytes.Contains(b, []byte("CANARY")))
	require.Len(t, h.ID, 32)
	for _, who := range []*identity.Identity{sam, ann} {
		o, err := Open(bytes.NewReader(b), who)
		require.NoError(t, err)
		require.Equal(t, payload, string(o.Payload))
		require.True(t, o.Sender.Equal(ann.Public()))
		require.True(t, o.Recipient.Equal(sam.Public()))
		require.Equal(t, h, o.Header)
		require.Equal(t, KindSupervision, o.Header.Kind)
	}
	_, h2, err := Seal(ann, sam.Public(), KindSupervision, h.ID, []byte(payload))
	require.NoError(t, err)
	require.NotEqual(t, h.ID, h2.ID, "every bundle has its own random id")
	require.Equal(t, h.ID, h2.Answers)
}

func TestABundleForSomeoneElseDoesNotOpen(t *testing.T) {
	ann, sam, kay := newIdentity(t), newIdentity(t), newIdentity(t)
	b, _, err := Seal(ann, sam.Public(), KindHandover, "", []byte(payload))
	require.NoError(t, err)
	_, err = Open(bytes.NewReader(b), kay)
	require.ErrorIs(t, err, ErrNotForThisVault)
}

func TestAByteFlippedAnywhereInTheFileIsRefused(t *testing.T) {
	ann, sam := newIdentity(t), newIdentity(t)
	big := strings.Repeat("x", 200<<10) // several age chunks of 64 KiB
	p := []byte(`{"format":"inreach","version":1,"exported_at":"` + big + `"}`)
	b, _, err := Seal(ann, sam.Public(), KindSupervision, "", p)
	require.NoError(t, err)
	hdrEnd := bytes.Index(b, []byte("\n--- ")) + 1
	macEnd := hdrEnd + bytes.IndexByte(b[hdrEnd:], '\n') + 1
	regions := map[string]int{
		"age version line":       3,
		"first recipient stanza": bytes.Index(b, []byte("-> X25519")) + 12,
		"second stanza body":     bytes.LastIndex(b[:hdrEnd], []byte("-> X25519")) + 60,
		"header MAC":             hdrEnd + 6,
		"payload nonce":          macEnd + 3,
		"first chunk":            macEnd + 16 + 100,
		"middle chunk":           macEnd + 16 + 64<<10 + 500,
		"last chunk's tag":       len(b) - 3,
	}
	for name, at := range regions {
		c := append([]byte(nil), b...)
		c[at] ^= 0x01
		_, err := Open(bytes.NewReader(c), sam)
		require.Error(t, err, name)
		if at >= macEnd {
			require.ErrorIs(t, err, ErrDamaged, name)
		} else {
			// A changed header may make our stanza unopenable, which age
			// cannot tell apart from a stanza for someone else.
			require.True(t, errors.Is(err, ErrDamaged) || errors.Is(err, ErrNotForThisVault), name)
		}
	}
	for _, n := range []int{0, 10, macEnd, macEnd + 20, len(b) / 2, len(b) - 1} {
		_, err := Open(bytes.NewReader(b[:n]), sam)
		require.Error(t, err, "cut at %d", n)
		if n >= macEnd {
			require.ErrorIs(t, err, ErrDamaged, "cut at %d", n)
		}
	}
	_, err = Open(bytes.NewReader(b), sam)
	require.NoError(t, err, "the untouched bundle opens, so the refusals above are the flips'")
}

func TestChangingAnyPartOfTheSignedContentsIsRefusedEvenWhenEncryptedAgain(t *testing.T) {
	ann, sam := newIdentity(t), newIdentity(t)
	plain := plaintext(t, ann, sam.Public(), KindHandover, []byte(payload))
	hlen := int(binary.BigEndian.Uint32(plain[len(magic(1)):]))
	hstart := len(magic(1)) + 4
	pstart := hstart + hlen + 4
	regions := map[string]int{
		"magic":          2,
		"header length":  hstart - 1,
		"header":         hstart + 20,
		"payload length": pstart - 1,
		"payload":        pstart + 40,
		"signature":      len(plain) - 10,
	}
	for name, at := range regions {
		c := append([]byte(nil), plain...)
		c[at] ^= 0x01
		_, err := Open(bytes.NewReader(encryptTo(t, c, sam.Public())), sam)
		require.ErrorIs(t, err, ErrDamaged, name)
	}
	_, err := Open(bytes.NewReader(encryptTo(t, plain[:len(plain)-1], sam.Public())), sam)
	require.ErrorIs(t, err, ErrDamaged, "signature cut short")
	_, err = Open(bytes.NewReader(encryptTo(t, plain, sam.Public())), sam)
	require.NoError(t, err, "the untouched plaintext opens")
}

func TestABundleSignedForOnePersonAndForwardedToAnotherStillNamesTheFirst(t *testing.T) {
	ann, sam, kay := newIdentity(t), newIdentity(t), newIdentity(t)
	plain := plaintext(t, ann, sam.Public(), KindReply, []byte(payload))
	o, err := Open(bytes.NewReader(encryptTo(t, plain, kay.Public())), kay)
	require.NoError(t, err)
	require.True(t, o.Recipient.Equal(sam.Public()), "the recipient is inside the signature")
	require.False(t, o.Recipient.Equal(kay.Public()))
}

func TestABundleFromANewerVersionIsRefusedPlainly(t *testing.T) {
	ann, sam := newIdentity(t), newIdentity(t)
	plain := plaintext(t, ann, sam.Public(), KindReply, []byte(payload))
	c := append([]byte(Format+" 2\n"), plain[len(magic(1)):]...)
	_, err := Open(bytes.NewReader(encryptTo(t, c, sam.Public())), sam)
	require.ErrorIs(t, err, ErrNewerVersion)
	require.Contains(t, err.Error(), "newer version of Inreach")
}

func TestTheRecordLimitCountsEveryListElementExactly(t *testing.T) {
	list := func(n int) string {
		return `{"events":[` + strings.TrimSuffix(strings.Repeat(`{"id":"v","tags":[]},`, n), ",") + `]}`
	}
	require.NoError(t, CheckPayloadShape([]byte(list(MaxRecords))))
	require.ErrorIs(t, CheckPayloadShape([]byte(list(MaxRecords+1))), ErrBadPayload)
	half := `{"a":[` + strings.TrimSuffix(strings.Repeat(`"x",`, MaxRecords/2), ",") + `],"b":[` +
		strings.TrimSuffix(strings.Repeat(`[1],`, MaxRecords/4), ",") + `]}`
	require.NoError(t, CheckPayloadShape([]byte(half)), "exactly the limit over several lists")
	require.ErrorIs(t, CheckPayloadShape([]byte(strings.Replace(half, `"x"`, `"x","y"`, 1))), ErrBadPayload)
	require.NoError(t, CheckPayloadShape([]byte(`{"s":"a \"quoted\" [not, a, list]"}`)))
}

func TestPayloadShapeLimits(t *testing.T) {
	require.NoError(t, CheckPayloadShape([]byte(payload)))
	huge := `{"people":[{"name":"` + strings.Repeat("a", MaxStringBytes+1) + `"}]}`
	many := `{"events":[` + strings.TrimSuffix(strings.Repeat(`{"id":"v"},`, MaxRecords+1), ",") + `]}`
	deep := `{"x":` + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + `}`
	for name, p := range map[string]string{
		"huge field": huge, "too many records": many, "too deep": deep,
		"bad UTF-8": "{\"people\":[{\"name\":\"\xff\xfe\"}]}", "not JSON": "{", "two documents": "{}{}", "a number": "5", "a list": "[]",
	} {
		err := CheckPayloadShape([]byte(p))
		require.ErrorIs(t, err, ErrBadPayload, name)
	}
}
