package vault

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"testing"
)

// FuzzParseHeader feeds arbitrary bytes to the header parser: it must never
// panic, must fail only with ErrNotVault, ErrNewerVersion or a damage error,
// and whatever it accepts must encode back to exactly the bytes it read.
// Each input is also tried with its checksum recomputed, so the fuzzer
// reaches the field parsing behind the checksum. Seeds are in
// testdata/fuzz/FuzzParseHeader (valid headers and broken ones).
func FuzzParseHeader(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data)
		if fixed := withChecksum(data); fixed != nil {
			checkParse(t, fixed)
		}
	})
}

func checkParse(t *testing.T, data []byte) {
	h, n, err := parseHeader(data)
	if err != nil {
		var fe *formatError
		if !errors.Is(err, ErrNotVault) && !errors.Is(err, ErrNewerVersion) && !errors.As(err, &fe) {
			t.Fatalf("unexpected kind of error: %v", err)
		}
		if h != nil {
			t.Fatal("a header came back with an error")
		}
		return
	}
	if n > len(data) || n > maxHeaderLen {
		t.Fatalf("header length %d beyond the %d bytes given", n, len(data))
	}
	if !bytes.Equal(h.marshal(), data[:n]) {
		t.Fatal("the accepted header does not encode back to its bytes")
	}
	if h.KDF.check() != nil {
		t.Fatalf("absurd KDF settings accepted: %+v", h.KDF)
	}
}

// withChecksum returns a copy of data with the header checksum made right,
// or nil when data has no plausible frame.
func withChecksum(data []byte) []byte {
	if len(data) < frameLen+checksumLen || !bytes.HasPrefix(data, []byte(magic)) {
		return nil
	}
	n := int(binary.LittleEndian.Uint32(data[len(magic)+2:]))
	if n < frameLen+checksumLen || n > len(data) {
		return nil
	}
	out := bytes.Clone(data)
	sum := sha256.Sum256(out[:n-checksumLen])
	copy(out[n-checksumLen:], sum[:])
	return out
}
