//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// AttachConsole is not in golang.org/x/sys/windows.
var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

// attachConsole gives a command-line verb somewhere to print.
//
// inreach.exe is linked as a Windows GUI program (-H windowsgui), so that the
// desktop app, started from the Start menu, opens no console window beside
// it. Windows gives such a program no console, so when a verb is run from a
// terminal its output would go nowhere: attach to the console of the
// terminal that started us, and use it for each standard stream the caller
// did not redirect (a redirected stream, a file or a pipe, as in scripts and
// deployment tools, is used as it is).
func attachConsole() {
	missing := func(h windows.Handle) bool { return h == 0 || h == windows.InvalidHandle }
	in, _ := windows.GetStdHandle(windows.STD_INPUT_HANDLE)
	out, _ := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE)
	errh, _ := windows.GetStdHandle(windows.STD_ERROR_HANDLE)
	if !missing(in) && !missing(out) && !missing(errh) {
		return
	}
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return // not started from a terminal
	}
	open := func(name string, access uint32) *os.File {
		p, _ := windows.UTF16PtrFromString(name)
		h, err := windows.CreateFile(p, access, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
		if err != nil {
			return nil
		}
		return os.NewFile(uintptr(h), name)
	}
	rw := uint32(windows.GENERIC_READ | windows.GENERIC_WRITE)
	if missing(in) {
		if f := open("CONIN$", rw); f != nil {
			os.Stdin = f
			windows.SetStdHandle(windows.STD_INPUT_HANDLE, windows.Handle(f.Fd()))
		}
	}
	if missing(out) {
		if f := open("CONOUT$", rw); f != nil {
			os.Stdout = f
			windows.SetStdHandle(windows.STD_OUTPUT_HANDLE, windows.Handle(f.Fd()))
		}
	}
	if missing(errh) {
		if f := open("CONOUT$", rw); f != nil {
			os.Stderr = f
			windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(f.Fd()))
		}
	}
}
