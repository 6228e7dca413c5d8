//go:build windows

package owneronly

import (
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/windows"

	"inreach/internal/wine"
)

// requireOwnerOnlyDACL reads path's security descriptor back and proves it
// is exactly: owner the current user; a protected DACL of one entry allowing
// the current user full access.
func requireOwnerOnlyDACL(t *testing.T, path string, folder bool) {
	t.Helper()

	me, err := userSID()
	require.NoError(t, err)
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
	require.NoError(t, err)
	owner, _, err := sd.Owner()
	require.NoError(t, err)
	require.True(t, owner.Equals(me), "owner %s, want %s", owner, me)
	control, _, err := sd.Control()
	require.NoError(t, err)
	require.NotZero(t, control&windows.SE_DACL_PROTECTED, "inherits nothing from its folder: %s", sd)
	dacl, _, err := sd.DACL()
	require.NoError(t, err)
	require.NotNil(t, dacl, "a nil DACL would let everyone in")
	require.Equal(t, uint16(1), dacl.AceCount, "%s", sd)
	var ace *windows.ACCESS_ALLOWED_ACE
	require.NoError(t, windows.GetAce(dacl, 0, &ace))
	require.Equal(t, uint8(windows.ACCESS_ALLOWED_ACE_TYPE), ace.Header.AceType)
	require.Equal(t, windows.ACCESS_MASK(fileAllAccess), ace.Mask)
	require.True(t, (*windows.SID)(unsafe.Pointer(&ace.SidStart)).Equals(me))
	if folder {
		require.Equal(t, uint8(windows.OBJECT_INHERIT_ACE|windows.CONTAINER_INHERIT_ACE), ace.Header.AceFlags)
	} else {
		require.Zero(t, ace.Header.AceFlags)
	}
}

func TestWindowsFilesAndFoldersCarryAnOwnerOnlyDACL(t *testing.T) {
	if wine.Detected() {
		t.Skip("wine 8 keeps no security descriptor on a file: it turns the DACL into Unix mode bits (0600 here) and reads back a DACL made from those, with SYSTEM added and no protection flag, so the exact DACL can be read back on Windows only (under wine, Check still proves nobody else is let in)")
	}
	dir := t.TempDir()
	f, err := CreateTemp(dir, "v-*")
	require.NoError(t, err)
	require.NoError(t, f.Close())
	requireOwnerOnlyDACL(t, f.Name(), false)

	l, err := OpenFile(filepath.Join(dir, "lock"), os.O_RDWR|os.O_CREATE)
	require.NoError(t, err)
	require.NoError(t, l.Close())
	requireOwnerOnlyDACL(t, filepath.Join(dir, "lock"), false)

	sub := filepath.Join(dir, "Inreach ü", "backups")
	require.NoError(t, MkdirAll(sub))
	requireOwnerOnlyDACL(t, filepath.Dir(sub), true)
	requireOwnerOnlyDACL(t, sub, true)

	// The DACL travels with the file when it is renamed into place.
	moved := filepath.Join(sub, "inreach.vault")
	require.NoError(t, os.Rename(f.Name(), moved))
	requireOwnerOnlyDACL(t, moved, false)
}

func TestWindowsCheckNamesWhoElseCanOpenAFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "open")
	require.NoError(t, os.WriteFile(p, nil, 0o600))
	sd, err := windows.SecurityDescriptorFromString("D:P(A;;FA;;;WD)") // Everyone
	require.NoError(t, err)
	dacl, _, err := sd.DACL()
	require.NoError(t, err)
	require.NoError(t, windows.SetNamedSecurityInfo(p, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil))
	err = Check(p)
	require.Error(t, err)
	require.Contains(t, err.Error(), "S-1-1-0")
}

// fileAllAccess is FILE_ALL_ACCESS (the "FA" of SDDL).
const fileAllAccess = windows.STANDARD_RIGHTS_REQUIRED | windows.SYNCHRONIZE | 0x1FF
