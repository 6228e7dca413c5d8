#!/bin/sh
# make test-windows: the Windows builds of the test suites of every package
# except the GUI-driver ones (ui/...), run under wine64, then the smoke test
# of dist/windows/inreach.exe and its MSI (scripts/smoke-windows.sh).
# Test harness: a wine prefix with a ProcessPrng shim (scripts/wine-env.sh)
# and, for the test build only, a patched Deleteat (scripts/wine-overlay.sh).
# Tests that cannot pass under wine for a wine reason skip themselves, naming
# wine (internal/wine.Detected).
set -eu
cd "$(dirname "$0")/.."
. scripts/wine-env.sh
build=build/windows
wine_prepare "$build/bcryptprimitives.dll"
sh scripts/wine-overlay.sh "$build/overlay"

# The packages with tests, less the GUI drivers (and the main package, which
# has none).
pkgs=$(go list -tags sqlite_fts5 -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... | grep -v '^inreach/ui\(/\|$\)')

t0=$(date +%s)
rm -rf "$build/tests"
mkdir -p "$build/tests"
(
	. scripts/windows-go.sh
	# One go command for all of them: the packages build in parallel and
	# share the build cache.
	go test -c -tags sqlite_fts5 -overlay "$build/overlay/overlay.json" -o "$build/tests/" $pkgs
)
t1=$(date +%s)
echo "test-windows: test binaries built in $((t1 - t0)) s"

failed=""
root=$(pwd)
for p in $pkgs; do
	name=${p##*/}
	exe="$root/$build/tests/$name.test.exe"
	[ -f "$exe" ] || continue
	dir=".${p#inreach}"
	log="$root/$build/tests/$name.log"
	printf '%-24s ' "$p"
	s=$(date +%s)
	if (cd "$dir" && INREACH_UNDER_WINE=1 wine_run "$exe" -test.v -test.count=1 -test.timeout=20m >"$log" 2>&1); then
		res=ok
	else
		res=FAIL
		failed="$failed $p"
	fi
	pass=$(grep -c '^\(    \)*--- PASS' "$log" || true)
	fail=$(grep -c '^\(    \)*--- FAIL' "$log" || true)
	skip=$(grep -c '^\(    \)*--- SKIP' "$log" || true)
	echo "$res  $pass passed, $fail failed, $skip skipped  ($(($(date +%s) - s)) s)"
	grep -A1 '^\(    \)*--- SKIP' "$log" | grep -i 'wine' | sed 's/^ */    skipped: /' || true
done
t2=$(date +%s)
echo "test-windows: test suites ran in $((t2 - t1)) s"
if [ -n "$failed" ]; then
	for p in $failed; do
		echo "=== FAIL $p (log: $build/tests/${p##*/}.log)"
		grep -B2 -A25 '^\(    \)*--- FAIL' "$build/tests/${p##*/}.log" | head -80
	done
	exit 1
fi

sh scripts/smoke-windows.sh
echo "test-windows: all passed in $(($(date +%s) - t0)) s"
