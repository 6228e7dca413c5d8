package exchange

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Counts says how many records of one kind an import added and replaced.
type Counts struct {
	Added    int
	Replaced int
}

// ImportResult counts what Import did, per record kind.
type ImportResult struct {
	Establishments Counts
	Agencies       Counts
	People         Counts
	Contacts       Counts
	Actions        Counts
	Events         Counts
	Diary          Counts
	Supervision    Counts
	Letters        Counts
	Newsletters    Counts
	Readings       Counts
	// NeedsOpened is how many open needs were added to women's records
	// because a contact in the file discussed an area she had no need in
	// (doc.go, "Needs discussed at contacts"). They are not in Total.
	NeedsOpened int
}

// Total is the number of records added and replaced over all kinds.
func (r ImportResult) Total() Counts {
	var t Counts
	for _, c := range r.list() {
		t.Added += c.c.Added
		t.Replaced += c.c.Replaced
	}
	return t
}

type namedCounts struct {
	name string
	c    Counts
}

func (r ImportResult) list() []namedCounts {
	return []namedCounts{
		{"establishments", r.Establishments}, {"agencies", r.Agencies}, {"people", r.People},
		{"contacts", r.Contacts}, {"actions", r.Actions}, {"events", r.Events},
		{"diary entries", r.Diary}, {"supervision sessions", r.Supervision},
		{"letters", r.Letters}, {"newsletters", r.Newsletters}, {"readings", r.Readings},
	}
}

// String reads, for example, "people: 25 added, 1 replaced; contacts: 80
// added" (kinds with nothing are left out).
func (r ImportResult) String() string {
	var parts []string
	for _, c := range r.list() {
		if c.c.Added == 0 && c.c.Replaced == 0 {
			continue
		}
		s := fmt.Sprintf("%s: %d added", c.name, c.c.Added)
		if c.c.Replaced > 0 {
			s += fmt.Sprintf(", %d replaced", c.c.Replaced)
		}
		parts = append(parts, s)
	}
	if r.NeedsOpened > 0 {
		parts = append(parts, fmt.Sprintf("open needs added from needs discussed at contacts: %d", r.NeedsOpened))
	}
	if len(parts) == 0 {
		return "nothing to import"
	}
	return strings.Join(parts, "; ")
}

// Import merges d into the vault database db. It first validates everything
// (format and version, ids present and unique per kind, every enumeration
// value, every date and time, every reference present in d or already in
// the vault, names not empty) and returns *ImportErrors if anything is
// wrong. Then, in one transaction, it inserts each record or replaces the
// record with the same id; a replaced record's children (needs, per-woman
// rows, sections, entries, enclosures …) are replaced by the file's. Records
// in the vault that the file does not mention are kept. On any error nothing
// is changed.
//
// A replaced record is updated in place, never deleted and re-inserted, so
// records that point at it (her contacts, letters …) are kept. A large file
// (300 records or more) rebuilds the search index once at the end instead of
// record by record (see bulk.go).
//
// Cancelling ctx stops the import and rolls it back. The transaction itself
// is deliberately not bound to ctx: database/sql throws away the connection
// of a transaction whose context ends, and the vault's in-memory database
// exists only on that one connection.
func Import(ctx context.Context, db *sql.DB, d *Document) (ImportResult, error) {
	if d == nil {
		return ImportResult{}, errors.New("no document to import")
	}
	// The transaction is not tied to ctx: database/sql discards the
	// connection of a transaction whose context ends, and the vault's
	// in-memory database lives on that one connection. ctx still stops
	// the statements, and the transaction is then rolled back normally.
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		return ImportResult{}, fmt.Errorf("starting the import: %w", err)
	}
	defer tx.Rollback()
	res, err := ImportTx(ctx, tx, d)
	if err != nil {
		return ImportResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return ImportResult{}, fmt.Errorf("saving the import: %w", err)
	}
	return res, nil
}

// ImportTx is Import inside the caller's transaction (a received bundle is
// merged with its receipt in one transaction). On an error the caller
// must roll back; nothing it wrote is then kept.
func ImportTx(ctx context.Context, tx *sql.Tx, d *Document) (ImportResult, error) {
	if d == nil {
		return ImportResult{}, errors.New("no document to import")
	}
	if err := validate(ctx, tx, d); err != nil {
		return ImportResult{}, err
	}
	var saved []savedTrigger
	var err error
	if recordCount(d) >= bulkThreshold {
		if saved, err = suspendSearchTriggers(ctx, tx); err != nil {
			return ImportResult{}, err
		}
	}
	w := &writer{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
	defer w.close()
	res, err := w.document(d)
	if err != nil {
		return ImportResult{}, err
	}
	w.close()
	if err := restoreSearchTriggers(ctx, tx, saved); err != nil {
		return ImportResult{}, err
	}
	return res, nil
}
