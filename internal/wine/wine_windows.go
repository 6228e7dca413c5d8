package wine

import "golang.org/x/sys/windows"

// wine's ntdll exports wine_get_version; Windows' does not.
func detected() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}
