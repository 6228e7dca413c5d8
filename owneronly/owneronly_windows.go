//go:build windows

package owneronly

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// userSID is the SID of the user this process runs as.
func userSID() (*windows.SID, error) {
	tu, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return nil, fmt.Errorf("could not find who is running Inreach: %w", err)
	}
	return tu.User.Sid, nil
}

// attributes are the security attributes of a new file or folder: the
// current user owns it, and a protected DACL (nothing inherited from the
// folder) allows that user everything and nobody else anything. A folder's
// entry is inherited by what is made inside it.
func attributes(folder bool) (*windows.SecurityAttributes, error) {
	sid, err := userSID()
	if err != nil {
		return nil, err
	}
	inherit := ""
	if folder {
		inherit = "OICI"
	}
	sd, err := windows.SecurityDescriptorFromString("O:" + sid.String() + "D:P(A;" + inherit + ";FA;;;" + sid.String() + ")")
	if err != nil {
		return nil, fmt.Errorf("could not make the file permissions: %w", err)
	}
	return &windows.SecurityAttributes{
		Length:             uint32(unsafe.Sizeof(windows.SecurityAttributes{})),
		SecurityDescriptor: sd,
	}, nil
}

// create opens name with CreateFile, giving a file it makes the owner-only
// DACL.
func create(name string, access, disposition uint32) (*os.File, error) {
	return createWith(name, access, disposition, windows.FILE_ATTRIBUTE_NORMAL)
}

// createWith is create with CreateFile's flags and attributes.
func createWith(name string, access, disposition, flags uint32) (*os.File, error) {
	sa, err := attributes(false)
	if err != nil {
		return nil, err
	}
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	h, err := windows.CreateFile(p, access, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, sa,
		disposition, flags, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(h), name), nil
}

func createTemp(dir, pattern string) (*os.File, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	if strings.ContainsAny(pattern, `/\`) {
		return nil, &os.PathError{Op: "createtemp", Path: pattern, Err: errors.New("pattern contains path separator")}
	}
	prefix, suffix := splitPattern(pattern)
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+suffix)
		f, err := create(name, windows.GENERIC_READ|windows.GENERIC_WRITE, windows.CREATE_NEW)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		return f, err
	}
}

func openFile(name string, flag int) (*os.File, error) {
	access, disposition, err := accessFor(name, flag)
	if err != nil {
		return nil, err
	}
	return create(name, access, disposition)
}

// openNoFollow opens the link itself rather than its target
// (FILE_FLAG_OPEN_REPARSE_POINT), then refuses it if it is a reparse point
// (a symbolic link or a junction). Opening the link itself neither creates
// nor touches anything at its target.
func openNoFollow(name string, flag int) (*os.File, error) {
	access, disposition, err := accessFor(name, flag)
	if err != nil {
		return nil, err
	}
	f, err := createWith(name, access, disposition, windows.FILE_ATTRIBUTE_NORMAL|windows.FILE_FLAG_OPEN_REPARSE_POINT)
	if err != nil {
		return nil, err
	}
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(windows.Handle(f.Fd()), &info); err != nil {
		f.Close()
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	if info.FileAttributes&windows.FILE_ATTRIBUTE_REPARSE_POINT != 0 {
		f.Close()
		return nil, &os.PathError{Op: "open", Path: name, Err: ErrLink}
	}
	return f, nil
}

// accessFor turns os.OpenFile's flags into CreateFile's access and
// creation disposition.
func accessFor(name string, flag int) (access, disposition uint32, err error) {
	switch flag & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR) {
	case os.O_RDONLY:
		access = windows.GENERIC_READ
	case os.O_WRONLY:
		access = windows.GENERIC_WRITE
	default:
		access = windows.GENERIC_READ | windows.GENERIC_WRITE
	}
	if flag&os.O_APPEND != 0 {
		return 0, 0, &os.PathError{Op: "open", Path: name, Err: errors.New("O_APPEND is not supported here")}
	}
	switch {
	case flag&(os.O_CREATE|os.O_EXCL) == os.O_CREATE|os.O_EXCL:
		disposition = windows.CREATE_NEW
	case flag&(os.O_CREATE|os.O_TRUNC) == os.O_CREATE|os.O_TRUNC:
		disposition = windows.CREATE_ALWAYS
	case flag&os.O_CREATE != 0:
		disposition = windows.OPEN_ALWAYS
	case flag&os.O_TRUNC != 0:
		disposition = windows.TRUNCATE_EXISTING
	default:
		disposition = windows.OPEN_EXISTING
	}
	return access, disposition, nil
}

func mkdirAll(path string) error {
	path = filepath.Clean(path)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return nil
		}
		return &os.PathError{Op: "mkdir", Path: path, Err: windows.ERROR_DIRECTORY}
	}
	if parent := filepath.Dir(path); parent != path {
		if err := mkdirAll(parent); err != nil {
			return err
		}
	}
	sa, err := attributes(true)
	if err != nil {
		return err
	}
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return &os.PathError{Op: "mkdir", Path: path, Err: err}
	}
	if err := windows.CreateDirectory(p, sa); err != nil {
		if st, serr := os.Stat(path); serr == nil && st.IsDir() {
			return nil // made by someone else meanwhile
		}
		return &os.PathError{Op: "mkdir", Path: path, Err: err}
	}
	return nil
}

func check(path string) error {
	me, err := userSID()
	if err != nil {
		return err
	}
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.OWNER_SECURITY_INFORMATION|windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return fmt.Errorf("could not read the permissions of %s: %w", path, err)
	}
	owner, _, err := sd.Owner()
	if err != nil {
		return fmt.Errorf("could not read the owner of %s: %w", path, err)
	}
	if owner == nil || !owner.Equals(me) {
		return fmt.Errorf("%s belongs to %s, not to %s", path, name(owner), name(me))
	}
	dacl, _, err := sd.DACL()
	if err != nil || dacl == nil {
		return fmt.Errorf("%s has no access list: everyone can open it", path)
	}
	allowed := 0
	for i := 0; i < int(dacl.AceCount); i++ {
		var ace *windows.ACCESS_ALLOWED_ACE
		if err := windows.GetAce(dacl, uint32(i), &ace); err != nil {
			return fmt.Errorf("could not read the access list of %s: %w", path, err)
		}
		if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE {
			continue // deny entries take access away
		}
		sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
		if !sid.Equals(me) && !sid.IsWellKnown(windows.WinLocalSystemSid) {
			return fmt.Errorf("%s can also be opened by %s", path, name(sid))
		}
		allowed++
	}
	if allowed == 0 {
		return fmt.Errorf("%s cannot be opened even by %s", path, name(me))
	}
	return nil
}

// name is a SID's account name where Windows knows it, and the SID.
func name(sid *windows.SID) string {
	if sid == nil {
		return "nobody"
	}
	if acct, dom, _, err := sid.LookupAccount(""); err == nil {
		if dom != "" {
			acct = dom + `\` + acct
		}
		return acct + " (" + sid.String() + ")"
	}
	return sid.String()
}

// splitPattern splits a CreateTemp pattern at its last "*".
func splitPattern(pattern string) (prefix, suffix string) {
	if i := strings.LastIndex(pattern, "*"); i >= 0 {
		return pattern[:i], pattern[i+1:]
	}
	return pattern, ""
}
