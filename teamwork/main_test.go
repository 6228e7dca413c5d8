package teamwork_test

import (
	"os"
	"testing"

	"inreach/privfile"
)

// TestMain keeps privfile's journal of partial files out of the user's
// config folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "inreach-teamwork-state-")
	if err != nil {
		panic(err)
	}
	os.Setenv(privfile.JournalEnv, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
