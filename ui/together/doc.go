// Package together holds the desktop screens of working together (sealed
// bundles between vaults, shared/DESIGN.md): the Settings cards for this
// vault's Inreach ID, the team list and the exchange folder; the inbox
// banner that lists bundles waiting in the exchange folder and receives
// them; and the choice of a colleague from the team list that the
// supervision, handover and contribution dialogs share. The rules are the
// domain's (identity, team, teamwork): these screens only show its plain
// messages.
package together
