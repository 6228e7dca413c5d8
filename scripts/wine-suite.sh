#!/bin/sh
# Test harness only, called by scripts/test-windows.sh: runs the Windows
# test binary of one package under wine64 in the package's folder, writing
# DIR/<name>.log, <name>.rc (its exit status) and <name>.secs (wall time).
#   sh scripts/wine-suite.sh DIR inreach/vault
set -u
tests=$1
p=$2
root=$(pwd)
. scripts/wine-env.sh
name=${p##*/}
exe="$root/$tests/$name.test.exe"
log="$root/$tests/$name.log"
dir=".${p#inreach}"
s=$(date +%s)
(cd "$dir" && INREACH_UNDER_WINE=1 wine_run "$exe" -test.v -test.count=1 -test.timeout=20m >"$log" 2>&1)
echo $? >"$root/$tests/$name.rc"
echo $(($(date +%s) - s)) >"$root/$tests/$name.secs"
