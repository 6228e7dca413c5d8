package vault

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath returns where the vault lives when no --vault is given:
// $INREACH_VAULT if set; on Windows and macOS
// os.UserConfigDir()/Inreach/inreach.vault; elsewhere
// $XDG_DATA_HOME/inreach/inreach.vault (when XDG_DATA_HOME is an absolute
// path, as the XDG specification requires), else
// ~/.local/share/inreach/inreach.vault.
func DefaultPath() (string, error) {
	return defaultPathFor(runtime.GOOS, os.Getenv, os.UserHomeDir, os.UserConfigDir)
}

func defaultPathFor(goos string, getenv func(string) string, home, config func() (string, error)) (string, error) {
	if p := getenv("INREACH_VAULT"); p != "" {
		return p, nil
	}
	switch goos {
	case "windows", "darwin", "ios":
		dir, err := config()
		if err != nil {
			return "", errors.New("could not find the folder for the vault; set INREACH_VAULT or use --vault: " + err.Error())
		}
		return filepath.Join(dir, "Inreach", "inreach.vault"), nil
	}
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "inreach", "inreach.vault"), nil
	}
	h, err := home()
	if err != nil {
		return "", errors.New("could not find the home folder for the vault; set INREACH_VAULT or use --vault: " + err.Error())
	}
	return filepath.Join(h, ".local", "share", "inreach", "inreach.vault"), nil
}
