#!/bin/sh
# make bench: the vault's Go benchmarks (saves of 1, 20 and 100 MB beside
# their baselines), then the whole-app report on the benchmark corpus.
# Nothing here is part of make test. Results go to docs/bench-report.md.
set -eu
cd "$(dirname "$0")/.."
SCALES=${SCALES:-decade,org}
mkdir -p docs
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
echo "== Vault save benchmarks (go test -bench) =="
go test -tags sqlite_fts5 -run '^$' -bench . -benchtime ${BENCHTIME:-10x} -timeout 60m ./vault/ | tee "$TMPD/vault-bench.txt"
echo
echo "== Corpus benchmarks ($SCALES) =="
BIN=$TMPD/inreach-bench
go build -tags sqlite_fts5 -o "$BIN" ./bench
if command -v Xvfb >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1; then
  APP="-app $(pwd)/inreach"
else
  echo "(Xvfb and xdotool are not installed: the start-up time is not measured)"
  APP=""
fi
"$BIN" -scale "$SCALES" -cache "${BENCH_CACHE:-/tmp/inreach-bench-corpus}" $APP -o docs/bench-report.md
{
  echo
  echo '## Vault save benchmarks (go test -bench ./vault/)'
  echo
  echo '```'
  grep -E '^(Benchmark|goos|goarch|cpu)' "$TMPD/vault-bench.txt" || true
  echo '```'
} >> docs/bench-report.md
echo
echo "The report is in docs/bench-report.md"
