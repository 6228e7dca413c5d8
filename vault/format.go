package vault

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
)

const (
	magic = "INREACH-VAULT\x00\r\n"
	// What this version writes; it reads 1, 2 and 3. Format 1: one sealed
	// image. Format 2: the same, with a vault id, save counter and save
	// time in the header. Format 3: format 2's header, the image sealed in
	// chunks (the base image) and a change journal after it.
	formatVersion = 3

	// wrapADVersion is the version number in the wraps' associated data.
	// It stays 1, the version that introduced the wraps, so that a
	// format-1 file's wraps stay valid when its header is written as
	// format 2 (the recovery wrap cannot be remade without the recovery
	// key).
	wrapADVersion = 1
	vaultIDLen    = 16

	frameLen     = len(magic) + 2 + 4 // magic, version, header_len
	checksumLen  = sha256.Size
	maxHeaderLen = 64 << 10

	nonceLen   = 24
	keyLen     = 32
	wrapLen    = keyLen + 16
	minSaltLen = 16
	maxSaltLen = 32
	saltLen    = 32 // what this version writes

	// Bounds on KDF parameters, both for writing and for reading: a file
	// asking for more than Inreach itself would ever write is treated as
	// damage (or forgery) and Argon2id is never run on it. DefaultKDF is
	// 3 passes, 64 MiB, 4 lanes; the caps leave room for a stronger
	// default later without letting a file pin the machine.
	maxKDFTime      = 10
	maxKDFMemoryKiB = 256 << 10 // 256 MiB
	maxKDFThreads   = 16
	minKDFMemoryKiB = 8
)

// header is the parsed vault header (format version 1 or 2).
type header struct {
	Version uint16
	// Format 2 only (nil/zero in a format-1 file): the vault's random id,
	// which its backups carry too; the save counter, one more at every
	// save, which orders backups whatever the clock says; and the save
	// time (Unix milliseconds, informational).
	VaultID   []byte
	Seq       uint64
	SavedAt   int64
	KDF       KDFParams
	Salt      []byte
	PassNonce []byte
	PassWrap  []byte
	RecNonce  []byte
	RecWrap   []byte
	BodyNonce []byte
	BodyLen   uint64
}

// formatError is damage found while reading a file; Open turns it into a
// *DamagedError naming the file and the newest good backup.
type formatError struct{ reason string }

func (e *formatError) Error() string { return "damaged vault: " + e.reason }

func damaged(reason string) error { return &formatError{reason: reason} }

// v1Len is the length of a version 1 header with a salt of n bytes.
func v1Len(n int) int {
	return frameLen + 4 + 4 + 1 + 1 + n + nonceLen + 2 + wrapLen + nonceLen + 2 + wrapLen + nonceLen + 8 + checksumLen
}

// v2Extra is what format 2 adds to format 1: vault id, save counter, time.
const v2Extra = vaultIDLen + 8 + 8

// marshal encodes h, checksum included: as format 2 when h.Version is 2
// (what Save writes), as format 1 when it is 1 (tests write old files).
func (h *header) marshal() []byte {
	b := make([]byte, 0, v1Len(len(h.Salt))+v2Extra)
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint16(b, h.Version)
	b = binary.LittleEndian.AppendUint32(b, 0) // header_len, set below
	if h.Version >= 2 {
		id := make([]byte, vaultIDLen)
		copy(id, h.VaultID)
		b = append(b, id...)
		b = binary.LittleEndian.AppendUint64(b, h.Seq)
		b = binary.LittleEndian.AppendUint64(b, uint64(h.SavedAt))
	}
	b = binary.LittleEndian.AppendUint32(b, h.KDF.Time)
	b = binary.LittleEndian.AppendUint32(b, h.KDF.MemoryKiB)
	b = append(b, h.KDF.Threads, byte(len(h.Salt)))
	b = append(b, h.Salt...)
	b = append(b, h.PassNonce...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(h.PassWrap)))
	b = append(b, h.PassWrap...)
	b = append(b, h.RecNonce...)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(h.RecWrap)))
	b = append(b, h.RecWrap...)
	b = append(b, h.BodyNonce...)
	b = binary.LittleEndian.AppendUint64(b, h.BodyLen)
	binary.LittleEndian.PutUint32(b[len(magic)+2:], uint32(len(b)+checksumLen))
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

// clone returns a deep copy of h.
func (h *header) clone() *header {
	c := *h
	for _, p := range []*[]byte{&c.VaultID, &c.Salt, &c.PassNonce, &c.PassWrap, &c.RecNonce, &c.RecWrap, &c.BodyNonce} {
		*p = bytes.Clone(*p)
	}
	return &c
}

// parseHeader reads the header at the start of data, which may be the whole
// file or only its beginning. It returns the header and its length in bytes.
// Errors are ErrNotVault, ErrNewerVersion (wrapped) or a *formatError. It
// never panics and never trusts a length before checking it.
func parseHeader(data []byte) (*header, int, error) {
	if len(data) < len(magic) {
		if bytes.HasPrefix([]byte(magic), data) {
			return nil, 0, damaged("the file is cut short")
		}
		return nil, 0, ErrNotVault
	}
	if string(data[:len(magic)]) != magic {
		return nil, 0, ErrNotVault
	}
	if len(data) < frameLen {
		return nil, 0, damaged("the file is cut short")
	}
	version := binary.LittleEndian.Uint16(data[len(magic):])
	hlen := binary.LittleEndian.Uint32(data[len(magic)+2:])
	if hlen < uint32(frameLen+checksumLen) || hlen > maxHeaderLen {
		return nil, 0, damaged("its header has an impossible length")
	}
	n := int(hlen)
	if len(data) < n {
		return nil, 0, damaged("the file is cut short")
	}
	sum := sha256.Sum256(data[:n-checksumLen])
	if !bytes.Equal(sum[:], data[n-checksumLen:n]) {
		return nil, 0, damaged("its header does not match its checksum")
	}
	switch {
	case version == 0:
		return nil, 0, damaged("its format version is zero")
	case version > formatVersion:
		return nil, 0, fmt.Errorf("%w (file format version %d; this Inreach reads up to %d)", ErrNewerVersion, version, formatVersion)
	}
	r := reader{b: data[frameLen : n-checksumLen]}
	h := &header{Version: version}
	if version >= 2 {
		h.VaultID = r.bytes(vaultIDLen)
		h.Seq = r.u64()
		h.SavedAt = int64(r.u64())
	}
	h.KDF.Time = r.u32()
	h.KDF.MemoryKiB = r.u32()
	h.KDF.Threads = r.u8()
	sl := int(r.u8())
	if r.err == nil && (sl < minSaltLen || sl > maxSaltLen) {
		return nil, 0, damaged("its salt has an impossible length")
	}
	h.Salt = r.bytes(sl)
	h.PassNonce = r.bytes(nonceLen)
	if l := r.u16(); r.err == nil && l != wrapLen {
		return nil, 0, damaged("its passphrase key has an impossible length")
	}
	h.PassWrap = r.bytes(wrapLen)
	h.RecNonce = r.bytes(nonceLen)
	if l := r.u16(); r.err == nil && l != wrapLen {
		return nil, 0, damaged("its recovery key has an impossible length")
	}
	h.RecWrap = r.bytes(wrapLen)
	h.BodyNonce = r.bytes(nonceLen)
	h.BodyLen = r.u64()
	if r.err != nil || len(r.b) != 0 {
		return nil, 0, damaged("its header has the wrong length")
	}
	if err := h.KDF.check(); err != nil {
		return nil, 0, damaged("its key-derivation settings are impossible")
	}
	if h.BodyLen < 16 {
		return nil, 0, damaged("its contents have an impossible length")
	}
	return h, n, nil
}

// check reports whether p is within the bounds this package will run.
func (p KDFParams) check() error {
	switch {
	case p.Time < 1 || p.Time > maxKDFTime:
		return fmt.Errorf("the key-derivation time must be 1 to %d, not %d", maxKDFTime, p.Time)
	case p.Threads < 1 || p.Threads > maxKDFThreads:
		return fmt.Errorf("the key-derivation threads must be 1 to %d, not %d", maxKDFThreads, p.Threads)
	case p.MemoryKiB < minKDFMemoryKiB || p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > maxKDFMemoryKiB:
		return fmt.Errorf("the key-derivation memory must be %d KiB (8 per thread) to %d MiB, not %d KiB", max(minKDFMemoryKiB, 8*uint32(p.Threads)), maxKDFMemoryKiB>>10, p.MemoryKiB)
	}
	return nil
}

// reader reads fixed-size fields and remembers the first overrun.
type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || len(r.b) < n {
		r.err = errors.New("short")
		return nil
	}
	v := bytes.Clone(r.b[:n])
	r.b = r.b[n:]
	return v
}

func (r *reader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if b := r.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}
