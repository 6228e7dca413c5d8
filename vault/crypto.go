package vault

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// KDFParams are the Argon2id settings that turn a passphrase into the key
// that unwraps the data key. They are stored in the vault header.
type KDFParams struct {
	Time      uint32 // passes over memory, 1..10
	MemoryKiB uint32 // memory in KiB, at least 8 per thread, at most 256 MiB
	Threads   uint8  // parallel lanes, 1..16
}

// DefaultKDF is used when Options.KDF is the zero value: about 65 ms and
// 64 MiB on the project's reference machine.
var DefaultKDF = KDFParams{Time: 3, MemoryKiB: 64 * 1024, Threads: 4}

const (
	passWrapLabel    = "inreach vault passphrase wrap v1"
	recWrapLabel     = "inreach vault recovery wrap v1"
	recoveryHKDFInfo = "inreach vault recovery wrap v1"
)

// randomBytes returns n bytes from the operating system's CSPRNG.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		// crypto/rand.Read never fails on supported platforms (Go 1.24+).
		panic(fmt.Sprintf("vault: the system random number generator failed: %v", err))
	}
	return b
}

// passphraseKey derives the passphrase wrapping key with Argon2id. The
// caller checks p and wipes the result.
func passphraseKey(passphrase, salt []byte, p KDFParams) []byte {
	return argon2.IDKey(passphrase, salt, p.Time, p.MemoryKiB, p.Threads, keyLen)
}

// recoveryWrapKey derives the recovery wrapping key from the 32-byte
// recovery key with HKDF-SHA256. The caller wipes the result.
func recoveryWrapKey(recoveryKey []byte) []byte {
	k, err := hkdf.Key(sha256.New, recoveryKey, nil, recoveryHKDFInfo, keyLen)
	if err != nil {
		panic("vault: HKDF failed: " + err.Error()) // only for impossible lengths
	}
	return k
}

// passWrapAD is the associated data of the passphrase wrap: a label, the
// frame and every KDF input, so no KDF setting can be swapped unnoticed.
func passWrapAD(h *header) []byte {
	ad := make([]byte, 0, 96)
	ad = append(ad, passWrapLabel...)
	ad = append(ad, magic...)
	ad = binary.LittleEndian.AppendUint16(ad, wrapADVersion)
	ad = binary.LittleEndian.AppendUint32(ad, h.KDF.Time)
	ad = binary.LittleEndian.AppendUint32(ad, h.KDF.MemoryKiB)
	ad = append(ad, h.KDF.Threads, byte(len(h.Salt)))
	return append(ad, h.Salt...)
}

// recWrapAD is the associated data of the recovery wrap. It leaves out the
// KDF settings and salt, which change with the passphrase.
func recWrapAD(*header) []byte {
	ad := make([]byte, 0, 64)
	ad = append(ad, recWrapLabel...)
	ad = append(ad, magic...)
	return binary.LittleEndian.AppendUint16(ad, wrapADVersion)
}

// wrap seals the data key under kek.
func wrap(kek, nonce, dataKey, ad []byte) []byte {
	a, err := chacha20poly1305.NewX(kek)
	if err != nil {
		panic("vault: bad key length") // keys are always 32 bytes
	}
	return a.Seal(nil, nonce, dataKey, ad)
}

// unwrap opens a wrapped data key; it fails when kek is not the one used.
func unwrap(kek, nonce, wrapped, ad []byte) ([]byte, error) {
	a, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, err
	}
	return a.Open(nil, nonce, wrapped, ad)
}

// seal returns the whole vault file: h (with a fresh body nonce and the body
// length set) followed by the sealed image.
func seal(dataKey []byte, h *header, image []byte) ([]byte, error) {
	a, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return nil, err
	}
	h = h.clone()
	h.BodyNonce = randomBytes(nonceLen)
	h.BodyLen = uint64(len(image) + a.Overhead())
	hb := h.marshal()
	out := make([]byte, len(hb), len(hb)+len(image)+a.Overhead())
	copy(out, hb)
	return a.Seal(out, h.BodyNonce, image, hb), nil
}

// openBody decrypts the body in place and returns the plaintext, which
// aliases body. hb is the raw header, the associated data.
func openBody(dataKey []byte, h *header, hb, body []byte) ([]byte, error) {
	a, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return nil, err
	}
	return a.Open(body[:0], h.BodyNonce, body, hb)
}

// wipe overwrites b with zeros (best effort; see the package comment).
func wipe(b []byte) {
	clear(b)
}
