package identity

import "crypto/ed25519"

// Verify reports whether sig is id's signature over msg.
func (id ID) Verify(msg, sig []byte) bool { return verify(id, msg, sig) }

func verify(id ID, msg, sig []byte) bool {
	return len(id.SignKey) == ed25519.PublicKeySize && ed25519.Verify(id.SignKey, msg, sig)
}
