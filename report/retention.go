package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"inreach/schema"
)

// SettingRetentionYears is the settings key holding how many years a
// closed record is kept before it comes up for review.
const SettingRetentionYears = "retention_years"

// DefaultRetentionYears is used when the setting is absent.
const DefaultRetentionYears = 6

// A RetentionItem is a closed record past its retention period.
type RetentionItem struct {
	PersonID  string
	Name      string
	Pseudonym string
	ClosedOn  string
	DueOn     string // closed_on plus the retention years
	// Note is why the record is being kept ("" if nobody has said): a
	// record with a note is kept; one without should be erased or given a
	// reason.
	Note string
}

// RetentionYears reads the retention setting (DefaultRetentionYears if it
// is not set).
func RetentionYears(ctx context.Context, db *sql.DB) (int, error) {
	var v string
	err := db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, SettingRetentionYears).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultRetentionYears, nil
	}
	if err != nil {
		return 0, fmt.Errorf("reading the retention setting: %w", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("setting %s: %q is not a whole number of years", SettingRetentionYears, v)
	}
	return n, nil
}

// SetRetentionYears stores the retention setting (1 to 100 years).
func SetRetentionYears(ctx context.Context, db *sql.DB, years int) error {
	if years < 1 || years > 100 {
		return fmt.Errorf("retention years: give a number of years from 1 to 100 (not %d)", years)
	}
	_, err := db.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, SettingRetentionYears, strconv.Itoa(years))
	if err != nil {
		return fmt.Errorf("saving the retention setting: %w", err)
	}
	return nil
}

// RetentionReview lists the closed records (closed_on set) whose closed_on
// plus the retention years is on or before today ("YYYY-MM-DD"), oldest
// first, with the reason each is kept, if one was given.
func RetentionReview(ctx context.Context, db *sql.DB, today string) ([]RetentionItem, error) {
	now, err := schema.ParseDate(today)
	if err != nil {
		return nil, fmt.Errorf("today: %w", err)
	}
	years, err := RetentionYears(ctx, db)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, `SELECT id, name, pseudonym, closed_on, retention_note FROM people
		WHERE closed_on IS NOT NULL ORDER BY closed_on, name, id`)
	if err != nil {
		return nil, fmt.Errorf("reading closed records: %w", err)
	}
	var out []RetentionItem
	for rows.Next() {
		var it RetentionItem
		if err := rows.Scan(&it.PersonID, &it.Name, &it.Pseudonym, &it.ClosedOn, &it.Note); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading closed records: %w", err)
		}
		closed, err := schema.ParseDate(it.ClosedOn)
		if err != nil {
			continue // a bad date cannot be reviewed; the record checks report it
		}
		due := closed.AddDate(years, 0, 0)
		if due.After(now) {
			continue
		}
		it.DueOn = due.Format(schema.DateLayout)
		out = append(out, it)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("reading closed records: %w", err)
	}
	return out, nil
}

// KeepWithReason records why a closed record is kept past the retention
// period (it sets people.retention_note). The reason must be said.
func KeepWithReason(ctx context.Context, db *sql.DB, personID, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return errors.New("reason: say why her record is being kept")
	}
	res, err := db.ExecContext(ctx, `UPDATE people SET retention_note = ? WHERE id = ?`, reason, personID)
	if err != nil {
		return fmt.Errorf("saving the reason for keeping person %s: %w", personID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("person %s: %w", personID, ErrPersonNotFound)
	}
	return nil
}
