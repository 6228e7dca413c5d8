package vault

// SealedCopy returns the working database (including unsaved changes)
// sealed with the vault's keys, as WriteBackup would write it: the bytes of
// a vault file that opens with the same passphrase and recovery key. It
// lets a caller write the copy through its own file writer (the command
// line's backup -o uses privfile, so that a copy cut off halfway is
// removed at the next start). It works on read-only vaults too.
func (v *Vault) SealedCopy() ([]byte, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed.Load() {
		return nil, ErrClosed
	}
	sealed, _, err := v.sealed()
	return sealed, err
}
