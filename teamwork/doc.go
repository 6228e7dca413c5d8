// Package teamwork turns records into sealed bundles and bundles back into
// records (shared/DESIGN.md, "Working together: sealed exchange between
// vaults"). It composes the packages that each do one job: identity (this
// vault's keys), team (who it exchanges with), bundle (sealing and opening
// one file), exchange (the interchange format and its validation), diary,
// supervisees, newsletter and report (where the records go).
//
// Sending: a Prepare function (PrepareSupervision, PrepareReply,
// PrepareHandover, PrepareContribution) builds an *Outgoing; Send seals it,
// writes the file owner-only, opens the written file again to check it,
// and records what was sent in one transaction. The caller saves the vault.
//
// Receiving: Receive checks, in order, that the bundle opens with this
// vault's identity, that its signature is good, that the sender is on the
// team list, that it is addressed to this vault, that it was not received
// before, and that its payload passes the interchange format's validation
// (the same as import), then merges it and logs the receipt in one
// transaction. Anything else is refused whole with a *Refusal; nothing is
// half-merged. The caller saves the vault once.
//
// The exchange folder (a setting) is where bundles are written and looked
// for: Inbox lists those addressed to this vault without touching those it
// cannot open; Tidy removes those already received.
package teamwork
