package vault

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDefaultPathFollowsTheEnvironmentAndPlatform(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	home := func() (string, error) { return "/home/sam", nil }
	config := func() (string, error) { return "/Users/sam/Library/Application Support", nil }

	p, err := defaultPathFor("linux", getenv, home, config)
	require.NoError(t, err)
	require.Equal(t, filepath.Join("/home/sam", ".local", "share", "inreach", "inreach.vault"), p)

	dataHome := "/data" // absolute, as filepath.IsAbs sees it on this platform
	if runtime.GOOS == "windows" {
		dataHome = `C:\data`
	}
	env["XDG_DATA_HOME"] = dataHome
	p, err = defaultPathFor("linux", getenv, home, config)
	require.NoError(t, err)
	require.Equal(t, filepath.Join(dataHome, "inreach", "inreach.vault"), p)

	env["XDG_DATA_HOME"] = "relative/ignored"
	p, err = defaultPathFor("freebsd", getenv, home, config)
	require.NoError(t, err)
	require.Equal(t, filepath.Join("/home/sam", ".local", "share", "inreach", "inreach.vault"), p)

	p, err = defaultPathFor("darwin", getenv, home, config)
	require.NoError(t, err)
	require.Equal(t, filepath.Join("/Users/sam/Library/Application Support", "Inreach", "inreach.vault"), p)
	p, err = defaultPathFor("windows", getenv, home, config)
	require.NoError(t, err)
	require.Equal(t, filepath.Join("/Users/sam/Library/Application Support", "Inreach", "inreach.vault"), p)

	env["INREACH_VAULT"] = "/elsewhere/mine.vault"
	for _, goos := range []string{"linux", "darwin", "windows"} {
		p, err = defaultPathFor(goos, getenv, home, config)
		require.NoError(t, err)
		require.Equal(t, "/elsewhere/mine.vault", p)
	}

	delete(env, "INREACH_VAULT")
	delete(env, "XDG_DATA_HOME")
	_, err = defaultPathFor("linux", getenv, func() (string, error) { return "", errors.New("no home") }, config)
	require.ErrorContains(t, err, "INREACH_VAULT")
}

func TestDefaultPathUsesINREACH_VAULT(t *testing.T) {
	t.Setenv("INREACH_VAULT", "/tmp/x/inreach.vault")
	p, err := DefaultPath()
	require.NoError(t, err)
	require.Equal(t, "/tmp/x/inreach.vault", p)
}

func TestExists(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "inreach.vault")
	require.False(t, Exists(p))
	require.NoError(t, os.WriteFile(p, nil, 0o600))
	require.True(t, Exists(p))
	require.True(t, Exists(dir), "a folder in the way counts")
	require.False(t, Exists(filepath.Join(dir, "missing", "inreach.vault")))
}
