package vault

import (
	"crypto/sha256"
	"fmt"
	"strings"
)

// The recovery key is 32 random bytes written in Crockford's base32: 52
// characters for the 256 bits (the last carries 1 bit and 4 zero bits), then
// 4 characters holding the first 20 bits of SHA-256(label || key), so a
// mistyped key is reported as a typo rather than as a wrong key. The 56
// characters are shown in groups of four joined by dashes.
const (
	crockford        = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	recoveryKeyChars = 52
	recoveryChkChars = 4
	recoveryChars    = recoveryKeyChars + recoveryChkChars
	recoveryCheckTag = "inreach recovery key check v1"
)

// recoveryCheck returns the 20-bit check of a recovery key.
func recoveryCheck(key []byte) uint32 {
	h := sha256.New()
	h.Write([]byte(recoveryCheckTag))
	h.Write(key)
	s := h.Sum(nil)
	return uint32(s[0])<<12 | uint32(s[1])<<4 | uint32(s[2])>>4
}

// encodeRecoveryKey formats a 32-byte key as "XXXX-XXXX-…" (14 groups).
func encodeRecoveryKey(key []byte) string {
	syms := make([]byte, 0, recoveryChars)
	var acc uint32
	bits := 0
	for _, b := range key {
		acc = acc<<8 | uint32(b)
		bits += 8
		for bits >= 5 {
			syms = append(syms, crockford[(acc>>(bits-5))&31])
			bits -= 5
		}
	}
	if bits > 0 { // 256 = 51*5 + 1: one bit left, padded with zeros
		syms = append(syms, crockford[(acc<<(5-bits))&31])
	}
	chk := recoveryCheck(key)
	for i := recoveryChkChars - 1; i >= 0; i-- {
		syms = append(syms, crockford[(chk>>(5*i))&31])
	}
	var sb strings.Builder
	for i, c := range syms {
		if i > 0 && i%4 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// decodeRecoveryKey reads a recovery key typed in any case, with or without
// dashes and spaces; O reads as 0 and I and L as 1, as Crockford intends.
// Errors wrap ErrWrongRecoveryKey and never repeat the key.
func decodeRecoveryKey(s string) ([]byte, error) {
	vals := make([]byte, 0, recoveryChars)
	for _, r := range s {
		switch {
		case r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\r':
			continue
		}
		v := crockfordValue(r)
		if v < 0 {
			return nil, fmt.Errorf("%w: it contains a character that is not used in recovery keys", ErrWrongRecoveryKey)
		}
		vals = append(vals, byte(v))
	}
	defer wipe(vals)
	if len(vals) != recoveryChars {
		return nil, fmt.Errorf("%w: it has %d letters and digits, and a recovery key has %d", ErrWrongRecoveryKey, len(vals), recoveryChars)
	}
	key := make([]byte, 0, keyLen)
	var acc uint32
	bits := 0
	for _, v := range vals[:recoveryKeyChars] {
		acc = acc<<5 | uint32(v)
		bits += 5
		if bits >= 8 && len(key) < keyLen {
			key = append(key, byte(acc>>(bits-8)))
			bits -= 8
		}
	}
	if uint32(vals[recoveryKeyChars-1])&0xF != 0 { // the 4 padding bits
		wipe(key)
		return nil, fmt.Errorf("%w: it looks mistyped (its check characters do not match)", ErrWrongRecoveryKey)
	}
	var chk uint32
	for _, v := range vals[recoveryKeyChars:] {
		chk = chk<<5 | uint32(v)
	}
	if chk != recoveryCheck(key) {
		wipe(key)
		return nil, fmt.Errorf("%w: it looks mistyped (its check characters do not match)", ErrWrongRecoveryKey)
	}
	return key, nil
}

// crockfordValue maps one typed character to its value, or -1.
func crockfordValue(r rune) int {
	switch r {
	case 'o', 'O':
		return 0
	case 'i', 'I', 'l', 'L':
		return 1
	}
	if r >= 'a' && r <= 'z' {
		r -= 'a' - 'A'
	}
	if r > 0x7f {
		return -1
	}
	return strings.IndexByte(crockford, byte(r))
}
