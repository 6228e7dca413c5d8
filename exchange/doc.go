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
// # Outcome facts (DESIGN.md "Outcomes and the evaluation's tables")
//
//   - person "ethnicity" (schema.Ethnicity) and "offence_group"
//     (schema.OffenceGroup): "not_recorded" when unknown; absent or "" on
//     input is read as "not_recorded" (files written before these fields
//     existed still import);
//   - person "previous_custodial_sentences": a whole number 0 to
//     schema.MaxPreviousSentences, or null when not known (0 means none);
//   - event "notice_days": null, or on a released event only, the days of
//     notice the service had, 0 to schema.MaxNoticeDays;
//   - event "outcome": null, or on a court_outcome event only, one of
//     schema.CourtOutcome;
//   - top-level "readings": [{"id", "person", "date", "area", "score",
//     "contact"}], area "wellbeing" or a need area (schema.ReadingArea),
//     score 1 (worst) to 10 (best), contact null or a contact's id; written
//     by date then id. A woman's own export (ExportOptions.PersonID) carries
//     her readings.
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
// # Limits and what a file may hold
//
// Read and Import refuse, naming the record and the field:
//
//   - a file larger than MaxFileBytes (256 MiB); the reading stops at the
//     limit, so a bigger file is never held in memory whole;
//   - a text field longer than schema.MaxTextBytes (1 MiB of UTF-8): the
//     reading stops inside that field, so a 50 MB note costs about 1 MiB;
//   - a one-line field (ids, references, names, pseudonyms, prison numbers,
//     enumerations, dates, times, tags, phone, email, website, and every
//     value of a list of words) longer than schema.MaxLineBytes (4 KiB), or
//     holding a tab or a line break;
//   - text that is not valid UTF-8, in raw bytes or in \u escapes (a lone
//     surrogate);
//   - NUL and every other control character (U+0000–U+001F, DEL, and
//     U+0080–U+009F) in any field, except tab, line feed and carriage return
//     in fields of several lines (notes, diary sections, summaries …);
//   - bidirectional embedding, override and isolate characters
//     (U+202A–U+202E, U+2066–U+2069) in any field;
//   - a name (of a person, an establishment, an agency) that is empty or
//     holds only white space and invisible characters (zero-width spaces and
//     joiners, byte-order marks);
//   - the same key twice in one JSON object, at any depth;
//   - a contact whose end time is before its start time;
//   - a date of birth before 1900-01-01 or after today.
//
// A UTF-8 byte-order mark at the start of the file is accepted and skipped.
// The same text rules (schema.TextProblem) apply to the app's forms.
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
