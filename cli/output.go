package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"inreach/owneronly"
	"inreach/pdf"
)

// writeOutput writes data to path through a temporary file in the same
// folder, fsynced and renamed, readable only by the user (exports hold
// personal data): mode 0600 on Unix, an owner-only DACL on Windows. An existing file is replaced only as a whole.
func writeOutput(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := owneronly.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	ok = true
	return nil
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
