#!/bin/sh
# make screenshots: runs the real app under Xvfb on a new demo vault and
# writes PNGs of its main screens to docs/screenshots/.
set -eu
cd "$(dirname "$0")/.."
OUT=${SCREENSHOT_DIR:-docs/screenshots}
TMP=$(mktemp -d)
XVFB=""
trap '[ -n "$XVFB" ] && kill $XVFB 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
export INREACH_PASSPHRASE="screenshot demo passphrase"
export INREACH_VAULT="$TMP/demo.vault"
./inreach demo --scale small --seed 7 --end today >/dev/null
# Working together: a second demo vault (Ann Lee, a supervisee) shares an
# exchange folder with the first (her supervisor, Sam Cole). Ann's first
# supervision pack is received, so the Supervisees view has it; her second
# waits in the folder, so the inbox shows it.
mkdir -m 700 "$TMP/exchange"
ANN="env INREACH_VAULT=$TMP/ann.vault ./inreach"
$ANN demo --scale small --seed 8 --end today >/dev/null 2>&1
./inreach folder "$TMP/exchange" >/dev/null 2>&1
$ANN folder "$TMP/exchange" >/dev/null 2>&1
./inreach team add "Ann Lee" "$($ANN id 2>/dev/null | head -1)" --role supervisee --verified >/dev/null 2>&1
$ANN team add "Sam Cole" "$(./inreach id 2>/dev/null | head -1)" --role supervisor --verified >/dev/null 2>&1
$ANN send supervision --for "Sam Cole" --from "$(date -d '-45 days' +%F)" --to "$(date +%F)" >/dev/null 2>&1
./inreach receive "$TMP"/exchange/*.inreach >/dev/null 2>&1
./inreach inbox --tidy >/dev/null 2>&1
$ANN send supervision --for "Sam Cole" --redact >/dev/null 2>&1
DISP=:${SCREENSHOT_DISPLAY:-98}
Xvfb "$DISP" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 1
mkdir -p "$OUT"
DISPLAY="$DISP" LANG=en_GB.UTF-8 FYNE_THEME=${FYNE_THEME:-light} XDG_CONFIG_HOME="$TMP/config" INREACH_SCREENSHOT_TOUR="$OUT" ./inreach
echo "Screenshots written to $OUT:"
ls -1 "$OUT"
