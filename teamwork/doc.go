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

// # For the desktop app
//
// After vault.Create and after every vault.Open for writing, call
// identity.Ensure(v.DB()) and save the vault if it made keys (identity.Load
// first tells: ErrNoIdentity). Then:
//
//   - Settings, "Your Inreach ID": identity.Load(db).Public().String() (the
//     line to copy) and .Fingerprint().
//   - Settings, team list: team.List, team.Add(db, name, idLine, role,
//     verified) (a *team.Problem or identity.ErrMalformed is a plain message
//     to show), team.SetVerified, team.Remove; team.Roles for the choice.
//   - Settings, exchange folder: Folder, SetFolder.
//   - Inbox: Inbox(db, me, Folder(db)) lists what waits (Waiting.Describe,
//     Summary for a banner); ReceiveFile(ctx, db, me, w.Path) then save;
//     a *Refusal's Message (and Fingerprint, for someone not on the team
//     list) is shown as it is; Tidy removes what was received.
//   - Supervision (practitioner): PrepareSupervision, PathInFolder, Send,
//     save. A received session is an ordinary diary session;
//     ReceivedFrom says who sent it and ChangedSinceSent which entries to
//     mark "changed since it was sent".
//   - Supervisees (supervisor): supervisees.ListPacks, GetPack (its Doc
//     holds her entries, their contacts and women, her open actions),
//     supervisees.Save, Get, List; then PrepareReply(ctx, db, sessionID),
//     PathInFolder, Send, save.
//   - Handover (a woman's page): PrepareHandover, PathInFolder, Send; then,
//     if chosen, EraseHandedOver; save.
//   - Contributions (newsletter screen): PrepareContribution to send;
//     newsletter.Store.Contributions, CheckContribution,
//     AcceptContribution, DeclineContribution in the editor's vault.
