#!/bin/sh
# make test-windows: the Windows builds of the test suites of every package
# except the GUI-driver ones (ui/...), run under wine64, then the smoke test
# of dist/windows/inreach.exe and its MSI (scripts/smoke-windows.sh).
# Test harness: a wine prefix with a ProcessPrng shim (scripts/wine-env.sh)
# and, for the test build only, Go's Deleteat fallback switched on under wine
# (scripts/wine-overlay.sh).
# Tests that cannot pass under wine for a wine reason skip themselves, naming
# wine (internal/wine.Detected).
set -eu
cd "$(dirname "$0")/.."
. scripts/wine-env.sh
build=build/windows
wine_prepare "$build/bcryptprimitives.dll"

# The packages with tests, less the GUI drivers (and the main package, which
# has none).
pkgs=$(go list -tags sqlite_fts5 -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... | grep -v '^inreach/ui\(/\|$\)')

t0=$(date +%s)
rm -rf "$build/overlay"
sh scripts/wine-overlay.sh "$build/overlay" $pkgs
rm -rf "$build/tests"
mkdir -p "$build/tests"
(
	. scripts/windows-go.sh
	# One go command for all of them: the packages build in parallel and
	# share the build cache.
	go test -c -tags sqlite_fts5 -overlay "$build/overlay/overlay.json" -ldflags=-checklinkname=0 -o "$build/tests/" $pkgs
)
t1=$(date +%s)
echo "test-windows: test binaries built in $((t1 - t0)) s"

# The suites run two at a time (WINE_JOBS): most of their time is wine
# starting processes and waiting on files, and the two cores of a CI
# machine are otherwise half idle. Each writes its own log; the summary
# below is printed in package order once all have run.
for p in $pkgs; do
	[ -f "$build/tests/${p##*/}.test.exe" ] && echo "$p"
done | xargs -P "${WINE_JOBS:-2}" -n 1 sh scripts/wine-suite.sh "$build/tests"

failed=""
for p in $pkgs; do
	name=${p##*/}
	[ -f "$build/tests/$name.test.exe" ] || continue
	log="$build/tests/$name.log"
	printf '%-24s ' "$p"
	if [ "$(cat "$build/tests/$name.rc" 2>/dev/null)" = 0 ]; then
		res=ok
	else
		res=FAIL
		failed="$failed $p"
	fi
	pass=$(grep -c '^\(    \)*--- PASS' "$log" || true)
	fail=$(grep -c '^\(    \)*--- FAIL' "$log" || true)
	skip=$(grep -c '^\(    \)*--- SKIP' "$log" || true)
	echo "$res  $pass passed, $fail failed, $skip skipped  ($(cat "$build/tests/$name.secs" 2>/dev/null) s)"
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
