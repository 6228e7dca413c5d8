// Package exchange reads and writes Inreach's JSON interchange format
// (shared/DESIGN.md, "The interchange format (JSON)") and moves documents in
// and out of a vault database (the record tables of schema v1; the search
// index of later migrations is kept right by the import).
//
// The format is lossless: Export, then Import into an empty vault, then
// Export again gives the same document apart from "exported_at".
//
// # Inreach's extensions to DESIGN.md's format
//
// Schema v1 keeps a few things the DESIGN.md example does not show. The
// export carries them so that the round trip loses nothing:
//
//   - person "retention_note": why a closed record past the retention period
//     is being kept ("" when none);
//   - person "release_plan": the release-day checklist,
//     [{"item": "housing", "done": true, "note": ""}], item one of
//     schema.ReleasePlanItem, each item at most once, written in the
//     checklist's order;
//   - contact "place": free-text place when there is no establishment (the
//     gate, the station); contact "logistics" is null when none were recorded;
//   - contact person "booked": whether she was booked in advance (true when
//     the field is absent, as the database's default);
//   - supervision "comments": the supervisor's comment on each discussed
//     entry, {"d1": "…"}, keyed by diary id; only non-empty comments are
//     written, and every key must be one of the session's "entries";
//   - newsletter "checklist": the prison-mail checks ticked for an issue,
//     ["plain_paper", …], values of schema.NewsletterCheck, in the checklist's
//     order.
//
// Settings and autosaved drafts are never exported.
//
// # Needs discussed at contacts
//
// A need discussed with a woman at a contact reaches her record, as it does
// when a contact is saved in the app (notes.Store.SaveContactOpeningNeeds):
// on import, every area in a contact person's "needs_discussed" that is not
// among her needs at all — neither in the file's record of her nor, when
// she is not in the file, in the vault — is added to her needs as
// {"area": …, "status": "open", "note": ""}, after her other needs, in the
// order the file's contacts discuss them. A need she has, whatever its
// status, is kept exactly as the file (or the vault) says: the file's need
// status is newer than its contacts, so a met or declined need is not
// reopened by an old contact. ImportResult.NeedsOpened counts the needs
// added. A file exported by Inreach already holds these needs, so its round
// trip is unchanged.
//
// # Conventions
//
//   - Lists are never null in what Export and Write produce (an empty list
//     is []); on input a null list is read as empty.
//   - Optional dates and optional references (a person's establishment, an
//     action's contact …) are null when absent. On input "" is also read as
//     absent. Required dates must be real YYYY-MM-DD days (schema.ParseDate).
//   - Times are "HH:MM" on the 24-hour clock or "".
//   - A wellbeing score is a whole number from 0 to 10, or null.
//   - Diary "sections" is an object whose keys are the template's section
//     keys (visit_reflection: visit_detail, staff_reflection,
//     positive_outcome, negative_outcome, learning; gibbs: description,
//     feelings, evaluation, analysis, conclusion, action_plan), written in
//     the template's order.
//   - Records are written in a stable order: by date then id for dated
//     records (contacts by date, start time, id; actions by due date, undated
//     last, then id), by name then id for the rest. Children keep their order.
//
// # Errors
//
// Read and Import refuse a bad file as a whole with *ImportErrors, a list of
// problems each naming the record kind and position, its id and the field,
// for example:
//
//	people[3] (id "p7"): release_date "2025-02-30" is not a date: that day does not exist
//
// Messages never repeat the text of a note. Import validates everything
// before it writes anything, and writes in one transaction: on any error the
// database is left exactly as it was.
package exchange
