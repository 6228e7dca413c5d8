package vault

import (
	"context"
	"database/sql"
	"fmt"
)

// A Migration moves the schema from Version-1 to Version. Versions start at 1
// and must be consecutive; the database's PRAGMA user_version records the
// last one applied.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrate applies, in order and each in its own transaction, every migration
// newer than the database's user_version. A database whose user_version is
// beyond the newest migration was made by a newer Inreach and is refused with
// ErrNewerVersion.
func Migrate(ctx context.Context, db *sql.DB, migrations []Migration) error {
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	latest := 0
	for i, m := range migrations {
		if m.Version != i+1 {
			return fmt.Errorf("migration %q has version %d, want %d", m.Name, m.Version, i+1)
		}
		latest = m.Version
	}
	if current > latest {
		return fmt.Errorf("%w: its schema is version %d, this Inreach knows up to %d", ErrNewerVersion, current, latest)
	}
	for _, m := range migrations[current:] {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			tx.Rollback()
			return fmt.Errorf("schema migration %d (%s): %w", m.Version, m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
