#!/bin/sh
# Test harness only. Writes DIR/overlay.json for `go test -overlay`: one
# extra test file in each package under test, which, when the tests run
# under wine (INREACH_UNDER_WINE=1), turns on Go's own test switch
# internal/syscall/windows.TestDeleteatFallback. wine 8 answers
# FileDispositionInformationEx with STATUS_NOT_IMPLEMENTED (0xC0000002),
# which Go's Deleteat does not expect, so without the switch os.RemoveAll
# (and so every t.TempDir clean-up) fails under wine with "Invalid
# function"; with it, Deleteat uses the older FileDispositionInformation,
# which wine has. Real Windows 10 and later need nothing, and the release
# build never uses this.
#
# The file reaches the switch with //go:linkname, so the test binaries are
# linked with -checklinkname=0 (scripts/test-windows.sh). Nothing in the
# standard library is replaced: the test build reuses every compiled
# package of the release build (make windows) from the build cache.
#   sh scripts/wine-overlay.sh DIR PACKAGE...
set -eu
dir=$1
shift
mkdir -p "$dir"
src="$(go env GOROOT)/src/internal/syscall/windows/at_windows.go"
if ! grep -q '^var TestDeleteatFallback bool' "$src"; then
	echo "wine-overlay: $src no longer has TestDeleteatFallback; see scripts/wine-overlay.sh" >&2
	exit 1
fi
json='{"Replace": {'
sep=''
for line in $(GOOS=windows go list -tags sqlite_fts5 -f '{{.Dir}}|{{.Name}}' "$@"); do
	pdir=${line%|*}
	name=${line#*|}
	f="$dir/$(echo "$pdir" | tr / _).go"
	cat >"$f" <<GO
//go:build windows

package $name

import (
	"os"
	_ "unsafe" // for go:linkname
)

//go:linkname wineDeleteatFallback internal/syscall/windows.TestDeleteatFallback
var wineDeleteatFallback bool

func init() {
	if os.Getenv("INREACH_UNDER_WINE") == "1" {
		wineDeleteatFallback = true
	}
}
GO
	json="$json$sep\"$pdir/zz_wine_deleteat_test.go\": \"$(cd "$dir" && pwd)/$(basename "$f")\""
	sep=', '
done
printf '%s}}\n' "$json" >"$dir/overlay.json"
