package notes

import (
	"fmt"
	"inreach/schema"
	"strings"
)

// Setting keys the app uses. Other packages may add their own keys.
const (
	SettingPractitioner   = "practitioner_name"
	SettingOrganisation   = "organisation"
	SettingSupervisor     = "supervisor_name" // printed on supervision packs
	SettingLockMinutes    = "lock_timeout_minutes"
	SettingRetentionYears = "retention_years"
)

// GetSetting returns the value stored under key, or def when there is none
// (or it cannot be read).
func (s *Store) GetSetting(key, def string) string {
	var v string
	if err := s.DB.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v); err != nil {
		return def
	}
	return v
}

// SetSetting stores value under key.
func (s *Store) SetSetting(key, value string) error {
	var c schema.Checker
	if strings.TrimSpace(key) == "" {
		c.Add("Key", "A setting needs a name.")
	}
	c.Text("Value", value)
	if err := c.Err(); err != nil {
		return err
	}
	if _, err := s.DB.Exec(`INSERT INTO settings(key, value) VALUES(?,?)
		ON CONFLICT(key) DO UPDATE SET value=excluded.value`, key, value); err != nil {
		return fmt.Errorf("saving setting %q: %w", key, err)
	}
	return nil
}
