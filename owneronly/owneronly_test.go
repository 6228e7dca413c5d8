package owneronly

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/internal/wine"
)

func TestCreateTempMakesAFileOnlyTheOwnerCanOpen(t *testing.T) {
	dir := t.TempDir()
	f, err := CreateTemp(dir, ".export.pdf.*.tmp")
	require.NoError(t, err)
	_, err = f.Write([]byte("personal data"))
	require.NoError(t, err)
	require.NoError(t, f.Sync())
	require.NoError(t, f.Close())

	require.NoError(t, Check(f.Name()))
	require.Equal(t, dir, filepath.Dir(f.Name()))
	base := filepath.Base(f.Name())
	require.Regexp(t, `^\.export\.pdf\.[0-9]+\.tmp$`, base)
	b, err := os.ReadFile(f.Name())
	require.NoError(t, err)
	require.Equal(t, "personal data", string(b))
}

func TestCreateTempNeverReusesAName(t *testing.T) {
	dir := t.TempDir()
	seen := map[string]bool{}
	for i := 0; i < 50; i++ {
		f, err := CreateTemp(dir, "x-*")
		require.NoError(t, err)
		require.False(t, seen[f.Name()], "%s made twice", f.Name())
		seen[f.Name()] = true
		require.NoError(t, f.Close())
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 50)
}

func TestCheckNoticesAFileOthersCanOpen(t *testing.T) {
	// os.WriteFile leaves the file open to others: 0644 after the usual
	// umask on Unix; on Windows, the folder's inherited access list.
	p := filepath.Join(t.TempDir(), "shared.txt")
	require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
	require.NoError(t, os.Chmod(p, 0o644)) // whatever the umask
	require.Error(t, Check(p))
}

func TestMkdirAllMakesOwnerOnlyFoldersAndLeavesExistingOnesAlone(t *testing.T) {
	base := t.TempDir()
	open := filepath.Join(base, "open")
	require.NoError(t, os.Mkdir(open, 0o755))
	require.NoError(t, os.Chmod(open, 0o755))
	before := Check(open)
	require.Error(t, before, "a plain folder is open to others")

	deep := filepath.Join(open, "Inreach", "backups")
	require.NoError(t, MkdirAll(deep))
	require.NoError(t, Check(filepath.Join(open, "Inreach")))
	require.NoError(t, Check(deep))
	require.Equal(t, before.Error(), Check(open).Error(), "the existing folder is unchanged")

	require.NoError(t, MkdirAll(deep), "an existing folder is fine")
	f := filepath.Join(deep, "file")
	require.NoError(t, os.WriteFile(f, nil, 0o600))
	require.Error(t, MkdirAll(f), "a file is not a folder")
}

func TestOpenFileCreatesOwnerOnlyButLeavesAnExistingFileAsItIs(t *testing.T) {
	dir := t.TempDir()
	lock := filepath.Join(dir, "inreach.vault.lock")
	f, err := OpenFile(lock, os.O_RDWR|os.O_CREATE)
	require.NoError(t, err)
	_, err = f.WriteString("1234")
	require.NoError(t, err)
	require.NoError(t, f.Close())
	require.NoError(t, Check(lock))

	f, err = OpenFile(lock, os.O_RDWR|os.O_CREATE)
	require.NoError(t, err)
	b := make([]byte, 4)
	_, err = f.ReadAt(b, 0)
	require.NoError(t, err)
	require.Equal(t, "1234", string(b), "opening an existing file keeps its contents")
	require.NoError(t, f.Close())

	shared := filepath.Join(dir, "shared")
	require.NoError(t, os.WriteFile(shared, []byte("keep"), 0o644))
	require.NoError(t, os.Chmod(shared, 0o644))
	before := Check(shared)
	require.Error(t, before)
	f, err = OpenFile(shared, os.O_RDWR|os.O_CREATE)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	require.Equal(t, before.Error(), Check(shared).Error(), "an existing file keeps its permissions")

	n, err := OpenFile(filepath.Join(dir, "new"), os.O_RDWR|os.O_CREATE|os.O_EXCL)
	require.NoError(t, err)
	require.NoError(t, n.Close())
	_, err = OpenFile(filepath.Join(dir, "new"), os.O_RDWR|os.O_CREATE|os.O_EXCL)
	require.ErrorIs(t, err, os.ErrExist)
	_, err = OpenFile(filepath.Join(dir, "missing"), os.O_RDONLY)
	require.ErrorIs(t, err, os.ErrNotExist)
}

// OpenNoFollow opens or makes an ordinary file like OpenFile, but refuses a
// symbolic link at the name, whether it points at a file or nowhere, and
// touches nothing at the link's target.
func TestOpenNoFollowRefusesALinkAndLeavesItsTargetAlone(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.lock")
	f, err := OpenNoFollow(plain, os.O_RDWR|os.O_CREATE)
	require.NoError(t, err, "an ordinary new file is made")
	require.NoError(t, f.Close())
	require.NoError(t, Check(plain))
	f, err = OpenNoFollow(plain, os.O_RDWR|os.O_CREATE)
	require.NoError(t, err, "and opened again")
	require.NoError(t, f.Close())

	if wine.Detected() {
		t.Skip("wine 8's CreateSymbolicLink reports success but makes no link")
	}
	victim := filepath.Join(dir, "precious.txt")
	require.NoError(t, os.WriteFile(victim, []byte("do not touch"), 0o600))
	link := filepath.Join(dir, "planted.lock")
	if err := os.Symlink(victim, link); err != nil && runtime.GOOS == "windows" {
		t.Skipf("this Windows account cannot make symbolic links: %v", err)
	} else {
		require.NoError(t, err)
	}
	_, err = OpenNoFollow(link, os.O_RDWR|os.O_CREATE|os.O_TRUNC)
	require.ErrorIs(t, err, ErrLink)
	got, err := os.ReadFile(victim)
	require.NoError(t, err)
	require.Equal(t, "do not touch", string(got), "the target is not truncated")

	nowhere := filepath.Join(dir, "made-through-the-link")
	dangling := filepath.Join(dir, "dangling.lock")
	require.NoError(t, os.Symlink(nowhere, dangling))
	_, err = OpenNoFollow(dangling, os.O_RDWR|os.O_CREATE)
	require.ErrorIs(t, err, ErrLink)
	require.NoFileExists(t, nowhere, "nothing is made at a dangling link's target")
}
