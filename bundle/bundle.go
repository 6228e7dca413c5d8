// Package bundle seals and opens Inreach bundles (*.inreach), the files that
// carry records between vaults (shared/DESIGN.md, "Working together").
//
// A bundle is an age file (filippo.io/age, binary format) encrypted to the
// recipient's X25519 key and to the sender's own. Its plaintext is
//
//	"inreach-bundle 1\n"
//	uint32 big-endian length, header (JSON)
//	uint32 big-endian length, payload (an interchange document, JSON)
//	Ed25519 signature (64 bytes)
//
// The signature is the sender's, over a label, both lengths, the header and
// the payload; the header names the recipient, so a bundle signed for one
// person and re-encrypted to another is refused by the checks of Open's
// caller (the recipient inside the signature is not this vault).
//
// This package does no merging: Open checks that the bundle opens with this
// vault's identity, that it was made by a version of the format this
// Inreach reads, that it is whole, and that the signature is good; it
// returns the sender's and recipient's IDs for the caller to check against
// the team list and this vault. Everything is bounded: the file, the
// plaintext, the header and the payload have size limits, and
// CheckPayloadShape bounds the payload's strings, lists and nesting before
// it is decoded.
package bundle

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"filippo.io/age"

	"inreach/identity"
)

// Format and Version are the format name and version this package writes.
const (
	Format  = "inreach-bundle"
	Version = 1
)

// Size limits. A bundle bigger than these is refused before it is read
// whole.
const (
	MaxFileBytes    = 48 << 20 // the age file
	MaxPayloadBytes = 40 << 20 // the interchange document inside
	MaxHeaderBytes  = 16 << 10
	signatureLabel  = "inreach bundle signature v1\n"
)

// Kinds of bundle.
const (
	KindSupervision  = "supervision"
	KindReply        = "reply"
	KindHandover     = "handover"
	KindContribution = "contribution"
)

// Kinds lists every kind, in the order of DESIGN.md.
var Kinds = []string{KindSupervision, KindReply, KindHandover, KindContribution}

// A Header says what a bundle is. It is signed with the payload.
type Header struct {
	Format    string `json:"format"`
	Version   int    `json:"version"`
	Kind      string `json:"kind"`
	ID        string `json:"id"`        // random, 32 hex digits
	Sender    string `json:"sender"`    // the sender's Inreach ID
	Recipient string `json:"recipient"` // the recipient's Inreach ID
	Created   string `json:"created"`   // RFC 3339, UTC
	Answers   string `json:"answers"`   // the id of the bundle this one answers, or ""
}

// NewID returns a new random bundle id.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b[:])
}

// Seal makes a bundle of kind from payload, signed by me and encrypted to
// to and to me. answers is the id of the bundle it answers ("" for none).
// It returns the file's bytes and the header written into it.
func Seal(me *identity.Identity, to identity.ID, kind, answers string, payload []byte) ([]byte, Header, error) {
	if !validKind(kind) {
		return nil, Header{}, fmt.Errorf("there is no kind of bundle %q", kind)
	}
	if len(payload) > MaxPayloadBytes {
		return nil, Header{}, fmt.Errorf("this is too much to send in one bundle (%d MiB; the most is %d MiB): send fewer records", len(payload)>>20, MaxPayloadBytes>>20)
	}
	h := Header{Format: Format, Version: Version, Kind: kind, ID: NewID(),
		Sender: me.Public().String(), Recipient: to.String(),
		Created: time.Now().UTC().Format(time.RFC3339), Answers: answers}
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, Header{}, err
	}
	plain := frame(hb, payload)
	plain = append(plain, me.Sign(signed(hb, payload))...)
	var out bytes.Buffer
	w, err := age.Encrypt(&out, to.Recipient, me.Public().Recipient)
	if err != nil {
		return nil, Header{}, fmt.Errorf("sealing the bundle: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return nil, Header{}, fmt.Errorf("sealing the bundle: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, Header{}, fmt.Errorf("sealing the bundle: %w", err)
	}
	wipe(plain)
	return out.Bytes(), h, nil
}

func validKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func magic(v int) string { return Format + " " + strconv.Itoa(v) + "\n" }

// frame is the plaintext before the signature.
func frame(header, payload []byte) []byte {
	var b bytes.Buffer
	b.WriteString(magic(Version))
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(header)))
	b.Write(n[:])
	b.Write(header)
	binary.BigEndian.PutUint32(n[:], uint32(len(payload)))
	b.Write(n[:])
	b.Write(payload)
	return b.Bytes()
}

// signed is what the signature covers.
func signed(header, payload []byte) []byte {
	var b bytes.Buffer
	b.WriteString(signatureLabel)
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(header)))
	b.Write(n[:])
	b.Write(header)
	binary.BigEndian.PutUint32(n[:], uint32(len(payload)))
	b.Write(n[:])
	b.Write(payload)
	return b.Bytes()
}

// An Opened bundle: its header, the sender's and recipient's IDs (the
// signature is the sender's and is good), and its payload.
type Opened struct {
	Header    Header
	Sender    identity.ID
	Recipient identity.ID
	Payload   []byte
}

// Errors of Open; each comes wrapped in a message in plain words.
var (
	// ErrNotForThisVault: the bundle does not open with this vault's keys
	// (sealed for someone else), or (from the caller) names another
	// recipient.
	ErrNotForThisVault = errors.New("not addressed to this vault")
	// ErrDamaged: truncated, changed, or not a bundle at all.
	ErrDamaged = errors.New("damaged or tampered bundle")
	// ErrNewerVersion: made by a newer Inreach.
	ErrNewerVersion = errors.New("bundle made by a newer version of Inreach")
	// ErrTooLarge: over the size limits.
	ErrTooLarge = errors.New("bundle too large")
)

// An Error is a refusal of a bundle: Kind is one of the Err values above
// (or of the caller's), Message says it in plain words.
type Error struct {
	Kind    error
	Message string
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Kind }

func refuse(kind error, format string, a ...any) error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, a...)}
}

// Open decrypts and checks a bundle read from r with this vault's identity.
// It reads at most MaxFileBytes from r. It does not check the team list or
// the recipient: the caller does (see package exchange of the vault).
func Open(r io.Reader, me *identity.Identity) (*Opened, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the bundle: %w", err)
	}
	if len(data) > MaxFileBytes {
		return nil, refuse(ErrTooLarge, "this bundle is larger than any Inreach makes (over %d MiB); it was not opened", MaxFileBytes>>20)
	}
	dec, err := age.Decrypt(bytes.NewReader(data), me.AgeIdentity())
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) {
			return nil, refuse(ErrNotForThisVault, "this bundle cannot be opened by this vault: it was sealed for someone else (or its opening lines are damaged)")
		}
		return nil, refuse(ErrDamaged, "this is not a whole Inreach bundle: it is damaged, cut short or not a bundle at all")
	}
	plain, err := io.ReadAll(io.LimitReader(dec, MaxPayloadBytes+MaxHeaderBytes+1024))
	if err != nil {
		return nil, refuse(ErrDamaged, "this bundle is damaged, cut short or was changed after it was sealed; nothing in it was used")
	}
	defer wipe(plain)
	if len(plain) > MaxPayloadBytes+MaxHeaderBytes+256 {
		return nil, refuse(ErrTooLarge, "what this bundle holds is larger than any Inreach makes; it was not opened")
	}
	return parse(plain, me)
}

func parse(plain []byte, me *identity.Identity) (*Opened, error) {
	damaged := func(why string) (*Opened, error) {
		return nil, refuse(ErrDamaged, "this bundle is damaged or was changed after it was sealed (%s); nothing in it was used", why)
	}
	nl := bytes.IndexByte(plain, '\n')
	if nl < 0 || nl > 40 || !strings.HasPrefix(string(plain[:nl]), Format+" ") {
		return damaged("it does not start as a bundle")
	}
	v, err := strconv.Atoi(string(plain[len(Format)+1 : nl]))
	if err != nil || v < 1 {
		return damaged("its version is unreadable")
	}
	if v > Version {
		return nil, refuse(ErrNewerVersion, "this bundle was made by a newer version of Inreach (bundle format %d; this one reads format %d): update Inreach, then receive it again", v, Version)
	}
	rest := plain[nl+1:]
	hb, rest, ok := chunk(rest, MaxHeaderBytes)
	if !ok {
		return damaged("its header is cut short")
	}
	pb, rest, ok := chunk(rest, MaxPayloadBytes)
	if !ok {
		return damaged("its contents are cut short")
	}
	if len(rest) != 64 {
		return damaged("its signature is missing")
	}
	sig := rest
	if !utf8.Valid(hb) {
		return damaged("its header is not text")
	}
	var h Header
	d := json.NewDecoder(bytes.NewReader(hb))
	d.DisallowUnknownFields()
	if err := d.Decode(&h); err != nil {
		return damaged("its header is unreadable")
	}
	if h.Format != Format || h.Version != v {
		return damaged("its header does not match its first line")
	}
	sender, err := identity.ParseID(h.Sender)
	if err != nil {
		return damaged("its sender's ID is unreadable")
	}
	recipient, err := identity.ParseID(h.Recipient)
	if err != nil {
		return damaged("its recipient's ID is unreadable")
	}
	if !sender.Verify(signed(hb, pb), sig) {
		return damaged("its signature does not match")
	}
	if !validKind(h.Kind) {
		return damaged("its kind is unknown")
	}
	if len(h.ID) != 32 || !isHex(h.ID) {
		return damaged("its id is unreadable")
	}
	if _, err := time.Parse(time.RFC3339, h.Created); err != nil {
		return damaged("its date is unreadable")
	}
	return &Opened{Header: h, Sender: sender, Recipient: recipient, Payload: append([]byte(nil), pb...)}, nil
}

func chunk(b []byte, max int) (c, rest []byte, ok bool) {
	if len(b) < 4 {
		return nil, nil, false
	}
	n := binary.BigEndian.Uint32(b)
	if uint64(n) > uint64(max) || uint64(n) > uint64(len(b)-4) {
		return nil, nil, false
	}
	return b[4 : 4+n], b[4+n:], true
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}
