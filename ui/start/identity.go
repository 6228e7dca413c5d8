package start

import (
	"errors"

	"inreach/identity"
	"inreach/vault"
)

// EnsureIdentity makes the vault's Inreach ID (its keys for exchanging
// bundles with the team) if it has none yet — a new vault, or one made
// before the exchange existed — and saves at once, so that the keys are
// never made twice. Call it off the UI goroutine, after vault.Create and
// after every vault.Open for writing.
func EnsureIdentity(v *vault.Vault) error {
	me, err := identity.Load(v.DB())
	if err == nil {
		me.Wipe()
		return nil
	}
	if !errors.Is(err, identity.ErrNoIdentity) {
		return err
	}
	me, err = identity.Ensure(v.DB())
	if err != nil {
		return err
	}
	me.Wipe()
	return v.Save()
}
