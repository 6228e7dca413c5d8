package cli

import (
	"time"

	"inreach/pdf"
	"inreach/privfile"
)

// writeOutput writes data to path with privfile.Write: readable only by
// the user (exports hold personal data), replaced only as a whole, and
// written so that a crash leaves nothing readable after the next start.
func writeOutput(path string, data []byte) error {
	return privfile.Write(path, data)
}

// today is the local date, YYYY-MM-DD.
func today() string { return time.Now().Format("2006-01-02") }

func writeRecoverySheet(path, key, vaultPath string) error {
	b, err := pdf.RecoverySheet(key, vaultPath, today())
	if err != nil {
		return err
	}
	return writeOutput(path, b)
}
