// Package identity holds a vault's own key pairs for working together
// (shared/DESIGN.md, "Working together"): an age X25519 key pair to receive
// sealed bundles and an Ed25519 key pair to sign them. Both live inside the
// sealed database (table identity), so a backup or a recovery keeps them.
//
// The public half is the Inreach ID, one copyable line:
//
//	inreach1:age1…:<Ed25519 public key, base64url without padding>
//
// and its fingerprint, eight groups of four hex digits, is short enough to
// read aloud or compare on paper.
package identity

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"filippo.io/age"
)

// idPrefix starts every Inreach ID.
const idPrefix = "inreach1:"

// An Identity is this vault's key pairs. Wipe it when done.
type Identity struct {
	age  *age.X25519Identity
	sign ed25519.PrivateKey
	pub  ID
}

// An ID is someone's public Inreach ID: the age recipient that bundles for
// her are sealed to and the Ed25519 key her bundles are signed with.
type ID struct {
	Recipient *age.X25519Recipient
	SignKey   ed25519.PublicKey
}

// Public is this identity's Inreach ID.
func (i *Identity) Public() ID { return i.pub }

// AgeIdentity opens bundles sealed to this vault.
func (i *Identity) AgeIdentity() age.Identity { return i.age }

// Sign signs msg with this vault's Ed25519 key.
func (i *Identity) Sign(msg []byte) []byte { return ed25519.Sign(i.sign, msg) }

// Wipe overwrites the signing key in memory (best effort: the age identity
// keeps its own copy, which Go gives no way to clear).
func (i *Identity) Wipe() {
	for j := range i.sign {
		i.sign[j] = 0
	}
}

// String is the one-line Inreach ID.
func (id ID) String() string {
	return idPrefix + id.Recipient.String() + ":" + base64.RawURLEncoding.EncodeToString(id.SignKey)
}

// Fingerprint is eight groups of four hex digits: the first 16 bytes of
// SHA-256 over a label, the age recipient and the signing key. Two IDs
// with the same fingerprint are the same ID.
func (id ID) Fingerprint() string {
	h := sha256.New()
	h.Write([]byte("inreach fingerprint v1\n"))
	h.Write([]byte(id.Recipient.String()))
	h.Write([]byte{'\n'})
	h.Write(id.SignKey)
	sum := h.Sum(nil)
	const hexd = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < 16; i++ {
		if i > 0 && i%2 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(hexd[sum[i]>>4])
		b.WriteByte(hexd[sum[i]&15])
	}
	return b.String()
}

// Equal reports whether two IDs are the same.
func (id ID) Equal(o ID) bool {
	return id.Recipient != nil && o.Recipient != nil &&
		id.Recipient.String() == o.Recipient.String() && id.SignKey.Equal(o.SignKey)
}

// ErrMalformed is wrapped by every error of ParseID.
var ErrMalformed = errors.New("this is not an Inreach ID")

// ParseID reads a one-line Inreach ID (surrounding white space ignored).
func ParseID(s string) (ID, error) {
	s = strings.TrimSpace(s)
	bad := func(why string) (ID, error) {
		return ID{}, fmt.Errorf("%w: %s (an ID starts with %q and is one line; copy it again from the sender's Settings or \"inreach id\")", ErrMalformed, why, idPrefix)
	}
	if len(s) > 300 {
		return bad("it is far too long")
	}
	if !strings.HasPrefix(s, idPrefix) {
		return bad("it does not start with " + idPrefix)
	}
	parts := strings.Split(strings.TrimPrefix(s, idPrefix), ":")
	if len(parts) != 2 {
		return bad("it does not have its two parts")
	}
	r, err := age.ParseX25519Recipient(parts[0])
	if err != nil {
		return bad("its first part is damaged")
	}
	k, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil || len(k) != ed25519.PublicKeySize {
		return bad("its second part is damaged")
	}
	return ID{Recipient: r, SignKey: ed25519.PublicKey(k)}, nil
}

// Ensure makes this vault's identity if it has none yet, and returns it.
// Call it wherever a vault is created or opened for writing (the command
// line does; the desktop app must, right after vault.Create or vault.Open);
// the caller saves the vault. A read-only open that finds no identity gets
// ErrNoIdentity from Load instead.
func Ensure(db *sql.DB) (*Identity, error) {
	id, err := Load(db)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, ErrNoIdentity) {
		return nil, err
	}
	a, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("making this vault's keys: %w", err)
	}
	_, sk, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("making this vault's keys: %w", err)
	}
	// INSERT OR IGNORE: if another writer got there first, theirs stays.
	if _, err := db.Exec(`INSERT OR IGNORE INTO identity(one, age_secret, sign_secret, created) VALUES (1, ?, ?, ?)`,
		a.String(), []byte(sk.Seed()), time.Now().UTC().Format(time.RFC3339)); err != nil {
		return nil, fmt.Errorf("storing this vault's keys: %w", err)
	}
	return Load(db)
}

// ErrNoIdentity says the vault has no keys yet (Ensure makes them).
var ErrNoIdentity = errors.New("this vault has no Inreach ID yet; open it once for writing (the app, or any command that changes it) to make one")

// Load reads this vault's identity.
func Load(db *sql.DB) (*Identity, error) {
	var ageSecret string
	var seed []byte
	err := db.QueryRow(`SELECT age_secret, sign_secret FROM identity WHERE one = 1`).Scan(&ageSecret, &seed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoIdentity
	}
	if err != nil {
		return nil, fmt.Errorf("reading this vault's keys: %w", err)
	}
	a, err := age.ParseX25519Identity(ageSecret)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, errors.New("this vault's keys are damaged")
	}
	sk := ed25519.NewKeyFromSeed(seed)
	for j := range seed {
		seed[j] = 0
	}
	return &Identity{age: a, sign: sk, pub: ID{Recipient: a.Recipient(), SignKey: sk.Public().(ed25519.PublicKey)}}, nil
}
