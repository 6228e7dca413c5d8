#!/bin/sh
# make windows: cross-builds the Windows program and its installer.
#   dist/windows/inreach.exe   cgo (SQLite, OpenGL), -tags sqlite_fts5, with the
#                              icon, version and manifest embedded; a GUI
#                              program that attaches to the terminal's console
#                              for command-line verbs (console_windows.go)
#   dist/windows/Inreach.msi   per-user installer made with wixl
# The version, name and icon come from FyneApp.toml (tools/winpkg).
set -eu
cd "$(dirname "$0")/.."
out=dist/windows
build=build/windows/pkg
mkdir -p "$out" "$build"

t0=$(date +%s)
go run ./tools/winpkg -out "$build" -exe "$out/inreach.exe"
(cd "$build" && x86_64-w64-mingw32-windres -O coff -i inreach.rc -o rsrc.syso)
t1=$(date +%s)
# The resource object sits beside main.go only for this build (its name
# keeps it out of any other platform's build); it is removed afterwards.
syso=rsrc_windows_amd64.syso
trap 'rm -f "$syso"' EXIT INT TERM
cp "$build/rsrc.syso" "$syso"
(
	. scripts/windows-go.sh
	go build -tags sqlite_fts5 -ldflags "-H=windowsgui -s -w" -o "$out/inreach.exe" .
)
rm -f "$syso"
t2=$(date +%s)
(cd "$build" && wixl -a x64 -o Inreach.msi Inreach.wxs)
mv -f "$build/Inreach.msi" "$out/Inreach.msi"
t3=$(date +%s)
ls -l "$out/inreach.exe" "$out/Inreach.msi"
echo "make windows: resources $((t1 - t0)) s, inreach.exe $((t2 - t1)) s, Inreach.msi $((t3 - t2)) s"
