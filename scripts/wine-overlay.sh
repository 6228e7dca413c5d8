#!/bin/sh
# Test harness only. Writes DIR/overlay.json for `go test -overlay`: a copy of
# the installed Go's internal/syscall/windows/at_windows.go in which Deleteat
# also falls back when the system answers FileDispositionInformationEx with
# STATUS_NOT_IMPLEMENTED (0xC0000002), as wine 8 does. Without it,
# os.RemoveAll (and so every t.TempDir clean-up) fails under wine with
# "Invalid function". Real Windows 10 and later need nothing; the release
# build never uses this.
set -eu
dir=$1
src="$(go env GOROOT)/src/internal/syscall/windows/at_windows.go"
mkdir -p "$dir"
out="$dir/at_windows.go"
sed 's|^\(\t\tSTATUS_NOT_SUPPORTED\): *\(//.*\)$|\1, \2\n\t\tNTStatus(0xC0000002): // wine 8 answers STATUS_NOT_IMPLEMENTED (test harness only)|' "$src" >"$out"
if ! grep -q 'NTStatus(0xC0000002)' "$out"; then
	echo "wine-overlay: $src has changed; could not patch Deleteat's fallback cases" >&2
	exit 1
fi
gofmt -w "$out" # so that make test's gofmt check passes over build/ too
printf '{"Replace": {"%s": "%s"}}\n' "$src" "$(cd "$dir" && pwd)/at_windows.go" >"$dir/overlay.json"
