package exchange

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// The search index (schema v2) is kept right by triggers that rebuild a
// record's search document whenever the record or one of its child rows
// changes. For a large import that is slow (a diary entry's document is
// rebuilt once per section and tag), so a large import sets the search
// triggers aside inside its transaction, writes, puts them back exactly as
// they were and rebuilds the whole index once with schema.SearchRebuildSQL
// (less its final optimize, see optimizeSQL).
// Because all of it happens in the import's one transaction, a failure
// leaves triggers, index and records as they were.

// bulkThreshold is the number of records from which an import rebuilds the
// search index once instead of letting the triggers do it per row.
const bulkThreshold = 300

type savedTrigger struct{ name, sql string }

func recordCount(d *Document) int {
	return len(d.Establishments) + len(d.Agencies) + len(d.People) + len(d.Contacts) + len(d.Actions) +
		len(d.Events) + len(d.Diary) + len(d.Supervision) + len(d.Letters) + len(d.Newsletters) + len(d.Readings)
}

// suspendSearchTriggers drops the search-index triggers (if the schema has
// them) and returns their definitions.
func suspendSearchTriggers(ctx context.Context, tx *sql.Tx) ([]savedTrigger, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'trigger' AND name LIKE 'search\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("reading the search triggers: %w", err)
	}
	var saved []savedTrigger
	for rows.Next() {
		var t savedTrigger
		if err := rows.Scan(&t.name, &t.sql); err != nil {
			rows.Close()
			return nil, err
		}
		saved = append(saved, t)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, err
	}
	rows.Close()
	for _, t := range saved {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER "`+t.name+`"`); err != nil {
			return nil, fmt.Errorf("setting the search triggers aside: %w", err)
		}
	}
	return saved, nil
}

// restoreSearchTriggers puts the triggers back and rebuilds the index.
func restoreSearchTriggers(ctx context.Context, tx *sql.Tx, saved []savedTrigger) error {
	if len(saved) == 0 {
		return nil
	}
	for _, t := range saved {
		if _, err := tx.ExecContext(ctx, t.sql); err != nil {
			return fmt.Errorf("restoring the search triggers: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, rebuildWithoutOptimize()); err != nil {
		return fmt.Errorf("rebuilding the search index: %w", err)
	}
	return nil
}

// optimizeSQL is the last statement of schema.SearchRebuildSQL: it merges
// the index into one segment, which frees the pages of the old segments.
// Right after a bulk import those free pages would be about a fifth of the
// database (6 MB of 37 for the decade corpus), sealed into every save until
// a VACUUM, so the import leaves the merging to FTS5's automerge as the
// triggers do. If the rebuild SQL ever changes shape, it runs as it is.
const optimizeSQL = "INSERT INTO search_index(search_index) VALUES('optimize');"

func rebuildWithoutOptimize() string {
	return strings.Replace(schema.SearchRebuildSQL, optimizeSQL, "", 1)
}
