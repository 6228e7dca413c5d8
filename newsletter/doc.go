// Package newsletter keeps the pen-pal side of an Inreach vault: the
// correspondence log (letters, emails and calls to and from each woman) and
// the newsletter for women in custody — issues with their sections, the
// distribution list, marking an issue sent, and the safety and
// confidentiality check an issue must pass before it can be marked ready.
//
// Conventions of the whole package (the same as package notes):
//
//   - Dates are strings "YYYY-MM-DD"; an absent date is "" (NULL in the
//     database).
//   - Ids are strings. Saving a record with an empty ID gives it a new id
//     (schema.NewID) and writes it back into the struct; saving with an ID
//     inserts or updates that record.
//   - Every Save validates first. Bad input returns a ValidationError that
//     lists each problem by the Go field name ("ReplyDue",
//     "Sections[1].Body"); nothing is written when it does.
//   - A record that does not exist gives an error matching ErrNotFound.
//   - Error messages name fields, record ids and issue numbers, never the
//     text of a letter or a section.
//   - One connection: each query's rows are read and closed before the next
//     query runs, and a transaction uses its *sql.Tx for every statement.
//
// The life of an issue: it is written as a "draft"; SetStatus(id, "ready")
// runs Check and refuses while any finding remains; MarkSent (only from
// "ready") records who it went to and logs one outgoing letter per woman.
// Editing a ready issue puts it back to draft (it must be checked again);
// a sent issue can no longer be edited.
package newsletter
